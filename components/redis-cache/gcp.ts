import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { platformLabels } from "../shared/labels";
import type { Link, Linkable } from "../shared/link";
import { childName, physicalName } from "../shared/naming";
import { afterAll } from "../shared/outputs";
import { createStoredSecret } from "../shared/secrets";
import { transform } from "../shared/transform";
import {
  CacheMode,
  normalizeRedisArgs,
  Persistence,
  replicaSettings,
  type CacheSpec,
  type RedisCacheArgs,
  type RedisSpec,
} from "./spec";

/** Type token of {@link RedisCache}. */
export const REDIS_CACHE_TYPE = "platform:data:RedisCache";

/** In-transit encryption: clients verify the server's certificate (CKV_GCP_97). */
export const TRANSIT_ENCRYPTION = "SERVER_AUTHENTICATION";

/**
 * Memorystore for Redis that is safe by default: AUTH on (CKV_GCP_95), TLS with server
 * authentication (CKV_GCP_97, port 6378), private IP only through Private Service Access, CMEK
 * when a key is given, RDB snapshots, a weekly maintenance window, STANDARD_HA with optional read
 * replicas, and both Pulumi `protect` and Memorystore deletion protection. The AUTH string never
 * leaves as plain text: it is a secret output and lives in a Secret Manager secret that linked
 * services read as `REDIS_AUTH`.
 *
 * `mode: "memory"` (the dev default in config) creates no cloud resources: `backend` is
 * `"memory"` and a linked service gets `CACHE_BACKEND=memory`, telling it to cache in-process.
 *
 * ### Cost
 * Billed per provisioned GB-hour, by tier and capacity band: BASIC 1 GB about **$35/month**,
 * STANDARD_HA 1 GB about **$70/month** (5 GB ≈ $270/month); each read replica is billed like
 * another node. RDB snapshots and AUTH/TLS are free; the AUTH secret costs $0.06/month. Memory mode
 * costs nothing.
 *
 * @example
 * ```ts
 * const cache = new RedisCache("cache", {
 *   ctx,
 *   network: net.networkId,
 *   dependsOn: [net.privateServiceAccess],
 *   tier: "STANDARD_HA",
 *   memorySizeGb: 5,
 *   readReplicas: 1,
 *   kmsKeyId: kms.keyIds["data"],
 * });
 * new CloudRunService("api", { ctx, image, network: net.networkId, subnetwork: net.subnetworkId, link: [cache] });
 * ```
 */
export class RedisCache extends pulumi.ComponentResource implements Linkable {
  /** `"memory"` (nothing created) or `"memorystore"`. */
  public readonly backend: CacheMode;
  /** Primary endpoint IP; undefined in memory mode. */
  public readonly host: pulumi.Output<string | undefined>;
  /** Port (6378 with TLS); undefined in memory mode. */
  public readonly port: pulumi.Output<number | undefined>;
  /** Read endpoint IP when read replicas are on; otherwise undefined. */
  public readonly readHost: pulumi.Output<string | undefined>;
  /** Secret Manager secret holding the AUTH string; resolves once a version exists. */
  public readonly authSecretId: pulumi.Output<string | undefined>;
  /** The AUTH string, as a secret output. */
  public readonly authString: pulumi.Output<string | undefined>;
  /** PEM certificates that sign the server's TLS certificate (public). */
  public readonly caCerts: pulumi.Output<string | undefined>;
  /** `"memory"`, or `host:port`. */
  public readonly endpoint: pulumi.Output<string>;
  /** Settings with defaults applied. */
  public readonly spec: CacheSpec;
  private readonly children: {
    instance?: gcp.redis.Instance;
    secret?: gcp.secretmanager.Secret;
    secretVersion?: gcp.secretmanager.SecretVersion;
  };

  constructor(name: string, args: RedisCacheArgs, opts?: pulumi.ComponentResourceOptions) {
    super(REDIS_CACHE_TYPE, name, {}, opts);
    const ctx = args.ctx;
    const spec = normalizeRedisArgs(name, args, physicalName([ctx.app, ctx.env, name], { maxLength: 40 }));
    const parent = this;
    const labels = platformLabels(ctx, "redis");
    this.spec = spec;
    this.backend = spec.mode;

    if (spec.mode === CacheMode.memory) {
      const none = pulumi.output(undefined);
      this.host = this.readHost = this.authSecretId = this.authString = this.caCerts = none;
      this.port = pulumi.output(undefined);
      this.endpoint = pulumi.output("memory");
      this.children = {};
      this.registerOutputs({ backend: this.backend, endpoint: this.endpoint });
      return;
    }

    const instance = createInstance(spec);
    const authString = pulumi.secret(instance.authString);
    const { secret, version } = createAuthSecret(authString);

    this.host = instance.host;
    this.port = instance.port;
    this.readHost = spec.readReplicas > 0 ? instance.readEndpoint : pulumi.output(undefined);
    this.authString = authString;
    // Consumers deploy revisions reading the "latest" version: it must exist first.
    this.authSecretId = afterAll(secret.id, [version]);
    this.caCerts = instance.serverCaCerts.apply((certs) => (certs ?? []).map((c) => c.cert).join("\n"));
    this.endpoint = pulumi.interpolate`${instance.host}:${instance.port}`;
    this.children = { instance, secret, secretVersion: version };
    this.registerOutputs({
      backend: this.backend,
      host: this.host,
      port: this.port,
      authSecretId: this.authSecretId,
      endpoint: this.endpoint,
    });

    function createInstance(s: RedisSpec): gcp.redis.Instance {
      return new gcp.redis.Instance(
        ...transform(
          args.transform?.instance,
          childName(name, "instance"),
          {
            name: s.instanceName,
            project: ctx.project,
            region: ctx.region,
            displayName: `${ctx.app} ${name} (${ctx.env})`,
            tier: s.tier,
            memorySizeGb: s.memorySizeGb,
            redisVersion: s.version,
            authEnabled: true,
            transitEncryptionMode: TRANSIT_ENCRYPTION,
            connectMode: "PRIVATE_SERVICE_ACCESS",
            authorizedNetwork: args.network!,
            ...replicaSettings(s.tier, s.readReplicas),
            persistenceConfig:
              s.persistence === Persistence.rdb
                ? { persistenceMode: "RDB", rdbSnapshotPeriod: s.rdbSnapshotPeriod }
                : { persistenceMode: "DISABLED" },
            maintenancePolicy: {
              weeklyMaintenanceWindows: [
                {
                  day: s.maintenanceWindow.day,
                  startTime: { hours: s.maintenanceWindow.hour, minutes: 0, seconds: 0, nanos: 0 },
                },
              ],
            },
            ...(args.kmsKeyId !== undefined ? { customerManagedKey: args.kmsKeyId } : {}),
            ...(args.redisConfigs && Object.keys(args.redisConfigs).length > 0
              ? { redisConfigs: { ...args.redisConfigs } }
              : {}),
            deletionProtection: s.protect,
            labels,
          },
          { parent, protect: s.protect, ...(args.dependsOn ? { dependsOn: args.dependsOn } : {}) },
        ),
      );
    }

    function createAuthSecret(data: pulumi.Output<string>) {
      return createStoredSecret({
        ctx,
        owner: name,
        role: "auth",
        data,
        labels,
        ...(args.kmsKeyId !== undefined ? { kmsKeyId: args.kmsKeyId } : {}),
        protect: spec.mode === CacheMode.memorystore && spec.protect,
        parent,
        transform: {
          ...(args.transform?.secret ? { secret: args.transform.secret } : {}),
          ...(args.transform?.secretVersion ? { secretVersion: args.transform.secretVersion } : {}),
        },
      });
    }
  }

  /**
   * What a linked service gets. Memory mode: `CACHE_BACKEND=memory` only. Memorystore:
   * `CACHE_BACKEND`, `REDIS_HOST`, `REDIS_PORT`, `REDIS_TLS=true`, `REDIS_CA_CERT` (public PEM),
   * `REDIS_READ_HOST` with read replicas, and `REDIS_AUTH` from Secret Manager (secretAccessor on
   * exactly that secret).
   */
  getLink(): Link {
    if (this.backend === CacheMode.memory) return { env: { CACHE_BACKEND: "memory" } };
    const authSecretId = this.authSecretId as pulumi.Output<string>;
    return {
      env: {
        CACHE_BACKEND: "memorystore",
        REDIS_HOST: this.host as pulumi.Output<string>,
        REDIS_PORT: this.port.apply((p) => String(p)),
        REDIS_TLS: "true",
        REDIS_CA_CERT: this.caCerts as pulumi.Output<string>,
        ...(this.spec.mode === CacheMode.memorystore && this.spec.readReplicas > 0
          ? { REDIS_READ_HOST: this.readHost as pulumi.Output<string> }
          : {}),
      },
      secretEnv: { REDIS_AUTH: authSecretId },
      secretIds: [authSecretId],
    };
  }

  /** Raw children (none in memory mode), an escape hatch for wiring this library does not cover. */
  public get nodes() {
    return this.children;
  }
}
