"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.kmsSchema = void 0;
exports.resolveKms = resolveKms;
exports.kmsInvariants = kmsInvariants;
const fields_1 = require("./fields");
/**
 * `platform:kms`: the environment's key ring.
 *
 * @example
 * ```yaml
 * platform:kms:
 *   protectionLevel: HSM
 *   rotationDays: 30
 *   signingKey: true
 * ```
 */
exports.kmsSchema = (0, fields_1.section)({
    /** SOFTWARE | HSM. @default SOFTWARE (dev, staging), HSM (prod; prod refuses SOFTWARE) */
    protectionLevel: (0, fields_1.oneOf)(["SOFTWARE", "HSM"]),
    /** Automatic rotation of symmetric keys, 1–90 days. @default 90 (dev, staging), 30 (prod) */
    rotationDays: (0, fields_1.intRange)(1, 90),
    /** Also create an asymmetric Ed25519 signing key. @default false */
    signingKey: (0, fields_1.bool)(),
    /** Pulumi `protect` on ring and keys. @default true */
    protect: (0, fields_1.bool)(),
}).partial();
/** Applies the profile's defaults. */
function resolveKms(raw, profile) {
    const prod = profile === "prod";
    return {
        protectionLevel: raw?.protectionLevel ?? (prod ? "HSM" : "SOFTWARE"),
        rotationDays: raw?.rotationDays ?? (prod ? 30 : 90),
        signingKey: raw?.signingKey ?? false,
        protect: raw?.protect ?? true,
    };
}
/** Prod invariants: refused values, with the config path. */
function kmsInvariants(c, profile) {
    if (profile !== "prod")
        return [];
    const out = [];
    if (c.protectionLevel !== "HSM")
        out.push({
            path: "platform:kms.protectionLevel",
            message: `prod requires HSM keys, got "${c.protectionLevel}"`,
        });
    if (!c.protect)
        out.push({
            path: "platform:kms.protect",
            message: "prod refuses protect=false on keys (deleting a key loses all data it encrypts)",
        });
    return out;
}
//# sourceMappingURL=kms.js.map