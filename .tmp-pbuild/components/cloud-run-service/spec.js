"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULTS = exports.PUBLIC_MEMBERS = exports.RESERVED_ENV = exports.TrafficType = exports.VpcEgress = exports.INGRESS_SETTING = exports.Ingress = void 0;
exports.validateEnvName = validateEnvName;
exports.validateSecretRef = validateSecretRef;
exports.revisionName = revisionName;
exports.templateFingerprint = templateFingerprint;
exports.stableJson = stableJson;
exports.normalizeCloudRunArgs = normalizeCloudRunArgs;
const node_crypto_1 = require("node:crypto");
const errors_1 = require("../shared/errors");
const naming_1 = require("../shared/naming");
const links_1 = require("./links");
const resources_1 = require("./resources");
/** Who may reach the service at the network level. */
exports.Ingress = { all: "all", internal: "internal", internalAndLb: "internal-and-lb" };
/** Our ingress names → Cloud Run v2 values. */
exports.INGRESS_SETTING = {
    all: "INGRESS_TRAFFIC_ALL",
    internal: "INGRESS_TRAFFIC_INTERNAL_ONLY",
    "internal-and-lb": "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER",
};
/** What goes through the VPC: only private ranges (default) or everything. */
exports.VpcEgress = { PRIVATE_RANGES_ONLY: "PRIVATE_RANGES_ONLY", ALL_TRAFFIC: "ALL_TRAFFIC" };
/** Cloud Run v2 traffic allocation types. */
exports.TrafficType = {
    LATEST: "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST",
    REVISION: "TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION",
};
/** Env names Cloud Run sets itself and refuses in a revision. */
exports.RESERVED_ENV = ["PORT", "K_SERVICE", "K_REVISION", "K_CONFIGURATION"];
/** Members that would make the service public; only `public: true` grants `allUsers`. */
exports.PUBLIC_MEMBERS = ["allUsers", "allAuthenticatedUsers"];
/** Defaults of {@link CloudRunServiceArgs}. */
exports.DEFAULTS = {
    cpu: "1",
    memory: "512Mi",
    cpuIdle: true,
    startupCpuBoost: true,
    minInstances: 0,
    maxInstances: 10,
    concurrency: 80,
    timeoutSeconds: 300,
    port: 8080,
    ingress: exports.Ingress.all,
    public: false,
    healthPath: "/health",
    readinessPath: "/ready",
    vpcEgress: exports.VpcEgress.PRIVATE_RANGES_ONLY,
    deletionProtection: true,
};
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SECRET_REF = /^(projects\/[a-z0-9-]+\/secrets\/)?[A-Za-z0-9_-]{1,255}$/;
const PATH = /^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/;
/**
 * Problems with an env var name (empty when valid).
 *
 * @example
 * ```ts
 * validateEnvName("env.PORT", "PORT"); // ["env.PORT: PORT is set by Cloud Run; choose another name"]
 * ```
 */
function validateEnvName(field, name) {
    if (!ENV_NAME.test(name))
        return [
            `${field}: env names must be letters, digits and '_' not starting with a digit, got ${(0, errors_1.show)(name)}`,
        ];
    if (exports.RESERVED_ENV.includes(name))
        return [`${field}: ${name} is set by Cloud Run; choose another name`];
    if (name.startsWith("X_GOOGLE_"))
        return [`${field}: the X_GOOGLE_ prefix is reserved by Cloud Run, got ${(0, errors_1.show)(name)}`];
    return [];
}
/**
 * Problems with a Secret Manager reference (`my-secret` or `projects/p/secrets/my-secret`).
 *
 * @example
 * ```ts
 * validateSecretRef("secrets.DB", "projects/p/secrets/db/versions/3"); // ["secrets.DB must be a secret id …"]
 * ```
 */
function validateSecretRef(field, ref) {
    return SECRET_REF.test(ref)
        ? []
        : [
            `${field} must be a secret id or projects/<project>/secrets/<id> (the latest version is used), got ${(0, errors_1.show)(ref)}`,
        ];
}
/**
 * Deterministic revision name: `<service>-<10 hex>` from the image and the fingerprint of every
 * other revision setting. Same image + same settings → same name, so a canary can pin the stable
 * revision by name without reading live state.
 *
 * @example
 * ```ts
 * revisionName("shop-prod-api", "europe-docker.pkg.dev/acme/app/api:v1", "3f2a…"); // "shop-prod-api-5d1c0a9be2"
 * ```
 */
function revisionName(serviceName, image, fingerprint) {
    const hash = (0, node_crypto_1.createHash)("sha256").update(`${image}\n${fingerprint}`).digest("hex").slice(0, 10);
    return `${serviceName}-${hash}`;
}
/**
 * Fingerprint of a resolved revision template without its image and revision name (keys sorted,
 * so field order does not matter).
 *
 * @example
 * ```ts
 * templateFingerprint({ timeout: "300s", containers: [{ image: "a" }] }) === templateFingerprint({ containers: [{ image: "b" }], timeout: "300s" }); // true
 * ```
 */
function templateFingerprint(template) {
    const { revision: _revision, containers, ...rest } = template;
    const withoutImages = Array.isArray(containers)
        ? containers.map((c) => {
            const { image: _image, ...other } = c;
            return other;
        })
        : containers;
    return (0, node_crypto_1.createHash)("sha256")
        .update(stableJson({ ...rest, containers: withoutImages }))
        .digest("hex");
}
/** JSON with object keys sorted and undefined values dropped. */
function stableJson(value) {
    const sort = (v) => {
        if (Array.isArray(v))
            return v.map(sort);
        if (v === null || typeof v !== "object")
            return v;
        const out = {};
        for (const k of Object.keys(v).sort()) {
            const x = v[k];
            if (x !== undefined)
                out[k] = sort(x);
        }
        return out;
    };
    return JSON.stringify(sort(value)) ?? "null";
}
/**
 * Applies defaults, merges links and validates; throws one {@link PlatformError} listing every problem.
 *
 * @example
 * ```ts
 * normalizeCloudRunArgs("api", { ctx, image, cpu: "4", memory: "1Gi" });
 * // PlatformError: CloudRunService 'api': memory must be 2Gi–16Gi for cpu "4", got "1Gi"
 * ```
 */
function normalizeCloudRunArgs(name, args) {
    const p = [];
    const cpu = args.cpu ?? exports.DEFAULTS.cpu;
    const fractional = (0, resources_1.isFractionalCpu)(cpu);
    const memory = args.memory ?? exports.DEFAULTS.memory;
    p.push(...(0, resources_1.validateCpuMemory)(cpu, memory));
    const cpuIdle = args.cpuIdle ?? exports.DEFAULTS.cpuIdle;
    const concurrency = args.concurrency ?? (fractional ? 1 : exports.DEFAULTS.concurrency);
    if (fractional && concurrency !== 1)
        p.push(`concurrency must be 1 for a fractional cpu (${cpu}), got ${concurrency}`);
    if (fractional && !cpuIdle)
        p.push(`cpuIdle must be true for a fractional cpu (${cpu}): CPU is allocated only during requests`);
    const minInstances = args.minInstances ?? exports.DEFAULTS.minInstances;
    const maxInstances = args.maxInstances ?? Math.max(exports.DEFAULTS.maxInstances, minInstances);
    p.push(...intIn("minInstances", minInstances, 0, 1000), ...intIn("maxInstances", maxInstances, 1, 1000));
    if (minInstances > maxInstances)
        p.push(`minInstances (${minInstances}) must not exceed maxInstances (${maxInstances})`);
    p.push(...intIn("concurrency", concurrency, 1, 1000));
    const timeoutSeconds = args.timeoutSeconds ?? exports.DEFAULTS.timeoutSeconds;
    p.push(...intIn("timeoutSeconds", timeoutSeconds, 1, 3600));
    const port = args.port ?? exports.DEFAULTS.port;
    p.push(...intIn("port", port, 1, 65535));
    const ingress = args.ingress ?? exports.DEFAULTS.ingress;
    if (!(ingress in exports.INGRESS_SETTING))
        p.push(`ingress must be one of ${Object.keys(exports.INGRESS_SETTING).join(" | ")}, got ${(0, errors_1.show)(ingress)}`);
    const healthPath = args.healthPath ?? exports.DEFAULTS.healthPath;
    const readinessPath = args.readinessPath ?? exports.DEFAULTS.readinessPath;
    for (const [f, v] of [
        ["healthPath", healthPath],
        ["readinessPath", readinessPath],
    ]) {
        if (!PATH.test(v))
            p.push(`${f} must be an absolute URL path such as /health, got ${(0, errors_1.show)(v)}`);
    }
    const isPublic = args.public ?? exports.DEFAULTS.public;
    (args.invokers ?? []).forEach((m, i) => {
        if (typeof m !== "string")
            return;
        if (exports.PUBLIC_MEMBERS.includes(m))
            p.push(`invokers[${i}]: ${m} makes the service public; set public: true instead`);
        else if (!/^(serviceAccount|user|group|domain|principal|principalSet):.+/.test(m)) {
            p.push(`invokers[${i}] must look like serviceAccount:…, user:…, group:… or domain:…, got ${(0, errors_1.show)(m)}`);
        }
    });
    if (args.vpcEgress !== undefined && !(args.vpcEgress in exports.VpcEgress)) {
        p.push(`vpcEgress must be one of ${Object.keys(exports.VpcEgress).join(" | ")}, got ${(0, errors_1.show)(args.vpcEgress)}`);
    }
    const serviceName = (0, naming_1.physicalName)([args.ctx.app, args.ctx.env, name], { maxLength: 49 });
    if (args.canary) {
        const c = args.canary;
        if (!Number.isInteger(c.percent) || c.percent < 1 || c.percent > 99)
            p.push(`canary.percent must be an integer 1–99, got ${(0, errors_1.show)(c.percent)}`);
        if (typeof c.image === "string" && c.image === args.image)
            p.push("canary.image must differ from image (the stable image)");
        if (c.stableRevision !== undefined && !c.stableRevision.startsWith(`${serviceName}-`)) {
            p.push(`canary.stableRevision must be a revision of this service (${serviceName}-…), got ${(0, errors_1.show)(c.stableRevision)}`);
        }
    }
    // Env: user env, user secrets and every link's env/secretEnv share one namespace.
    const owner = new Map();
    const env = [];
    const secretEnv = [];
    const claim = (envName, by, field) => {
        p.push(...validateEnvName(field, envName));
        const prev = owner.get(envName);
        if (prev !== undefined)
            p.push(`${field}: env ${envName} is already set by ${prev}`);
        else
            owner.set(envName, by);
    };
    for (const [k, v] of Object.entries(args.env ?? {})) {
        claim(k, "env", `env.${k}`);
        env.push({ name: k, value: v });
    }
    const secretGrants = [];
    const seenRefs = new Set();
    for (const [k, ref] of Object.entries(args.secrets ?? {})) {
        claim(k, "secrets", `secrets.${k}`);
        p.push(...validateSecretRef(`secrets.${k}`, ref));
        secretEnv.push({ name: k, secret: ref });
        if (!seenRefs.has(ref))
            secretGrants.push({ key: `secret-${k.toLowerCase().replace(/_/g, "-")}`, resource: ref });
        seenRefs.add(ref);
    }
    const cloudSqlInstances = [];
    const kmsKeys = [];
    const kmsSigningKeys = [];
    const hasVpc = args.network !== undefined || args.subnetwork !== undefined;
    (args.link ?? []).forEach((linkable, i) => {
        const link = linkable.getLink();
        const at = `link[${i}]`;
        for (const [k, v] of Object.entries(link.env ?? {})) {
            claim(k, at, `${at}.env.${k}`);
            env.push({ name: k, value: v });
        }
        for (const [k, v] of Object.entries(link.secretEnv ?? {})) {
            claim(k, at, `${at}.secretEnv.${k}`);
            secretEnv.push({ name: k, secret: v });
        }
        (0, links_1.linkSecretIds)(link).forEach((s, j) => secretGrants.push({ key: `link${i}-secret-${j}`, resource: s }));
        (link.cloudSqlInstances ?? []).forEach((s, j) => cloudSqlInstances.push({ key: `link${i}-cloudsql-${j}`, resource: s }));
        (link.kmsKeys ?? []).forEach((s, j) => kmsKeys.push({ key: `link${i}-kms-${j}`, resource: s }));
        (link.kmsSigningKeys ?? []).forEach((s, j) => kmsSigningKeys.push({ key: `link${i}-kms-signer-${j}`, resource: s }));
        if (!hasVpc && (0, links_1.linkNeedsVpc)(link)) {
            p.push(`${at} reaches a private IP (Cloud SQL or Memorystore): set network and subnetwork for direct VPC egress`);
        }
    });
    if (p.length > 0)
        throw new errors_1.PlatformError(`CloudRunService '${name}': ${p.join("; ")}`);
    const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    return {
        serviceName,
        cpu,
        memory,
        cpuIdle,
        startupCpuBoost: args.startupCpuBoost ?? exports.DEFAULTS.startupCpuBoost,
        executionEnvironment: fractional ? "EXECUTION_ENVIRONMENT_GEN1" : "EXECUTION_ENVIRONMENT_GEN2",
        minInstances,
        maxInstances,
        concurrency,
        timeoutSeconds,
        port,
        ingress,
        public: isPublic,
        invokers: args.invokers ?? [],
        env: env.sort(byName),
        secretEnv: secretEnv.sort(byName),
        secretGrants,
        cloudSqlInstances,
        kmsKeys,
        kmsSigningKeys,
        healthPath,
        readinessPath,
        ...(hasVpc
            ? {
                vpc: {
                    network: args.network,
                    subnetwork: args.subnetwork,
                    egress: args.vpcEgress ?? exports.DEFAULTS.vpcEgress,
                },
            }
            : {}),
        ...(args.canary ? { canary: args.canary } : {}),
        deletionProtection: args.deletionProtection ?? exports.DEFAULTS.deletionProtection,
    };
}
function intIn(field, v, min, max) {
    return Number.isInteger(v) && v >= min && v <= max
        ? []
        : [`${field} must be an integer ${min}–${max}, got ${(0, errors_1.show)(v)}`];
}
//# sourceMappingURL=spec.js.map