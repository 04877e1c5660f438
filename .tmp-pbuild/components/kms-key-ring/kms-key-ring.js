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
exports.KmsKeyRing = exports.KMS_KEY_RING_TYPE = void 0;
const gcp = __importStar(require("@pulumi/gcp"));
const pulumi = __importStar(require("@pulumi/pulumi"));
const labels_1 = require("../shared/labels");
const naming_1 = require("../shared/naming");
const outputs_1 = require("../shared/outputs");
const durations_1 = require("../shared/durations");
const transform_1 = require("../shared/transform");
const spec_1 = require("./spec");
/** Type token of {@link KmsKeyRing}. */
exports.KMS_KEY_RING_TYPE = "platform:security:KmsKeyRing";
/**
 * A Cloud KMS key ring and its keys, with rotation ≤ 90 days, HSM or software protection, named
 * IAM grants per key (never public) and grants for the Google service agents that use a key for
 * CMEK (Cloud SQL, Memorystore, Secret Manager). Ring and keys are `protect`ed: deleting a key
 * makes everything it encrypted unreadable.
 *
 * `keyIds[name]` resolves only after that key's IAM grants exist, so a Cloud SQL instance created
 * with it never races its own service agent's permission.
 *
 * ### Cost
 * SOFTWARE key versions $0.06/month each, HSM $1.00–2.50/month; operations $0.03 (SOFTWARE) or
 * $0.03–0.15 (HSM) per 10,000. Rotation adds a version per period (old versions stay active
 * until destroyed). A dev ring with 2 software keys is about **$0.15/month**.
 *
 * @example
 * ```ts
 * const kms = new KmsKeyRing("kms", {
 *   ctx,
 *   protectionLevel: "HSM",
 *   keys: {
 *     data: { serviceAgents: ["cloudsql", "memorystore", "secretmanager"] },
 *     signing: { purpose: "ASYMMETRIC_SIGN", grants: { signerVerifier: ["serviceAccount:api@acme.iam.gserviceaccount.com"] } },
 *   },
 * });
 * export const dataKey = kms.keyIds["data"];
 * ```
 */
class KmsKeyRing extends pulumi.ComponentResource {
    /** Key ring id (`projects/…/locations/…/keyRings/…`). */
    keyRingId;
    /** Key ids by name; each resolves after the key's IAM grants exist. */
    keyIds;
    /** The resolved key settings (defaults applied). */
    keySpecs;
    children;
    constructor(name, args, opts) {
        super(exports.KMS_KEY_RING_TYPE, name, {}, opts);
        const ctx = args.ctx;
        const protect = args.protect ?? spec_1.DEFAULTS.protect;
        const keySpecs = (0, spec_1.normalizeKeys)(name, args);
        const ringChoice = args.keyRing ?? { create: true };
        const ring = ringChoice.create ? createRing(this, ringChoice.location ?? ctx.region) : undefined;
        const ringId = ring ? ring.id : pulumi.output(ringChoice.create ? "" : ringChoice.id);
        const projectNumber = keySpecs.some((k) => k.serviceAgents.length > 0)
            ? lookupProjectNumber(this)
            : undefined;
        const keys = {};
        const members = [];
        const keyIds = {};
        for (const spec of keySpecs) {
            const key = createKey(this, spec, ringId);
            const grants = [...createGrants(this, spec, key), ...createAgentGrants(this, spec, key, projectNumber)];
            keys[spec.name] = key;
            members.push(...grants);
            keyIds[spec.name] = (0, outputs_1.afterAll)(key.id, grants);
        }
        this.keySpecs = keySpecs;
        this.keyIds = keyIds;
        this.keyRingId = ringId;
        this.children = { ...(ring ? { ring } : {}), keys, members };
        this.registerOutputs({ keyRingId: this.keyRingId, keyIds: this.keyIds });
        function createRing(parent, location) {
            return new gcp.kms.KeyRing(...(0, transform_1.transform)(args.transform?.keyRing, (0, naming_1.childName)(name, "ring"), 
            // Ring names cannot be reused after deletion in a location: keep them deterministic per env.
            { name: (0, naming_1.physicalName)([ctx.app, ctx.env, name], { maxLength: 63 }), location, project: ctx.project }, { parent, protect }));
        }
        function createKey(parent, spec, keyRing) {
            return new gcp.kms.CryptoKey(...(0, transform_1.transform)(args.transform?.cryptoKey, (0, naming_1.childName)(name, "key", spec.name), {
                name: (0, naming_1.physicalName)([spec.name], { maxLength: 63 }),
                keyRing,
                purpose: spec.purpose,
                ...(spec.rotationDays !== undefined ? { rotationPeriod: (0, durations_1.daysToDuration)(spec.rotationDays) } : {}),
                destroyScheduledDuration: (0, durations_1.daysToDuration)(spec.destroyScheduledDays),
                versionTemplate: { algorithm: spec.algorithm, protectionLevel: spec.protectionLevel },
                labels: (0, labels_1.platformLabels)(ctx, "kms"),
            }, { parent, protect }));
        }
        function createGrants(parent, spec, key) {
            const out = [];
            for (const [grant, list] of Object.entries(spec.grants)) {
                list.forEach((member, i) => {
                    out.push(new gcp.kms.CryptoKeyIAMMember(...(0, transform_1.transform)(args.transform?.iamMember, (0, naming_1.childName)(name, "key", spec.name, grant, String(i)), { cryptoKeyId: key.id, role: spec_1.GRANT_ROLES[grant], member }, { parent })));
                });
            }
            return out;
        }
        function createAgentGrants(parent, spec, key, number) {
            if (!number)
                return [];
            return spec.serviceAgents.map((agent) => new gcp.kms.CryptoKeyIAMMember(...(0, transform_1.transform)(args.transform?.iamMember, (0, naming_1.childName)(name, "key", spec.name, "agent", agent), {
                cryptoKeyId: key.id,
                role: spec_1.GRANT_ROLES.encrypterDecrypter,
                member: pulumi.interpolate `serviceAccount:service-${number}@${spec_1.SERVICE_AGENTS[agent]}`,
            }, { parent })));
        }
        function lookupProjectNumber(parent) {
            return gcp.organizations
                .getProjectOutput({ projectId: ctx.project }, { parent })
                .apply((p) => p.number);
        }
    }
    /** Raw children, an escape hatch for wiring this library does not cover. */
    get nodes() {
        return this.children;
    }
}
exports.KmsKeyRing = KmsKeyRing;
//# sourceMappingURL=kms-key-ring.js.map