"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PROD_RULES = exports.PROD_RUN_MIN_INSTANCES = exports.PROD_REDIS_AUTH = exports.PROD_REDIS_TIER = exports.PROD_KEY_ROTATION = exports.PROD_HSM = exports.PROD_DELETION_PROTECTION = exports.PROD_CMEK = exports.PROD_BACKUPS = exports.PROD_PITR = exports.PROD_HA = exports.MIN_RETAINED_BACKUPS = exports.MAX_ROTATION_SECONDS = void 0;
exports.isReplica = isReplica;
exports.isSymmetricKey = isSymmetricKey;
/**
 * Prod-profile invariants (`platform/prod-*`): a prod stack must not weaken HA, PITR, backups,
 * CMEK, deletion protection, HSM keys, key rotation, Redis HA/AUTH or Cloud Run warm instances.
 * Blocking in prod, advisory in staging, silent in dev.
 */
const model_1 = require("../model");
const types_1 = require("./types");
const tokens_1 = require("./tokens");
const values_1 = require("./values");
/** Rotation ceiling: 90 days in seconds (CIS 1.10, CKV_GCP_43). */
exports.MAX_ROTATION_SECONDS = 7_776_000;
/** Backups kept at least, in prod. */
exports.MIN_RETAINED_BACKUPS = 7;
const base = {
    scope: types_1.Scope.resource,
    level: types_1.Level.L1,
    category: types_1.Category.prodProfile,
    enforcement: types_1.PROD_ONLY,
};
/**
 * True when a Cloud SQL instance is a read replica (replicas have no backups and are zonal).
 *
 * @example
 * ```ts
 * isReplica({ inputs: { masterInstanceName: "db" } } as GuardResource); // true
 * ```
 */
function isReplica(r) {
    const master = (0, values_1.read)(r.inputs, "masterInstanceName");
    return master.kind !== "absent";
}
/**
 * True for KMS keys that rotate (purpose ENCRYPT_DECRYPT, the default); asymmetric and MAC keys cannot.
 *
 * @example
 * ```ts
 * isSymmetricKey({ inputs: { purpose: "ASYMMETRIC_SIGN" } } as GuardResource); // false
 * ```
 */
function isSymmetricKey(r) {
    const purpose = (0, values_1.read)(r.inputs, "purpose");
    if (purpose.kind === "opaque")
        return "opaque";
    return purpose.kind === "absent" || purpose.value === "ENCRYPT_DECRYPT";
}
const label = (r) => `${r.type.slice(r.type.lastIndexOf(":") + 1)} "${r.name}"`;
/**
 * `platform/prod-ha`: Cloud SQL primaries are REGIONAL.
 *
 * @example
 * ```ts
 * PROD_HA.check(resource, ctx); // [] when settings.availabilityType is "REGIONAL"
 * ```
 */
exports.PROD_HA = {
    ...base,
    id: "platform/prod-ha",
    refs: [],
    severity: model_1.Severity.high,
    description: "Prod Cloud SQL primaries are highly available (settings.availabilityType REGIONAL).",
    remediation: 'Set settings.availabilityType: "REGIONAL" (PostgresWithBackups highAvailability: true).',
    appliesTo: [tokens_1.GCP.sqlInstance],
    check(r) {
        if (isReplica(r))
            return [];
        return (0, types_1.expectValue)(r.inputs, "settings.availabilityType", (v) => v === "REGIONAL", () => `${label(r)}: settings.availabilityType ${(0, types_1.changed)(r, "settings.availabilityType")}; prod requires "REGIONAL" (a zonal instance is down for the whole zone outage).`);
    },
};
/**
 * `platform/prod-pitr`: point-in-time recovery on (binary logs for MySQL).
 *
 * @example
 * ```ts
 * PROD_PITR.check(resource, ctx);
 * ```
 */
exports.PROD_PITR = {
    ...base,
    id: "platform/prod-pitr",
    refs: [],
    severity: model_1.Severity.high,
    description: "Prod Cloud SQL primaries keep point-in-time recovery on.",
    remediation: "Set settings.backupConfiguration.pointInTimeRecoveryEnabled: true (binaryLogEnabled for MySQL).",
    appliesTo: [tokens_1.GCP.sqlInstance],
    check(r) {
        if (isReplica(r))
            return [];
        const version = (0, values_1.read)(r.inputs, "databaseVersion");
        if (version.kind === "opaque")
            return [(0, types_1.unverified)("databaseVersion")];
        const path = version.kind === "set" && String(version.value).startsWith("MYSQL")
            ? "settings.backupConfiguration.binaryLogEnabled"
            : "settings.backupConfiguration.pointInTimeRecoveryEnabled";
        return (0, types_1.expectValue)(r.inputs, path, (v) => v === true, () => `${label(r)}: ${path} ${(0, types_1.changed)(r, path)}; prod requires true (without it you can only restore last night's backup).`);
    },
};
/**
 * `platform/prod-backups`: automated backups on and at least 7 kept.
 *
 * @example
 * ```ts
 * PROD_BACKUPS.check(resource, ctx);
 * ```
 */
exports.PROD_BACKUPS = {
    ...base,
    id: "platform/prod-backups",
    refs: [],
    severity: model_1.Severity.high,
    description: `Prod Cloud SQL primaries keep automated backups on with at least ${exports.MIN_RETAINED_BACKUPS} retained.`,
    remediation: `Set settings.backupConfiguration.enabled: true and backupRetentionSettings.retainedBackups ≥ ${exports.MIN_RETAINED_BACKUPS}.`,
    appliesTo: [tokens_1.GCP.sqlInstance],
    check(r) {
        if (isReplica(r))
            return [];
        const hits = (0, types_1.expectValue)(r.inputs, "settings.backupConfiguration.enabled", (v) => v === true, () => `${label(r)}: settings.backupConfiguration.enabled ${(0, types_1.changed)(r, "settings.backupConfiguration.enabled")}; prod requires automated backups (enabled: true).`);
        const retainedPath = "settings.backupConfiguration.backupRetentionSettings.retainedBackups";
        hits.push(...(0, types_1.expectValue)(r.inputs, retainedPath, (v) => v === undefined || (typeof v === "number" && v >= exports.MIN_RETAINED_BACKUPS), () => `${label(r)}: retainedBackups ${(0, types_1.changed)(r, retainedPath)}; prod keeps at least ${exports.MIN_RETAINED_BACKUPS} (set ${retainedPath} ≥ ${exports.MIN_RETAINED_BACKUPS}).`));
        return hits;
    },
};
/**
 * `platform/prod-cmek`: Cloud SQL and Memorystore are encrypted with our KMS key.
 *
 * @example
 * ```ts
 * PROD_CMEK.check(resource, ctx);
 * ```
 */
exports.PROD_CMEK = {
    ...base,
    id: "platform/prod-cmek",
    refs: [],
    severity: model_1.Severity.high,
    description: "Prod Cloud SQL instances and Memorystore instances use a customer-managed key (CMEK).",
    remediation: "Pass the KmsKeyRing key id (encryptionKeyName on Cloud SQL, customerManagedKey on Redis).",
    appliesTo: [tokens_1.GCP.sqlInstance, tokens_1.GCP.redis],
    check(r) {
        const path = r.type === tokens_1.GCP.redis ? "customerManagedKey" : "encryptionKeyName";
        return (0, types_1.expectValue)(r.inputs, path, (v) => typeof v === "string" && v.length > 0, () => `${label(r)}: ${path} ${r.oldInputs && (0, values_1.read)(r.oldInputs, path).kind === "set" ? "is removed" : "is not set"}; prod requires CMEK (set ${path} to the KmsKeyRing key id; changing it replaces the instance, so plan it).`);
    },
};
/**
 * `platform/prod-deletion-protection`: Cloud SQL, Memorystore and Cloud Run keep deletionProtection.
 *
 * @example
 * ```ts
 * PROD_DELETION_PROTECTION.check(resource, ctx);
 * ```
 */
exports.PROD_DELETION_PROTECTION = {
    ...base,
    id: "platform/prod-deletion-protection",
    refs: [],
    severity: model_1.Severity.high,
    description: "Prod Cloud SQL instances (deletionProtection, settings.deletionProtectionEnabled), Memorystore and Cloud Run v2 services keep deletion protection.",
    remediation: "Remove deletionProtection: false (the provider default is true) and keep settings.deletionProtectionEnabled: true.",
    appliesTo: [tokens_1.GCP.sqlInstance, tokens_1.GCP.runService, tokens_1.GCP.redis],
    check(r) {
        const paths = r.type === tokens_1.GCP.sqlInstance
            ? ["deletionProtection", "settings.deletionProtectionEnabled"]
            : ["deletionProtection"];
        return paths.flatMap((path) => (0, types_1.expectValue)(r.inputs, path, (v) => v !== false, () => `${label(r)}: ${path} ${(0, types_1.changed)(r, path)}; prod keeps deletion protection on (remove the override or set it to true).`));
    },
};
/**
 * `platform/prod-hsm`: prod KMS keys are HSM-backed.
 *
 * @example
 * ```ts
 * PROD_HSM.check(resource, ctx);
 * ```
 */
exports.PROD_HSM = {
    ...base,
    id: "platform/prod-hsm",
    refs: [],
    severity: model_1.Severity.high,
    description: "Prod KMS keys use HSM protection (versionTemplate.protectionLevel HSM).",
    remediation: 'Set versionTemplate.protectionLevel: "HSM" (KmsKeyRing protectionLevel: "HSM"); this replaces the key, so create a new key and re-encrypt.',
    appliesTo: [tokens_1.GCP.cryptoKey],
    check(r) {
        return (0, types_1.expectValue)(r.inputs, "versionTemplate.protectionLevel", (v) => v === "HSM", (got) => `${label(r)}: versionTemplate.protectionLevel ${got === "(unset)" ? "is unset (SOFTWARE)" : (0, types_1.changed)(r, "versionTemplate.protectionLevel")}; prod requires "HSM".`);
    },
};
/**
 * `platform/prod-key-rotation`: symmetric prod keys rotate at least every 90 days.
 *
 * @example
 * ```ts
 * PROD_KEY_ROTATION.check(resource, ctx);
 * ```
 */
exports.PROD_KEY_ROTATION = {
    ...base,
    id: "platform/prod-key-rotation",
    refs: [],
    severity: model_1.Severity.high,
    description: "Prod symmetric KMS keys rotate at least every 90 days (rotationPeriod ≤ 7776000s).",
    remediation: 'Set rotationPeriod: "7776000s" or shorter (KmsKeyRing rotationDays ≤ 90).',
    appliesTo: [tokens_1.GCP.cryptoKey],
    check(r) {
        const symmetric = isSymmetricKey(r);
        if (symmetric === "opaque")
            return [(0, types_1.unverified)("purpose")];
        if (!symmetric)
            return [];
        return (0, types_1.expectValue)(r.inputs, "rotationPeriod", (v) => {
            const s = (0, values_1.seconds)(v);
            return s !== undefined && s <= exports.MAX_ROTATION_SECONDS;
        }, (got) => `${label(r)}: rotationPeriod ${got === "(unset)" ? "is missing (the key never rotates)" : (0, types_1.changed)(r, "rotationPeriod")}; prod requires "7776000s" (90 days) or shorter.`);
    },
};
/**
 * `platform/prod-redis-tier`: prod Memorystore is STANDARD_HA.
 *
 * @example
 * ```ts
 * PROD_REDIS_TIER.check(resource, ctx);
 * ```
 */
exports.PROD_REDIS_TIER = {
    ...base,
    id: "platform/prod-redis-tier",
    refs: [],
    severity: model_1.Severity.high,
    description: "Prod Memorystore instances are STANDARD_HA (a BASIC instance has no replica and loses data on failure).",
    remediation: 'Set tier: "STANDARD_HA" (this replaces the instance: acknowledge the data loss or migrate).',
    appliesTo: [tokens_1.GCP.redis],
    check(r) {
        return (0, types_1.expectValue)(r.inputs, "tier", (v) => v === "STANDARD_HA", (got) => `${label(r)}: tier ${got === "(unset)" ? "is unset (BASIC)" : (0, types_1.changed)(r, "tier")}; prod requires "STANDARD_HA".`);
    },
};
/**
 * `platform/prod-redis-auth`: prod Memorystore requires AUTH.
 *
 * @example
 * ```ts
 * PROD_REDIS_AUTH.check(resource, ctx);
 * ```
 */
exports.PROD_REDIS_AUTH = {
    ...base,
    id: "platform/prod-redis-auth",
    refs: [],
    severity: model_1.Severity.high,
    description: "Prod Memorystore instances require AUTH (authEnabled true).",
    remediation: "Set authEnabled: true and read the AUTH string from Secret Manager.",
    appliesTo: [tokens_1.GCP.redis],
    check(r) {
        return (0, types_1.expectValue)(r.inputs, "authEnabled", (v) => v === true, (got) => `${label(r)}: authEnabled ${got === "(unset)" ? "is unset (false)" : (0, types_1.changed)(r, "authEnabled")}; prod requires true.`);
    },
};
/**
 * `platform/prod-run-min-instances`: prod Cloud Run keeps at least one warm instance.
 *
 * @example
 * ```ts
 * PROD_RUN_MIN_INSTANCES.check(resource, ctx);
 * ```
 */
exports.PROD_RUN_MIN_INSTANCES = {
    ...base,
    id: "platform/prod-run-min-instances",
    refs: [],
    severity: model_1.Severity.medium,
    description: "Prod Cloud Run v2 services keep at least one instance warm (template.scaling.minInstanceCount ≥ 1).",
    remediation: "Set template.scaling.minInstanceCount (or scaling.minInstanceCount) to 1 or more.",
    appliesTo: [tokens_1.GCP.runService],
    check(r) {
        const template = (0, values_1.read)(r.inputs, "template.scaling.minInstanceCount");
        const service = (0, values_1.read)(r.inputs, "scaling.minInstanceCount");
        const ok = (x) => x.kind === "set" && typeof x.value === "number" && x.value >= 1;
        if (ok(template) || ok(service))
            return [];
        if (template.kind === "opaque")
            return [(0, types_1.unverified)(template.path)];
        if (service.kind === "opaque")
            return [(0, types_1.unverified)(service.path)];
        const now = template.kind === "set" ? (0, values_1.showValue)(template.value) : "unset (0)";
        return [
            {
                message: `${label(r)}: template.scaling.minInstanceCount is ${now}; prod keeps at least 1 instance warm (cold starts hit users). Set template.scaling.minInstanceCount: 1.`,
            },
        ];
    },
};
/** Every prod-profile rule. */
exports.PROD_RULES = [
    exports.PROD_HA,
    exports.PROD_PITR,
    exports.PROD_BACKUPS,
    exports.PROD_CMEK,
    exports.PROD_DELETION_PROTECTION,
    exports.PROD_HSM,
    exports.PROD_KEY_ROTATION,
    exports.PROD_REDIS_TIER,
    exports.PROD_REDIS_AUTH,
    exports.PROD_RUN_MIN_INSTANCES,
];
//# sourceMappingURL=prod-profile.js.map