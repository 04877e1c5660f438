import { type GuardResource, type ResourceRule } from "./types";
/** Cloud SQL `sslMode` values. */
export declare const SslMode: {
    readonly allowUnencrypted: "ALLOW_UNENCRYPTED_AND_ENCRYPTED";
    readonly encryptedOnly: "ENCRYPTED_ONLY";
    readonly trustedClientCertificate: "TRUSTED_CLIENT_CERTIFICATE_REQUIRED";
};
/** A Cloud SQL SSL mode. */
export type SslMode = (typeof SslMode)[keyof typeof SslMode];
/** Newest major versions Checkov CKV_GCP_79 accepts. */
export declare const LATEST_MAJOR_VERSIONS: readonly ["POSTGRES_17", "MYSQL_8_0", "SQLSERVER_2022_STANDARD", "SQLSERVER_2022_WEB", "SQLSERVER_2022_ENTERPRISE", "SQLSERVER_2022_EXPRESS"];
/**
 * Whether the instance runs PostgreSQL (the flag rules apply only then).
 *
 * @example
 * ```ts
 * isPostgres({ inputs: { databaseVersion: "POSTGRES_17" } } as GuardResource); // true
 * ```
 */
export declare function isPostgres(r: Pick<GuardResource, "inputs">): boolean | "opaque";
/** Rows 2–4: TLS required (ENCRYPTED_ONLY or client certificates). */
export declare const SQL_SSL_REQUIRED: ResourceRule;
/** Row 1: Checkov's stricter reading (client certificates). Advisory: our default is ENCRYPTED_ONLY. */
export declare const SQL_SSL_CLIENT_CERTIFICATES: ResourceRule;
/** Rows 5, 7–9: no public IPv4 (explicitly false: the provider default is a public IP). */
export declare const SQL_NO_PUBLIC_IP: ResourceRule;
/** Rows 6–9: no authorized network open to the internet. */
export declare const SQL_NO_OPEN_AUTHORIZED_NETWORKS: ResourceRule;
/** Rows 10–13: automated backups (replicas are not applicable). */
export declare const SQL_BACKUPS_ENABLED: ResourceRule;
/** Row 14: latest major engine version. */
export declare const SQL_LATEST_MAJOR_VERSION: ResourceRule;
/** Rows 15–26: one rule per PostgreSQL flag. */
export declare const PG_FLAG_RULES: readonly ResourceRule[];
/** Row 27 (second half): statistics logging stays off. */
export declare const PG_NO_STATS_LOGGING: ResourceRule;
/** Every Cloud SQL rule (table rows 1–27). */
export declare const SQL_RULES: readonly ResourceRule[];
