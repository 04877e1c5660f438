"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.serviceSchema = exports.PLACEHOLDER_IMAGE = void 0;
exports.resolveService = resolveService;
exports.serviceInvariants = serviceInvariants;
const zod_1 = require("zod");
const resources_1 = require("../../components/cloud-run-service/resources");
const spec_1 = require("../../components/cloud-run-service/spec");
const fields_1 = require("./fields");
/** Placeholder image used until a stack names its own (Google's sample answers 200 on every path). */
exports.PLACEHOLDER_IMAGE = "us-docker.pkg.dev/cloudrun/container/hello";
const IMAGE = /^([a-z0-9.-]+(:\d+)?\/)?[a-z0-9._/-]+(:[\w.-]{1,128}|@sha256:[a-f0-9]{64})?$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const URL_PATH = /^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/;
const image = () => (0, fields_1.pattern)(IMAGE, "a container image such as europe-docker.pkg.dev/acme/app/api:v1 or …@sha256:<digest>");
const cpu = zod_1.z.preprocess((v) => (typeof v === "number" ? String(v) : v), zod_1.z.string({ error: (i) => `must be ${resources_1.CPU_ALLOWED}, got ${(0, fields_1.got)(i.input)}` }).superRefine((c, ctx) => {
    if ((0, resources_1.parseCpu)(c) === undefined)
        ctx.addIssue({ code: "custom", message: `must be ${resources_1.CPU_ALLOWED}, got ${(0, fields_1.got)(c)}` });
}));
const memory = zod_1.z
    .string({ error: (i) => `must be ${resources_1.MEMORY_ALLOWED}, got ${(0, fields_1.got)(i.input)}` })
    .superRefine((m, ctx) => {
    const mib = (0, resources_1.parseMemoryMib)(m);
    if (mib === undefined)
        ctx.addIssue({ code: "custom", message: `must be ${resources_1.MEMORY_ALLOWED}, got ${(0, fields_1.got)(m)}` });
    else if (mib > 32 * 1024)
        ctx.addIssue({ code: "custom", message: `must be at most 32Gi (Cloud Run's limit), got ${(0, fields_1.got)(m)}` });
});
/** A map keyed by env var names; bad names are reported at their own path. */
function envMap(value, what) {
    return zod_1.z
        .record(zod_1.z.string(), value, {
        error: (i) => i.code === "invalid_type" ? `must be a map of env name → ${what}, got ${(0, fields_1.got)(i.input)}` : undefined,
    })
        .superRefine((m, ctx) => {
        for (const k of Object.keys(m)) {
            if (!ENV_NAME.test(k)) {
                ctx.addIssue({
                    code: "custom",
                    path: [k],
                    message: `env names must be letters, digits and '_' not starting with a digit, got ${(0, fields_1.got)(k)}`,
                });
            }
            else if (spec_1.RESERVED_ENV.includes(k) || k.startsWith("X_GOOGLE_")) {
                ctx.addIssue({
                    code: "custom",
                    path: [k],
                    message: `${k} is reserved by Cloud Run (${spec_1.RESERVED_ENV.join(", ")}, X_GOOGLE_*); choose another name`,
                });
            }
        }
    });
}
const member = zod_1.z
    .string({ error: (i) => `must be an IAM member such as serviceAccount:…, got ${(0, fields_1.got)(i.input)}` })
    .superRefine((m, ctx) => {
    if (spec_1.PUBLIC_MEMBERS.includes(m)) {
        ctx.addIssue({
            code: "custom",
            message: `${m} would make the service public; set public: true instead`,
        });
    }
    else if (!/^(serviceAccount|user|group|domain|principal|principalSet):.+/.test(m)) {
        ctx.addIssue({
            code: "custom",
            message: `must look like serviceAccount:…, user:…, group:… or domain:…, got ${(0, fields_1.got)(m)}`,
        });
    }
});
/**
 * `platform:service`: the application's Cloud Run service.
 *
 * @example
 * ```yaml
 * platform:service:
 *   image: europe-docker.pkg.dev/acme-shop/app/api:1.4.2
 *   cpu: "2"
 *   memory: 1Gi
 *   minInstances: 1
 *   maxInstances: 20
 *   ingress: internal-and-lb
 *   env: { LOG_LEVEL: info }
 *   secrets: { STRIPE_KEY: stripe-api-key }
 *   canary: { percent: 10, image: europe-docker.pkg.dev/acme-shop/app/api:1.5.0 }
 * ```
 */
exports.serviceSchema = (0, fields_1.section)({
    /** Container image. @default the Cloud Run hello sample */
    image: image(),
    /** "1" | "2" | "4" | "6" | "8" or a fraction 0.08–0.999. @default "1" (or the least CPU that allows `memory`) */
    cpu,
    /** "512Mi", "2Gi", …, checked against the CPU. @default 512Mi (dev, staging), 1Gi (prod), raised to the CPU's floor */
    memory,
    /** @default 0 (dev, staging), 1 (prod; prod refuses 0 unless allowScaleToZero) */
    minInstances: (0, fields_1.intRange)(0, 1000),
    /** @default 3 (dev), 5 (staging), 20 (prod) */
    maxInstances: (0, fields_1.intRange)(1, 1000),
    /** Concurrent requests per instance. @default 80 (1 for fractional CPUs) */
    concurrency: (0, fields_1.intRange)(1, 1000),
    /** @default 300 */
    timeoutSeconds: (0, fields_1.intRange)(1, 3600),
    /** @default all (IAM still required unless public) */
    ingress: (0, fields_1.oneOf)(["all", "internal", "internal-and-lb"]),
    /** Allow unauthenticated requests (allUsers invoker). @default false */
    public: (0, fields_1.bool)(),
    /** IAM members allowed to invoke the service. @default [] */
    invokers: zod_1.z.array(member, { error: (i) => `must be a list of IAM members, got ${(0, fields_1.got)(i.input)}` }),
    /** Plain env vars. @default {} */
    env: envMap(zod_1.z.string({ error: (i) => `must be a string, got ${(0, fields_1.got)(i.input)}` }), "string"),
    /** Env name → Secret Manager secret id or projects/<p>/secrets/<id> (latest version). @default {} */
    secrets: envMap((0, fields_1.pattern)(/^(projects\/[a-z0-9-]+\/secrets\/)?[A-Za-z0-9_-]{1,255}$/, "a secret id or projects/<project>/secrets/<id>"), "secret id"),
    /** Liveness probe path. @default /health */
    healthPath: (0, fields_1.pattern)(URL_PATH, "an absolute URL path such as /health"),
    /** Startup (readiness) probe path. @default /ready */
    readinessPath: (0, fields_1.pattern)(URL_PATH, "an absolute URL path such as /ready"),
    /** A second revision with `image` gets `percent` of the traffic. */
    canary: (0, fields_1.section)({ percent: (0, fields_1.intRange)(1, 99), image: image() }).partial(),
    /** Accept minInstances 0 (cold starts) in prod. @default false */
    allowScaleToZero: (0, fields_1.bool)(),
    /** Cloud Run deletion protection. @default false (dev), true (staging, prod; prod refuses false) */
    deletionProtection: (0, fields_1.bool)(),
})
    .partial()
    .superRefine((s, ctx) => {
    const issue = (path, message) => ctx.addIssue({ code: "custom", path, message });
    if (s.memory !== undefined && (0, resources_1.parseMemoryMib)(s.memory) !== undefined) {
        const mib = (0, resources_1.parseMemoryMib)(s.memory);
        const c = s.cpu ?? (0, resources_1.minCpuForMemory)(mib);
        const range = c !== undefined ? (0, resources_1.memoryRangeMib)(c) : undefined;
        if (range && (mib < range.min || mib > range.max)) {
            issue(["memory"], `must be ${(0, resources_1.formatMemory)(range.min)}–${(0, resources_1.formatMemory)(range.max)} for cpu ${(0, fields_1.got)(c)}, got ${(0, fields_1.got)(s.memory)}`);
        }
    }
    if (s.cpu !== undefined && (0, resources_1.isFractionalCpu)(s.cpu) && s.concurrency !== undefined && s.concurrency !== 1) {
        issue(["concurrency"], `must be 1 for a fractional cpu (${(0, fields_1.got)(s.cpu)}), got ${s.concurrency}`);
    }
    if (s.minInstances !== undefined && s.maxInstances !== undefined && s.minInstances > s.maxInstances) {
        issue(["minInstances"], `must not exceed maxInstances (${s.maxInstances}), got ${s.minInstances}`);
    }
    for (const k of Object.keys(s.secrets ?? {})) {
        if (s.env?.[k] !== undefined)
            issue(["secrets", k], `env ${k} is also set in env; set it in one place only`);
    }
    if (s.canary !== undefined) {
        if (s.canary.percent === undefined)
            issue(["canary", "percent"], "is required: the canary's share of requests, an integer 1–99");
        if (s.canary.image === undefined)
            issue(["canary", "image"], "is required: the canary's container image, e.g. europe-docker.pkg.dev/acme/app/api:v2");
        else if (s.canary.image === (s.image ?? exports.PLACEHOLDER_IMAGE))
            issue(["canary", "image"], `must differ from image (the stable one), got ${(0, fields_1.got)(s.canary.image)}`);
    }
});
const BY_PROFILE = {
    dev: { minInstances: 0, maxInstances: 3, memory: "512Mi", deletionProtection: false },
    staging: { minInstances: 0, maxInstances: 5, memory: "512Mi", deletionProtection: true },
    prod: { minInstances: 1, maxInstances: 20, memory: "1Gi", deletionProtection: true },
};
/** Applies the profile's defaults; a CPU or memory left out is derived from the other. */
function resolveService(raw, profile) {
    const d = BY_PROFILE[profile];
    const r = raw ?? {};
    const writtenMib = r.memory !== undefined ? (0, resources_1.parseMemoryMib)(r.memory) : undefined;
    const cpu = r.cpu ?? (writtenMib !== undefined ? ((0, resources_1.minCpuForMemory)(writtenMib) ?? "8") : "1");
    const memory = r.memory ?? (0, resources_1.fitMemoryToCpu)(cpu, d.memory);
    const minInstances = r.minInstances ?? d.minInstances;
    return {
        image: r.image ?? exports.PLACEHOLDER_IMAGE,
        cpu,
        memory,
        minInstances,
        maxInstances: r.maxInstances ?? Math.max(d.maxInstances, minInstances),
        concurrency: r.concurrency ?? ((0, resources_1.isFractionalCpu)(cpu) ? 1 : 80),
        timeoutSeconds: r.timeoutSeconds ?? 300,
        ingress: r.ingress ?? "all",
        public: r.public ?? false,
        invokers: r.invokers ?? [],
        env: r.env ?? {},
        secrets: r.secrets ?? {},
        healthPath: r.healthPath ?? "/health",
        readinessPath: r.readinessPath ?? "/ready",
        ...(r.canary?.percent !== undefined && r.canary.image !== undefined
            ? { canary: { percent: r.canary.percent, image: r.canary.image } }
            : {}),
        allowScaleToZero: r.allowScaleToZero ?? false,
        deletionProtection: r.deletionProtection ?? d.deletionProtection,
    };
}
/** Prod invariants: refused values, with the config path. */
function serviceInvariants(c, profile) {
    if (profile !== "prod")
        return [];
    const out = [];
    const at = "platform:service";
    if (c.minInstances === 0 && !c.allowScaleToZero) {
        out.push({
            path: `${at}.minInstances`,
            message: "prod requires at least 1 warm instance, got 0 (set allowScaleToZero: true to accept cold starts)",
        });
    }
    if (!c.deletionProtection)
        out.push({ path: `${at}.deletionProtection`, message: "prod requires deletion protection, got false" });
    return out;
}
//# sourceMappingURL=service.js.map