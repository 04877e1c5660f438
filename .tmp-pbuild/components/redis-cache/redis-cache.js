"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.RedisCache = exports.TRANSIT_ENCRYPTION = exports.REDIS_CACHE_TYPE = void 0;
const gcp = __importStar(require("@pulumi/gcp"));
const pulumi = __importStar(require("@pulumi/pulumi"));
const labels_1 = require("../shared/labels");
const naming_1 = require("../shared/naming");
const outputs_1 = require("../shared/outputs");
const transform_1 = require("../shared/transform");
const spec_1 = require("./spec");
/** Type token of {@link RedisCache}. */
exports.REDIS_CACHE_TYPE = "platform:data:RedisCache";
/** In-transit encryption: clients verify the server's certificate (CKV_GCP_97). */
exports.TRANSIT_ENCRYPTION = "SERVER_AUTHENTICATION";
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
class RedisCache extends pulumi.ComponentResource {
    /** `"memory"` (nothing created) or `"memorystore"`. */
    backend;
    /** Primary endpoint IP; undefined in memory mode. */
    host;
    /** Port (6378 with TLS); undefined in memory mode. */
    port;
    /** Read endpoint IP when read replicas are on; otherwise undefined. */
    readHost;
    /** Secret Manager secret holding the AUTH string; resolves once a version exists. */
    authSecretId;
    /** The AUTH string, as a secret output. */
    authString;
    /** PEM certificates that sign the server's TLS certificate (public). */
    caCerts;
    /** `"memory"`, or `host:port`. */
    endpoint;
    /** Settings with defaults applied. */
    spec;
    children;
    constructor(name, args, opts) {
        super(exports.REDIS_CACHE_TYPE, name, {}, opts);
        const ctx = args.ctx;
        const spec = (0, spec_1.normalizeRedisArgs)(name, args, (0, naming_1.physicalName)([ctx.app, ctx.env, name], { maxLength: 40 }));
        const parent = this;
        const labels = (0, labels_1.platformLabels)(ctx, "redis");
        this.spec = spec;
        this.backend = spec.mode;
        if (spec.mode === spec_1.CacheMode.memory) {
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
        this.authSecretId = (0, outputs_1.afterAll)(secret.id, [version]);
        this.caCerts = instance.serverCaCerts.apply((certs) => (certs ?? []).map((c) => c.cert).join("\n"));
        this.endpoint = pulumi.interpolate `${instance.host}:${instance.port}`;
        this.children = { instance, secret, secretVersion: version };
        this.registerOutputs({
            backend: this.backend,
            host: this.host,
            port: this.port,
            authSecretId: this.authSecretId,
            endpoint: this.endpoint,
        });
        function createInstance(s) {
            return new gcp.redis.Instance(...(0, transform_1.transform)(args.transform?.instance, (0, naming_1.childName)(name, "instance"), {
                name: s.instanceName,
                project: ctx.project,
                region: ctx.region,
                displayName: `${ctx.app} ${name} (${ctx.env})`,
                tier: s.tier,
                memorySizeGb: s.memorySizeGb,
                redisVersion: s.version,
                authEnabled: true,
                transitEncryptionMode: exports.TRANSIT_ENCRYPTION,
                connectMode: "PRIVATE_SERVICE_ACCESS",
                authorizedNetwork: args.network,
                ...(0, spec_1.replicaSettings)(s.tier, s.readReplicas),
                persistenceConfig: s.persistence === spec_1.Persistence.rdb
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
            }, { parent, protect: s.protect, ...(args.dependsOn ? { dependsOn: args.dependsOn } : {}) }));
        }
        function createAuthSecret(data) {
            const secret = new gcp.secretmanager.Secret(...(0, transform_1.transform)(args.transform?.secret, (0, naming_1.childName)(name, "auth-secret"), {
                secretId: (0, naming_1.physicalName)([ctx.app, ctx.env, name, "redis-auth"], { maxLength: 255 }),
                project: ctx.project,
                labels,
                replication: args.kmsKeyId !== undefined
                    ? {
                        userManaged: {
                            replicas: [
                                { location: ctx.region, customerManagedEncryption: { kmsKeyName: args.kmsKeyId } },
                            ],
                        },
                    }
                    : { auto: {} },
            }, { parent }));
            const version = new gcp.secretmanager.SecretVersion(...(0, transform_1.transform)(args.transform?.secretVersion, (0, naming_1.childName)(name, "auth-secret-version"), { secret: secret.id, secretData: data }, { parent }));
            return { secret, version };
        }
    }
    /**
     * What a linked service gets. Memory mode: `CACHE_BACKEND=memory` only. Memorystore:
     * `CACHE_BACKEND`, `REDIS_HOST`, `REDIS_PORT`, `REDIS_TLS=true`, `REDIS_CA_CERT` (public PEM),
     * `REDIS_READ_HOST` with read replicas, and `REDIS_AUTH` from Secret Manager (secretAccessor on
     * exactly that secret).
     */
    getLink() {
        if (this.backend === spec_1.CacheMode.memory)
            return { env: { CACHE_BACKEND: "memory" } };
        const authSecretId = this.authSecretId;
        return {
            env: {
                CACHE_BACKEND: "memorystore",
                REDIS_HOST: this.host,
                REDIS_PORT: this.port.apply((p) => String(p)),
                REDIS_TLS: "true",
                REDIS_CA_CERT: this.caCerts,
                ...(this.spec.mode === spec_1.CacheMode.memorystore && this.spec.readReplicas > 0
                    ? { REDIS_READ_HOST: this.readHost }
                    : {}),
            },
            secretEnv: { REDIS_AUTH: authSecretId },
            secretIds: [authSecretId],
        };
    }
    /** Raw children (none in memory mode), an escape hatch for wiring this library does not cover. */
    get nodes() {
        return this.children;
    }
}
exports.RedisCache = RedisCache;
//# sourceMappingURL=redis-cache.js.map