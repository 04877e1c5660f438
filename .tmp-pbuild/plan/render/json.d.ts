import type { ChangeCounts } from "../parse";
import type { EnvReview, ReviewSource, Status } from "./types";
/** Current {@link ReviewJson} schema version. */
export declare const REVIEW_JSON_SCHEMA_VERSION = 1;
/** One property line in JSON. */
export interface ReviewJsonProperty {
    readonly path: string;
    readonly kind: string;
    readonly old?: unknown;
    readonly new?: unknown;
}
/** One environment in JSON. */
export interface ReviewJsonEnvironment {
    readonly env: string;
    readonly stack: string;
    readonly source: ReviewSource;
    readonly status: Status;
    readonly error: string | null;
    readonly counts: ChangeCounts;
    readonly changes: ReadonlyArray<{
        readonly kind: string;
        readonly op: string;
        readonly urn: string;
        readonly type: string;
        readonly name: string;
        readonly protect: boolean;
        readonly replaceReasons: readonly string[];
        readonly properties: readonly ReviewJsonProperty[];
    }>;
    readonly cost: {
        readonly currency: string;
        readonly before: number;
        readonly after: number;
        readonly delta: number;
        readonly notPriced: readonly string[];
        readonly lines: ReadonlyArray<{
            readonly urn: string;
            readonly type: string;
            readonly name: string;
            readonly before: number | null;
            readonly after: number | null;
            readonly delta: number;
            readonly notPriced: boolean;
        }>;
    } | null;
    readonly budget: {
        readonly amount: number;
        readonly currency: string;
        readonly status: Status;
        readonly message: string | null;
    } | null;
    readonly findings: ReadonlyArray<{
        readonly id: string;
        readonly severity: string;
        readonly blocking: boolean;
        readonly message: string;
        readonly refs: readonly string[];
        readonly urn: string | null;
        readonly type: string | null;
    }>;
}
/** The whole review in JSON. */
export interface ReviewJson {
    readonly schemaVersion: typeof REVIEW_JSON_SCHEMA_VERSION;
    readonly status: Status;
    readonly environments: readonly ReviewJsonEnvironment[];
}
/**
 * Builds the JSON document (see the module comment for the shape).
 *
 * @example
 * ```ts
 * const doc = reviewJson(reviews);
 * doc.environments.find((e) => e.env === "prod")?.status; // "fail"
 * ```
 */
export declare function reviewJson(reviews: readonly EnvReview[]): ReviewJson;
/**
 * The review as JSON text (two-space indent, trailing newline).
 *
 * @example
 * ```ts
 * fs.writeFileSync("review.json", renderJson(reviews));
 * ```
 */
export declare function renderJson(reviews: readonly EnvReview[]): string;
