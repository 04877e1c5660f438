/**
 * The review as JSON, for tools. The shape is stable (`schemaVersion` changes when it does not
 * stay backward compatible); secrets are `"[secret]"`, unknown values `"[unknown]"`.
 *
 * ```jsonc
 * {
 *   "schemaVersion": 1,
 *   "status": "ok" | "warn" | "fail",
 *   "environments": [{
 *     "env": "dev", "stack": "acme/dev", "source": "preview" | "event-log" | "preview-json" | "offline",
 *     "status": "ok" | "warn" | "fail",
 *     "error": null | "text",
 *     "counts": { "create": 0, "update": 0, "delete": 0, "replace": 0 },
 *     "changes": [{ "kind": "update", "op": "update", "urn": "...", "type": "...", "name": "...",
 *                   "protect": false, "replaceReasons": [],
 *                   "properties": [{ "path": "settings.tier", "kind": "update", "old": "a", "new": "b" }] }],
 *     "cost": null | { "currency": "USD", "before": 0, "after": 0, "delta": 0, "notPriced": [],
 *                      "lines": [{ "urn", "type", "name", "before": 0 | null, "after": 0 | null, "delta": 0, "notPriced": false }] },
 *     "budget": null | { "amount": 0, "currency": "USD", "status": "ok", "message": null | "text" },
 *     "findings": [{ "id", "severity", "blocking", "message", "refs": [], "urn": null, "type": null,
 *                    "class": null | "introduced" | "existing" | "fixed" }],
 *     "guards": { "introduced": 0, "existing": 0, "fixed": 0, "blocking": 0 },
 *     "notEvaluated": [{ "id", "refs": [], "reason": "partial plan" }]
 *   }]
 * }
 * ```
 * `properties[].old` is absent for additions, `new` for deletions. Changes keep the engine's order;
 * findings are sorted blocking first, then by severity. `class` is null when the guards had no state
 * before the change to compare with; only introduced findings can block.
 */
import type { FindingClass, PlanValue } from "../model";
import type { ChangeCounts } from "../parse";
import { countClasses } from "../guards/baseline";
import {
  eachCostRow,
  reviewChanges,
  envCounts,
  envStatus,
  overallStatus,
  sortFindings,
  toJsonValue,
} from "./describe";
import { JsonList } from "./json-stream";
import type { EnvReview, ReviewSource, Status } from "./types";

/** Current {@link ReviewJson} schema version. */
export const REVIEW_JSON_SCHEMA_VERSION = 1;

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
    readonly class: FindingClass | null;
  }>;
  /** Findings per class (unclassified ones count as introduced) and how many block. */
  readonly guards: {
    readonly introduced: number;
    readonly existing: number;
    readonly fixed: number;
    readonly blocking: number;
  };
  /** Rules not run on this plan. */
  readonly notEvaluated: ReadonlyArray<{
    readonly id: string;
    readonly refs: readonly string[];
    readonly reason: string;
  }>;
}

/**
 * The whole review in JSON.
 *
 * @example
 * ```ts
 * const doc = JSON.parse(renderJson(reviews)) as ReviewJson;
 * doc.environments.filter((e) => e.status === "fail").map((e) => e.env);
 * ```
 */
export interface ReviewJson {
  readonly schemaVersion: typeof REVIEW_JSON_SCHEMA_VERSION;
  readonly status: Status;
  readonly environments: readonly ReviewJsonEnvironment[];
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Builds the JSON document (see the module comment for the shape).
 *
 * @example
 * ```ts
 * const doc = reviewJson(reviews);
 * doc.environments.find((e) => e.env === "prod")?.status; // "fail"
 * ```
 */
export function reviewJson(reviews: readonly EnvReview[]): ReviewJson {
  return buildJson(reviews, (items, map) => Array.from(items(), map));
}

/**
 * {@link reviewJson} for {@link writeJson}: the changes and cost lines are {@link JsonList}s, made
 * one at a time as they are written, so a 100,000-step review never holds them all as JSON
 * objects. Written, it is byte for byte `JSON.stringify(reviewJson(reviews), null, 2)`.
 *
 * @example
 * ```ts
 * writeJson(streamingReviewJson(reviews), (s) => process.stdout.write(s));
 * ```
 */
export function streamingReviewJson(reviews: readonly EnvReview[]): object {
  return buildJson(
    reviews,
    (items, map) =>
      new JsonList(function* () {
        for (const item of items()) yield map(item);
      }) as unknown as never[],
  );
}

/** Makes a list of the document: an array, or (streaming) a {@link JsonList} posing as one. */
type ListOf = <S, T>(items: () => Iterable<S>, map: (item: S) => T) => T[];

function buildJson(reviews: readonly EnvReview[], list: ListOf): ReviewJson {
  return {
    schemaVersion: REVIEW_JSON_SCHEMA_VERSION,
    status: overallStatus(reviews),
    environments: reviews.map((r): ReviewJsonEnvironment => {
      const currency = r.cost?.currency ?? "USD";
      const cost = r.cost;
      return {
        env: r.env,
        stack: r.stack,
        source: r.source,
        status: envStatus(r),
        error: r.error ?? null,
        counts: envCounts(r),
        changes: list(
          () => reviewChanges(r),
          (c) => ({
            kind: c.kind,
            op: c.op,
            urn: c.urn,
            type: c.type,
            name: c.name,
            protect: c.protect,
            replaceReasons: [...c.replaceReasons],
            properties: c.properties.map((p) => ({
              path: p.path,
              kind: p.kind,
              ...("old" in p ? { old: toJsonValue(p.old as PlanValue) } : {}),
              ...("new" in p ? { new: toJsonValue(p.new as PlanValue) } : {}),
            })),
          }),
        ),
        cost: cost
          ? {
              currency,
              before: round(cost.before),
              after: round(cost.after),
              delta: round(cost.after - cost.before),
              notPriced: [...cost.notPriced],
              lines: list(
                () => eachCostRow(cost),
                (row) => ({
                  urn: row.urn,
                  type: row.type,
                  name: row.name,
                  before: row.before === undefined ? null : round(row.before),
                  after: row.after === undefined ? null : round(row.after),
                  delta: round(row.delta),
                  notPriced: row.notPriced,
                }),
              ),
            }
          : null,
        budget: r.budget
          ? {
              amount: r.budget.amount,
              currency: r.budget.currency,
              status: r.budget.status,
              message: r.budget.message ?? null,
            }
          : null,
        findings: sortFindings(r.findings).map((f) => ({
          id: f.id,
          severity: f.severity,
          blocking: f.blocking,
          message: f.message,
          refs: [...(f.refs ?? [])],
          urn: f.urn ?? null,
          type: f.type ?? null,
          class: f.class ?? null,
        })),
        guards: {
          ...countClasses(r.findings),
          blocking: r.findings.filter((f) => f.blocking).length,
        },
        notEvaluated: (r.notEvaluated ?? []).map((n) => ({
          id: n.id,
          refs: [...(n.refs ?? [])],
          reason: n.reason,
        })),
      };
    }),
  };
}

/**
 * The review as JSON text (two-space indent, trailing newline).
 *
 * @example
 * ```ts
 * fs.writeFileSync("review.json", renderJson(reviews));
 * ```
 */
export function renderJson(reviews: readonly EnvReview[]): string {
  return `${JSON.stringify(reviewJson(reviews), null, 2)}\n`;
}
