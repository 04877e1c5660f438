import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { parseDocument } from "yaml";
import { hint, PlatformError, show as got } from "../../components/shared/errors";

/**
 * The usage file: the usage-driven half of a cost estimate (Infracost's usage file, for our resource
 * types). One per environment: `stacks/usage.<env>.yaml`. Figures at the top level apply to every
 * resource of the matching type; `resources.<logical name>` overrides them for one resource.
 */

/**
 * Usage figures that apply per resource (and can be overridden per resource).
 *
 * @example
 * ```ts
 * const u: ResourceUsage = usageFor(usage, "api-service");
 * u.requestsPerMonth; // 50,000
 * ```
 */
export interface ResourceUsage {
  /** Requests per month, per Cloud Run service or Lambda function. @default 0 */
  readonly requestsPerMonth: number;
  /** Mean request duration in milliseconds (billable instance time per request). @default 200 */
  readonly meanRequestDurationMs: number;
  /**
   * Mean number of requests an instance serves at the same time while busy: billable instance time is
   * `requests × duration / meanConcurrentRequests`. 1 (no overlap) is the conservative figure.
   * @default 1
   */
  readonly meanConcurrentRequests: number;
  /** Mean response size in KiB (internet egress). @default 0 */
  readonly meanResponseKiB: number;
  /**
   * Backup storage per Cloud SQL primary or RDS instance, in GB. When absent, a Cloud SQL primary with
   * backups enabled is priced with one full copy of its disk (`settings.diskSize`): Cloud SQL backups
   * are incremental, so the retained set is usually about the size of the data. RDS backups are free up
   * to the provisioned storage; only the GB beyond it are priced.
   * @default the instance's diskSize
   */
  readonly backupStorageGb?: number;
  /** Cryptographic operations per month, per KMS key. @default 0 */
  readonly kmsOperationsPerMonth: number;
  /**
   * Active versions per KMS key, overriding the rotation model (see `kmsHorizonMonths`).
   * @default from rotationPeriod and kmsHorizonMonths
   */
  readonly kmsKeyVersions?: number;
  /**
   * Rotation model: every rotation adds a version and old versions stay enabled (and billed) until
   * someone destroys them, so a key with automatic rotation is priced with the versions it has after
   * this many months: `1 + floor(horizon days / rotation days)`. 12 months of 90-day rotation = 5 versions.
   * @default 12
   */
  readonly kmsHorizonMonths: number;
  /** Access operations per month, per secret. @default 0 */
  readonly secretAccessesPerMonth: number;
  /**
   * AWS: GB an Aurora cluster stores (Aurora bills storage used, not provisioned).
   * @default 10 (assumed, with a note on the line)
   */
  readonly auroraStorageGb?: number;
  /** AWS: ACU-hours per month above the cluster's minimum (Aurora Serverless v2 while busy). @default 0 */
  readonly auroraActiveAcuHours: number;
  /** AWS: GB ingested per month, per CloudWatch log group. @default 0 */
  readonly logIngestGbPerMonth: number;
  /** AWS: GB processed per month, per NAT gateway. @default 0 */
  readonly natProcessedGbPerMonth: number;
  /** AWS: GB processed per month, per interface VPC endpoint. @default 0 */
  readonly endpointProcessedGbPerMonth: number;
  /** AWS: messages published per month, per SNS topic. @default 0 */
  readonly notificationsPerMonth: number;
  /** AWS: email deliveries per month, per SNS topic (every publish × email subscriptions). @default 0 */
  readonly emailDeliveriesPerMonth: number;
  /** AWS: management events per month a CloudTrail trail records (billed only for a second copy). @default 0 */
  readonly managementEventsPerMonth: number;
  /** AWS: data events per month a CloudTrail trail records. @default 0 */
  readonly dataEventsPerMonth: number;
  /**
   * Kubernetes: hours per month the pods of a CronJob or Job run (a weekly 30-minute restore
   * test is about 2.2). Their requests are billed only while they run. @default 0
   */
  readonly jobHoursPerMonth: number;
}

/**
 * A whole usage file, defaults applied.
 *
 * @example
 * ```ts
 * const usage: Usage = loadUsage("dev", "stacks");
 * usage.cloudRunFreeTier; // false
 * ```
 */
export interface Usage extends ResourceUsage {
  /** File format version. @default 1 */
  readonly version: 1;
  /**
   * Apply Cloud Run's free tier (per billing account: 180,000 vCPU-s, 360,000 GiB-s and 2 M requests
   * request-based; 1 GiB egress). Off by default: the allowance is shared by every project on the account.
   * @default false
   */
  readonly cloudRunFreeTier: boolean;
  /** Apply Secret Manager's free tier (6 versions, 10,000 accesses, 3 rotation notifications per account). @default false */
  readonly secretManagerFreeTier: boolean;
  /**
   * Apply the AWS per-account free allowances (Lambda 1M requests + 400,000 GB-s, 20,000 KMS
   * requests, 10 alarm metrics, 3 dashboards, 5 GB log ingestion). Off by default: other stacks
   * in the same account draw on them too. (2 free budgets and the first trail copy always apply.)
   * @default false
   */
  readonly awsFreeTier: boolean;
  /** Per-resource overrides, keyed by logical resource name. @default {} */
  readonly resources: Readonly<Record<string, Partial<ResourceUsage>>>;
}

/**
 * The defaults: what an absent key (or an absent usage file) means.
 *
 * @example
 * ```ts
 * DEFAULT_USAGE.meanRequestDurationMs; // 200
 * ```
 */
export const DEFAULT_USAGE: Usage = {
  version: 1,
  requestsPerMonth: 0,
  meanRequestDurationMs: 200,
  meanConcurrentRequests: 1,
  meanResponseKiB: 0,
  kmsOperationsPerMonth: 0,
  kmsHorizonMonths: 12,
  secretAccessesPerMonth: 0,
  auroraActiveAcuHours: 0,
  logIngestGbPerMonth: 0,
  natProcessedGbPerMonth: 0,
  endpointProcessedGbPerMonth: 0,
  notificationsPerMonth: 0,
  emailDeliveriesPerMonth: 0,
  managementEventsPerMonth: 0,
  dataEventsPerMonth: 0,
  jobHoursPerMonth: 0,
  cloudRunFreeTier: false,
  secretManagerFreeTier: false,
  awsFreeTier: false,
  resources: {},
};

const MSG = {
  count: "must be a number ≥ 0",
  atLeastOne: "must be a number ≥ 1",
  versions: "must be an integer ≥ 0",
  horizon: "must be an integer 1–120",
  bool: "must be true or false",
  version: "must be 1",
  overrides: "must be a map of usage overrides for this resource",
  resources: "must be a map of logical resource name → usage overrides",
  file: "must be a map of usage keys",
} as const;

const count = () => z.number({ error: MSG.count }).min(0, { error: MSG.count });
const RESOURCE_FIELDS = {
  requestsPerMonth: count(),
  meanRequestDurationMs: count(),
  meanConcurrentRequests: z.number({ error: MSG.atLeastOne }).min(1, { error: MSG.atLeastOne }),
  meanResponseKiB: count(),
  backupStorageGb: count(),
  kmsOperationsPerMonth: count(),
  kmsKeyVersions: z
    .number({ error: MSG.versions })
    .int({ error: MSG.versions })
    .min(0, { error: MSG.versions }),
  kmsHorizonMonths: z
    .number({ error: MSG.horizon })
    .int({ error: MSG.horizon })
    .min(1, { error: MSG.horizon })
    .max(120, { error: MSG.horizon }),
  secretAccessesPerMonth: count(),
  auroraStorageGb: count(),
  auroraActiveAcuHours: count(),
  logIngestGbPerMonth: count(),
  natProcessedGbPerMonth: count(),
  endpointProcessedGbPerMonth: count(),
  notificationsPerMonth: count(),
  emailDeliveriesPerMonth: count(),
  managementEventsPerMonth: count(),
  dataEventsPerMonth: count(),
  jobHoursPerMonth: count(),
} as const;

const optionalShape = <T extends Record<string, z.ZodType>>(shape: T) =>
  Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof T]: z.ZodOptional<T[K]>;
  };

const OVERRIDE_SCHEMA = z.strictObject(optionalShape(RESOURCE_FIELDS), { error: MSG.overrides });
const FILE_SCHEMA = z.strictObject(
  {
    version: z.literal(1, { error: MSG.version }).optional(),
    ...optionalShape(RESOURCE_FIELDS),
    cloudRunFreeTier: z.boolean({ error: MSG.bool }).optional(),
    secretManagerFreeTier: z.boolean({ error: MSG.bool }).optional(),
    awsFreeTier: z.boolean({ error: MSG.bool }).optional(),
    resources: z.record(z.string(), OVERRIDE_SCHEMA, { error: MSG.resources }).optional(),
  },
  { error: MSG.file },
);

/**
 * Keys allowed at the top of a usage file.
 *
 * @example
 * ```ts
 * USAGE_KEYS.includes("requestsPerMonth"); // true
 * ```
 */
export const USAGE_KEYS = Object.keys(FILE_SCHEMA.shape) as readonly string[];
/**
 * Keys allowed under `resources.<name>`.
 *
 * @example
 * ```ts
 * RESOURCE_USAGE_KEYS.includes("cloudRunFreeTier"); // false: account-wide, not per resource
 * ```
 */
export const RESOURCE_USAGE_KEYS = Object.keys(RESOURCE_FIELDS) as readonly (keyof ResourceUsage)[];

/**
 * One problem in a usage file.
 *
 * @example
 * ```ts
 * const issue: UsageIssue = { path: "usage.requestsPerMonth", message: 'must be a number ≥ 0, got "lots"' };
 * ```
 */
export interface UsageIssue {
  /** `usage.<path>`, e.g. `usage.resources.api.requestsPerMonth`. */
  readonly path: string;
  readonly message: string;
}

/**
 * Every problem in a usage file at once; one `path: problem` per line.
 *
 * @example
 * ```ts
 * try { loadUsage("dev", "stacks"); } catch (e) { if (e instanceof UsageError) console.error(e.message); }
 * ```
 */
export class UsageError extends PlatformError {
  override readonly name = "UsageError";
  constructor(
    readonly source: string,
    readonly issues: readonly UsageIssue[],
  ) {
    super(`Invalid usage file ${source}:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join("\n")}`);
  }
}

/**
 * Validates a parsed usage document and applies the defaults. `null`/`undefined` (an empty file)
 * means all defaults. Throws a {@link UsageError} naming every bad field, what is allowed and what
 * was given; unknown keys are rejected.
 *
 * @example
 * ```ts
 * parseUsage({ requestsPerMonth: 100_000 }).meanRequestDurationMs; // 200
 * parseUsage({ requestsPerMonth: "lots" }); // UsageError: usage.requestsPerMonth: must be a number ≥ 0, got "lots"
 * ```
 */
export function parseUsage(raw: unknown, source = "usage file"): Usage {
  const parsed = FILE_SCHEMA.safeParse(raw ?? {});
  if (!parsed.success) throw new UsageError(source, issuesOf(parsed.error, raw));
  const { version: _version, resources, ...rest } = parsed.data;
  return {
    ...DEFAULT_USAGE,
    ...(stripUndefined(rest) as Partial<Usage>),
    resources: Object.fromEntries(
      Object.entries(resources ?? {}).map(([name, o]) => [name, stripUndefined(o) as Partial<ResourceUsage>]),
    ),
  };
}

/**
 * The usage figures for one resource: the file's top-level figures with `resources.<name>` on top.
 *
 * @example
 * ```ts
 * usageFor(parseUsage({ requestsPerMonth: 10, resources: { api: { requestsPerMonth: 99 } } }), "api").requestsPerMonth; // 99
 * ```
 */
export function usageFor(usage: Usage, name: string): ResourceUsage {
  const override = Object.hasOwn(usage.resources, name) ? usage.resources[name] : undefined;
  return override ? { ...usage, ...override } : usage;
}

/**
 * Reads `<dir>/usage.<env>.yaml`. A missing file means all defaults ({@link DEFAULT_USAGE}); a file
 * that is not valid YAML or not a valid usage document throws a {@link UsageError}.
 *
 * @example
 * ```ts
 * const usage = loadUsage("dev", "stacks"); // stacks/usage.dev.yaml
 * ```
 */
export function loadUsage(env: string, dir: string): Usage {
  if (!/^[a-z][a-z0-9-]*$/.test(env)) {
    throw new PlatformError(
      `loadUsage: env must be a stack name of lowercase letters, digits and '-', got ${got(env)}`,
    );
  }
  const file = join(dir, `usage.${env}.yaml`);
  if (!existsSync(file)) return DEFAULT_USAGE;
  const doc = parseDocument(readFileSync(file, "utf8"), { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new UsageError(
      file,
      doc.errors.map((e) => ({ path: "usage", message: `not valid YAML: ${e.message.split("\n")[0]}` })),
    );
  }
  return parseUsage(doc.toJS(), file);
}

function issuesOf(error: z.ZodError, raw: unknown): UsageIssue[] {
  const out: UsageIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      const allowed = issue.path.length === 0 ? USAGE_KEYS : RESOURCE_USAGE_KEYS;
      for (const key of issue.keys) {
        out.push({
          path: pathOf([...issue.path, key]),
          message: `unknown key${hint(key, allowed)}; allowed: ${allowed.join(", ")}`,
        });
      }
      continue;
    }
    out.push({ path: pathOf(issue.path), message: `${issue.message}, got ${got(valueAt(raw, issue.path))}` });
  }
  return out;
}

function pathOf(path: readonly PropertyKey[]): string {
  return ["usage", ...path.map(String)].join(".");
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur = input;
  for (const key of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
