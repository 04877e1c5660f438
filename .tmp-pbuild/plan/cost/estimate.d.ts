import type { CostLine, Op, PlanInputs, PlanStep } from "../model";
import { type Usage } from "./usage";
import { type FreeTierPool } from "./estimators";
/**
 * One resource to price: a synth inventory row or anything with the same fields.
 *
 * @example
 * ```ts
 * const r: CostResource = { urn, type: "gcp:redis/instance:Instance", name: "cache", inputs: { memorySizeGb: 1 } };
 * ```
 */
export interface CostResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly parent?: string;
    /** Inputs as the program passed them (synth) or as normalized in a PlanStep. */
    readonly inputs?: Readonly<Record<string, unknown>> | PlanInputs;
}
/**
 * Options for an estimate.
 *
 * @example
 * ```ts
 * estimateResources(resources, usage, { region: "europe-west1" } satisfies EstimateOptions);
 * ```
 */
export interface EstimateOptions {
    /** The environment's region (`gcp:region`), used when a resource does not name its own. */
    readonly region: string;
}
/**
 * The cost of a set of resources (one environment). All amounts are USD per month.
 *
 * @example
 * ```ts
 * const est: CostEstimate = estimateResources(resources, usage, { region });
 * est.byComponent["postgres"]; // 9.525
 * ```
 */
export interface CostEstimate {
    /** baseline + usage. */
    readonly total: number;
    readonly baseline: number;
    readonly usage: number;
    /** One line per resource (components, the stack and providers have none). */
    readonly lines: readonly CostLine[];
    /** Total per component (label `component`, else the nearest `platform:*` parent); `unassigned` otherwise. */
    readonly byComponent: Readonly<Record<string, number>>;
    /** Type tokens with no price (sorted, distinct). Their lines carry `notPriced: true`. */
    readonly notPriced: readonly string[];
    /** URNs priced only in part because some inputs were unknown or secret. */
    readonly partlyUnknown: readonly string[];
    /** The price table date. */
    readonly asOf: string;
}
/**
 * The group name for resources that belong to no component.
 *
 * @example
 * ```ts
 * est.byComponent[UNASSIGNED]; // resources outside any component
 * ```
 */
export declare const UNASSIGNED = "unassigned";
/**
 * Prices resources from their inputs. Component resources are skipped (they group, they do not
 * cost); free types get an explicit $0 line; types with no estimator get a `notPriced` line and are
 * listed in `notPriced`. Free-tier allowances (when the usage file turns them on) are drawn in the
 * order the resources are given.
 *
 * @example
 * ```ts
 * const est = estimateResources(synth.resources, loadUsage("dev", "stacks"), { region: "europe-west1" });
 * formatUsd(est.total); // "$9.83"
 * ```
 */
export declare function estimateResources(resources: readonly CostResource[], usage: Usage, options: EstimateOptions): CostEstimate;
/**
 * One resource's cost in a plan: the old side, the new side, and the difference.
 *
 * @example
 * ```ts
 * cost.lines.filter((l: PlanCostLine) => l.delta !== 0).map((l) => `${l.op} ${l.name} ${formatDelta(l.delta)}`);
 * ```
 */
export interface PlanCostLine {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly op: Op;
    readonly component?: string;
    /** The resource before the change (absent for creates). */
    readonly before?: CostLine;
    /** The resource after the change (absent for deletes). */
    readonly after?: CostLine;
    /** after − before (0 for not-priced lines). */
    readonly delta: number;
}
/**
 * The cost of a plan. All amounts are USD per month.
 *
 * @example
 * ```ts
 * const cost: PlanCostEstimate = estimatePlan(steps, usage, { region });
 * cost.delta === cost.after - cost.before; // true
 * ```
 */
export interface PlanCostEstimate {
    /** Monthly cost of the resources the plan touches or keeps, before it runs. */
    readonly before: number;
    /** … and after it runs. */
    readonly after: number;
    /** after − before. */
    readonly delta: number;
    readonly breakdown: {
        readonly before: {
            readonly baseline: number;
            readonly usage: number;
        };
        readonly after: {
            readonly baseline: number;
            readonly usage: number;
        };
    };
    readonly lines: readonly PlanCostLine[];
    readonly notPriced: readonly string[];
    readonly partlyUnknown: readonly string[];
    readonly asOf: string;
}
/**
 * Prices a plan: `create`/`import` add the new side, `delete`/`discard` subtract the old side,
 * `update`/`replace` price both, `same`/`refresh` count on both sides. The halves of a replacement
 * (`create-replacement`, `delete-replaced`) count only when no `replace` step covers the same URN.
 * `read` and bookkeeping ops do not count. A side whose inputs the plan does not carry is priced from
 * the other side (assumed unchanged) with a note. Each side draws its own free-tier allowances.
 *
 * @example
 * ```ts
 * const cost = estimatePlan(steps, usage, { region: "europe-west1" });
 * formatDelta(cost.delta); // "+$197.25"
 * ```
 */
export declare function estimatePlan(steps: readonly PlanStep[], usage: Usage, options: EstimateOptions): PlanCostEstimate;
/**
 * A line's monthly total (baseline + usage; 0 when not priced).
 *
 * @example
 * ```ts
 * lineTotal({ urn, type, name, baseline: 7.665, usage: 0.16 }); // 7.825
 * ```
 */
export declare function lineTotal(line: CostLine): number;
/**
 * The free-tier pool a usage file asks for: uptime-check executions always (they are per project,
 * and an environment is a project); Cloud Run and Secret Manager allowances only when the file turns
 * them on (they are per billing account, usually shared).
 *
 * @example
 * ```ts
 * freeTierFor(DEFAULT_USAGE).left("runRequests"); // 0
 * ```
 */
export declare function freeTierFor(usage: Pick<Usage, "cloudRunFreeTier" | "secretManagerFreeTier">): FreeTierPool;
/**
 * Builds the component lookup for a set of resources: the resource's own `component` label; else the
 * label carried by a sibling under the same nearest `platform:*` parent; else that parent's type name
 * in kebab case (`platform:data:PostgresWithBackups` → `postgres-with-backups`); else undefined.
 *
 * @example
 * ```ts
 * const componentOf = componentResolver(resources);
 * componentOf(resources[3]); // "postgres"
 * ```
 */
export declare function componentResolver(resources: readonly CostResource[]): (res: CostResource) => string | undefined;
