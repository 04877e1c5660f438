"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.Network = exports.DEFAULTS = exports.NETWORK_TYPE = void 0;
exports.validateCidr = validateCidr;
const gcp = __importStar(require("@pulumi/gcp"));
const pulumi = __importStar(require("@pulumi/pulumi"));
const errors_1 = require("../shared/errors");
const naming_1 = require("../shared/naming");
const transform_1 = require("../shared/transform");
/** Type token of {@link Network}. */
exports.NETWORK_TYPE = "platform:network:Network";
/** Defaults of {@link NetworkArgs}. */
exports.DEFAULTS = {
    subnetCidr: "10.8.0.0/24",
    privateServiceRange: { address: "10.100.0.0", prefixLength: 20 },
};
/**
 * Validates a CIDR / range; returns the problems.
 *
 * @example
 * ```ts
 * validateCidr("subnetCidr", "10.8.0.0/33"); // ["subnetCidr: prefix length must be 8–29, got 33"]
 * ```
 */
function validateCidr(field, cidr) {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
    if (!m)
        return [`${field} must be an IPv4 CIDR such as 10.8.0.0/24, got ${JSON.stringify(cidr)}`];
    if (m.slice(1, 5).some((o) => Number(o) > 255))
        return [`${field}: octets must be 0–255, got ${cidr}`];
    const prefix = Number(m[5]);
    if (prefix < 8 || prefix > 29)
        return [`${field}: prefix length must be 8–29, got ${prefix}`];
    const [a, b] = [Number(m[1]), Number(m[2])];
    const rfc1918 = a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
    return rfc1918 ? [] : [`${field} must be a private (RFC 1918) range, got ${cidr}`];
}
/**
 * The private network every other component lives on: a custom-mode VPC, a subnet with Private
 * Google Access and flow logs for Cloud Run direct VPC egress, and a Private Service Access
 * peering so Cloud SQL and Memorystore get private IPs only.
 *
 * ### Cost
 * VPC, subnet and peering are free; flow logs are billed as log ingestion (sampled at 50 %).
 *
 * @example
 * ```ts
 * const net = new Network("net", { ctx });
 * new PostgresWithBackups("db", { ctx, network: net.networkId, dependsOn: [net.privateServiceAccess] });
 * ```
 */
class Network extends pulumi.ComponentResource {
    /** VPC id. */
    networkId;
    /** Subnet id for direct VPC egress. */
    subnetworkId;
    /** The Private Service Access connection; depend on it before creating private-IP services. */
    privateServiceAccess;
    constructor(name, args, opts) {
        super(exports.NETWORK_TYPE, name, {}, opts);
        const { ctx } = args;
        const subnetCidr = args.subnetCidr ?? exports.DEFAULTS.subnetCidr;
        const range = args.privateServiceRange ?? exports.DEFAULTS.privateServiceRange;
        const problems = [
            ...validateCidr("subnetCidr", subnetCidr),
            ...validateCidr("privateServiceRange", `${range.address}/${range.prefixLength}`),
        ];
        if (problems.length > 0)
            throw new errors_1.PlatformError(`Network '${name}': ${problems.join("; ")}`);
        const parent = this;
        const networkId = args.existingNetwork !== undefined ? pulumi.output(args.existingNetwork) : createNetwork().id;
        const subnet = new gcp.compute.Subnetwork(...(0, transform_1.transform)(args.transform?.subnetwork, (0, naming_1.childName)(name, "subnet"), {
            name: (0, naming_1.physicalName)([ctx.app, ctx.env, "run"], { maxLength: 63 }),
            project: ctx.project,
            region: ctx.region,
            network: networkId,
            ipCidrRange: subnetCidr,
            privateIpGoogleAccess: true,
            logConfig: {
                aggregationInterval: "INTERVAL_5_SEC",
                flowSampling: 0.5,
                metadata: "INCLUDE_ALL_METADATA",
            },
        }, { parent }));
        const privateRange = new gcp.compute.GlobalAddress(...(0, transform_1.transform)(args.transform?.privateRange, (0, naming_1.childName)(name, "psa-range"), {
            name: (0, naming_1.physicalName)([ctx.app, ctx.env, "psa"], { maxLength: 63 }),
            project: ctx.project,
            purpose: "VPC_PEERING",
            addressType: "INTERNAL",
            address: range.address,
            prefixLength: range.prefixLength,
            network: networkId,
        }, { parent }));
        this.privateServiceAccess = new gcp.servicenetworking.Connection(...(0, transform_1.transform)(args.transform?.privateConnection, (0, naming_1.childName)(name, "psa"), {
            network: networkId,
            service: "servicenetworking.googleapis.com",
            reservedPeeringRanges: [privateRange.name],
        }, { parent }));
        this.networkId = networkId;
        this.subnetworkId = subnet.id;
        this.registerOutputs({ networkId: this.networkId, subnetworkId: this.subnetworkId });
        function createNetwork() {
            return new gcp.compute.Network(...(0, transform_1.transform)(args.transform?.network, (0, naming_1.childName)(name, "vpc"), {
                name: (0, naming_1.physicalName)([ctx.app, ctx.env, "vpc"], { maxLength: 63 }),
                project: ctx.project,
                autoCreateSubnetworks: false,
                routingMode: "REGIONAL",
            }, { parent }));
        }
    }
}
exports.Network = Network;
//# sourceMappingURL=network.js.map