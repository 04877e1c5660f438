"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MANAGED_BY = void 0;
exports.labelValue = labelValue;
exports.platformLabels = platformLabels;
/** Label key carrying the platform's marker value. */
exports.MANAGED_BY = { key: "managed-by", value: "platform" };
/**
 * GCP label values: lowercase letters, digits, `_` and `-`, at most 63 characters.
 * Anything else is replaced so a label can never fail an apply.
 *
 * @example
 * ```ts
 * labelValue("Shop API"); // "shop_api"
 * ```
 */
function labelValue(value) {
    return value
        .toLowerCase()
        .replace(/[^a-z0-9_-]+/g, "_")
        .slice(0, 63);
}
/**
 * The labels every labelable resource carries: `env`, `app`, `component`, `managed-by=platform`,
 * plus the environment's extra labels. Budgets filter on these and cost reports group by them,
 * so the four platform keys always win over user labels with the same key.
 *
 * @example
 * ```ts
 * platformLabels(ctx, "postgres"); // { team: "core", env: "prod", app: "shop", component: "postgres", "managed-by": "platform" }
 * ```
 */
function platformLabels(ctx, component, extra = {}) {
    const out = {};
    for (const [k, v] of Object.entries({ ...ctx.labels, ...extra }))
        out[labelValue(k)] = labelValue(v);
    out["env"] = labelValue(ctx.env);
    out["app"] = labelValue(ctx.app);
    out["component"] = labelValue(component);
    out[exports.MANAGED_BY.key] = exports.MANAGED_BY.value;
    return out;
}
//# sourceMappingURL=labels.js.map