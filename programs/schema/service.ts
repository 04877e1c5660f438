import { z } from "zod";
import {
  CPU_ALLOWED,
  fitMemoryToCpu,
  formatMemory,
  isFractionalCpu,
  MEMORY_ALLOWED,
  memoryRangeMib,
  minCpuForMemory,
  parseCpu,
  parseMemoryMib,
} from "../../components/cloud-run-service/resources";
import { PUBLIC_MEMBERS, RESERVED_ENV } from "../../components/cloud-run-service/spec";
import type { Profile } from "../../components/shared/profiles";
import { awsServiceSchema } from "./aws";
import { bool, got, intRange, oneOf, pattern, section } from "./fields";

/** Placeholder image used until a stack names its own (Google's sample answers 200 on every path). */
export const PLACEHOLDER_IMAGE = "us-docker.pkg.dev/cloudrun/container/hello";

const IMAGE = /^([a-z0-9.-]+(:\d+)?\/)?[a-z0-9._/-]+(:[\w.-]{1,128}|@sha256:[a-f0-9]{64})?$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const URL_PATH = /^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/;

const image = () =>
  pattern(IMAGE, "a container image such as europe-docker.pkg.dev/acme/app/api:v1 or …@sha256:<digest>");

const cpu = z.preprocess(
  (v) => (typeof v === "number" ? String(v) : v),
  z.string({ error: (i) => `must be ${CPU_ALLOWED}, got ${got(i.input)}` }).superRefine((c, ctx) => {
    if (parseCpu(c) === undefined)
      ctx.addIssue({ code: "custom", message: `must be ${CPU_ALLOWED}, got ${got(c)}` });
  }),
);

const memory = z
  .string({ error: (i) => `must be ${MEMORY_ALLOWED}, got ${got(i.input)}` })
  .superRefine((m, ctx) => {
    const mib = parseMemoryMib(m);
    if (mib === undefined)
      ctx.addIssue({ code: "custom", message: `must be ${MEMORY_ALLOWED}, got ${got(m)}` });
    else if (mib > 32 * 1024)
      ctx.addIssue({ code: "custom", message: `must be at most 32Gi (Cloud Run's limit), got ${got(m)}` });
  });

/** A map keyed by env var names; bad names are reported at their own path. */
function envMap<V extends z.ZodType>(value: V, what: string) {
  return z
    .record(z.string(), value, {
      error: (i) =>
        i.code === "invalid_type" ? `must be a map of env name → ${what}, got ${got(i.input)}` : undefined,
    })
    .superRefine((m, ctx) => {
      for (const k of Object.keys(m)) {
        if (!ENV_NAME.test(k)) {
          ctx.addIssue({
            code: "custom",
            path: [k],
            message: `env names must be letters, digits and '_' not starting with a digit, got ${got(k)}`,
          });
        } else if ((RESERVED_ENV as readonly string[]).includes(k) || k.startsWith("X_GOOGLE_")) {
          ctx.addIssue({
            code: "custom",
            path: [k],
            message: `${k} is reserved by Cloud Run (${RESERVED_ENV.join(", ")}, X_GOOGLE_*); choose another name`,
          });
        }
      }
    });
}

const member = z
  .string({ error: (i) => `must be an IAM member such as serviceAccount:…, got ${got(i.input)}` })
  .superRefine((m, ctx) => {
    if ((PUBLIC_MEMBERS as readonly string[]).includes(m)) {
      ctx.addIssue({
        code: "custom",
        message: `${m} would make the service public; set public: true instead`,
      });
    } else if (!/^(serviceAccount|user|group|domain|principal|principalSet):.+/.test(m)) {
      ctx.addIssue({
        code: "custom",
        message: `must look like serviceAccount:…, user:…, group:… or domain:…, got ${got(m)}`,
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
export const serviceSchema = section({
  /** Container image. @default the Cloud Run hello sample */
  image: image(),
  /** "1" | "2" | "4" | "6" | "8" or a fraction 0.08–0.999. @default "1" (or the least CPU that allows `memory`) */
  cpu,
  /** "512Mi", "2Gi", …, checked against the CPU. @default 512Mi (dev, staging), 1Gi (prod), raised to the CPU's floor */
  memory,
  /** @default 0 (dev, staging), 1 (prod; prod refuses 0 unless allowScaleToZero) */
  minInstances: intRange(0, 1000),
  /** @default 3 (dev), 5 (staging), 20 (prod) */
  maxInstances: intRange(1, 1000),
  /** Concurrent requests per instance. @default 80 (1 for fractional CPUs) */
  concurrency: intRange(1, 1000),
  /** @default 300 */
  timeoutSeconds: intRange(1, 3600),
  /** @default all (IAM still required unless public) */
  ingress: oneOf(["all", "internal", "internal-and-lb"]),
  /** Allow unauthenticated requests (allUsers invoker). @default false */
  public: bool(),
  /** IAM members allowed to invoke the service. @default [] */
  invokers: z.array(member, { error: (i) => `must be a list of IAM members, got ${got(i.input)}` }),
  /** Plain env vars. @default {} */
  env: envMap(z.string({ error: (i) => `must be a string, got ${got(i.input)}` }), "string"),
  /** Env name → Secret Manager secret id or projects/<p>/secrets/<id> (latest version). @default {} */
  secrets: envMap(
    pattern(
      /^(projects\/[a-z0-9-]+\/secrets\/)?[A-Za-z0-9_-]{1,255}$/,
      "a secret id or projects/<project>/secrets/<id>",
    ),
    "secret id",
  ),
  /** Liveness probe path. @default /health */
  healthPath: pattern(URL_PATH, "an absolute URL path such as /health"),
  /** Startup (readiness) probe path. @default /ready */
  readinessPath: pattern(URL_PATH, "an absolute URL path such as /ready"),
  /** A second revision with `image` gets `percent` of the traffic. */
  canary: section({ percent: intRange(1, 99), image: image() }).partial(),
  /** Accept minInstances 0 (cold starts) in prod. @default false */
  allowScaleToZero: bool(),
  /** Cloud Run deletion protection. @default false (dev), true (staging, prod; prod refuses false) */
  deletionProtection: bool(),
  /** Lambda settings (cloud aws only). */
  aws: awsServiceSchema,
})
  .partial()
  .superRefine((s, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: "custom", path, message });
    if (s.memory !== undefined && parseMemoryMib(s.memory) !== undefined) {
      const mib = parseMemoryMib(s.memory)!;
      const c = s.cpu ?? minCpuForMemory(mib);
      const range = c !== undefined ? memoryRangeMib(c) : undefined;
      if (range && (mib < range.min || mib > range.max)) {
        issue(
          ["memory"],
          `must be ${formatMemory(range.min)}–${formatMemory(range.max)} for cpu ${got(c)}, got ${got(s.memory)}`,
        );
      }
    }
    if (s.cpu !== undefined && isFractionalCpu(s.cpu) && s.concurrency !== undefined && s.concurrency !== 1) {
      issue(["concurrency"], `must be 1 for a fractional cpu (${got(s.cpu)}), got ${s.concurrency}`);
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
        issue(
          ["canary", "image"],
          "is required: the canary's container image, e.g. europe-docker.pkg.dev/acme/app/api:v2",
        );
      else if (s.canary.image === (s.image ?? PLACEHOLDER_IMAGE))
        issue(["canary", "image"], `must differ from image (the stable one), got ${got(s.canary.image)}`);
    }
  });

/** Resolved `platform:service`. */
export interface ServiceConfig {
  readonly image: string;
  readonly cpu: string;
  readonly memory: string;
  readonly minInstances: number;
  readonly maxInstances: number;
  readonly concurrency: number;
  readonly timeoutSeconds: number;
  readonly ingress: "all" | "internal" | "internal-and-lb";
  readonly public: boolean;
  readonly invokers: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly secrets: Readonly<Record<string, string>>;
  readonly healthPath: string;
  readonly readinessPath: string;
  readonly canary?: { readonly percent: number; readonly image: string };
  readonly allowScaleToZero: boolean;
  readonly deletionProtection: boolean;
}

const BY_PROFILE = {
  dev: { minInstances: 0, maxInstances: 3, memory: "512Mi", deletionProtection: false },
  staging: { minInstances: 0, maxInstances: 5, memory: "512Mi", deletionProtection: true },
  prod: { minInstances: 1, maxInstances: 20, memory: "1Gi", deletionProtection: true },
} as const satisfies Record<Profile, unknown>;

/** Applies the profile's defaults; a CPU or memory left out is derived from the other. */
export function resolveService(
  raw: z.infer<typeof serviceSchema> | undefined,
  profile: Profile,
): ServiceConfig {
  const d = BY_PROFILE[profile];
  const r = raw ?? {};
  const writtenMib = r.memory !== undefined ? parseMemoryMib(r.memory) : undefined;
  const cpu = r.cpu ?? (writtenMib !== undefined ? (minCpuForMemory(writtenMib) ?? "8") : "1");
  const memory = r.memory ?? fitMemoryToCpu(cpu, d.memory);
  const minInstances = r.minInstances ?? d.minInstances;
  return {
    image: r.image ?? PLACEHOLDER_IMAGE,
    cpu,
    memory,
    minInstances,
    maxInstances: r.maxInstances ?? Math.max(d.maxInstances, minInstances),
    concurrency: r.concurrency ?? (isFractionalCpu(cpu) ? 1 : 80),
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
export function serviceInvariants(c: ServiceConfig, profile: Profile): { path: string; message: string }[] {
  if (profile !== "prod") return [];
  const out: { path: string; message: string }[] = [];
  const at = "platform:service";
  if (c.minInstances === 0 && !c.allowScaleToZero) {
    out.push({
      path: `${at}.minInstances`,
      message:
        "prod requires at least 1 warm instance, got 0 (set allowScaleToZero: true to accept cold starts)",
    });
  }
  if (!c.deletionProtection)
    out.push({ path: `${at}.deletionProtection`, message: "prod requires deletion protection, got false" });
  return out;
}
