import type * as pulumi from "@pulumi/pulumi";
import type { Link, Linkable } from "../shared/link";
/** Roles a linked service may receive, each on exactly one resource. */
export declare const LINK_ROLES: {
    readonly secretAccessor: "roles/secretmanager.secretAccessor";
    readonly cloudSqlClient: "roles/cloudsql.client";
    readonly encrypterDecrypter: "roles/cloudkms.cryptoKeyEncrypterDecrypter";
    readonly signerVerifier: "roles/cloudkms.signerVerifier";
};
/** Env keys that mean a link points at a private IP, so the service needs direct VPC egress. */
export declare const PRIVATE_ENDPOINT_ENV: readonly ["DB_HOST", "REDIS_HOST"];
/**
 * Something with KMS key ids by name, such as a {@link KmsKeyRing}.
 *
 * @example
 * ```ts
 * const keys: KeyIdSource = { keyIds: { data: kms.keyIds["data"]! } };
 * ```
 */
export interface KeyIdSource {
    readonly keyIds: Readonly<Record<string, pulumi.Input<string>>>;
}
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
export declare function kmsLink(source: KeyIdSource, keyName: string, options?: {
    readonly envName?: string;
    readonly signing?: boolean;
}): Linkable;
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
export declare function linkNeedsVpc(link: Link): boolean;
/** Secrets a link's identity must read: `secretIds`, or the `secretEnv` values when absent. */
export declare function linkSecretIds(link: Link): readonly pulumi.Input<string>[];
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
export declare function cloudSqlCondition(connectionName: string): {
    project: string;
    title: string;
    description: string;
    expression: string;
};
