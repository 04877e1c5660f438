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
exports.REQUIRED_APIS = void 0;
exports.platformProgram = platformProgram;
const gcp = __importStar(require("@pulumi/gcp"));
const kms_key_ring_1 = require("../components/kms-key-ring");
const network_1 = require("../components/network");
const postgres_with_backups_1 = require("../components/postgres-with-backups");
const naming_1 = require("../components/shared/naming");
const config_1 = require("./config");
/** Google APIs the platform needs; enabled by the program so a fresh project deploys in one `up`. */
exports.REQUIRED_APIS = [
    "cloudkms.googleapis.com",
    "compute.googleapis.com",
    "secretmanager.googleapis.com",
    "servicenetworking.googleapis.com",
    "sqladmin.googleapis.com",
];
/**
 * The platform for one environment, composed from its validated config:
 * APIs → network → KMS → Postgres (CMEK, private IP).
 *
 * @example
 * ```ts
 * const outputs = platformProgram(parseEnvironmentConfig("dev", values));
 * ```
 */
function platformProgram(cfg) {
    const ctx = (0, config_1.contextOf)(cfg);
    const apis = exports.REQUIRED_APIS.map((service) => new gcp.projects.Service((0, naming_1.childName)("api", service.split(".")[0]), {
        project: ctx.project,
        service,
        // Turning an API off on destroy would break anything else in the project that uses it.
        disableOnDestroy: false,
        disableDependentServices: false,
    }));
    const after = { dependsOn: apis };
    const network = new network_1.Network("net", { ctx }, after);
    const kms = new kms_key_ring_1.KmsKeyRing("kms", {
        ctx,
        protectionLevel: cfg.kms.protectionLevel,
        rotationDays: cfg.kms.rotationDays,
        protect: cfg.kms.protect,
        keys: {
            data: { serviceAgents: ["cloudsql", "secretmanager"] },
            ...(cfg.kms.signingKey ? { signing: { purpose: "ASYMMETRIC_SIGN" } } : {}),
        },
    }, after);
    const db = new postgres_with_backups_1.PostgresWithBackups("db", {
        ctx,
        network: network.networkId,
        dependsOn: [network.privateServiceAccess],
        version: cfg.database.version,
        tier: cfg.database.tier,
        highAvailability: cfg.database.highAvailability,
        diskSizeGb: cfg.database.diskSizeGb,
        readReplicas: cfg.database.readReplicas,
        deletionProtection: cfg.database.deletionProtection,
        maintenanceWindow: cfg.database.maintenanceWindow,
        backups: cfg.database.backups,
        kmsKeyId: kms.keyIds["data"],
    }, after);
    return {
        profile: cfg.profile,
        databaseConnectionName: db.connectionName,
        databasePrivateIp: db.privateIp,
        databaseUrlSecretId: db.urlSecretId,
        databasePasswordSecretId: db.passwordSecretId,
        databaseReplicas: db.replicaConnectionNames,
        keyRingId: kms.keyRingId,
        keyIds: kms.keyIds,
        networkId: network.networkId,
    };
}
//# sourceMappingURL=platform.js.map