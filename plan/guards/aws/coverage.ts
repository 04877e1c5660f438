/**
 * Traceability from the AWS security references (aws-anchors.md §9 and the AWS rows of
 * security-and-reliability.md §1b) to our rule ids. Rows for resources the platform does not create
 * (ECS, SQS, API Gateway, AWS Backup vaults, ElastiCache clusters outside replication groups) say why
 * they have no rule.
 */

/**
 * One reference row: its external ids, and the rules that implement it or why none does.
 *
 * @example
 * ```ts
 * const row: AwsTableRow = { source: "§9", ids: ["CKV_AWS_258"], rules: ["aws/lambda-url-auth"] };
 * ```
 */
export interface AwsTableRow {
  readonly source: "§9" | "§1b";
  readonly ids: readonly string[];
  readonly rules: readonly string[];
  /** Why no rule implements the row (the platform does not create the resource). */
  readonly notApplicable?: string;
}

const NO_ECS = "the platform runs services on Lambda, not ECS";
const NO_SQS = "the platform creates no SQS queue";
const NO_APIGW = "services are reached through Function URLs, not API Gateway";

/**
 * The AWS rows.
 *
 * @example
 * ```ts
 * TABLE_AWS.find((r) => r.ids.includes("CKV_AWS_7"))?.rules; // ["aws/kms-rotation"]
 * ```
 */
export const TABLE_AWS: readonly AwsTableRow[] = [
  // security-and-reliability.md §1b
  { source: "§1b", ids: ["CKV_AWS_16", "AVD-AWS-0080"], rules: ["aws/rds-storage-encrypted"] },
  { source: "§1b", ids: ["CKV_AWS_17", "AVD-AWS-0180"], rules: ["aws/rds-not-public"] },
  { source: "§1b", ids: ["CKV_AWS_133"], rules: ["aws/rds-backups-enabled"] },
  { source: "§1b", ids: ["AVD-AWS-0077"], rules: ["aws/rds-backup-retention"] },
  { source: "§1b", ids: ["CKV_AWS_293", "AVD-AWS-0177"], rules: ["aws/rds-deletion-protection"] },
  { source: "§1b", ids: ["CKV_AWS_157"], rules: ["aws/rds-multi-az"] },
  { source: "§1b", ids: ["CKV_AWS_161", "AVD-AWS-0176"], rules: ["aws/rds-iam-auth"] },
  { source: "§1b", ids: ["CKV_AWS_129"], rules: ["aws/rds-log-exports"] },
  { source: "§1b", ids: ["CKV_AWS_226"], rules: ["aws/rds-auto-minor-upgrade"] },
  { source: "§1b", ids: ["CKV_AWS_29", "AVD-AWS-0045"], rules: ["aws/cache-at-rest-encryption"] },
  { source: "§1b", ids: ["CKV_AWS_30", "AVD-AWS-0051"], rules: ["aws/cache-transit-encryption"] },
  { source: "§1b", ids: ["CKV_AWS_31"], rules: ["aws/cache-auth"] },
  { source: "§1b", ids: ["CKV_AWS_191"], rules: ["aws/cache-cmk"] },
  { source: "§1b", ids: ["AVD-AWS-0050"], rules: ["aws/cache-backups"] },
  { source: "§1b", ids: ["CKV_AWS_7", "AVD-AWS-0065"], rules: ["aws/kms-rotation"] },
  { source: "§1b", ids: ["CKV_AWS_33"], rules: ["aws/kms-no-wildcard-principal"] },
  { source: "§1b", ids: ["CKV_AWS_227"], rules: ["aws/kms-key-enabled"] },
  // aws-anchors.md §9
  { source: "§9", ids: ["CKV2_AWS_64"], rules: ["aws/kms-key-policy"] },
  { source: "§9", ids: ["CKV_AWS_96", "AVD-AWS-0079"], rules: ["aws/rds-storage-encrypted"] },
  { source: "§9", ids: ["CKV_AWS_327"], rules: ["aws/rds-cmk"] },
  { source: "§9", ids: ["CKV_AWS_139", "AVD-AWS-0343"], rules: ["aws/rds-deletion-protection"] },
  { source: "§9", ids: ["CKV_AWS_162"], rules: ["aws/rds-iam-auth"] },
  { source: "§9", ids: ["CKV_AWS_313", "CKV2_AWS_60"], rules: ["aws/rds-copy-tags-to-snapshot"] },
  { source: "§9", ids: ["CKV_AWS_324"], rules: ["aws/rds-log-exports"] },
  { source: "§9", ids: ["CKV_AWS_118"], rules: ["aws/rds-enhanced-monitoring"] },
  { source: "§9", ids: ["CKV_AWS_353", "AVD-AWS-0133"], rules: ["aws/rds-performance-insights"] },
  { source: "§9", ids: ["CKV_AWS_354", "AVD-AWS-0078"], rules: ["aws/rds-performance-insights-cmk"] },
  { source: "§9", ids: ["CKV_AWS_211"], rules: ["aws/rds-ca-certificate"] },
  { source: "§9", ids: ["CKV2_AWS_69"], rules: ["aws/rds-force-ssl", "aws/rds-custom-parameter-group"] },
  {
    source: "§9",
    ids: ["CKV2_AWS_30", "CKV2_AWS_27"],
    rules: ["aws/rds-pg-query-logging", "aws/rds-custom-parameter-group"],
  },
  {
    source: "§9",
    ids: ["CKV_AWS_245"],
    rules: [],
    notApplicable: "the platform creates no cross-region automated-backup replication",
  },
  {
    source: "§9",
    ids: ["CKV2_AWS_8"],
    rules: [],
    notApplicable: "backups are RDS automated backups with PITR; no AWS Backup plan is created",
  },
  {
    source: "§9",
    ids: ["CKV_AWS_166"],
    rules: [],
    notApplicable: "the platform creates no AWS Backup vault",
  },
  {
    source: "§9",
    ids: ["CKV_AWS_250", "CKV_AWS_388"],
    rules: [],
    notApplicable:
      "engine-version vulnerabilities: versions are pinned by the component and reviewed on upgrade",
  },
  { source: "§9", ids: ["CKV_AWS_134"], rules: ["aws/cache-backups"] },
  { source: "§9", ids: ["CKV2_AWS_50"], rules: ["aws/cache-multi-az-failover"] },
  {
    source: "§9",
    ids: ["CKV_AWS_322", "CKV_AWS_323"],
    rules: ["aws/cache-auto-minor-upgrade", "aws/cache-subnet-group"],
  },
  { source: "§9", ids: ["CKV_AWS_149", "AVD-AWS-0098"], rules: ["aws/secret-cmk"] },
  { source: "§9", ids: ["CKV2_AWS_57"], rules: ["aws/secret-rotation"] },
  { source: "§9", ids: ["CKV_AWS_304"], rules: ["aws/secret-rotation-90-days"] },
  { source: "§9", ids: ["CKV_AWS_115"], rules: ["aws/lambda-concurrency-limit"] },
  { source: "§9", ids: ["CKV_AWS_116"], rules: ["aws/lambda-dlq"] },
  { source: "§9", ids: ["CKV_AWS_117"], rules: ["aws/lambda-in-vpc"] },
  { source: "§9", ids: ["CKV_AWS_173"], rules: ["aws/lambda-env-kms"] },
  { source: "§9", ids: ["CKV_AWS_45"], rules: ["aws/lambda-no-secrets-in-env"] },
  { source: "§9", ids: ["CKV_AWS_50", "AVD-AWS-0066"], rules: ["aws/lambda-tracing"] },
  { source: "§9", ids: ["CKV_AWS_272"], rules: ["aws/lambda-code-signing"] },
  { source: "§9", ids: ["CKV_AWS_363"], rules: ["aws/lambda-runtime-supported"] },
  { source: "§9", ids: ["CKV_AWS_258"], rules: ["aws/lambda-url-auth"] },
  {
    source: "§9",
    ids: ["CKV_AWS_301", "CKV_AWS_364", "AVD-AWS-0067"],
    rules: ["aws/lambda-permission-restricted"],
  },
  { source: "§9", ids: ["CKV_AWS_65", "AVD-AWS-0034"], rules: [], notApplicable: NO_ECS },
  { source: "§9", ids: ["CKV_AWS_223", "CKV_AWS_224"], rules: [], notApplicable: NO_ECS },
  { source: "§9", ids: ["CKV_AWS_249"], rules: [], notApplicable: NO_ECS },
  { source: "§9", ids: ["CKV_AWS_334", "CKV_AWS_335", "CKV_AWS_336"], rules: [], notApplicable: NO_ECS },
  { source: "§9", ids: ["CKV_AWS_97", "AVD-AWS-0035"], rules: [], notApplicable: NO_ECS },
  { source: "§9", ids: ["AVD-AWS-0036"], rules: ["aws/lambda-no-secrets-in-env"] },
  { source: "§9", ids: ["CKV_AWS_332", "CKV_AWS_333"], rules: [], notApplicable: NO_ECS },
  { source: "§9", ids: ["CKV_AWS_158", "AVD-AWS-0017"], rules: ["aws/log-group-kms"] },
  {
    source: "§9",
    ids: ["CKV_AWS_66", "CKV_AWS_338"],
    rules: ["aws/log-group-retention", "aws/log-group-retention-1-year"],
  },
  { source: "§9", ids: ["CKV_AWS_319"], rules: ["aws/alarm-actions-enabled"] },
  {
    source: "§9",
    ids: [
      "AVD-AWS-0147",
      "AVD-AWS-0148",
      "AVD-AWS-0149",
      "AVD-AWS-0150",
      "AVD-AWS-0151",
      "AVD-AWS-0152",
      "AVD-AWS-0153",
      "AVD-AWS-0154",
      "AVD-AWS-0155",
      "AVD-AWS-0156",
      "AVD-AWS-0157",
      "AVD-AWS-0158",
      "AVD-AWS-0159",
      "AVD-AWS-0160",
      "AVD-AWS-0174",
    ],
    rules: [
      "aws/cis-alarm-unauthorized-api-calls",
      "aws/cis-alarm-no-mfa-console-signin",
      "aws/cis-alarm-root-usage",
      "aws/cis-alarm-iam-changes",
      "aws/cis-alarm-cloudtrail-changes",
      "aws/cis-alarm-console-signin-failures",
      "aws/cis-alarm-kms-key-disable-or-delete",
      "aws/cis-alarm-s3-bucket-policy-changes",
      "aws/cis-alarm-config-changes",
      "aws/cis-alarm-security-group-changes",
      "aws/cis-alarm-nacl-changes",
      "aws/cis-alarm-network-gateway-changes",
      "aws/cis-alarm-route-table-changes",
      "aws/cis-alarm-vpc-changes",
      "aws/cis-alarm-organizations-changes",
    ],
  },
  { source: "§9", ids: ["CKV_AWS_26", "AVD-AWS-0095", "AVD-AWS-0136"], rules: ["aws/sns-encrypted"] },
  {
    source: "§9",
    ids: ["CKV_AWS_27", "AVD-AWS-0096", "AVD-AWS-0135", "CKV_AWS_72", "CKV_AWS_168", "CKV_AWS_387"],
    rules: [],
    notApplicable: NO_SQS,
  },
  {
    source: "§9",
    ids: ["CKV_AWS_76", "AVD-AWS-0001", "CKV_AWS_309", "CKV2_AWS_51"],
    rules: [],
    notApplicable: NO_APIGW,
  },
];
