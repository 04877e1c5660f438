/**
 * Cloud SQL rules: reference table §1a rows 1–14 (TLS, public access, backups, engine version),
 * against the Pulumi input names of `gcp.sql.DatabaseInstance`. Rows 15–27 (PostgreSQL flags) are
 * in security-postgres.ts; SQL_RULES includes both.
 */
import { LATEST_POSTGRES_VERSION } from "../../../components/postgres-with-backups/spec";
import { Severity } from "../../model";
import { isReplica } from "./prod-profile";
import { GCP } from "./tokens";
import {
  Category,
  Level,
  Scope,
  expectValue,
  unverified,
  type GuardResource,
  type ResourceRule,
  type RuleHit,
} from "../types";
import { PG_FLAG_RULES, PG_NO_STATS_LOGGING } from "./security-postgres";
import { read } from "../values";

/**
 * Cloud SQL `sslMode` values.
 *
 * @example
 * ```ts
 * settings: { ipConfiguration: { sslMode: SslMode.encryptedOnly } }
 * ```
 */
export const SslMode = {
  allowUnencrypted: "ALLOW_UNENCRYPTED_AND_ENCRYPTED",
  encryptedOnly: "ENCRYPTED_ONLY",
  trustedClientCertificate: "TRUSTED_CLIENT_CERTIFICATE_REQUIRED",
} as const;
/** A Cloud SQL SSL mode. */
export type SslMode = (typeof SslMode)[keyof typeof SslMode];

/**
 * The newest major version of each Cloud SQL engine (CKV_GCP_79). PostgreSQL's comes from the one
 * version list in components/postgres-with-backups/spec.ts, so it follows Cloud SQL, not a copy.
 *
 * @example
 * ```ts
 * (LATEST_MAJOR_VERSIONS as readonly string[]).includes("POSTGRES_18"); // true
 * ```
 */
export const LATEST_MAJOR_VERSIONS = [
  LATEST_POSTGRES_VERSION,
  "MYSQL_8_0",
  "SQLSERVER_2022_STANDARD",
  "SQLSERVER_2022_WEB",
  "SQLSERVER_2022_ENTERPRISE",
  "SQLSERVER_2022_EXPRESS",
] as const;

const sql = { scope: Scope.resource, category: Category.security, appliesTo: [GCP.sqlInstance] } as const;
const label = (r: GuardResource) => `DatabaseInstance "${r.name}"`;

/**
 * Rows 2–4: TLS required (ENCRYPTED_ONLY or client certificates).
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: [SQL_SSL_REQUIRED] });
 * ```
 */
export const SQL_SSL_REQUIRED: ResourceRule = {
  ...sql,
  id: "gcp/sql-ssl-required",
  refs: ["AVD-GCP-0015", "KICS 02474449", "CIS 6.4"],
  level: Level.L1,
  critical: true,
  severity: Severity.high,
  description:
    "Cloud SQL accepts only encrypted connections (sslMode ENCRYPTED_ONLY or TRUSTED_CLIENT_CERTIFICATE_REQUIRED).",
  remediation: 'Set settings.ipConfiguration.sslMode: "ENCRYPTED_ONLY".',
  check(r) {
    const legacy = read(r.inputs, "settings.ipConfiguration.requireSsl");
    if (legacy.kind === "set" && legacy.value === true) return [];
    return expectValue(
      r.inputs,
      "settings.ipConfiguration.sslMode",
      (v) => v === SslMode.encryptedOnly || v === SslMode.trustedClientCertificate,
      (got) =>
        `${label(r)}: settings.ipConfiguration.sslMode is ${got}, so unencrypted connections are accepted; set sslMode: "ENCRYPTED_ONLY".`,
    );
  },
};

/**
 * Row 1: Checkov's stricter reading (client certificates). Advisory: our default is ENCRYPTED_ONLY.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: [SQL_SSL_CLIENT_CERTIFICATES] });
 * ```
 */
export const SQL_SSL_CLIENT_CERTIFICATES: ResourceRule = {
  ...sql,
  id: "gcp/sql-ssl-client-certificates",
  refs: ["CKV_GCP_6"],
  level: Level.L2,
  advisoryOnly: true,
  severity: Severity.low,
  description:
    "Checkov's reading: Cloud SQL requires trusted client certificates (sslMode TRUSTED_CLIENT_CERTIFICATE_REQUIRED). Advisory: the platform uses ENCRYPTED_ONLY with the Cloud SQL connector / IAM auth.",
  remediation:
    'Set settings.ipConfiguration.sslMode: "TRUSTED_CLIENT_CERTIFICATE_REQUIRED" if every client can present a client certificate.',
  check(r) {
    const legacy = read(r.inputs, "settings.ipConfiguration.requireSsl");
    if (legacy.kind === "set" && legacy.value === true) return [];
    return expectValue(
      r.inputs,
      "settings.ipConfiguration.sslMode",
      (v) => v === SslMode.trustedClientCertificate,
      (got) =>
        `${label(r)}: settings.ipConfiguration.sslMode is ${got}; CKV_GCP_6 passes only with "TRUSTED_CLIENT_CERTIFICATE_REQUIRED" (advisory: ENCRYPTED_ONLY already encrypts every connection).`,
    );
  },
};

/**
 * Rows 5, 7–9: no public IPv4 (explicitly false: the provider default is a public IP).
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: [SQL_NO_PUBLIC_IP] });
 * ```
 */
export const SQL_NO_PUBLIC_IP: ResourceRule = {
  ...sql,
  id: "gcp/sql-no-public-ip",
  refs: ["CKV_GCP_60", "AVD-GCP-0017", "KICS b187edca", "CIS 6.6", "CIS 6.2.9"],
  level: Level.L1,
  critical: true,
  severity: Severity.high,
  description:
    "Cloud SQL has no public IPv4 address: settings.ipConfiguration.ipv4Enabled is explicitly false (unset means public, although CKV_GCP_60 passes it).",
  remediation:
    "Set settings.ipConfiguration.ipv4Enabled: false and privateNetwork to the VPC (private services access).",
  check(r) {
    return expectValue(
      r.inputs,
      "settings.ipConfiguration.ipv4Enabled",
      (v) => v === false,
      (got) =>
        `${label(r)}: settings.ipConfiguration.ipv4Enabled is ${got === "(unset)" ? "unset (the provider default is a public IP)" : got}; set ipv4Enabled: false and connect through privateNetwork.`,
    );
  },
};

/**
 * Rows 6–9: no authorized network open to the internet.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: [SQL_NO_OPEN_AUTHORIZED_NETWORKS] });
 * ```
 */
export const SQL_NO_OPEN_AUTHORIZED_NETWORKS: ResourceRule = {
  ...sql,
  id: "gcp/sql-no-open-authorized-networks",
  refs: ["CKV_GCP_11", "AVD-GCP-0017", "KICS b187edca", "CIS 6.5"],
  level: Level.L1,
  critical: true,
  severity: Severity.critical,
  description: "No Cloud SQL authorized network ends in /0 (0.0.0.0/0 or ::/0).",
  remediation:
    "Remove the /0 entry from settings.ipConfiguration.authorizedNetworks; use private IP or the Cloud SQL connector.",
  check(r) {
    const nets = read(r.inputs, "settings.ipConfiguration.authorizedNetworks");
    if (nets.kind === "opaque") return [unverified(nets.path)];
    if (nets.kind === "absent" || !Array.isArray(nets.value)) return [];
    const hits: RuleHit[] = [];
    for (const net of nets.value as unknown[]) {
      const value = read(net, "value");
      if (value.kind === "opaque") hits.push(unverified("settings.ipConfiguration.authorizedNetworks.value"));
      else if (value.kind === "set" && String(value.value).trim().endsWith("/0"))
        hits.push({
          message: `${label(r)}: authorized network ${JSON.stringify(value.value)} opens the instance to the whole internet; remove it from settings.ipConfiguration.authorizedNetworks.`,
        });
    }
    return hits;
  },
};

/**
 * Rows 10–13: automated backups (replicas are not applicable).
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: [SQL_BACKUPS_ENABLED] });
 * ```
 */
export const SQL_BACKUPS_ENABLED: ResourceRule = {
  ...sql,
  id: "gcp/sql-backups-enabled",
  refs: ["CKV_GCP_14", "AVD-GCP-0024", "KICS cf3c7631", "CIS 6.7"],
  level: Level.L1,
  severity: Severity.high,
  description: "Cloud SQL primaries have automated backups (settings.backupConfiguration.enabled true).",
  remediation: "Set settings.backupConfiguration.enabled: true.",
  check(r) {
    if (isReplica(r)) return [];
    return expectValue(
      r.inputs,
      "settings.backupConfiguration.enabled",
      (v) => v === true,
      (got) =>
        `${label(r)}: settings.backupConfiguration.enabled is ${got}; set it to true (automated daily backups).`,
    );
  },
};

/**
 * Row 14: latest major engine version.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: [SQL_LATEST_MAJOR_VERSION] });
 * ```
 */
export const SQL_LATEST_MAJOR_VERSION: ResourceRule = {
  ...sql,
  id: "gcp/sql-latest-major-version",
  refs: ["CKV_GCP_79"],
  level: Level.L2,
  advisoryOnly: true,
  severity: Severity.low,
  description: `Cloud SQL runs the latest major version Cloud SQL offers (${LATEST_MAJOR_VERSIONS.join(", ")}). Advisory: "latest" moves, upgrades are planned work.`,
  remediation: "Plan a major-version upgrade (databaseVersion).",
  check(r) {
    return expectValue(
      r.inputs,
      "databaseVersion",
      (v) => (LATEST_MAJOR_VERSIONS as readonly unknown[]).includes(v),
      (got) =>
        `${label(r)}: databaseVersion is ${got}; CKV_GCP_79 expects the latest major (e.g. ${JSON.stringify(LATEST_POSTGRES_VERSION)}). Plan the upgrade.`,
    );
  },
};

/**
 * Every Cloud SQL rule (table rows 1–27).
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: SQL_RULES });
 * ```
 */
export const SQL_RULES: readonly ResourceRule[] = [
  SQL_SSL_REQUIRED,
  SQL_SSL_CLIENT_CERTIFICATES,
  SQL_NO_PUBLIC_IP,
  SQL_NO_OPEN_AUTHORIZED_NETWORKS,
  SQL_BACKUPS_ENABLED,
  SQL_LATEST_MAJOR_VERSION,
  ...PG_FLAG_RULES,
  PG_NO_STATS_LOGGING,
];
