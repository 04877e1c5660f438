import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { accountIdOf, createAwsSecret } from "../shared/aws";
import type { AwsContext } from "../shared/context";
import { PlatformError, show } from "../shared/errors";
import { platformTags } from "../shared/labels";
import type { Link, Linkable } from "../shared/link";
import { childName, physicalName } from "../shared/naming";
import { transform, type Transform } from "../shared/transform";
import { createCacheRotation } from "./aws-rotation";
import { REDIS_CACHE_TYPE } from "./gcp";
import { AWS_CACHE_DEFAULTS, AWS_CACHE_VERSIONS, AwsCacheEngine } from "./aws-spec";
import { RedisTier } from "./spec";

// The constants live in ./aws-spec.ts (no provider SDK), so the config schema can use them.
export { AWS_CACHE_DEFAULTS, AWS_CACHE_VERSIONS, AwsCacheEngine } from "./aws-spec";

/**
 * Arguments of {@link AwsRedisCache}.
 *
 * @example
 * ```ts
 * const args: AwsRedisCacheArgs = { ctx, mode: "elasticache", network: { vpcId, subnetIds }, tier: "STANDARD_HA", nodeType: "cache.t4g.small", kmsKeyArn };
 * ```
 */
export interface AwsRedisCacheArgs {
  readonly ctx: AwsContext;
  /** `memory`: nothing is created, linked services cache in-process. @default "elasticache" */
  readonly mode?: "memory" | "elasticache";
  /** VPC and private subnets; required for elasticache. */
  readonly network?: {
    readonly vpcId: pulumi.Input<string>;
    readonly subnetIds: readonly pulumi.Input<string>[];
  };
  /** @default "valkey" */
  readonly engine?: AwsCacheEngine;
  /** @default "8.0" (valkey), "7.1" (redis) */
  readonly engineVersion?: string;
  /** @default "cache.t4g.micro" */
  readonly nodeType?: string;
  /** BASIC: one node. STANDARD_HA: a replica in another AZ with automatic failover (Multi-AZ). @default "STANDARD_HA" */
  readonly tier?: RedisTier;
  /** Extra read replicas, 0–5. @default 0 */
  readonly readReplicas?: number;
  /** Daily snapshots kept, 0–35 (0 = none). @default 7 */
  readonly snapshotRetentionDays?: number;
  /** Daily snapshot window start (UTC, one hour). @default "05:00" */
  readonly snapshotStartTime?: string;
  /** Weekly maintenance window. @default "sun:03:00-sun:04:00" */
  readonly maintenanceWindow?: string;
  /** CMK for data at rest, the AUTH secret and the slow log. @default AWS-managed */
  readonly kmsKeyArn?: pulumi.Input<string>;
  /** Pulumi `protect` and a final snapshot on delete (ElastiCache has no deletion protection). @default true */
  readonly protect?: boolean;
  /**
   * Rotate the AUTH token every N days (1–90) with the inline rotation function of
   * ./aws-rotation.ts (SET the current token, then ROTATE to the new one: both are accepted until
   * the next rotation). The function calls only public AWS APIs, so it needs no VPC access.
   * @default none (the token never changes)
   */
  readonly rotationDays?: number;
  readonly transform?: {
    replicationGroup?: Transform<aws.elasticache.ReplicationGroupArgs>;
    securityGroup?: Transform<aws.ec2.SecurityGroupArgs>;
  };
}

/** Resolved ElastiCache settings. */
export interface AwsCacheSpec {
  readonly mode: "elasticache";
  readonly replicationGroupId: string;
  readonly engine: AwsCacheEngine;
  readonly engineVersion: string;
  readonly nodeType: string;
  readonly tier: RedisTier;
  readonly numCacheClusters: number;
  readonly readReplicas: number;
  readonly snapshotRetentionDays: number;
  readonly snapshotWindow: string;
  readonly maintenanceWindow: string;
  readonly protect: boolean;
}

/**
 * Applies defaults and validates (pure); throws one {@link PlatformError} listing every problem.
 *
 * @example
 * ```ts
 * normalizeAwsCache("cache", { ctx, network, nodeType: "m5.large" }); // PlatformError: RedisCache 'cache': nodeType must be …
 * ```
 */
export function normalizeAwsCache(
  name: string,
  args: Omit<AwsRedisCacheArgs, "transform">,
): AwsCacheSpec | { readonly mode: "memory" } {
  const p: string[] = [];
  const mode = args.mode ?? AWS_CACHE_DEFAULTS.mode;
  if (mode !== "memory" && mode !== "elasticache")
    p.push(`mode must be one of memory | elasticache, got ${show(mode)}`);
  if (mode === "memory" && p.length === 0) return { mode };
  const engine = args.engine ?? AWS_CACHE_DEFAULTS.engine;
  if (!Object.values(AwsCacheEngine).includes(engine))
    p.push(`engine must be one of ${Object.values(AwsCacheEngine).join(" | ")}, got ${show(engine)}`);
  const engineVersion = args.engineVersion ?? AWS_CACHE_VERSIONS[engine] ?? "";
  if (!/^\d+\.\d+$/.test(engineVersion))
    p.push(`engineVersion must look like 8.0, got ${show(engineVersion)}`);
  const nodeType = args.nodeType ?? AWS_CACHE_DEFAULTS.nodeType;
  if (!/^cache\.[a-z0-9]+\.[a-z0-9]+$/.test(nodeType))
    p.push(
      `nodeType must be an ElastiCache node type such as cache.t4g.micro or cache.r7g.large, got ${show(nodeType)}`,
    );
  const tier = args.tier ?? AWS_CACHE_DEFAULTS.tier;
  if (!Object.values(RedisTier).includes(tier))
    p.push(`tier must be one of ${Object.values(RedisTier).join(" | ")}, got ${show(tier)}`);
  const readReplicas = args.readReplicas ?? AWS_CACHE_DEFAULTS.readReplicas;
  if (!Number.isInteger(readReplicas) || readReplicas < 0 || readReplicas > 5)
    p.push(`readReplicas must be an integer 0–5, got ${show(readReplicas)}`);
  if (tier === "BASIC" && readReplicas > 0)
    p.push(`readReplicas needs tier STANDARD_HA, got tier BASIC with ${readReplicas}`);
  const retention = args.snapshotRetentionDays ?? AWS_CACHE_DEFAULTS.snapshotRetentionDays;
  if (!Number.isInteger(retention) || retention < 0 || retention > 35)
    p.push(`snapshotRetentionDays must be an integer 0–35, got ${show(retention)}`);
  const start = args.snapshotStartTime ?? AWS_CACHE_DEFAULTS.snapshotStartTime;
  if (!/^([01]\d|2[0-3]):00$/.test(start))
    p.push(`snapshotStartTime must be a whole UTC hour HH:00, got ${show(start)}`);
  const mw = args.maintenanceWindow ?? AWS_CACHE_DEFAULTS.maintenanceWindow;
  if (
    !/^(mon|tue|wed|thu|fri|sat|sun):([01]\d|2[0-3]):[0-5]\d-(mon|tue|wed|thu|fri|sat|sun):([01]\d|2[0-3]):[0-5]\d$/.test(
      mw,
    )
  )
    p.push(`maintenanceWindow must look like sun:03:00-sun:04:00, got ${show(mw)}`);
  const rd = args.rotationDays;
  if (rd !== undefined && (!Number.isInteger(rd) || rd < 1 || rd > 90))
    p.push(`rotationDays must be an integer 1–90 (CKV_AWS_304), got ${show(rd)}`);
  if (args.network === undefined)
    p.push('network is required for mode "elasticache" (the cache lives in private subnets)');
  if (p.length > 0) throw new PlatformError(`RedisCache '${name}': ${p.join("; ")}`);
  const h = Number(start.slice(0, 2));
  return {
    mode: "elasticache",
    replicationGroupId: physicalName([args.ctx.app, args.ctx.env, name], { maxLength: 40 }),
    engine,
    engineVersion,
    nodeType,
    tier,
    numCacheClusters: 1 + (tier === "STANDARD_HA" ? 1 : 0) + readReplicas,
    readReplicas,
    snapshotRetentionDays: retention,
    snapshotWindow: `${start}-${String((h + 1) % 24).padStart(2, "0")}:00`,
    maintenanceWindow: mw,
    protect: args.protect ?? AWS_CACHE_DEFAULTS.protect,
  };
}

/**
 * RedisCache on ElastiCache: a Valkey (or Redis OSS) replication group with TLS required
 * (CKV_AWS_30), an AUTH token generated here and kept in Secrets Manager (CKV_AWS_31), at-rest
 * encryption with the CMK (CKV_AWS_29/191), Multi-AZ with automatic failover on STANDARD_HA
 * (CKV2_AWS_50), daily snapshots (AVD-AWS-0050) and a final snapshot, a maintenance window, the
 * slow log in a CMK-encrypted log group, and a subnet group + a security group with no rule until a
 * linked service opens port 6379. ElastiCache has no deletion protection: Pulumi `protect` stands in.
 * `mode: "memory"` creates nothing; linked services get `CACHE_BACKEND=memory`.
 *
 * ### Cost
 * Valkey cache.t4g.micro $0.0128/h ≈ **$9.34/month per node** (Redis OSS $0.016/h ≈ $11.68);
 * STANDARD_HA doubles it. Snapshots up to the cache size are free; the AUTH secret $0.40/month.
 *
 * @example
 * ```ts
 * const cache = new AwsRedisCache("cache", { ctx, network: { vpcId: net.vpcId, subnetIds: net.subnetIds }, kmsKeyArn });
 * ```
 */
export class AwsRedisCache extends pulumi.ComponentResource implements Linkable {
  /** `"memory"` or `"elasticache"`. */
  public readonly backend: "memory" | "elasticache";
  /** `host:port` of the primary endpoint, or `memory`. */
  public readonly endpoint: pulumi.Output<string>;
  /** Primary endpoint host; undefined in memory mode. */
  public readonly host: pulumi.Output<string | undefined>;
  /** Reader endpoint host with replicas; undefined otherwise. */
  public readonly readHost: pulumi.Output<string | undefined>;
  /** Secrets Manager secret holding the AUTH token; undefined in memory mode. */
  public readonly authSecretArn: pulumi.Output<string | undefined>;
  /** Security group of the cache; undefined in memory mode. */
  public readonly securityGroupId: pulumi.Output<string | undefined>;
  public readonly spec: AwsCacheSpec | { readonly mode: "memory" };
  private readonly children: Record<string, pulumi.Resource>;

  constructor(name: string, args: AwsRedisCacheArgs, opts?: pulumi.ComponentResourceOptions) {
    super(REDIS_CACHE_TYPE, name, {}, opts);
    const ctx = args.ctx;
    const spec = normalizeAwsCache(name, args);
    this.spec = spec;
    this.backend = spec.mode;
    if (spec.mode === "memory") {
      const none = pulumi.output(undefined);
      this.host = this.readHost = this.authSecretArn = this.securityGroupId = none;
      this.endpoint = pulumi.output("memory");
      this.children = {};
      this.registerOutputs({ endpoint: this.endpoint });
      return;
    }
    const parent = this;
    const tags = platformTags(ctx, "redis");
    const net = args.network!;
    const id = spec.replicationGroupId;
    const kms = args.kmsKeyArn;
    const subnetGroup = new aws.elasticache.SubnetGroup(
      childName(name, "subnets"),
      { name: id, description: `Private subnets of ${id}`, subnetIds: [...net.subnetIds], tags },
      { parent },
    );
    const sg = new aws.ec2.SecurityGroup(
      ...transform(
        args.transform?.securityGroup,
        childName(name, "sg"),
        {
          name: `${id}-cache`,
          description: `Cache ${id}: ingress only from linked services`,
          vpcId: net.vpcId,
          tags,
        },
        { parent },
      ),
    );
    const slowLog = new aws.cloudwatch.LogGroup(
      childName(name, "slow-log"),
      {
        name: `/platform/${id}/elasticache-slow-log`,
        retentionInDays: ctx.profile === "prod" ? 365 : 30,
        ...(kms !== undefined ? { kmsKeyId: kms } : {}),
        tags,
      },
      { parent },
    );
    // ElastiCache AUTH tokens: 16–128 printable characters without '@', '"' or '/'.
    const token = new random.RandomPassword(
      childName(name, "auth-token"),
      { length: 64, special: true, overrideSpecial: "!&#$^<>-", minSpecial: 1 },
      { parent },
    );
    const ha = spec.tier === "STANDARD_HA";
    const group = new aws.elasticache.ReplicationGroup(
      ...transform(
        args.transform?.replicationGroup,
        childName(name, "replication-group"),
        {
          replicationGroupId: id,
          description: `${ctx.app} ${name} (${ctx.env}), managed by the platform`,
          engine: spec.engine,
          engineVersion: spec.engineVersion,
          nodeType: spec.nodeType,
          numCacheClusters: spec.numCacheClusters,
          automaticFailoverEnabled: ha,
          multiAzEnabled: ha,
          port: 6379,
          transitEncryptionEnabled: true,
          transitEncryptionMode: "required",
          atRestEncryptionEnabled: true,
          ...(kms !== undefined ? { kmsKeyId: kms } : {}),
          authToken: token.result,
          authTokenUpdateStrategy: "ROTATE",
          subnetGroupName: subnetGroup.name,
          securityGroupIds: [sg.id],
          snapshotRetentionLimit: spec.snapshotRetentionDays,
          snapshotWindow: spec.snapshotWindow,
          ...(spec.protect ? { finalSnapshotIdentifier: `${id}-final` } : {}),
          maintenanceWindow: spec.maintenanceWindow,
          autoMinorVersionUpgrade: true,
          logDeliveryConfigurations: [
            {
              destination: slowLog.name,
              destinationType: "cloudwatch-logs",
              logFormat: "json",
              logType: "slow-log",
            },
          ],
          tags,
        },
        {
          parent,
          protect: spec.protect,
          // The rotation owns the live token: never push the first one back.
          ...(args.rotationDays !== undefined ? { ignoreChanges: ["authToken"] } : {}),
        },
      ),
    );
    const authJson = token.result.apply((t) => JSON.stringify({ token: t }));
    const rotationDays = args.rotationDays;
    const { secret } = createAwsSecret({
      ctx,
      owner: name,
      role: "auth",
      data: authJson,
      tags,
      ...(kms !== undefined ? { kmsKeyArn: kms } : {}),
      protect: spec.protect,
      rotated: rotationDays !== undefined,
      parent,
    });
    const rotation =
      rotationDays !== undefined
        ? createCacheRotation({
            ctx,
            owner: name,
            replicationGroupId: id,
            secretArn: secret.arn,
            secretId: secret.id,
            account: accountIdOf(ctx, this),
            days: rotationDays,
            ...(kms !== undefined ? { kmsKeyArn: kms } : {}),
            tags,
            parent,
          })
        : undefined;
    this.host = group.primaryEndpointAddress;
    this.readHost = spec.numCacheClusters > 1 ? group.readerEndpointAddress : pulumi.output(undefined);
    this.endpoint = pulumi.interpolate`${group.primaryEndpointAddress}:6379`;
    this.authSecretArn = secret.arn;
    this.securityGroupId = sg.id;
    this.children = {
      subnetGroup,
      sg,
      slowLog,
      group,
      secret,
      ...(rotation ? { rotationFunction: rotation.fn, rotation: rotation.rotation } : {}),
    };
    this.registerOutputs({ endpoint: this.endpoint, authSecretArn: this.authSecretArn });
  }

  /**
   * Memory mode: `CACHE_BACKEND=memory` only. ElastiCache: `CACHE_BACKEND`, `REDIS_HOST`,
   * `REDIS_PORT`, `REDIS_TLS=true`, `REDIS_READ_HOST` with replicas, the AUTH secret by ARN
   * (`REDIS_AUTH_SECRET_ID`) and an ingress rule on port 6379 from the service only.
   */
  getLink(): Link {
    if (this.spec.mode === "memory") return { env: { CACHE_BACKEND: "memory" } };
    const secret = this.authSecretArn as pulumi.Output<string>;
    return {
      env: {
        CACHE_BACKEND: "elasticache",
        REDIS_HOST: this.host as pulumi.Output<string>,
        REDIS_PORT: "6379",
        REDIS_TLS: "true",
        ...(this.spec.numCacheClusters > 1
          ? { REDIS_READ_HOST: this.readHost as pulumi.Output<string> }
          : {}),
      },
      secretEnv: { REDIS_AUTH: secret },
      secretIds: [secret],
      privateEndpoints: [
        { securityGroupId: this.securityGroupId as pulumi.Output<string>, port: 6379, name: "redis" },
      ],
    };
  }

  /** Raw children (none in memory mode). */
  public get nodes() {
    return this.children;
  }
}
