"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULTS = exports.PUBLIC_MEMBERS = exports.SERVICE_AGENTS = exports.GRANTS_BY_PURPOSE = exports.GRANT_ROLES = exports.ALGORITHM_BY_PURPOSE = exports.ProtectionLevel = exports.KeyPurpose = void 0;
exports.normalizeKeys = normalizeKeys;
exports.validateRotationDays = validateRotationDays;
exports.validateMembers = validateMembers;
const errors_1 = require("../shared/errors");
/** What a key is for. */
exports.KeyPurpose = {
    ENCRYPT_DECRYPT: "ENCRYPT_DECRYPT",
    ASYMMETRIC_SIGN: "ASYMMETRIC_SIGN",
    MAC: "MAC",
};
/** Where key material lives. */
exports.ProtectionLevel = { SOFTWARE: "SOFTWARE", HSM: "HSM" };
/** The algorithm per purpose: symmetric AES-256-GCM, Ed25519 signatures, HMAC-SHA256. */
exports.ALGORITHM_BY_PURPOSE = {
    ENCRYPT_DECRYPT: "GOOGLE_SYMMETRIC_ENCRYPTION",
    ASYMMETRIC_SIGN: "EC_SIGN_ED25519",
    MAC: "HMAC_SHA256",
};
/** Named grants → the one role each gives. Only these exist: no admin or owner roles through this API. */
exports.GRANT_ROLES = {
    encrypterDecrypter: "roles/cloudkms.cryptoKeyEncrypterDecrypter",
    signerVerifier: "roles/cloudkms.signerVerifier",
    publicKeyViewer: "roles/cloudkms.publicKeyViewer",
};
/** Which grants make sense for which purpose. */
exports.GRANTS_BY_PURPOSE = {
    ENCRYPT_DECRYPT: ["encrypterDecrypter"],
    ASYMMETRIC_SIGN: ["signerVerifier", "publicKeyViewer"],
    MAC: ["signerVerifier"],
};
/**
 * Google service agents that use a key for CMEK. The agent email is
 * `service-<project number>@<domain>`; it gets encrypterDecrypter on the key.
 */
exports.SERVICE_AGENTS = {
    cloudsql: "gcp-sa-cloud-sql.iam.gserviceaccount.com",
    memorystore: "cloud-redis.iam.gserviceaccount.com",
    secretmanager: "gcp-sa-secretmanager.iam.gserviceaccount.com",
    cloudrun: "serverless-robot-prod.iam.gserviceaccount.com",
    artifactregistry: "gcp-sa-artifactregistry.iam.gserviceaccount.com",
};
/** Members that would make a key public: never allowed. */
exports.PUBLIC_MEMBERS = ["allUsers", "allAuthenticatedUsers"];
/** Defaults of {@link KmsKeyRingArgs}. */
exports.DEFAULTS = {
    protectionLevel: exports.ProtectionLevel.SOFTWARE,
    rotationDays: 90,
    destroyScheduledDays: 30,
    protect: true,
    purpose: exports.KeyPurpose.ENCRYPT_DECRYPT,
};
/**
 * Applies defaults and validates every key; throws one {@link PlatformError} listing every problem.
 *
 * @example
 * ```ts
 * normalizeKeys("kms", { ctx, keys: { data: { rotationDays: 120 } } });
 * // PlatformError: KmsKeyRing 'kms': keys.data.rotationDays must be 1–90 days, got 120
 * ```
 */
function normalizeKeys(name, args) {
    const problems = [];
    const ringLevel = args.protectionLevel ?? exports.DEFAULTS.protectionLevel;
    const ringRotation = args.rotationDays ?? exports.DEFAULTS.rotationDays;
    if (!Object.values(exports.ProtectionLevel).includes(ringLevel)) {
        problems.push(`protectionLevel must be one of SOFTWARE | HSM, got ${(0, errors_1.show)(ringLevel)}`);
    }
    problems.push(...validateRotationDays("rotationDays", ringRotation));
    const names = Object.keys(args.keys);
    if (names.length === 0)
        problems.push("keys must name at least one key");
    const specs = [];
    for (const keyName of names) {
        const k = args.keys[keyName];
        const at = `keys.${keyName}`;
        if (!/^[a-z][a-z0-9-]{0,30}$/.test(keyName))
            problems.push(`${at}: key names must be lowercase letters, digits or '-' (≤ 31), got ${(0, errors_1.show)(keyName)}`);
        const purpose = k.purpose ?? exports.DEFAULTS.purpose;
        if (!Object.values(exports.KeyPurpose).includes(purpose)) {
            problems.push(`${at}.purpose must be one of ${Object.values(exports.KeyPurpose).join(" | ")}, got ${(0, errors_1.show)(purpose)}`);
            continue;
        }
        const symmetric = purpose === exports.KeyPurpose.ENCRYPT_DECRYPT;
        if (!symmetric && k.rotationDays !== undefined) {
            problems.push(`${at}.rotationDays: ${purpose} keys cannot rotate automatically; remove rotationDays`);
        }
        if (symmetric && k.rotationDays !== undefined)
            problems.push(...validateRotationDays(`${at}.rotationDays`, k.rotationDays));
        const destroy = k.destroyScheduledDays ?? exports.DEFAULTS.destroyScheduledDays;
        if (!Number.isInteger(destroy) || destroy < 1 || destroy > 120) {
            problems.push(`${at}.destroyScheduledDays must be 1–120, got ${(0, errors_1.show)(destroy)}`);
        }
        const level = k.protectionLevel ?? ringLevel;
        if (!Object.values(exports.ProtectionLevel).includes(level))
            problems.push(`${at}.protectionLevel must be one of SOFTWARE | HSM, got ${(0, errors_1.show)(level)}`);
        for (const [grant, members] of Object.entries(k.grants ?? {})) {
            if (!(grant in exports.GRANT_ROLES)) {
                problems.push(`${at}.grants.${grant} is not a grant; allowed: ${Object.keys(exports.GRANT_ROLES).join(", ")}`);
                continue;
            }
            if (!exports.GRANTS_BY_PURPOSE[purpose].includes(grant)) {
                problems.push(`${at}.grants.${grant} does not apply to ${purpose} keys; allowed: ${exports.GRANTS_BY_PURPOSE[purpose].join(", ")}`);
            }
            problems.push(...validateMembers(`${at}.grants.${grant}`, members ?? []));
        }
        for (const agent of k.serviceAgents ?? []) {
            if (!(agent in exports.SERVICE_AGENTS))
                problems.push(`${at}.serviceAgents: unknown agent ${(0, errors_1.show)(agent)}; allowed: ${Object.keys(exports.SERVICE_AGENTS).join(", ")}`);
            else if (!symmetric)
                problems.push(`${at}.serviceAgents: CMEK needs an ENCRYPT_DECRYPT key, this one is ${purpose}`);
        }
        specs.push({
            name: keyName,
            purpose,
            algorithm: exports.ALGORITHM_BY_PURPOSE[purpose],
            protectionLevel: level,
            ...(symmetric ? { rotationDays: k.rotationDays ?? ringRotation } : {}),
            destroyScheduledDays: destroy,
            grants: k.grants ?? {},
            serviceAgents: k.serviceAgents ?? [],
        });
    }
    if (problems.length > 0)
        throw new errors_1.PlatformError(`KmsKeyRing '${name}': ${problems.join("; ")}`);
    return specs;
}
/**
 * Rotation must be automatic and at most 90 days (CIS 1.10, CKV_GCP_43, AVD-GCP-0065).
 *
 * @example
 * ```ts
 * validateRotationDays("rotationDays", 91); // ["rotationDays must be 1–90 days, got 91"]
 * ```
 */
function validateRotationDays(field, days) {
    return Number.isInteger(days) && days >= 1 && days <= 90
        ? []
        : [`${field} must be 1–90 days, got ${(0, errors_1.show)(days)}`];
}
/**
 * IAM members must be typed principals and never public. Outputs (not yet known) are accepted;
 * the CrossGuard pack checks them again at preview.
 *
 * @example
 * ```ts
 * validateMembers("grants.encrypterDecrypter", ["allUsers"]); // ["grants.encrypterDecrypter: allUsers would make the key public; …"]
 * ```
 */
function validateMembers(field, members) {
    const out = [];
    for (const m of members) {
        if (typeof m !== "string")
            continue;
        if (exports.PUBLIC_MEMBERS.includes(m)) {
            out.push(`${field}: ${m} would make the key public; grant named principals instead`);
        }
        else if (!/^(serviceAccount|user|group|domain|principal|principalSet):.+/.test(m)) {
            out.push(`${field}: member must look like serviceAccount:…, user:…, group:… or domain:…, got ${(0, errors_1.show)(m)}`);
        }
    }
    return out;
}
//# sourceMappingURL=spec.js.map