import { z } from "zod";
import { hint, PlatformError } from "../components/shared/errors";

export { editDistance, hint } from "../components/shared/errors";
import type { PlatformContext } from "../components/shared/context";
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

export type { ConfigIssue } from "./schema";

/** The config namespace every platform key lives in. */
export const NAMESPACE = "platform";
/** Provider keys the program reads besides `platform:*`. */
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
  readonly project: string;
  readonly region: string;
  /**
   * Env vars of `platform:service.env` whose values are secrets: `service.env` holds `"[secret]"`
   * for them, and the program reads the value as a secret and stores it in Secret Manager.
   */
  readonly secretEnvNames: readonly string[];
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
  const known = [`${NAMESPACE}:environment`, ...Object.keys(SECTIONS).map((k) => `${NAMESPACE}:${k}`)];
  for (const key of Object.keys(values)) {
    if (key.startsWith(`${NAMESPACE}:`) && !known.includes(key)) {
      issues.push({ path: key, message: `unknown key${hint(key, known)}; allowed: ${known.join(", ")}` });
    }
  }
  const project = values["gcp:project"];
  if (typeof project !== "string" || !/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(project)) {
    issues.push({
      path: "gcp:project",
      message: `must be a GCP project id (6–30 lowercase letters, digits, '-'), got ${got(project)}`,
    });
  }
  const region = values["gcp:region"];
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

  const envRaw = values[`${NAMESPACE}:environment`];
  const envParsed = ENVIRONMENT_SECTION.schema.safeParse(envRaw);
  if (!envParsed.success)
    issues.push(
      ...zodIssues(`${NAMESPACE}:environment`, envParsed.error, ENVIRONMENT_SECTION.schema, envRaw),
    );
  const profile: Profile | undefined = envParsed.success ? envParsed.data.profile : undefined;

  const resolved: Record<string, unknown> = {};
  const ctx = { profile: profile ?? "dev", env };
  for (const [key, section] of Object.entries(SECTIONS) as [
    keyof typeof SECTIONS,
    (typeof SECTIONS)[keyof typeof SECTIONS],
  ][]) {
    const raw = values[`${NAMESPACE}:${key}`];
    const parsed = (section.schema as z.ZodType).safeParse(raw ?? {});
    if (!parsed.success) {
      issues.push(...zodIssues(`${NAMESPACE}:${key}`, parsed.error, section.schema as z.ZodType, raw));
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
    project: project as string,
    region: region as string,
    secretEnvNames: secrets.map(secretEnvName).filter((n): n is string => n !== undefined),
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

function zodIssues(prefix: string, error: z.ZodError, schema: z.ZodType, input: unknown): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  for (const issue of error.issues) {
    const at = pathString(prefix, issue.path);
    if (issue.code === "unrecognized_keys") {
      const allowed = shapeKeysAt(schema, issue.path);
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
