import type * as pulumi from "@pulumi/pulumi";
/**
 * What a component offers a service that links to it: plain env vars, env vars read from Secret
 * Manager, and the exact resources the service's identity needs access to. The consumer (e.g.
 * CloudRunService) turns this into env entries and least-privilege IAM grants itself.
 *
 * @example
 * ```ts
 * const link: Link = { env: { DB_NAME: "shop" }, secretEnv: { DATABASE_URL: urlSecret.id }, secretIds: [urlSecret.id],
 *   cloudSqlInstances: [instance.connectionName] };
 * ```
 */
export interface Link {
    /** Plain environment variables. @default {} */
    readonly env?: Readonly<Record<string, pulumi.Input<string>>>;
    /** Environment variables from Secret Manager: name → secret id (`projects/…/secrets/…`), latest version. @default {} */
    readonly secretEnv?: Readonly<Record<string, pulumi.Input<string>>>;
    /** Secrets the service must read (secretAccessor on exactly these). @default the secretEnv values */
    readonly secretIds?: readonly pulumi.Input<string>[];
    /** Cloud SQL connection names (`project:region:instance`) the service connects to (Cloud SQL client). @default [] */
    readonly cloudSqlInstances?: readonly pulumi.Input<string>[];
    /** KMS keys the service encrypts/decrypts with (encrypterDecrypter on exactly these). @default [] */
    readonly kmsKeys?: readonly pulumi.Input<string>[];
    /** KMS keys the service signs with (signerVerifier on exactly these). @default [] */
    readonly kmsSigningKeys?: readonly pulumi.Input<string>[];
}
/**
 * A component that a service can link to.
 *
 * @example
 * ```ts
 * new CloudRunService("api", { ctx, image, link: [db, cache, kms] });
 * ```
 */
export interface Linkable {
    /** The env vars, secret refs and resources a linked service needs. */
    getLink(): Link;
}
/** True when `x` implements {@link Linkable}. */
export declare function isLinkable(x: unknown): x is Linkable;
