import { type BudgetCheck, type CostEstimate } from "../../plan/cost";
import { type EnvironmentConfig } from "../../programs/config";
import type { SynthResult } from "../synth";
/** One environment's priced inventory and its budget verdict. */
export interface EnvCostReport {
    readonly env: string;
    readonly region: string;
    readonly estimate: CostEstimate;
    /** Undefined when the environment sets no budget amount. */
    readonly budget?: BudgetCheck & {
        readonly amount: number;
        readonly currency: string;
    };
}
/**
 * Reads and validates an environment's stack config (the same values the program sees).
 *
 * @example
 * ```ts
 * envConfig("prod").budget.amount;
 * ```
 */
export declare function envConfig(env: string, dir?: string): EnvironmentConfig;
/**
 * Prices a synth inventory with the environment's usage file (`stacks/usage.<env>.yaml`) and checks
 * the monthly total against `platform:budget.amount`: warn above the first threshold, fail above
 * `failAbove` (default 100 %).
 *
 * @example
 * ```ts
 * const report = costReport(await synth("dev"));
 * report.estimate.total; // 9.79
 * ```
 */
export declare function costReport(inventory: SynthResult, options?: {
    failAbove?: number;
    dir?: string;
}): EnvCostReport;
/**
 * The itemised text report: per resource (baseline, usage, notes), per component, total, budget.
 *
 * @example
 * ```ts
 * console.log(renderCostReport(report));
 * ```
 */
export declare function renderCostReport(r: EnvCostReport): string;
