/**
 * One failing and one passing fixture per AWS rule id (prod profile), shared by the AWS guard tests
 * and the CrossGuard policy tests. Failing fixtures break one thing in the careful prod inventory,
 * the way Checkov's own test cases pair a FAILED resource with a PASSED one.
 */
import type { GuardResource } from "../../plan/guards/types";
import { CIS_AWS_ALARMS } from "../../plan/guards/aws/cis-alarms";
import { ARNS, PG_PARAMETERS, awsInventory, awsRes } from "./aws-fixtures";

/** What a case feeds runGuards. */
export interface AwsCaseInput {
  readonly resources: readonly GuardResource[];
}

/** A rule's failing and passing fixture. */
export interface AwsRuleCase {
  readonly rule: string;
  readonly fail: () => AwsCaseInput;
  /** @default {@link carefulAwsProd} */
  readonly pass?: () => AwsCaseInput;
}

/** A careful RDS PostgreSQL instance (Multi-AZ, encrypted with the CMK, private, logged). */
export function rdsInstance(overrides: Record<string, unknown> = {}): GuardResource[] {
  return [
    awsRes(
      "aws:rds/instance:Instance",
      "rds-db",
      {
        engine: "postgres",
        engineVersion: "16.4",
        instanceClass: "db.t4g.small",
        allocatedStorage: 20,
        storageType: "gp3",
        multiAz: true,
        storageEncrypted: true,
        kmsKeyId: ARNS.dataKey,
        publiclyAccessible: false,
        backupRetentionPeriod: 14,
        deletionProtection: true,
        skipFinalSnapshot: false,
        finalSnapshotIdentifier: "acme-prod-rds-final",
        copyTagsToSnapshot: true,
        iamDatabaseAuthenticationEnabled: true,
        enabledCloudwatchLogsExports: ["postgresql", "upgrade"],
        parameterGroupName: "acme-prod-rds-params",
        performanceInsightsEnabled: true,
        performanceInsightsKmsKeyId: ARNS.dataKey,
        monitoringInterval: 60,
        caCertIdentifier: "rds-ca-rsa2048-g1",
        ...overrides,
      },
      { component: "db", protect: true },
    ),
    awsRes(
      "aws:rds/parameterGroup:ParameterGroup",
      "rds-params",
      { family: "postgres16", parameters: PG_PARAMETERS },
      { component: "db" },
    ),
  ];
}

/** The careful prod inventory plus an RDS instance: passes every AWS rule. */
export function carefulAwsProd(): AwsCaseInput {
  return { resources: [...awsInventory("prod"), ...rdsInstance()] };
}

/** The careful inventory with one resource's inputs edited (by logical name). */
function edit(name: string, change: (inputs: Record<string, unknown>) => void): AwsCaseInput {
  const resources = carefulAwsProd().resources.map((r) => {
    if (r.name !== name) return r;
    const inputs = structuredClone(r.inputs) as Record<string, unknown>;
    change(inputs);
    return { ...r, inputs };
  });
  if (!resources.some((r) => r.name === name)) throw new Error(`no resource named ${name}`);
  return { resources };
}
const set = (name: string, path: string, value: unknown) =>
  edit(name, (i) => {
    const parts = path.split(".");
    let cur = i;
    for (const p of parts.slice(0, -1)) cur = (cur[p] ??= {}) as Record<string, unknown>;
    if (value === undefined) delete cur[parts[parts.length - 1]!];
    else cur[parts[parts.length - 1]!] = value;
  });
const without = (...names: string[]): AwsCaseInput => ({
  resources: carefulAwsProd().resources.filter((r) => !names.includes(r.name)),
});
const params = (list: readonly { name: string; value: string }[]) => set("db-params", "parameters", list);
const protect = (name: string, value: boolean): AwsCaseInput => ({
  resources: carefulAwsProd().resources.map((r) => (r.name === name ? { ...r, protect: value } : r)),
});

/** Every AWS rule id with its fixtures. */
export const AWS_RULE_CASES: readonly AwsRuleCase[] = [
  // RDS / Aurora
  { rule: "aws/rds-storage-encrypted", fail: () => set("db-cluster", "storageEncrypted", false) },
  { rule: "aws/rds-cmk", fail: () => set("rds-db", "kmsKeyId", undefined) },
  { rule: "aws/rds-not-public", fail: () => set("db-writer", "publiclyAccessible", true) },
  { rule: "aws/rds-backups-enabled", fail: () => set("db-cluster", "backupRetentionPeriod", 0) },
  { rule: "aws/rds-backup-retention", fail: () => set("rds-db", "backupRetentionPeriod", 1) },
  { rule: "aws/rds-deletion-protection", fail: () => set("db-cluster", "deletionProtection", false) },
  { rule: "aws/rds-multi-az", fail: () => set("rds-db", "multiAz", false) },
  { rule: "aws/rds-iam-auth", fail: () => set("db-cluster", "iamDatabaseAuthenticationEnabled", false) },
  { rule: "aws/rds-log-exports", fail: () => set("rds-db", "enabledCloudwatchLogsExports", ["upgrade"]) },
  { rule: "aws/rds-auto-minor-upgrade", fail: () => set("db-writer", "autoMinorVersionUpgrade", false) },
  { rule: "aws/rds-copy-tags-to-snapshot", fail: () => set("db-cluster", "copyTagsToSnapshot", undefined) },
  { rule: "aws/rds-enhanced-monitoring", fail: () => set("db-writer", "monitoringInterval", 0) },
  { rule: "aws/rds-performance-insights", fail: () => set("rds-db", "performanceInsightsEnabled", false) },
  {
    rule: "aws/rds-performance-insights-cmk",
    fail: () => set("db-reader", "performanceInsightsKmsKeyId", undefined),
  },
  { rule: "aws/rds-ca-certificate", fail: () => set("rds-db", "caCertIdentifier", "rds-ca-2019") },
  {
    rule: "aws/rds-custom-parameter-group",
    fail: () => set("rds-db", "parameterGroupName", "default.postgres16"),
  },
  { rule: "aws/rds-force-ssl", fail: () => params(PG_PARAMETERS.filter((p) => p.name !== "rds.force_ssl")) },
  {
    rule: "aws/rds-pg-query-logging",
    fail: () => params(PG_PARAMETERS.filter((p) => p.name !== "log_statement")),
  },
  {
    rule: "aws/rds-pg-log-connections",
    fail: () => params(PG_PARAMETERS.map((p) => (p.name === "log_connections" ? { ...p, value: "0" } : p))),
  },
  // ElastiCache
  { rule: "aws/cache-at-rest-encryption", fail: () => set("cache", "atRestEncryptionEnabled", false) },
  { rule: "aws/cache-transit-encryption", fail: () => set("cache", "transitEncryptionMode", "preferred") },
  { rule: "aws/cache-auth", fail: () => set("cache", "authTokenWo", undefined) },
  { rule: "aws/cache-cmk", fail: () => set("cache", "kmsKeyId", undefined) },
  { rule: "aws/cache-multi-az-failover", fail: () => set("cache", "multiAzEnabled", false) },
  { rule: "aws/cache-backups", fail: () => set("cache", "snapshotRetentionLimit", 0) },
  { rule: "aws/cache-auto-minor-upgrade", fail: () => set("cache", "autoMinorVersionUpgrade", false) },
  { rule: "aws/cache-subnet-group", fail: () => set("cache", "subnetGroupName", "default") },
  // KMS and Secrets Manager
  { rule: "aws/kms-rotation", fail: () => set("keys-data", "rotationPeriodInDays", 365) },
  { rule: "aws/kms-key-policy", fail: () => set("keys-signing", "policy", undefined) },
  {
    rule: "aws/kms-no-wildcard-principal",
    fail: () =>
      set(
        "keys-data",
        "policy",
        JSON.stringify({
          Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "kms:Decrypt", Resource: "*" }],
        }),
      ),
  },
  { rule: "aws/kms-key-enabled", fail: () => set("keys-data", "isEnabled", false) },
  { rule: "aws/kms-prevent-destroy", fail: () => protect("keys-signing", false) },
  { rule: "aws/secret-cmk", fail: () => set("db-password", "kmsKeyId", undefined) },
  { rule: "aws/secret-rotation", fail: () => without("cache-auth-rotation") },
  {
    rule: "aws/secret-rotation-90-days",
    fail: () => set("db-password-rotation", "rotationRules.automaticallyAfterDays", 120),
  },
  // Lambda
  { rule: "aws/lambda-concurrency-limit", fail: () => set("api", "reservedConcurrentExecutions", undefined) },
  { rule: "aws/lambda-dlq", fail: () => set("api", "deadLetterConfig", undefined) },
  { rule: "aws/lambda-in-vpc", fail: () => set("api", "vpcConfig", undefined) },
  { rule: "aws/lambda-env-kms", fail: () => set("api", "kmsKeyArn", undefined) },
  {
    rule: "aws/lambda-no-secrets-in-env",
    fail: () => set("api", "environment.variables.DB_PASSWORD", "hunter2-but-longer"),
  },
  { rule: "aws/lambda-tracing", fail: () => set("api", "tracingConfig.mode", "PassThrough") },
  {
    rule: "aws/lambda-code-signing",
    fail: () =>
      edit("api", (i) =>
        Object.assign(i, { packageType: "Zip", runtime: "nodejs22.x", handler: "index.handler" }),
      ),
  },
  {
    rule: "aws/lambda-runtime-supported",
    fail: () =>
      edit("api", (i) =>
        Object.assign(i, {
          packageType: "Zip",
          runtime: "go1.x",
          handler: "main",
          codeSigningConfigArn: "arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-1",
        }),
      ),
  },
  { rule: "aws/lambda-url-auth", fail: () => set("api-url", "authorizationType", "NONE") },
  { rule: "aws/lambda-permission-restricted", fail: () => set("api-url-invoke", "principal", "*") },
  // Logging and monitoring
  { rule: "aws/log-group-kms", fail: () => set("api-logs", "kmsKeyId", undefined) },
  { rule: "aws/log-group-retention", fail: () => set("net-flow-logs", "retentionInDays", undefined) },
  { rule: "aws/log-group-retention-1-year", fail: () => set("api-logs", "retentionInDays", 30) },
  { rule: "aws/alarm-actions-enabled", fail: () => set("obs-errors", "alarmActions", []) },
  { rule: "aws/sns-encrypted", fail: () => set("budget-topic", "kmsMasterKeyId", "alias/aws/sns") },
  { rule: "aws/cloudtrail-configured", fail: () => set("obs-trail", "enableLogFileValidation", false) },
  { rule: "aws/cloudtrail-exists", fail: () => without("obs-trail") },
  { rule: "aws/vpc-flow-logs", fail: () => without("net-flow-log") },
  {
    rule: "aws/default-security-group-closed",
    fail: () =>
      set("net-default-sg", "egress", [
        { protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] },
      ]),
  },
  ...Object.values(CIS_AWS_ALARMS).map((c) => ({
    rule: c.id,
    fail: () => without(`obs-cis-${c.metric}`),
  })),
  // Prod profile
  { rule: "aws/prod-db-ha", fail: () => without("db-reader") },
  { rule: "aws/prod-db-backups", fail: () => set("db-cluster", "backupRetentionPeriod", 3) },
  { rule: "aws/prod-db-deletion-protection", fail: () => set("rds-db", "skipFinalSnapshot", true) },
  { rule: "aws/prod-cmek", fail: () => set("db-cluster", "kmsKeyId", undefined) },
  { rule: "aws/prod-hsm", fail: () => set("keys-data", "xksKeyId", "xks-key-1") },
  { rule: "aws/prod-key-deletion-window", fail: () => set("keys-signing", "deletionWindowInDays", 7) },
  { rule: "aws/prod-cache-ha", fail: () => set("cache", "numCacheClusters", 1) },
  { rule: "aws/prod-lambda-warm", fail: () => without("api-warm") },
  { rule: "aws/prod-protect", fail: () => protect("db-cluster", false) },
];
