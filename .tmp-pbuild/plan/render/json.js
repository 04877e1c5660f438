"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REVIEW_JSON_SCHEMA_VERSION = void 0;
exports.reviewJson = reviewJson;
exports.renderJson = renderJson;
const describe_1 = require("./describe");
/** Current {@link ReviewJson} schema version. */
exports.REVIEW_JSON_SCHEMA_VERSION = 1;
const round = (n) => Math.round(n * 100) / 100;
/**
 * Builds the JSON document (see the module comment for the shape).
 *
 * @example
 * ```ts
 * const doc = reviewJson(reviews);
 * doc.environments.find((e) => e.env === "prod")?.status; // "fail"
 * ```
 */
function reviewJson(reviews) {
    return {
        schemaVersion: exports.REVIEW_JSON_SCHEMA_VERSION,
        status: (0, describe_1.overallStatus)(reviews),
        environments: reviews.map((r) => {
            const currency = r.cost?.currency ?? "USD";
            return {
                env: r.env,
                stack: r.stack,
                source: r.source,
                status: (0, describe_1.envStatus)(r),
                error: r.error ?? null,
                counts: (0, describe_1.envCounts)(r),
                changes: (0, describe_1.describeChanges)(r.steps).map((c) => ({
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
                        ...("old" in p ? { old: (0, describe_1.toJsonValue)(p.old) } : {}),
                        ...("new" in p ? { new: (0, describe_1.toJsonValue)(p.new) } : {}),
                    })),
                })),
                cost: r.cost
                    ? {
                        currency,
                        before: round(r.cost.before),
                        after: round(r.cost.after),
                        delta: round(r.cost.after - r.cost.before),
                        notPriced: [...r.cost.notPriced],
                        lines: (0, describe_1.costRows)(r.cost).map((row) => ({
                            urn: row.urn,
                            type: row.type,
                            name: row.name,
                            before: row.before === undefined ? null : round(row.before),
                            after: row.after === undefined ? null : round(row.after),
                            delta: round(row.delta),
                            notPriced: row.notPriced,
                        })),
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
                findings: (0, describe_1.sortFindings)(r.findings).map((f) => ({
                    id: f.id,
                    severity: f.severity,
                    blocking: f.blocking,
                    message: f.message,
                    refs: [...(f.refs ?? [])],
                    urn: f.urn ?? null,
                    type: f.type ?? null,
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
function renderJson(reviews) {
    return `${JSON.stringify(reviewJson(reviews), null, 2)}\n`;
}
//# sourceMappingURL=json.js.map