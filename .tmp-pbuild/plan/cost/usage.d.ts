import { PlatformError } from "../../components/shared/errors";
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
    /** Requests per month, per Cloud Run service. @default 0 */
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
     * Backup storage per Cloud SQL primary, in GB. When absent, a primary with backups enabled is priced
     * with one full copy of its disk (`settings.diskSize`): Cloud SQL backups are incremental, so the
     * retained set is usually about the size of the data.
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
export declare const DEFAULT_USAGE: Usage;
/**
 * Keys allowed at the top of a usage file.
 *
 * @example
 * ```ts
 * USAGE_KEYS.includes("requestsPerMonth"); // true
 * ```
 */
export declare const USAGE_KEYS: readonly string[];
/**
 * Keys allowed under `resources.<name>`.
 *
 * @example
 * ```ts
 * RESOURCE_USAGE_KEYS.includes("cloudRunFreeTier"); // false: account-wide, not per resource
 * ```
 */
export declare const RESOURCE_USAGE_KEYS: readonly (keyof ResourceUsage)[];
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
export declare class UsageError extends PlatformError {
    readonly source: string;
    readonly issues: readonly UsageIssue[];
    readonly name = "UsageError";
    constructor(source: string, issues: readonly UsageIssue[]);
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
export declare function parseUsage(raw: unknown, source?: string): Usage;
/**
 * The usage figures for one resource: the file's top-level figures with `resources.<name>` on top.
 *
 * @example
 * ```ts
 * usageFor(parseUsage({ requestsPerMonth: 10, resources: { api: { requestsPerMonth: 99 } } }), "api").requestsPerMonth; // 99
 * ```
 */
export declare function usageFor(usage: Usage, name: string): ResourceUsage;
/**
 * Reads `<dir>/usage.<env>.yaml`. A missing file means all defaults ({@link DEFAULT_USAGE}); a file
 * that is not valid YAML or not a valid usage document throws a {@link UsageError}.
 *
 * @example
 * ```ts
 * const usage = loadUsage("dev", "stacks"); // stacks/usage.dev.yaml
 * ```
 */
export declare function loadUsage(env: string, dir: string): Usage;
