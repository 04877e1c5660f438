/**
 * Pulumi type tokens the AWS guards read (checked against node_modules/@pulumi/aws 7.48 `__pulumiType`),
 * and small readers for AWS-shaped inputs (policy documents, parameter lists).
 */
import type { GuardResource } from "../types";
import { read, valueAt, type Read } from "../values";

/**
 * AWS type tokens.
 *
 * @example
 * ```ts
 * if (resource.type === AWS.rdsCluster) { ... }
 * ```
 */
export const AWS = {
  vpc: "aws:ec2/vpc:Vpc",
  flowLog: "aws:ec2/flowLog:FlowLog",
  defaultSecurityGroup: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
  kmsKey: "aws:kms/key:Key",
  kmsKeyPolicy: "aws:kms/keyPolicy:KeyPolicy",
  rdsInstance: "aws:rds/instance:Instance",
  rdsCluster: "aws:rds/cluster:Cluster",
  rdsClusterInstance: "aws:rds/clusterInstance:ClusterInstance",
  rdsParameterGroup: "aws:rds/parameterGroup:ParameterGroup",
  rdsClusterParameterGroup: "aws:rds/clusterParameterGroup:ClusterParameterGroup",
  replicationGroup: "aws:elasticache/replicationGroup:ReplicationGroup",
  cacheCluster: "aws:elasticache/cluster:Cluster",
  serverlessCache: "aws:elasticache/serverlessCache:ServerlessCache",
  secret: "aws:secretsmanager/secret:Secret",
  secretVersion: "aws:secretsmanager/secretVersion:SecretVersion",
  secretRotation: "aws:secretsmanager/secretRotation:SecretRotation",
  lambdaFunction: "aws:lambda/function:Function",
  lambdaUrl: "aws:lambda/functionUrl:FunctionUrl",
  lambdaPermission: "aws:lambda/permission:Permission",
  lambdaProvisioned: "aws:lambda/provisionedConcurrencyConfig:ProvisionedConcurrencyConfig",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  metricAlarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
  compositeAlarm: "aws:cloudwatch/compositeAlarm:CompositeAlarm",
  logMetricFilter: "aws:cloudwatch/logMetricFilter:LogMetricFilter",
  topic: "aws:sns/topic:Topic",
  trail: "aws:cloudtrail/trail:Trail",
  bucket: "aws:s3/bucket:Bucket",
  bucketV2: "aws:s3/bucketV2:BucketV2",
} as const;
/** An AWS type token the guards know. */
export type AwsType = (typeof AWS)[keyof typeof AWS];

/**
 * A resource label for messages: `Cluster "db-cluster"`.
 *
 * @example
 * ```ts
 * label({ type: AWS.rdsCluster, name: "db" }); // 'Cluster "db"'
 * ```
 */
export function label(r: { readonly type: string; readonly name: string }): string {
  return `${r.type.slice(r.type.lastIndexOf(":") + 1)} "${r.name}"`;
}

/**
 * One IAM policy statement, normalized (single values become lists).
 *
 * @example
 * ```ts
 * const s: PolicyStatement = { effect: "Allow", principals: ["*"], actions: ["kms:*"], resources: ["*"], conditions: false };
 * ```
 */
export interface PolicyStatement {
  readonly effect: string;
  /** Principal values (`"*"` for a bare `Principal: "*"`). */
  readonly principals: readonly string[];
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  /** True when the statement has a Condition block. */
  readonly conditions: boolean;
}

const list = (v: unknown): string[] =>
  typeof v === "string" ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];

/**
 * Parses a policy document (a JSON string, or an object as some programs pass it) into statements;
 * `opaque` when the document is unknown until apply, `undefined` when absent or not a policy.
 *
 * @example
 * ```ts
 * policyStatements('{"Statement":[{"Effect":"Allow","Principal":"*","Action":"kms:*"}]}');
 * // [{ effect: "Allow", principals: ["*"], actions: ["kms:*"], resources: [], conditions: false }]
 * ```
 */
export function policyStatements(doc: Read): readonly PolicyStatement[] | "opaque" | undefined {
  if (doc.kind === "opaque") return "opaque";
  if (doc.kind === "absent") return undefined;
  let parsed: unknown = doc.value;
  if (typeof parsed === "string") {
    try {
      parsed = JSON.parse(parsed);
    } catch {
      return undefined;
    }
  }
  const raw = valueAt(parsed, "Statement");
  const statements = Array.isArray(raw) ? raw : raw && typeof raw === "object" ? [raw] : [];
  return statements.map((s: unknown) => {
    const principal = valueAt(s, "Principal");
    const principals =
      principal === "*"
        ? ["*"]
        : principal && typeof principal === "object"
          ? Object.values(principal as Record<string, unknown>).flatMap(list)
          : [];
    return {
      effect: typeof valueAt(s, "Effect") === "string" ? (valueAt(s, "Effect") as string) : "",
      principals,
      actions: list(valueAt(s, "Action")),
      resources: list(valueAt(s, "Resource")),
      conditions: valueAt(s, "Condition") !== undefined,
    };
  });
}

/**
 * Reads `parameters[{ name, value }]` of an RDS or ElastiCache parameter group: the value of `name`,
 * absent when not set, opaque when the list (or an entry that could be it) is unknown.
 *
 * @example
 * ```ts
 * readParameter({ parameters: [{ name: "rds.force_ssl", value: "1" }] }, "rds.force_ssl"); // { kind: "set", value: "1" }
 * ```
 */
export function readParameter(inputs: unknown, name: string): Read {
  const params = read(inputs, "parameters");
  if (params.kind !== "set") return params.kind === "opaque" ? params : { kind: "absent" };
  if (!Array.isArray(params.value)) return { kind: "absent" };
  let opaque = false;
  for (const entry of params.value as unknown[]) {
    const n = read(entry, "name");
    if (n.kind === "opaque") opaque = true;
    if (n.kind === "set" && n.value === name) {
      const v = read(entry, "value");
      return v.kind === "set" ? { kind: "set", value: String(v.value) } : v;
    }
  }
  return opaque ? { kind: "opaque", path: `parameters[${name}]` } : { kind: "absent" };
}

/**
 * True for an RDS instance that is a read replica (`replicateSourceDb`): replicas inherit
 * encryption and have no backups of their own.
 *
 * @example
 * ```ts
 * isRdsReplica({ inputs: { replicateSourceDb: "db" } } as GuardResource); // true
 * ```
 */
export function isRdsReplica(r: Pick<GuardResource, "type" | "inputs">): boolean {
  return r.type === AWS.rdsInstance && read(r.inputs, "replicateSourceDb").kind !== "absent";
}

/**
 * True when an engine or parameter-group family is PostgreSQL (RDS or Aurora).
 *
 * @example
 * ```ts
 * isPostgresFamily("aurora-postgresql16"); // true
 * ```
 */
export const isPostgresFamily = (value: unknown) => typeof value === "string" && value.includes("postgres");
