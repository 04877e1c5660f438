import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import type { Link, Linkable } from "../shared/link";
import { CacheMode, type CacheSpec, type RedisCacheArgs } from "./spec";
/** Type token of {@link RedisCache}. */
export declare const REDIS_CACHE_TYPE = "platform:data:RedisCache";
/** In-transit encryption: clients verify the server's certificate (CKV_GCP_97). */
export declare const TRANSIT_ENCRYPTION = "SERVER_AUTHENTICATION";
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
export declare class RedisCache extends pulumi.ComponentResource implements Linkable {
    /** `"memory"` (nothing created) or `"memorystore"`. */
    readonly backend: CacheMode;
    /** Primary endpoint IP; undefined in memory mode. */
    readonly host: pulumi.Output<string | undefined>;
    /** Port (6378 with TLS); undefined in memory mode. */
    readonly port: pulumi.Output<number | undefined>;
    /** Read endpoint IP when read replicas are on; otherwise undefined. */
    readonly readHost: pulumi.Output<string | undefined>;
    /** Secret Manager secret holding the AUTH string; resolves once a version exists. */
    readonly authSecretId: pulumi.Output<string | undefined>;
    /** The AUTH string, as a secret output. */
    readonly authString: pulumi.Output<string | undefined>;
    /** PEM certificates that sign the server's TLS certificate (public). */
    readonly caCerts: pulumi.Output<string | undefined>;
    /** `"memory"`, or `host:port`. */
    readonly endpoint: pulumi.Output<string>;
    /** Settings with defaults applied. */
    readonly spec: CacheSpec;
    private readonly children;
    constructor(name: string, args: RedisCacheArgs, opts?: pulumi.ComponentResourceOptions);
    /**
     * What a linked service gets. Memory mode: `CACHE_BACKEND=memory` only. Memorystore:
     * `CACHE_BACKEND`, `REDIS_HOST`, `REDIS_PORT`, `REDIS_TLS=true`, `REDIS_CA_CERT` (public PEM),
     * `REDIS_READ_HOST` with read replicas, and `REDIS_AUTH` from Secret Manager (secretAccessor on
     * exactly that secret).
     */
    getLink(): Link;
    /** Raw children (none in memory mode), an escape hatch for wiring this library does not cover. */
    get nodes(): {
        instance?: gcp.redis.Instance;
        secret?: gcp.secretmanager.Secret;
        secretVersion?: gcp.secretmanager.SecretVersion;
    };
}
