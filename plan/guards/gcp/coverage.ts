/**
 * Traceability from the security reference (shared/reference/security-and-reliability.md, table
 * §1a, 48 rows) to our rule ids. Where scanners agree, several rows share one rule; where they
 * disagree (CKV_GCP_6 vs AVD-GCP-0015), each reading has its own rule.
 */

/**
 * One row of table §1a: its external ids and the rules that implement it.
 *
 * @example
 * ```ts
 * const row: TableRow = { row: 38, ids: ["CKV_GCP_95"], rules: ["gcp/redis-auth"] };
 * ```
 */
export interface TableRow {
  readonly row: number;
  readonly ids: readonly string[];
  readonly rules: readonly string[];
}

/**
 * The 48 GCP rows of table §1a.
 *
 * @example
 * ```ts
 * TABLE_1A.find((r) => r.ids.includes("CKV_GCP_6"))?.rules; // ["gcp/sql-ssl-client-certificates"]
 * ```
 */
export const TABLE_1A: readonly TableRow[] = [
  { row: 1, ids: ["CKV_GCP_6"], rules: ["gcp/sql-ssl-client-certificates"] },
  { row: 2, ids: ["AVD-GCP-0015"], rules: ["gcp/sql-ssl-required"] },
  { row: 3, ids: ["KICS 02474449"], rules: ["gcp/sql-ssl-required"] },
  { row: 4, ids: ["CIS 6.4"], rules: ["gcp/sql-ssl-required"] },
  { row: 5, ids: ["CKV_GCP_60"], rules: ["gcp/sql-no-public-ip"] },
  { row: 6, ids: ["CKV_GCP_11"], rules: ["gcp/sql-no-open-authorized-networks"] },
  { row: 7, ids: ["AVD-GCP-0017"], rules: ["gcp/sql-no-public-ip", "gcp/sql-no-open-authorized-networks"] },
  { row: 8, ids: ["KICS b187edca"], rules: ["gcp/sql-no-public-ip", "gcp/sql-no-open-authorized-networks"] },
  {
    row: 9,
    ids: ["CIS 6.5", "CIS 6.6", "CIS 6.2.9"],
    rules: ["gcp/sql-no-open-authorized-networks", "gcp/sql-no-public-ip"],
  },
  { row: 10, ids: ["CKV_GCP_14"], rules: ["gcp/sql-backups-enabled"] },
  { row: 11, ids: ["AVD-GCP-0024"], rules: ["gcp/sql-backups-enabled"] },
  { row: 12, ids: ["KICS cf3c7631"], rules: ["gcp/sql-backups-enabled"] },
  { row: 13, ids: ["CIS 6.7"], rules: ["gcp/sql-backups-enabled"] },
  { row: 14, ids: ["CKV_GCP_79"], rules: ["gcp/sql-latest-major-version"] },
  { row: 15, ids: ["CKV_GCP_52", "AVD-GCP-0016", "CIS 6.2.2"], rules: ["gcp/pg-log-connections"] },
  { row: 16, ids: ["CKV_GCP_53", "AVD-GCP-0022", "CIS 6.2.3"], rules: ["gcp/pg-log-disconnections"] },
  { row: 17, ids: ["CKV_GCP_57", "AVD-GCP-0021", "CIS 6.2.7"], rules: ["gcp/pg-log-min-duration-statement"] },
  { row: 18, ids: ["CKV_GCP_110", "CIS 6.2.8"], rules: ["gcp/pg-pgaudit"] },
  { row: 19, ids: ["CKV_GCP_111", "CIS 6.2.4"], rules: ["gcp/pg-log-statement"] },
  { row: 20, ids: ["CKV_GCP_55", "CIS 6.2.5"], rules: ["gcp/pg-log-min-messages"] },
  { row: 21, ids: ["CKV_GCP_109", "AVD-GCP-0018", "CIS 6.2.6"], rules: ["gcp/pg-log-min-error-statement"] },
  { row: 22, ids: ["CIS 6.2.1"], rules: ["gcp/pg-log-error-verbosity"] },
  { row: 23, ids: ["CKV_GCP_51", "AVD-GCP-0025"], rules: ["gcp/pg-log-checkpoints"] },
  { row: 24, ids: ["CKV_GCP_54", "AVD-GCP-0020"], rules: ["gcp/pg-log-lock-waits"] },
  { row: 25, ids: ["CKV_GCP_56", "AVD-GCP-0014"], rules: ["gcp/pg-log-temp-files"] },
  { row: 26, ids: ["CKV_GCP_108"], rules: ["gcp/pg-log-hostname"] },
  {
    row: 27,
    ids: ["CKV2_GCP_13", "CKV2_GCP_14", "CKV2_GCP_15", "CKV2_GCP_16", "CKV2_GCP_17"],
    rules: ["gcp/pg-log-duration", "gcp/pg-no-stats-logging"],
  },
  { row: 28, ids: ["CKV_GCP_43"], rules: ["gcp/kms-rotation"] },
  { row: 29, ids: ["AVD-GCP-0065"], rules: ["gcp/kms-rotation"] },
  { row: 30, ids: ["KICS d8c57c4e", "CIS 1.10"], rules: ["gcp/kms-rotation"] },
  { row: 31, ids: ["CKV_GCP_82"], rules: ["gcp/kms-prevent-destroy"] },
  { row: 32, ids: ["CKV_GCP_112"], rules: ["gcp/kms-not-public"] },
  { row: 33, ids: ["CKV2_GCP_6", "CKV2_GCP_8", "KICS 16cc87d1", "CIS 1.9"], rules: ["gcp/kms-not-public"] },
  { row: 34, ids: ["KICS 92e4464a", "CIS 1.11"], rules: ["gcp/kms-separation-of-duties"] },
  { row: 35, ids: ["CKV_GCP_102"], rules: ["gcp/run-no-public-invoker"] },
  { row: 36, ids: ["KICS 07a27a3b"], rules: ["gcp/run-no-public-invoker"] },
  { row: 37, ids: [], rules: ["gcp/run-ingress-restricted"] },
  { row: 38, ids: ["CKV_GCP_95"], rules: ["gcp/redis-auth"] },
  { row: 39, ids: ["CKV_GCP_97"], rules: ["gcp/redis-transit-encryption"] },
  { row: 40, ids: ["CKV2_GCP_5", "CIS 2.1"], rules: ["gcp/audit-logs-all-services"] },
  { row: 41, ids: ["AVD-GCP-0079", "KICS 89fe890f"], rules: ["gcp/audit-config-complete"] },
  { row: 42, ids: ["KICS 39d83c5a", "CIS 2.5"], rules: ["gcp/log-alert-audit-config-changes"] },
  { row: 43, ids: ["KICS a881b71c", "CIS 2.4"], rules: ["gcp/log-alert-project-ownership"] },
  { row: 44, ids: ["KICS 69d4f245", "CIS 2.6"], rules: ["gcp/log-alert-custom-role-changes"] },
  { row: 45, ids: ["CIS 2.11"], rules: ["gcp/log-alert-sql-config-changes"] },
  { row: 46, ids: ["CKV_GCP_41", "AVD-GCP-0011", "CIS 1.6"], rules: ["gcp/iam-no-project-sa-impersonation"] },
  {
    row: 47,
    ids: ["CKV_GCP_46", "CKV_GCP_117", "AVD-GCP-0007"],
    rules: [
      "gcp/iam-no-default-sa-grants",
      "gcp/iam-no-basic-roles",
      "gcp/iam-no-privileged-sa",
      "gcp/run-dedicated-service-account",
    ],
  },
  {
    row: 48,
    ids: ["CKV_GCP_101", "CKV_GCP_84"],
    rules: ["gcp/artifact-registry-private", "gcp/artifact-registry-cmek"],
  },
];

/**
 * Checkov checks outside table §1a that the platform's own resources should pass, and the rule
 * that implements each (issue 10, "guards that match the peers").
 *
 * @example
 * ```ts
 * PEER_CHECKS.find((c) => c.ids.includes("CKV_GCP_26"))?.rules; // ["gcp/subnet-flow-logs"]
 * ```
 */
export const PEER_CHECKS: readonly { readonly ids: readonly string[]; readonly rules: readonly string[] }[] =
  [
    { ids: ["CKV_GCP_26"], rules: ["gcp/subnet-flow-logs"] },
    { ids: ["CKV_GCP_74"], rules: ["gcp/subnet-private-google-access"] },
    { ids: ["CKV_GCP_27"], rules: ["gcp/no-default-network"] },
    { ids: ["CKV2_GCP_3"], rules: ["gcp/iam-no-user-managed-sa-keys"] },
    { ids: ["CKV_GCP_42"], rules: ["gcp/iam-no-privileged-sa"] },
    { ids: ["CKV_GCP_49"], rules: ["gcp/iam-no-sa-management-roles"] },
    { ids: ["CKV_GCP_83"], rules: ["gcp/pubsub-cmek"] },
    { ids: ["CKV_GCP_99"], rules: ["gcp/pubsub-not-public"] },
    { ids: ["CKV2_GCP_4"], rules: ["gcp/log-sink-bucket-locked"] },
  ];
