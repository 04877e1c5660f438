import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { accountIdOf, assumeRolePolicy, policyJson } from "../shared/aws";
import type { AwsContext } from "../shared/context";
import { PlatformError, show } from "../shared/errors";
import { platformTags } from "../shared/labels";
import { childName, physicalName } from "../shared/naming";
import { transform, type Transform } from "../shared/transform";
import { NETWORK_TYPE, validateCidr } from "./gcp";
import { InterfaceEndpoint } from "./aws-spec";

// The constants live in ./aws-spec.ts (no provider SDK), so the config schema can use them.
export { ENDPOINT_MONTHLY_USD_PER_AZ, InterfaceEndpoint } from "./aws-spec";

/**
 * Arguments of {@link AwsNetwork}.
 *
 * @example
 * ```ts
 * const args: AwsNetworkArgs = { ctx, cidr: "10.20.0.0/16", azCount: 3, endpoints: ["secretsmanager"] };
 * ```
 */
export interface AwsNetworkArgs {
  readonly ctx: AwsContext;
  /** VPC CIDR, /16–/24, private (RFC 1918). @default "10.20.0.0/16" */
  readonly cidr?: string;
  /** Private subnets, one per AZ, 2–3. @default 2 (3 in the prod profile) */
  readonly azCount?: number;
  /** Interface endpoints in every private subnet (priced per AZ). @default [] */
  readonly endpoints?: readonly InterfaceEndpoint[];
  /** Flow-log retention in days. @default 30 (dev), 90 (staging), 365 (prod) */
  readonly flowLogRetentionDays?: number;
  /** CMK for the flow-log group (its key policy must allow CloudWatch Logs). @default AWS-owned keys */
  readonly kmsKeyArn?: pulumi.Input<string>;
  readonly transform?: {
    vpc?: Transform<aws.ec2.VpcArgs>;
    subnet?: Transform<aws.ec2.SubnetArgs>;
    routeTable?: Transform<aws.ec2.RouteTableArgs>;
    defaultSecurityGroup?: Transform<aws.ec2.DefaultSecurityGroupArgs>;
    flowLog?: Transform<aws.ec2.FlowLogArgs>;
    flowLogGroup?: Transform<aws.cloudwatch.LogGroupArgs>;
    endpoint?: Transform<aws.ec2.VpcEndpointArgs>;
  };
}

/** Defaults of {@link AwsNetworkArgs}. */
export const AWS_NETWORK_DEFAULTS = {
  cidr: "10.20.0.0/16",
  azCount: { dev: 2, staging: 2, prod: 3 },
  flowLogRetentionDays: { dev: 30, staging: 90, prod: 365 },
} as const;

/** Retention values CloudWatch Logs accepts. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/**
 * The private subnet CIDRs: the VPC range cut into four equal blocks (a /16 gives /18s), one per
 * AZ, so a third AZ can be added later without renumbering.
 *
 * @example
 * ```ts
 * subnetCidrs("10.20.0.0/16", 2); // ["10.20.0.0/18", "10.20.64.0/18"]
 * ```
 */
export function subnetCidrs(vpcCidr: string, count: number): string[] {
  const [base, len] = vpcCidr.split("/") as [string, string];
  const prefix = Number(len) + 2;
  const start = base.split(".").reduce((acc, o) => acc * 256 + Number(o), 0);
  const size = 2 ** (32 - prefix);
  return Array.from({ length: count }, (_, i) => {
    const n = start + i * size;
    return `${[24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".")}/${prefix}`;
  });
}

/**
 * Pure validation of the network arguments; returns the problems.
 *
 * @example
 * ```ts
 * validateAwsNetwork({ cidr: "10.0.0.0/28", azCount: 4, endpoints: [], flowLogRetentionDays: 30 });
 * // ["cidr: prefix length must be 16–24 …", "azCount must be 2–3 …"]
 * ```
 */
export function validateAwsNetwork(a: {
  cidr: string;
  azCount: number;
  endpoints: readonly string[];
  flowLogRetentionDays: number;
}): string[] {
  const p = validateCidr("cidr", a.cidr);
  const prefix = Number(a.cidr.split("/")[1]);
  if (p.length === 0 && (prefix < 16 || prefix > 24))
    p.push(`cidr: prefix length must be 16–24 (four subnets are cut from it), got ${prefix}`);
  if (!Number.isInteger(a.azCount) || a.azCount < 2 || a.azCount > 3)
    p.push(`azCount must be 2–3 (RDS and ElastiCache need two AZs), got ${show(a.azCount)}`);
  const allowed = Object.values(InterfaceEndpoint) as string[];
  for (const e of a.endpoints)
    if (!allowed.includes(e)) p.push(`endpoints: unknown ${show(e)}; allowed: ${allowed.join(", ")}`);
  if (new Set(a.endpoints).size !== a.endpoints.length) p.push("endpoints must not repeat a service");
  if (!(LOG_RETENTION_DAYS as readonly number[]).includes(a.flowLogRetentionDays))
    p.push(
      `flowLogRetentionDays must be one of ${LOG_RETENTION_DAYS.join(", ")}, got ${show(a.flowLogRetentionDays)}`,
    );
  return p;
}

/**
 * The private network on AWS: a VPC with one private subnet per AZ (2, or 3 in prod), a private
 * route table with no internet route, the default security group emptied (CIS AWS 5.4,
 * CKV2_AWS_12), VPC flow logs of all traffic into CloudWatch Logs (CIS 3.9, CKV2_AWS_11), and
 * interface endpoints only for the AWS APIs the design needs. There is deliberately **no NAT
 * gateway and no internet gateway**: a Lambda function in these subnets reaches Secrets Manager
 * through its endpoint and nothing else.
 *
 * ### Cost
 * VPC, subnets, route tables and security groups are free. Flow logs: CloudWatch vended-log
 * ingestion $0.50/GB (small for an idle environment). Each interface endpoint ≈ **$7.30/month per
 * AZ** ($14.60 in 2 AZs, $21.90 in 3) + $0.01/GB. A NAT gateway would be $32.85/month + $0.045/GB.
 *
 * @example
 * ```ts
 * const net = new AwsNetwork("net", { ctx, endpoints: ["secretsmanager"] });
 * new AwsPostgresWithBackups("db", { ctx, network: net.forData(), kmsKeyArn });
 * ```
 */
export class AwsNetwork extends pulumi.ComponentResource {
  /** VPC id. */
  public readonly vpcId: pulumi.Output<string>;
  /** VPC CIDR. */
  public readonly cidr: string;
  /** Private subnet ids, one per AZ. */
  public readonly subnetIds: pulumi.Output<string>[];
  /** Security group of the interface endpoints (HTTPS from the VPC); undefined without endpoints. */
  public readonly endpointSecurityGroupId: pulumi.Output<string> | undefined;
  /** Interface endpoints created, by service. */
  public readonly endpoints: readonly InterfaceEndpoint[];
  private readonly children: {
    vpc: aws.ec2.Vpc;
    subnets: aws.ec2.Subnet[];
    routeTable: aws.ec2.RouteTable;
    defaultSecurityGroup: aws.ec2.DefaultSecurityGroup;
    flowLog: aws.ec2.FlowLog;
    vpcEndpoints: aws.ec2.VpcEndpoint[];
  };

  constructor(name: string, args: AwsNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
    super(NETWORK_TYPE, name, {}, opts);
    const { ctx } = args;
    const cidr = args.cidr ?? AWS_NETWORK_DEFAULTS.cidr;
    const azCount = args.azCount ?? AWS_NETWORK_DEFAULTS.azCount[ctx.profile];
    const endpoints = args.endpoints ?? [];
    const retention = args.flowLogRetentionDays ?? AWS_NETWORK_DEFAULTS.flowLogRetentionDays[ctx.profile];
    const problems = validateAwsNetwork({ cidr, azCount, endpoints, flowLogRetentionDays: retention });
    if (problems.length > 0) throw new PlatformError(`Network '${name}': ${problems.join("; ")}`);
    const parent = this;
    const tags = (extra: Record<string, string> = {}) => platformTags(ctx, "network", extra);
    const base = physicalName([ctx.app, ctx.env], { maxLength: 40 });

    const vpc = new aws.ec2.Vpc(
      ...transform(
        args.transform?.vpc,
        childName(name, "vpc"),
        // DNS support/hostnames: interface endpoints answer on the service's own name.
        {
          cidrBlock: cidr,
          enableDnsSupport: true,
          enableDnsHostnames: true,
          tags: tags({ Name: `${base}-vpc` }),
        },
        { parent },
      ),
    );
    const zones = aws
      .getAvailabilityZonesOutput({ state: "available" }, { parent })
      .apply((z) => z.names.slice(0, azCount));
    const cidrs = subnetCidrs(cidr, azCount);
    const subnets = cidrs.map(
      (block, i) =>
        new aws.ec2.Subnet(
          ...transform(
            args.transform?.subnet,
            childName(name, "private", String(i)),
            {
              vpcId: vpc.id,
              cidrBlock: block,
              availabilityZone: zones.apply((z) => {
                if (z.length < azCount)
                  throw new PlatformError(`Network '${name}': region ${ctx.region} has only ${z.length} AZs`);
                return z[i]!;
              }),
              mapPublicIpOnLaunch: false,
              tags: tags({ Name: `${base}-private-${i}`, tier: "private" }),
            },
            { parent },
          ),
        ),
    );
    const routeTable = new aws.ec2.RouteTable(
      ...transform(
        args.transform?.routeTable,
        childName(name, "private-rt"),
        { vpcId: vpc.id, tags: tags({ Name: `${base}-private` }) },
        { parent },
      ),
    );
    subnets.forEach(
      (s, i) =>
        new aws.ec2.RouteTableAssociation(
          childName(name, "private-rt", String(i)),
          { subnetId: s.id, routeTableId: routeTable.id },
          { parent },
        ),
    );
    // No rules at all: nothing may use the default group by accident (CIS AWS 5.4).
    const defaultSecurityGroup = new aws.ec2.DefaultSecurityGroup(
      ...transform(
        args.transform?.defaultSecurityGroup,
        childName(name, "default-sg"),
        { vpcId: vpc.id, ingress: [], egress: [], tags: tags({ Name: `${base}-default-closed` }) },
        { parent },
      ),
    );
    const flowLog = createFlowLog();
    const endpointSg = endpoints.length > 0 ? createEndpointSecurityGroup() : undefined;
    const vpcEndpoints = endpoints.map(
      (svc) =>
        new aws.ec2.VpcEndpoint(
          ...transform(
            args.transform?.endpoint,
            childName(name, "endpoint", svc),
            {
              vpcId: vpc.id,
              serviceName: `com.amazonaws.${ctx.region}.${svc}`,
              vpcEndpointType: "Interface",
              privateDnsEnabled: true,
              subnetIds: subnets.map((s) => s.id),
              securityGroupIds: [endpointSg!.id],
              tags: tags({ Name: `${base}-${svc}` }),
            },
            { parent },
          ),
        ),
    );

    this.vpcId = vpc.id;
    this.cidr = cidr;
    this.subnetIds = subnets.map((s) => s.id);
    this.endpointSecurityGroupId = endpointSg?.id;
    this.endpoints = endpoints;
    this.children = { vpc, subnets, routeTable, defaultSecurityGroup, flowLog, vpcEndpoints };
    this.registerOutputs({ vpcId: this.vpcId, subnetIds: this.subnetIds });

    function createEndpointSecurityGroup(): aws.ec2.SecurityGroup {
      return new aws.ec2.SecurityGroup(
        childName(name, "endpoints-sg"),
        {
          vpcId: vpc.id,
          name: `${base}-endpoints`,
          description: "HTTPS from inside the VPC to the AWS interface endpoints",
          ingress: [
            {
              protocol: "tcp",
              fromPort: 443,
              toPort: 443,
              cidrBlocks: [cidr],
              description: "HTTPS from the VPC",
            },
          ],
          egress: [],
          tags: tags(),
        },
        { parent },
      );
    }

    function createFlowLog(): aws.ec2.FlowLog {
      const group = new aws.cloudwatch.LogGroup(
        ...transform(
          args.transform?.flowLogGroup,
          childName(name, "flow-logs"),
          {
            name: `/platform/${base}/vpc-flow-logs`,
            retentionInDays: retention,
            ...(args.kmsKeyArn !== undefined ? { kmsKeyId: args.kmsKeyArn } : {}),
            tags: tags(),
          },
          { parent },
        ),
      );
      const account = accountIdOf(ctx, parent);
      const role = new aws.iam.Role(
        childName(name, "flow-logs-role"),
        {
          name: physicalName([base, "vpc-flow-logs"], { maxLength: 64 }),
          assumeRolePolicy: assumeRolePolicy("vpc-flow-logs.amazonaws.com", account),
          tags: tags(),
        },
        { parent },
      );
      new aws.iam.RolePolicy(
        childName(name, "flow-logs-policy"),
        {
          role: role.id,
          // Exactly this log group and its streams.
          policy: policyJson([
            {
              Effect: "Allow",
              Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
              Resource: [group.arn, pulumi.interpolate`${group.arn}:*`],
            },
          ]),
        },
        { parent },
      );
      return new aws.ec2.FlowLog(
        ...transform(
          args.transform?.flowLog,
          childName(name, "flow-log"),
          {
            vpcId: vpc.id,
            trafficType: "ALL",
            logDestinationType: "cloud-watch-logs",
            logDestination: group.arn,
            iamRoleArn: role.arn,
            maxAggregationInterval: 600,
            tags: tags(),
          },
          { parent },
        ),
      );
    }
  }

  /** Raw children, an escape hatch for wiring this library does not cover. */
  public get nodes() {
    return this.children;
  }
}
