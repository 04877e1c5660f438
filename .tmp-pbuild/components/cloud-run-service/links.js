"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PRIVATE_ENDPOINT_ENV = exports.LINK_ROLES = void 0;
exports.kmsLink = kmsLink;
exports.linkNeedsVpc = linkNeedsVpc;
exports.linkSecretIds = linkSecretIds;
exports.cloudSqlCondition = cloudSqlCondition;
const errors_1 = require("../shared/errors");
/** Roles a linked service may receive, each on exactly one resource. */
exports.LINK_ROLES = {
    secretAccessor: "roles/secretmanager.secretAccessor",
    cloudSqlClient: "roles/cloudsql.client",
    encrypterDecrypter: "roles/cloudkms.cryptoKeyEncrypterDecrypter",
    signerVerifier: "roles/cloudkms.signerVerifier",
};
/** Env keys that mean a link points at a private IP, so the service needs direct VPC egress. */
exports.PRIVATE_ENDPOINT_ENV = ["DB_HOST", "REDIS_HOST"];
/**
 * Adapts one key of a KMS key ring into a {@link Linkable}: the service gets `KMS_KEY_ID` (or
 * `envName`) and `roles/cloudkms.cryptoKeyEncrypterDecrypter` on exactly that key (or
 * `roles/cloudkms.signerVerifier` when `signing` is true). Nothing on the ring or the project.
 *
 * @default envName "KMS_KEY_ID"
 * @example
 * ```ts
 * new CloudRunService("api", { ctx, image, link: [db, cache, kmsLink(kms, "data")] });
 * new CloudRunService("api", { ctx, image, link: [kmsLink(kms, "signing", { envName: "SIGNING_KEY_ID", signing: true })] });
 * ```
 */
function kmsLink(source, keyName, options = {}) {
    const keyId = source.keyIds[keyName];
    if (keyId === undefined) {
        throw new errors_1.PlatformError(`kmsLink: key ${(0, errors_1.show)(keyName)} is not in this key ring; allowed: ${Object.keys(source.keyIds).join(", ") || "(no keys)"}`);
    }
    const envName = options.envName ?? "KMS_KEY_ID";
    return {
        getLink: () => ({
            env: { [envName]: keyId },
            ...(options.signing ? { kmsSigningKeys: [keyId] } : { kmsKeys: [keyId] }),
        }),
    };
}
/**
 * True when a link points at a private IP (Cloud SQL instances, or a `DB_HOST` / `REDIS_HOST`
 * env var), which a Cloud Run service reaches only through direct VPC egress.
 *
 * @example
 * ```ts
 * linkNeedsVpc({ env: { CACHE_BACKEND: "memory" } }); // false
 * linkNeedsVpc({ env: { REDIS_HOST: host } }); // true
 * ```
 */
function linkNeedsVpc(link) {
    if ((link.cloudSqlInstances ?? []).length > 0)
        return true;
    return exports.PRIVATE_ENDPOINT_ENV.some((k) => link.env?.[k] !== undefined);
}
/** Secrets a link's identity must read: `secretIds`, or the `secretEnv` values when absent. */
function linkSecretIds(link) {
    return link.secretIds ?? Object.values(link.secretEnv ?? {});
}
/**
 * The IAM condition that limits `roles/cloudsql.client` to one instance, from its connection
 * name (`project:region:instance`). Cloud SQL evaluates conditions on instances only, so this is
 * exactly "connect to this instance" (Google's documented form).
 *
 * @example
 * ```ts
 * cloudSqlCondition("acme:europe-west1:shop-prod-db").expression;
 * // resource.name == 'projects/acme/instances/shop-prod-db' && resource.type == 'sqladmin.googleapis.com/Instance'
 * ```
 */
function cloudSqlCondition(connectionName) {
    const parts = connectionName.split(":");
    const [project, , instance] = parts;
    if (parts.length !== 3 || !project || !instance) {
        throw new errors_1.PlatformError(`cloudSqlInstances must be connection names "project:region:instance", got ${(0, errors_1.show)(connectionName)}`);
    }
    return {
        project,
        title: `cloudsql-client-${instance}`.slice(0, 100),
        description: `Connect to Cloud SQL instance ${instance} only`,
        expression: `resource.name == 'projects/${project}/instances/${instance}' && resource.type == 'sqladmin.googleapis.com/Instance'`,
    };
}
//# sourceMappingURL=links.js.map