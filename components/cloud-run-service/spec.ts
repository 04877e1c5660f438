import type * as gcp from "@pulumi/gcp";
import type * as pulumi from "@pulumi/pulumi";
import type { PlatformContext } from "../shared/context";
import { PlatformError, show } from "../shared/errors";
import type { Link, Linkable } from "../shared/link";
import { physicalName } from "../shared/naming";
import type { Transform } from "../shared/transform";
import { linkNeedsVpc, linkSecretIds } from "./links";
import { isFractionalCpu, validateCpuMemory, type CpuLimit, type MemoryLimit } from "./resources";

/** Who may reach the service at the network level. */
export const Ingress = { all: "all", internal: "internal", internalAndLb: "internal-and-lb" } as const;
/** An ingress choice. */
export type Ingress = (typeof Ingress)[keyof typeof Ingress];

/** Our ingress names → Cloud Run v2 values. */
export const INGRESS_SETTING = {
  all: "INGRESS_TRAFFIC_ALL",
  internal: "INGRESS_TRAFFIC_INTERNAL_ONLY",
  "internal-and-lb": "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER",
} as const satisfies Record<Ingress, string>;

/** What goes through the VPC: only private ranges (default) or everything. */
export const VpcEgress = { PRIVATE_RANGES_ONLY: "PRIVATE_RANGES_ONLY", ALL_TRAFFIC: "ALL_TRAFFIC" } as const;
/** A VPC egress setting. */
export type VpcEgress = (typeof VpcEgress)[keyof typeof VpcEgress];

/** Env names Cloud Run sets itself and refuses in a revision. */
export const RESERVED_ENV = ["PORT", "K_SERVICE", "K_REVISION", "K_CONFIGURATION"] as const;
/** Members that would make the service public; only `public: true` grants `allUsers`. */
export const PUBLIC_MEMBERS = ["allUsers", "allAuthenticatedUsers"] as const;

/**
 * A canary: a second revision running `image` gets `percent` of the traffic (tag `canary`), the
 * stable revision keeps the rest. See {@link CloudRunService} for the revision model.
 *
 * @example
 * ```ts
 * const canary: CanaryArgs = { percent: 10, image: "europe-docker.pkg.dev/acme/app/api:v2" };
 * ```
 */
export interface CanaryArgs {
  /** Share of requests for the canary, 1–99. */
  readonly percent: number;
  /** The canary's image. */
  readonly image: pulumi.Input<string>;
  /** Revision that keeps the rest of the traffic. @default the revision `image` + today's settings produced */
  readonly stableRevision?: string;
}

/**
 * Arguments of {@link CloudRunService}.
 *
 * @example
 * ```ts
 * const args: CloudRunServiceArgs = { ctx, image: "europe-docker.pkg.dev/acme/app/api:v1", cpu: "2", memory: "1Gi",
 *   network: net.networkId, subnetwork: net.subnetworkId, link: [db, cache, kmsLink(kms, "data")] };
 * ```
 */
export interface CloudRunServiceArgs {
  readonly ctx: PlatformContext;
  /** Container image (ideally pinned by digest). */
  readonly image: pulumi.Input<string>;
  /** @default "1" */
  readonly cpu?: CpuLimit;
  /** @default "512Mi" (raised to the CPU's floor, e.g. 2Gi for 4 CPUs) */
  readonly memory?: MemoryLimit;
  /** CPU only during requests (request-based billing). Fractional CPUs require true. @default true */
  readonly cpuIdle?: boolean;
  /** Extra CPU while an instance starts. @default true */
  readonly startupCpuBoost?: boolean;
  /** @default 0 */
  readonly minInstances?: number;
  /** @default 10 */
  readonly maxInstances?: number;
  /** Concurrent requests per instance, 1–1000 (fractional CPUs require 1). @default 80 (1 for fractional CPUs) */
  readonly concurrency?: number;
  /** Request timeout, 1–3600 s. @default 300 */
  readonly timeoutSeconds?: number;
  /** Container port. @default 8080 */
  readonly port?: number;
  /** @default "all" (every request still needs IAM unless `public`) */
  readonly ingress?: Ingress;
  /** Grant `roles/run.invoker` to `allUsers`. @default false */
  readonly public?: boolean;
  /** Members that may invoke the service (`serviceAccount:…`, `user:…`, `group:…`). @default [] */
  readonly invokers?: readonly pulumi.Input<string>[];
  /** Plain env vars. @default {} */
  readonly env?: Readonly<Record<string, pulumi.Input<string>>>;
  /** Env vars from Secret Manager: env name → secret id or `projects/…/secrets/…` (latest version). @default {} */
  readonly secrets?: Readonly<Record<string, string>>;
  /** Liveness probe path. @default "/health" */
  readonly healthPath?: string;
  /** Startup probe path: traffic arrives only once it answers. @default "/ready" */
  readonly readinessPath?: string;
  /** VPC for direct VPC egress (Cloud SQL and Memorystore private IPs). */
  readonly network?: pulumi.Input<string>;
  /** Subnet for direct VPC egress. */
  readonly subnetwork?: pulumi.Input<string>;
  /** @default "PRIVATE_RANGES_ONLY" */
  readonly vpcEgress?: VpcEgress;
  /** Components whose env vars, secrets and grants the service receives. @default [] */
  readonly link?: readonly Linkable[];
  /** Send a share of the traffic to a second image. @default none */
  readonly canary?: CanaryArgs;
  /** Cloud Run deletion protection. @default true */
  readonly deletionProtection?: boolean;
  /** CMEK key for the container image (the Cloud Run service agent needs encrypterDecrypter on it). */
  readonly kmsKeyId?: pulumi.Input<string>;
  readonly transform?: {
    service?: Transform<gcp.cloudrunv2.ServiceArgs>;
    serviceAccount?: Transform<gcp.serviceaccount.AccountArgs>;
    projectIamMember?: Transform<gcp.projects.IAMMemberArgs>;
    secretIamMember?: Transform<gcp.secretmanager.SecretIamMemberArgs>;
    cryptoKeyIamMember?: Transform<gcp.kms.CryptoKeyIAMMemberArgs>;
    invokerIamMember?: Transform<gcp.cloudrunv2.ServiceIamMemberArgs>;
  };
}

/** Defaults of {@link CloudRunServiceArgs}. */
export const DEFAULTS = {
  cpu: "1",
  memory: "512Mi",
  cpuIdle: true,
  startupCpuBoost: true,
  minInstances: 0,
  maxInstances: 10,
  concurrency: 80,
  timeoutSeconds: 300,
  port: 8080,
  ingress: Ingress.all,
  public: false,
  healthPath: "/health",
  readinessPath: "/ready",
  vpcEgress: VpcEgress.PRIVATE_RANGES_ONLY,
  deletionProtection: true,
} as const;

/** A secret env var: the secret and the key of the IAM grant that lets the service read it. */
export interface SecretEnv {
  readonly name: string;
  readonly secret: pulumi.Input<string>;
}

/** A grant on one resource; `key` makes the child's logical name. */
export interface Grant {
  readonly key: string;
  readonly resource: pulumi.Input<string>;
}

/** Settings with defaults applied, links merged and everything validated. */
export interface CloudRunSpec {
  readonly serviceName: string;
  readonly cpu: string;
  readonly memory: string;
  readonly cpuIdle: boolean;
  readonly startupCpuBoost: boolean;
  readonly executionEnvironment: "EXECUTION_ENVIRONMENT_GEN1" | "EXECUTION_ENVIRONMENT_GEN2";
  readonly minInstances: number;
  readonly maxInstances: number;
  readonly concurrency: number;
  readonly timeoutSeconds: number;
  readonly port: number;
  readonly ingress: Ingress;
  readonly public: boolean;
  readonly invokers: readonly pulumi.Input<string>[];
  /** Plain env, sorted by name. */
  readonly env: readonly { name: string; value: pulumi.Input<string> }[];
  /** Secret env, sorted by name. */
  readonly secretEnv: readonly SecretEnv[];
  readonly secretGrants: readonly Grant[];
  readonly cloudSqlInstances: readonly Grant[];
  readonly kmsKeys: readonly Grant[];
  readonly kmsSigningKeys: readonly Grant[];
  readonly healthPath: string;
  readonly readinessPath: string;
  readonly vpc?: {
    readonly network?: pulumi.Input<string>;
    readonly subnetwork?: pulumi.Input<string>;
    readonly egress: VpcEgress;
  };
  readonly canary?: CanaryArgs;
  readonly deletionProtection: boolean;
}

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
export function validateEnvName(field: string, name: string): string[] {
  if (!ENV_NAME.test(name))
    return [
      `${field}: env names must be letters, digits and '_' not starting with a digit, got ${show(name)}`,
    ];
  if ((RESERVED_ENV as readonly string[]).includes(name))
    return [`${field}: ${name} is set by Cloud Run; choose another name`];
  if (name.startsWith("X_GOOGLE_"))
    return [`${field}: the X_GOOGLE_ prefix is reserved by Cloud Run, got ${show(name)}`];
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
export function validateSecretRef(field: string, ref: string): string[] {
  return SECRET_REF.test(ref)
    ? []
    : [
        `${field} must be a secret id or projects/<project>/secrets/<id> (the latest version is used), got ${show(ref)}`,
      ];
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
export function normalizeCloudRunArgs(name: string, args: CloudRunServiceArgs): CloudRunSpec {
  const p: string[] = [];
  const cpu = args.cpu ?? DEFAULTS.cpu;
  const fractional = isFractionalCpu(cpu);
  const memory = args.memory ?? DEFAULTS.memory;
  p.push(...validateCpuMemory(cpu, memory));
  const cpuIdle = args.cpuIdle ?? DEFAULTS.cpuIdle;
  const concurrency = args.concurrency ?? (fractional ? 1 : DEFAULTS.concurrency);
  if (fractional && concurrency !== 1)
    p.push(`concurrency must be 1 for a fractional cpu (${cpu}), got ${concurrency}`);
  if (fractional && !cpuIdle)
    p.push(`cpuIdle must be true for a fractional cpu (${cpu}): CPU is allocated only during requests`);
  const minInstances = args.minInstances ?? DEFAULTS.minInstances;
  const maxInstances = args.maxInstances ?? Math.max(DEFAULTS.maxInstances, minInstances);
  p.push(...intIn("minInstances", minInstances, 0, 1000), ...intIn("maxInstances", maxInstances, 1, 1000));
  if (minInstances > maxInstances)
    p.push(`minInstances (${minInstances}) must not exceed maxInstances (${maxInstances})`);
  p.push(...intIn("concurrency", concurrency, 1, 1000));
  const timeoutSeconds = args.timeoutSeconds ?? DEFAULTS.timeoutSeconds;
  p.push(...intIn("timeoutSeconds", timeoutSeconds, 1, 3600));
  const port = args.port ?? DEFAULTS.port;
  p.push(...intIn("port", port, 1, 65535));
  const ingress = args.ingress ?? DEFAULTS.ingress;
  if (!(ingress in INGRESS_SETTING))
    p.push(`ingress must be one of ${Object.keys(INGRESS_SETTING).join(" | ")}, got ${show(ingress)}`);
  const healthPath = args.healthPath ?? DEFAULTS.healthPath;
  const readinessPath = args.readinessPath ?? DEFAULTS.readinessPath;
  for (const [f, v] of [
    ["healthPath", healthPath],
    ["readinessPath", readinessPath],
  ] as const) {
    if (!PATH.test(v)) p.push(`${f} must be an absolute URL path such as /health, got ${show(v)}`);
  }
  const isPublic = args.public ?? DEFAULTS.public;
  (args.invokers ?? []).forEach((m, i) => {
    if (typeof m !== "string") return;
    if ((PUBLIC_MEMBERS as readonly string[]).includes(m))
      p.push(`invokers[${i}]: ${m} makes the service public; set public: true instead`);
    else if (!/^(serviceAccount|user|group|domain|principal|principalSet):.+/.test(m)) {
      p.push(`invokers[${i}] must look like serviceAccount:…, user:…, group:… or domain:…, got ${show(m)}`);
    }
  });
  if (args.vpcEgress !== undefined && !(args.vpcEgress in VpcEgress)) {
    p.push(`vpcEgress must be one of ${Object.keys(VpcEgress).join(" | ")}, got ${show(args.vpcEgress)}`);
  }
  const serviceName = physicalName([args.ctx.app, args.ctx.env, name], { maxLength: 49 });
  if (args.canary) {
    const c = args.canary;
    if (!Number.isInteger(c.percent) || c.percent < 1 || c.percent > 99)
      p.push(`canary.percent must be an integer 1–99, got ${show(c.percent)}`);
    if (typeof c.image === "string" && c.image === args.image)
      p.push("canary.image must differ from image (the stable image)");
    if (c.stableRevision !== undefined && !c.stableRevision.startsWith(`${serviceName}-`)) {
      p.push(
        `canary.stableRevision must be a revision of this service (${serviceName}-…), got ${show(c.stableRevision)}`,
      );
    }
  }

  // Env: user env, user secrets and every link's env/secretEnv share one namespace.
  const owner = new Map<string, string>();
  const env: { name: string; value: pulumi.Input<string> }[] = [];
  const secretEnv: SecretEnv[] = [];
  const claim = (envName: string, by: string, field: string) => {
    p.push(...validateEnvName(field, envName));
    const prev = owner.get(envName);
    if (prev !== undefined) p.push(`${field}: env ${envName} is already set by ${prev}`);
    else owner.set(envName, by);
  };
  for (const [k, v] of Object.entries(args.env ?? {})) {
    claim(k, "env", `env.${k}`);
    env.push({ name: k, value: v });
  }
  const secretGrants: Grant[] = [];
  const seenRefs = new Set<string>();
  for (const [k, ref] of Object.entries(args.secrets ?? {})) {
    claim(k, "secrets", `secrets.${k}`);
    p.push(...validateSecretRef(`secrets.${k}`, ref));
    secretEnv.push({ name: k, secret: ref });
    if (!seenRefs.has(ref))
      secretGrants.push({ key: `secret-${k.toLowerCase().replace(/_/g, "-")}`, resource: ref });
    seenRefs.add(ref);
  }
  const cloudSqlInstances: Grant[] = [];
  const kmsKeys: Grant[] = [];
  const kmsSigningKeys: Grant[] = [];
  const hasVpc = args.network !== undefined || args.subnetwork !== undefined;
  (args.link ?? []).forEach((linkable, i) => {
    const link: Link = linkable.getLink();
    const at = `link[${i}]`;
    for (const [k, v] of Object.entries(link.env ?? {})) {
      claim(k, at, `${at}.env.${k}`);
      env.push({ name: k, value: v });
    }
    for (const [k, v] of Object.entries(link.secretEnv ?? {})) {
      claim(k, at, `${at}.secretEnv.${k}`);
      secretEnv.push({ name: k, secret: v });
    }
    linkSecretIds(link).forEach((s, j) => secretGrants.push({ key: `link${i}-secret-${j}`, resource: s }));
    (link.cloudSqlInstances ?? []).forEach((s, j) =>
      cloudSqlInstances.push({ key: `link${i}-cloudsql-${j}`, resource: s }),
    );
    (link.kmsKeys ?? []).forEach((s, j) => kmsKeys.push({ key: `link${i}-kms-${j}`, resource: s }));
    (link.kmsSigningKeys ?? []).forEach((s, j) =>
      kmsSigningKeys.push({ key: `link${i}-kms-signer-${j}`, resource: s }),
    );
    if (!hasVpc && linkNeedsVpc(link)) {
      p.push(
        `${at} reaches a private IP (Cloud SQL or Memorystore): set network and subnetwork for direct VPC egress`,
      );
    }
  });
  if (p.length > 0) throw new PlatformError(`CloudRunService '${name}': ${p.join("; ")}`);
  const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return {
    serviceName,
    cpu,
    memory,
    cpuIdle,
    startupCpuBoost: args.startupCpuBoost ?? DEFAULTS.startupCpuBoost,
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
            egress: args.vpcEgress ?? DEFAULTS.vpcEgress,
          },
        }
      : {}),
    ...(args.canary ? { canary: args.canary } : {}),
    deletionProtection: args.deletionProtection ?? DEFAULTS.deletionProtection,
  };
}

function intIn(field: string, v: number, min: number, max: number): string[] {
  return Number.isInteger(v) && v >= min && v <= max
    ? []
    : [`${field} must be an integer ${min}–${max}, got ${show(v)}`];
}
