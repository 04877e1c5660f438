import { createHash } from "node:crypto";

// Plausible AWS ids and ARNs for offline runs (synth's mock runtime and the Pulumi CLI double):
// derived from the type, the logical name and the inputs, so the same program always gets the
// same values and IAM/KMS policies show real-looking ARNs.

/** The account offline runs use when the stack pins none. */
export const MOCK_AWS_ACCOUNT = "123456789012";

/** Where an offline AWS resource lives. */
export interface AwsPlace {
  readonly region: string;
  readonly account: string;
}

function h(seed: string, n: number): string {
  return createHash("sha256").update(seed).digest("hex").slice(0, n);
}

function uuid(seed: string): string {
  const x = h(seed, 32);
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-4${x.slice(13, 16)}-a${x.slice(17, 20)}-${x.slice(20, 32)}`;
}

function s(v: unknown, dflt: string): string {
  return typeof v === "string" && v.length > 0 ? v : dflt;
}

/** AWS's short region code used in ElastiCache host names (`us-east-1` → `use1`). */
export function regionCode(region: string): string {
  const [geo = "us", dir = "east", n = "1"] = region.split("-");
  return `${geo}${dir[0]}${n}`;
}

/**
 * The id and computed outputs of an AWS resource, or undefined for non-AWS types.
 *
 * @example
 * ```ts
 * awsComputed("aws:iam/role:Role", "api-role", { name: "shop-dev-api" }, { region: "us-east-1", account: "123456789012" });
 * // { id: "shop-dev-api", outs: { arn: "arn:aws:iam::123456789012:role/shop-dev-api", name: "shop-dev-api", uniqueId: "AROA…" } }
 * ```
 */
export function awsComputed(
  type: string,
  name: string,
  inputs: Record<string, unknown>,
  at: AwsPlace,
): { id: string; outs: Record<string, unknown> } | undefined {
  if (!type.startsWith("aws:")) return undefined;
  const { region, account } = at;
  const seed = `${type}/${name}`;
  const arn = (svc: string, res: string, r = region) => `arn:aws:${svc}:${r}:${account}:${res}`;
  const nm = s(inputs["name"], `${name}-${h(seed, 7)}`);
  switch (type) {
    case "aws:kms/key:Key": {
      const keyId = uuid(seed);
      return { id: keyId, outs: { keyId, arn: arn("kms", `key/${keyId}`) } };
    }
    case "aws:kms/alias:Alias":
      return {
        id: nm,
        outs: { arn: arn("kms", nm), targetKeyArn: arn("kms", `key/${s(inputs["targetKeyId"], "")}`) },
      };
    case "aws:iam/role:Role":
      return {
        id: nm,
        outs: {
          name: nm,
          arn: `arn:aws:iam::${account}:role/${nm}`,
          uniqueId: `AROA${h(seed, 17).toUpperCase()}`,
        },
      };
    case "aws:secretsmanager/secret:Secret": {
      const a = arn("secretsmanager", `secret:${nm}-${h(seed, 6)}`);
      return { id: a, outs: { arn: a, name: nm } };
    }
    case "aws:secretsmanager/secretVersion:SecretVersion":
      return {
        id: `${s(inputs["secretId"], nm)}|${uuid(seed)}`,
        outs: { versionId: uuid(seed), arn: s(inputs["secretId"], "") },
      };
    case "aws:cloudwatch/logGroup:LogGroup":
      return { id: nm, outs: { arn: arn("logs", `log-group:${nm}`), name: nm } };
    case "aws:sns/topic:Topic":
      return { id: arn("sns", nm), outs: { arn: arn("sns", nm), name: nm } };
    case "aws:ec2/vpc:Vpc":
      return {
        id: `vpc-0${h(seed, 16)}`,
        outs: {
          arn: arn("ec2", `vpc/vpc-0${h(seed, 16)}`),
          defaultSecurityGroupId: `sg-0${h(`${seed}/d`, 16)}`,
        },
      };
    case "aws:ec2/subnet:Subnet":
      return { id: `subnet-0${h(seed, 16)}`, outs: { arn: arn("ec2", `subnet/subnet-0${h(seed, 16)}`) } };
    case "aws:ec2/securityGroup:SecurityGroup":
    case "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup":
      return { id: `sg-0${h(seed, 16)}`, outs: { arn: arn("ec2", `security-group/sg-0${h(seed, 16)}`) } };
    case "aws:ec2/routeTable:RouteTable":
      return { id: `rtb-0${h(seed, 16)}`, outs: {} };
    case "aws:ec2/vpcEndpoint:VpcEndpoint":
      return { id: `vpce-0${h(seed, 16)}`, outs: { arn: arn("ec2", `vpc-endpoint/vpce-0${h(seed, 16)}`) } };
    case "aws:rds/cluster:Cluster": {
      const id = s(inputs["clusterIdentifier"], nm);
      return {
        id,
        outs: {
          arn: arn("rds", `cluster:${id}`),
          clusterResourceId: `cluster-${h(seed, 26).toUpperCase()}`,
          endpoint: `${id}.cluster-c${h(seed, 11)}.${region}.rds.amazonaws.com`,
          readerEndpoint: `${id}.cluster-ro-c${h(seed, 11)}.${region}.rds.amazonaws.com`,
          port: 5432,
        },
      };
    }
    case "aws:rds/instance:Instance":
    case "aws:rds/clusterInstance:ClusterInstance": {
      const id = s(inputs["identifier"], nm);
      const address = `${id}.c${h(seed, 11)}.${region}.rds.amazonaws.com`;
      return {
        id,
        outs: {
          arn: arn("rds", `db:${id}`),
          address,
          endpoint: `${address}:5432`,
          port: 5432,
          resourceId: `db-${h(seed, 26).toUpperCase()}`,
        },
      };
    }
    case "aws:elasticache/replicationGroup:ReplicationGroup": {
      const id = s(inputs["replicationGroupId"], nm);
      const host = `${id}.${h(seed, 6)}.${regionCode(region)}.cache.amazonaws.com`;
      return {
        id,
        outs: {
          arn: arn("elasticache", `replicationgroup:${id}`),
          primaryEndpointAddress: `master.${host}`,
          readerEndpointAddress: `replica.${host}`,
          port: 6379,
        },
      };
    }
    case "aws:lambda/function:Function": {
      const fn = s(inputs["name"], nm);
      const a = arn("lambda", `function:${fn}`);
      return {
        id: fn,
        outs: {
          arn: a,
          name: fn,
          version: "1",
          qualifiedArn: `${a}:1`,
          invokeArn: `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/${a}/invocations`,
        },
      };
    }
    case "aws:lambda/alias:Alias": {
      const a = arn("lambda", `function:${s(inputs["functionName"], "fn")}:${nm}`);
      return { id: a, outs: { arn: a } };
    }
    case "aws:lambda/functionUrl:FunctionUrl":
      return {
        id: s(inputs["functionName"], nm),
        outs: { functionUrl: `https://${h(seed, 32)}.lambda-url.${region}.on.aws/`, urlId: h(seed, 32) },
      };
    case "aws:s3/bucket:Bucket": {
      const b = s(inputs["bucket"], nm);
      return { id: b, outs: { arn: `arn:aws:s3:::${b}`, bucket: b } };
    }
    case "aws:cloudtrail/trail:Trail":
      return { id: nm, outs: { arn: arn("cloudtrail", `trail/${nm}`) } };
    case "aws:cloudwatch/metricAlarm:MetricAlarm":
    case "aws:cloudwatch/compositeAlarm:CompositeAlarm": {
      const alarm = s(inputs["alarmName"], nm);
      return { id: alarm, outs: { arn: arn("cloudwatch", `alarm:${alarm}`) } };
    }
    case "aws:cloudwatch/dashboard:Dashboard": {
      const d = s(inputs["dashboardName"], nm);
      return { id: d, outs: { dashboardArn: `arn:aws:cloudwatch::${account}:dashboard/${d}` } };
    }
    case "aws:route53/healthCheck:HealthCheck":
      return { id: uuid(seed), outs: { arn: `arn:aws:route53:::healthcheck/${uuid(seed)}` } };
    case "aws:budgets/budget:Budget":
      return { id: `${account}:${nm}`, outs: { arn: `arn:aws:budgets::${account}:budget/${nm}` } };
    default: {
      const svc = type.slice(4).split("/")[0] ?? "aws";
      return { id: `${name}-${h(seed, 8)}`, outs: { arn: arn(svc, `${name}`) } };
    }
  }
}
