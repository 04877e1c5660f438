import { z } from "zod";
import { hint, PlatformError } from "../components/shared/errors";

export { editDistance, hint } from "../components/shared/errors";
import type { AwsContext, Cloud, PlatformContext } from "../components/shared/context";
import type { Profile } from "../components/shared/profiles";
import { GCP_REGIONS, isGcpRegion } from "../components/shared/regions";
import { got } from "./schema/fields";
import { ENVIRONMENT_SECTION, SECTIONS, type ConfigIssue, type ResolvedSections } from "./schema";
import {
  maskSecrets,
  secretEnvName,
  secretPaths,
  secretPlacementIssues,
  type SecretPath,
} from "./secret-config";
import { awsInvariants, GCP_ONLY_FIELDS, resolveAws, type AwsSettings } from "./schema/aws";
import { validateAwsProvider, type AwsProviderConfig } from "./schema/aws-provider";
import { BILLING_ACCOUNT_REQUIRED } from "./schema/budget";
import { kubernetesSchema, resolveKubernetes, type KubernetesSettings } from "./schema/kubernetes";
import { K8S_REFUSED_FIELDS, kubernetesInvariants } from "./schema/kubernetes-rules";
import { DEFAULT_KUBERNETES_RATES } from "../components/shared/kubernetes-rates";
import type { KubernetesContext } from "../components/shared/kubernetes";

export type { ConfigIssue } from "./schema";

/** The config namespace every platform key lives in. */
export const NAMESPACE = "platform";
/** Provider keys the program reads besides `platform:*` on cloud gcp (on aws: `aws:*`, see schema/aws-provider.ts). */
export const PROVIDER_KEYS = ["gcp:project", "gcp:region"] as const;

/**
 * One typed, validated environment: what `programs/platform.ts` builds from.
 *
 * @example
 * ```ts
 * const cfg = parseEnvironmentConfig("prod", { "gcp:project": "acme-prod", "gcp:region": "europe-west1",
 *   "platform:environment": { profile: "prod", app: "shop" } });
 * cfg.database.highAvailability; // true (prod default)
 * ```
 */
export type EnvironmentConfig = ResolvedSections & {
  /** Stack name. */
  readonly env: string;
  readonly profile: Profile;
  readonly app: string;
  readonly labels: Readonly<Record<string, string>>;
  /** `platform:environment.cloud`. */
  readonly cloud: Cloud;
  /** GCP project id; empty on cloud aws. */
  readonly project: string;
  /** GCP or AWS region. */
  readonly region: string;
  /**
   * Env vars of `platform:service.env` whose values are secrets: `service.env` holds `"[secret]"`
   * for them, and the program reads the value as a secret and stores it in Secret Manager.
   */
  readonly secretEnvNames: readonly string[];
  /** The AWS provider settings and each section's `aws` settings; present on cloud aws only. */
  readonly aws?: AwsSettings & { readonly provider: AwsProviderConfig };
  /**
   * `platform:kubernetes`, resolved; present on cloud kubernetes only. With `keysFrom: gcp` the
   * stack also has `gcp:project` / `gcp:region` (in `project`, `region`); with `keysFrom: aws`,
   * the AWS provider settings.
   */
  readonly kubernetes?: KubernetesSettings & { readonly awsProvider?: AwsProviderConfig };
};

/**
 * Options of {@link parseEnvironmentConfig}.
 *
 * @example
 * ```ts
 * parseEnvironmentConfig("dev", values, { secrets: [{ key: "platform:service", path: ["env", "API_KEY"] }] });
 * ```
 */
export interface ParseConfigOptions {
  /**
   * Where secret values sit. They are validated as `"[secret]"` (never echoed) and may only be
   * `platform:service.env.<NAME>` values. @default the `{ secure: … }` leaves of `values`
   */
  readonly secrets?: readonly SecretPath[];
}

/**
 * Every config problem at once. Its message lists one `path: problem` per line and nothing else
 * (the CLI prints it without a stack trace).
 */
export class ConfigError extends PlatformError {
  override readonly name = "ConfigError";
  constructor(
    readonly env: string,
    readonly issues: readonly ConfigIssue[],
  ) {
    super(
      `Invalid configuration for stack "${env}":\n${issues.map((i) => `  ${i.path}: ${i.message}`).join("\n")}`,
    );
  }
}

/**
 * Validates raw stack config (`key → value`, structured values already parsed) into an
 * {@link EnvironmentConfig}. Throws a {@link ConfigError} listing every violation with its path.
 *
 * @example
 * ```ts
 * parseEnvironmentConfig("dev", { "platform:databse": {} }); // ConfigError: platform:databse: unknown key (did you mean "platform:database"?)
 * ```
 */
export function parseEnvironmentConfig(
  env: string,
  rawValues: Readonly<Record<string, unknown>>,
  options: ParseConfigOptions = {},
): EnvironmentConfig {
  const secrets = options.secrets ?? secretPaths(rawValues);
  // Validation never sees a secret: offline (no passphrase) and at deploy time alike.
  const values = maskSecrets(rawValues, secrets);
  const misplaced = secretPlacementIssues(secrets);
  const issues: ConfigIssue[] = [...misplaced];
  const known = [
    `${NAMESPACE}:environment`,
    ...Object.keys(SECTIONS).map((k) => `${NAMESPACE}:${k}`),
    `${NAMESPACE}:kubernetes`,
  ];
  for (const key of Object.keys(values)) {
    if (key.startsWith(`${NAMESPACE}:`) && !known.includes(key)) {
      issues.push({ path: key, message: `unknown key${hint(key, known)}; allowed: ${known.join(", ")}` });
    }
  }
  const envRaw = values[`${NAMESPACE}:environment`];
  const envParsed = ENVIRONMENT_SECTION.schema.safeParse(envRaw);
  if (!envParsed.success)
    issues.push(
      ...zodIssues(`${NAMESPACE}:environment`, envParsed.error, ENVIRONMENT_SECTION.schema, envRaw, [
        ...((envRaw as { cloud?: unknown } | undefined)?.cloud === "aws" ? [] : ["aws"]),
      ]),
    );
  const profile: Profile | undefined = envParsed.success ? envParsed.data.profile : undefined;
  const rawCloud = (envRaw as { cloud?: unknown } | undefined)?.cloud;
  const cloud: Cloud = envParsed.success
    ? (envParsed.data.cloud ?? "gcp")
    : rawCloud === "aws" || rawCloud === "kubernetes"
      ? rawCloud
      : "gcp";
  // On a cluster, gcp:* or aws:* keys belong to the cloud the app keys come from (kubernetes.keysFrom).
  const rawK8s = values[`${NAMESPACE}:kubernetes`];
  const keysFrom =
    cloud === "kubernetes" && typeof rawK8s === "object" && rawK8s !== null
      ? (rawK8s as { keysFrom?: unknown }).keysFrom
      : undefined;
  const others = (["gcp", "aws"] as const).filter((c) => c !== cloud && c !== keysFrom);
  for (const key of Object.keys(values)) {
    const other = others.find((o) => key.startsWith(`${o}:`));
    if (other !== undefined)
      issues.push({
        path: key,
        message:
          cloud === "kubernetes"
            ? `applies only to cloud ${other} or to kubernetes.keysFrom: ${other} (this stack is cloud kubernetes)`
            : `applies only to cloud ${other} (this stack is cloud ${cloud}; platform:environment.cloud picks the cloud)`,
      });
  }
  if (cloud !== "kubernetes" && rawK8s !== undefined)
    issues.push({
      path: `${NAMESPACE}:kubernetes`,
      message: `applies only to cloud kubernetes (this stack is cloud ${cloud}; set platform:environment.cloud: kubernetes)`,
    });
  const project = values["gcp:project"];
  const region = values["gcp:region"];
  let awsProvider: AwsProviderConfig | undefined;
  if (cloud === "gcp" || (cloud === "kubernetes" && keysFrom === "gcp")) {
    if (typeof project !== "string" || !/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(project)) {
      issues.push({
        path: "gcp:project",
        message: `must be a GCP project id (6–30 lowercase letters, digits, '-'), got ${got(project)}`,
      });
    }
    if (typeof region !== "string" || !/^[a-z]+-[a-z]+\d+$/.test(region)) {
      issues.push({
        path: "gcp:region",
        message: `must be a GCP region such as europe-west1, got ${got(region)}`,
      });
    } else if (!isGcpRegion(region)) {
      issues.push({
        path: "gcp:region",
        message: `must be a Google Cloud region, got ${got(region)}${hint(region, GCP_REGIONS)}; regions: ${GCP_REGIONS.join(", ")}`,
      });
    }
  } else if (cloud === "aws" || keysFrom === "aws") {
    const r = validateAwsProvider(values, profile ?? "dev");
    issues.push(...r.issues);
    awsProvider = r.config;
  }
  issues.push(...cloudOnlyIssues(cloud, values));
  // Secret env values become Secret Manager secrets on GCP and a Secret on Kubernetes; the AWS program has no such path yet,
  // and must never hand a Lambda the "[secret]" mask (or the value in plain text).
  if (cloud === "aws")
    for (const name of secrets.map(secretEnvName).filter((n): n is string => n !== undefined))
      issues.push({
        path: `${NAMESPACE}:service.env.${name}`,
        message: `is set as a secret, but cloud ${cloud} does not support secret env values yet (only cloud gcp stores them in Secret Manager); remove the secret or use cloud gcp`,
      });

  const resolved: Record<string, unknown> = {};
  const ctx = { profile: profile ?? "dev", env, cloud };
  const rawSections: Record<string, Record<string, unknown> | undefined> = {};
  for (const [key, section] of Object.entries(SECTIONS) as [
    keyof typeof SECTIONS,
    (typeof SECTIONS)[keyof typeof SECTIONS],
  ][]) {
    const raw = values[`${NAMESPACE}:${key}`];
    const parsed = (section.schema as z.ZodType).safeParse(raw ?? {});
    if (parsed.success)
      rawSections[key] = raw === undefined ? undefined : (parsed.data as Record<string, unknown>);
    if (!parsed.success) {
      issues.push(
        ...zodIssues(
          `${NAMESPACE}:${key}`,
          parsed.error,
          section.schema as z.ZodType,
          raw,
          cloud !== "aws" ? ["aws"] : [],
        ),
      );
      continue;
    }
    resolved[key] = (section.resolve as (r: unknown, c: typeof ctx) => unknown)(parsed.data, ctx);
  }
  // Profile invariants only make sense once the profile and the section itself are valid.
  if (profile !== undefined) {
    for (const [key, section] of Object.entries(SECTIONS)) {
      if (resolved[key] === undefined || !("invariants" in section) || !section.invariants) continue;
      issues.push(
        ...(section.invariants as (r: unknown, c: typeof ctx, all: Record<string, unknown>) => ConfigIssue[])(
          resolved[key],
          ctx,
          resolved,
        ),
      );
    }
  }
  let aws: EnvironmentConfig["aws"];
  if (cloud === "aws" && envParsed.success) {
    rawSections["environment"] = envParsed.data;
    const settings = resolveAws(rawSections, profile!);
    if (Object.keys(SECTIONS).every((k) => resolved[k] !== undefined)) {
      const r = resolved as unknown as ResolvedSections;
      issues.push(
        ...awsInvariants(
          settings,
          {
            raw: rawSections,
            database: r.database,
            cache: r.cache,
            service: r.service,
            budget: r.budget,
            kms: r.kms,
            observability: r.observability,
          },
          profile!,
        ),
      );
    }
    if (awsProvider) aws = { ...settings, provider: awsProvider };
  }
  let kubernetes: EnvironmentConfig["kubernetes"];
  if (cloud === "kubernetes") {
    const k8sParsed = kubernetesSchema.safeParse(rawK8s ?? {});
    if (!k8sParsed.success)
      issues.push(...zodIssues(`${NAMESPACE}:kubernetes`, k8sParsed.error, kubernetesSchema, rawK8s));
    else if (envParsed.success) {
      rawSections["kubernetes"] = k8sParsed.data;
      const settings = resolveKubernetes(rawSections, profile!, envParsed.data.app, env);
      if (Object.keys(SECTIONS).every((k) => resolved[k] !== undefined)) {
        const r = resolved as unknown as ResolvedSections;
        issues.push(
          ...kubernetesInvariants(
            settings,
            {
              raw: rawSections,
              database: r.database,
              cache: r.cache,
              service: r.service,
              kms: r.kms,
              budget: { ...r.budget, enabled: settings.budgetEnabled },
              observability: r.observability,
            },
            profile!,
          ),
        );
      }
      kubernetes = { ...settings, ...(awsProvider ? { awsProvider } : {}) };
    }
  }
  // A misplaced secret is reported once, as such: what validation says about "[secret]" is noise.
  const hidden = misplaced.map((m) => m.path);
  const shown = issues.filter(
    (i) =>
      misplaced.includes(i) ||
      !hidden.some((h) => i.path === h || i.path.startsWith(`${h}.`) || i.path.startsWith(`${h}[`)),
  );
  if (shown.length > 0) throw new ConfigError(env, dedupe(shown));
  const e = envParsed.success ? envParsed.data : undefined;

  return {
    ...(resolved as ResolvedSections),
    env,
    profile: profile!,
    app: e!.app,
    labels: e!.labels ?? {},
    cloud,
    project: cloud === "gcp" || keysFrom === "gcp" ? (project as string) : "",
    region:
      cloud === "gcp" || keysFrom === "gcp"
        ? (region as string)
        : cloud === "aws"
          ? aws!.provider.region
          : (awsProvider?.region ?? ""),
    ...(aws ? { aws } : {}),
    ...(kubernetes ? { kubernetes } : {}),
    secretEnvNames: secrets.map(secretEnvName).filter((n): n is string => n !== undefined),
  };
}

/**
 * Fields that belong to the other cloud, and the GCP-only rules that the zod sections cannot
 * know the cloud for. Every message says which cloud the field belongs to.
 */
function cloudOnlyIssues(cloud: Cloud, values: Readonly<Record<string, unknown>>): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  const sectionOf = (key: string) => {
    const v = values[`${NAMESPACE}:${key}`];
    return typeof v === "object" && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : undefined;
  };
  for (const key of ["environment", ...Object.keys(SECTIONS)]) {
    const raw = sectionOf(key);
    if (!raw) continue;
    if (cloud !== "aws" && raw["aws"] !== undefined)
      out.push({
        path: `${NAMESPACE}:${key}.aws`,
        message: `applies only to cloud aws (this stack is cloud ${cloud}; set platform:environment.cloud: aws)`,
      });
    if (cloud === "kubernetes")
      for (const [field, instead] of Object.entries(K8S_REFUSED_FIELDS[key] ?? {})) {
        const [a, b] = field.split(".") as [string, string | undefined];
        const v = b === undefined ? raw[a] : (raw[a] as Record<string, unknown> | undefined)?.[b];
        if (v !== undefined)
          out.push({
            path: `${NAMESPACE}:${key}.${field}`,
            message: `applies only to cloud gcp (this stack is cloud kubernetes): ${instead}`,
          });
      }
    if (cloud !== "aws") continue;
    for (const [field, instead] of Object.entries(GCP_ONLY_FIELDS[key] ?? {})) {
      const [a, b] = field.split(".") as [string, string | undefined];
      const v = b === undefined ? raw[a] : (raw[a] as Record<string, unknown> | undefined)?.[b];
      if (v !== undefined)
        out.push({
          path: `${NAMESPACE}:${key}.${field}`,
          message: `applies only to cloud gcp (this stack is cloud aws): ${instead}`,
        });
    }
  }
  const budget = sectionOf("budget");
  if (cloud === "gcp" && budget && Object.keys(budget).length > 0 && budget["billingAccount"] === undefined)
    out.push({ path: `${NAMESPACE}:budget.billingAccount`, message: BILLING_ACCOUNT_REQUIRED });
  if (cloud !== "kubernetes" && sectionOf("cache")?.["mode"] === "valkey")
    out.push({
      path: `${NAMESPACE}:cache.mode`,
      message: `${cloud}: valkey is the Kubernetes cache (a StatefulSet); use ${cloud === "aws" ? '"elasticache"' : '"memorystore"'} (or "memory"), got "valkey"`,
    });
  if (cloud === "gcp" && sectionOf("cache")?.["mode"] === "elasticache")
    out.push({
      path: `${NAMESPACE}:cache.mode`,
      message: 'gcp: elasticache is the AWS cache; use "memorystore" (or "memory"), got "elasticache"',
    });
  return out;
}

/**
 * The AWS component context for an environment on cloud aws.
 *
 * @example
 * ```ts
 * awsContextOf(parseEnvironmentConfig("aws-dev", values)).region; // "us-east-1"
 * ```
 */
export function awsContextOf(cfg: EnvironmentConfig): AwsContext {
  if (cfg.cloud !== "aws" || !cfg.aws)
    throw new PlatformError(`stack "${cfg.env}" is cloud ${cfg.cloud}, not aws`);
  return {
    cloud: "aws",
    env: cfg.env,
    profile: cfg.profile,
    app: cfg.app,
    region: cfg.region,
    labels: cfg.labels,
    ...(cfg.aws.provider.accountId !== undefined ? { accountId: cfg.aws.provider.accountId } : {}),
  };
}

/**
 * The Kubernetes component context for an environment on cloud kubernetes.
 *
 * @example
 * ```ts
 * kubernetesContextOf(parseEnvironmentConfig("k8s-dev", values)).namespace; // "shop-k8s-dev"
 * ```
 */
export function kubernetesContextOf(cfg: EnvironmentConfig): KubernetesContext {
  if (cfg.cloud !== "kubernetes" || !cfg.kubernetes)
    throw new PlatformError(`stack "${cfg.env}" is cloud ${cfg.cloud}, not kubernetes`);
  return {
    cloud: "kubernetes",
    env: cfg.env,
    profile: cfg.profile,
    app: cfg.app,
    namespace: cfg.kubernetes.namespace,
    release: cfg.kubernetes.prometheus.release,
    labels: cfg.labels,
    rates: cfg.kubernetes.rates ?? DEFAULT_KUBERNETES_RATES,
  };
}

/** The component context for an environment. */
export function contextOf(cfg: EnvironmentConfig): PlatformContext {
  return {
    env: cfg.env,
    profile: cfg.profile,
    app: cfg.app,
    project: cfg.project,
    region: cfg.region,
    labels: cfg.labels,
  };
}

function zodIssues(
  prefix: string,
  error: z.ZodError,
  schema: z.ZodType,
  input: unknown,
  hidden: readonly string[] = [],
): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  for (const issue of error.issues) {
    const at = pathString(prefix, issue.path);
    if (issue.code === "unrecognized_keys") {
      const allowed = shapeKeysAt(schema, issue.path).filter((k) => !hidden.includes(k));
      for (const key of issue.keys) {
        out.push({
          path: pathString(prefix, [...issue.path, key]),
          message: `unknown key${hint(key, allowed)}${allowed.length ? `; allowed: ${allowed.join(", ")}` : ""}`,
        });
      }
      continue;
    }
    const received = valueAt(input, issue.path);
    out.push({
      path: at,
      message: issue.code === "invalid_type" && received === undefined ? "is required" : issue.message,
    });
  }
  return out;
}

function pathString(prefix: string, path: readonly PropertyKey[]): string {
  let s = prefix;
  for (const p of path) s += typeof p === "number" ? `[${p}]` : `.${String(p)}`;
  return s;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur = input;
  for (const p of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}

/** Keys allowed at a path of a (possibly wrapped) zod object schema. */
export function shapeKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let cur: z.ZodType | undefined = unwrap(schema);
  for (const p of path) {
    if (!cur) return [];
    if (cur instanceof z.ZodObject) cur = unwrap(cur.shape[String(p)] as z.ZodType | undefined);
    else if (cur instanceof z.ZodRecord) cur = unwrap(cur.valueType as z.ZodType);
    else if (cur instanceof z.ZodArray) cur = unwrap(cur.element as z.ZodType);
    else return [];
  }
  return cur instanceof z.ZodObject ? Object.keys(cur.shape) : [];
}

function unwrap(s: z.ZodType | undefined): z.ZodType | undefined {
  let cur = s;
  for (let i = 0; i < 10 && cur; i++) {
    if (cur instanceof z.ZodOptional || cur instanceof z.ZodNullable || cur instanceof z.ZodDefault)
      cur = cur.unwrap() as z.ZodType;
    else if (cur instanceof z.ZodPipe) cur = cur.in as z.ZodType;
    else break;
  }
  return cur;
}

function dedupe(issues: ConfigIssue[]): ConfigIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.path}\u0000${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
