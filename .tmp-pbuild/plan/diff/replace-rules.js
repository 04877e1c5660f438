"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REPLACE_RULES = void 0;
exports.sqlMajorVersion = sqlMajorVersion;
exports.forcedReplacements = forcedReplacements;
const paths_1 = require("./paths");
const properties_1 = require("./properties");
/**
 * The engine, major and first version number of a Cloud SQL version string (`MYSQL_8_0_31` →
 * `MYSQL_8`, `POSTGRES_15` → `POSTGRES_15`, `SQLSERVER_2019_STANDARD` → `SQLSERVER_2019`).
 *
 * @example
 * ```ts
 * sqlMajorVersion("MYSQL_8_0_31"); // "MYSQL_8"
 * ```
 */
function sqlMajorVersion(version) {
    const m = /^([A-Z]+)_(\d+)/.exec(version);
    return m ? `${m[1]}_${m[2]}` : version;
}
function majorChanged(a, b) {
    if (typeof a === "string" && typeof b === "string")
        return sqlMajorVersion(a) !== sqlMajorVersion(b);
    return !(0, properties_1.planValueEqual)(a, b);
}
/**
 * Type token → properties whose change forces replacement.
 *
 * @example
 * ```ts
 * REPLACE_RULES["gcp:kms/keyRing:KeyRing"]!.map((r) => r.path); // ["name", "location", "project"]
 * ```
 */
exports.REPLACE_RULES = {
    "gcp:sql/databaseInstance:DatabaseInstance": [
        { path: "name" },
        { path: "region" },
        { path: "project" },
        { path: "encryptionKeyName", note: "CMEK key is fixed at creation" },
        { path: "masterInstanceName" },
        { path: "databaseVersion", changed: majorChanged, note: "major version only" },
    ],
    "gcp:sql/database:Database": [{ path: "name" }, { path: "instance" }, { path: "project" }],
    "gcp:kms/keyRing:KeyRing": [{ path: "name" }, { path: "location" }, { path: "project" }],
    "gcp:kms/cryptoKey:CryptoKey": [
        { path: "name" },
        { path: "keyRing" },
        { path: "purpose" },
        { path: "versionTemplate.protectionLevel", note: "immutable" },
        { path: "importOnly" },
        { path: "skipInitialVersionCreation" },
        { path: "destroyScheduledDuration" },
    ],
    "gcp:redis/instance:Instance": [
        { path: "name" },
        { path: "region" },
        { path: "project" },
        { path: "tier" },
        { path: "locationId" },
        { path: "alternativeLocationId" },
        { path: "authorizedNetwork" },
        { path: "connectMode" },
        { path: "reservedIpRange" },
        { path: "customerManagedKey" },
        { path: "transitEncryptionMode" },
    ],
    "gcp:secretmanager/secret:Secret": [{ path: "secretId" }, { path: "project" }, { path: "replication" }],
    "gcp:secretmanager/secretVersion:SecretVersion": [
        { path: "secret" },
        { path: "secretData", note: "a new value is a new version" },
    ],
    "gcp:cloudrunv2/service:Service": [{ path: "name" }, { path: "location" }, { path: "project" }],
    "gcp:storage/bucket:Bucket": [{ path: "name" }, { path: "location" }, { path: "project" }],
    "gcp:serviceaccount/account:Account": [{ path: "accountId" }, { path: "project" }],
};
/**
 * The rules of `type` whose property changed between two input objects.
 *
 * @example
 * ```ts
 * forcedReplacements("gcp:kms/keyRing:KeyRing", { location: "europe-west1" }, { location: "europe-west4" });
 * // [{ rule: { path: "location" }, path: ["location"] }]
 * ```
 */
function forcedReplacements(type, oldInputs, newInputs, rules = exports.REPLACE_RULES) {
    const out = [];
    for (const rule of rules[type] ?? []) {
        const path = (0, paths_1.parsePath)(rule.path);
        const a = (0, paths_1.valueAt)(oldInputs, path);
        const b = (0, paths_1.valueAt)(newInputs, path);
        const changed = rule.changed ? rule.changed(a, b) : !(0, properties_1.planValueEqual)(a, b);
        if (changed)
            out.push({ rule, path });
    }
    return out;
}
//# sourceMappingURL=replace-rules.js.map