import {
  checkBudget,
  estimateResources,
  formatUsd,
  loadUsage,
  type BudgetCheck,
  type CostEstimate,
} from "../../plan/cost";
import { parseEnvironmentConfig, type EnvironmentConfig } from "../../programs/config";
import { readStackConfig, stacksDir } from "../../programs/stack-config";
import type { SynthResult } from "../synth";

/** One environment's priced inventory and its budget verdict. */
export interface EnvCostReport {
  readonly env: string;
  readonly region: string;
  readonly estimate: CostEstimate;
  /** Undefined when the environment sets no budget amount. */
  readonly budget?: BudgetCheck & { readonly amount: number; readonly currency: string };
}

/**
 * Reads and validates an environment's stack config (the same values the program sees).
 *
 * @example
 * ```ts
 * envConfig("prod").budget.amount;
 * ```
 */
export function envConfig(env: string, dir = stacksDir()): EnvironmentConfig {
  return parseEnvironmentConfig(env, readStackConfig(env, dir));
}

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
export function costReport(
  inventory: SynthResult,
  options: { failAbove?: number; dir?: string } = {},
): EnvCostReport {
  const dir = options.dir ?? stacksDir();
  const cfg = envConfig(inventory.env, dir);
  const usage = loadUsage(inventory.env, dir);
  const estimate = estimateResources(inventory.resources, usage, { region: cfg.region });
  const budgetCfg = cfg.budget;
  const amount = budgetCfg.amount;
  if (amount === undefined) return { env: inventory.env, region: cfg.region, estimate };
  const verdict = checkBudget(estimate.total, {
    amount,
    thresholds: budgetCfg.thresholds,
    notPriced: estimate.notPriced,
    ...(options.failAbove !== undefined ? { failAbove: options.failAbove } : {}),
  });
  return {
    env: inventory.env,
    region: cfg.region,
    estimate,
    budget: { ...verdict, amount, currency: budgetCfg.currency },
  };
}

/**
 * The itemised text report: per resource (baseline, usage, notes), per component, total, budget.
 *
 * @example
 * ```ts
 * console.log(renderCostReport(report));
 * ```
 */
export function renderCostReport(r: EnvCostReport): string {
  const e = r.estimate;
  const rows = [...e.lines].sort(
    (a, b) => (b.baseline ?? 0) + (b.usage ?? 0) - ((a.baseline ?? 0) + (a.usage ?? 0)),
  );
  // A cluster has no region: its rates come from the Namespace (or the defaults), said per line.
  const where = r.region ? ` (${r.region})` : "";
  const lines = [`Environment ${r.env}${where}, prices as of ${e.asOf}, 730-hour month`, ""];
  lines.push(`  ${"monthly".padStart(10)}  ${"baseline".padStart(10)}  ${"usage".padStart(9)}  resource`);
  for (const l of rows) {
    const total = l.notPriced ? "not priced" : formatUsd((l.baseline ?? 0) + (l.usage ?? 0));
    lines.push(
      `  ${total.padStart(10)}  ${(l.notPriced ? "" : formatUsd(l.baseline ?? 0)).padStart(10)}  ${(l.notPriced ? "" : formatUsd(l.usage ?? 0)).padStart(9)}  ${l.type.split(":").pop()} ${l.name}`,
    );
    for (const n of l.notes ?? []) lines.push(`${" ".repeat(38)}${n}`);
  }
  lines.push("", "  By component:");
  for (const [c, v] of Object.entries(e.byComponent).sort((a, b) => b[1] - a[1]))
    lines.push(`  ${formatUsd(v).padStart(10)}  ${c}`);
  lines.push(
    "",
    `  Total ${formatUsd(e.total)}/month (baseline ${formatUsd(e.baseline)} + usage ${formatUsd(e.usage)})`,
  );
  if (e.notPriced.length > 0) lines.push(`  Not priced (not included above): ${e.notPriced.join(", ")}`);
  if (r.budget)
    lines.push(
      `  Budget ${formatUsd(r.budget.amount)} ${r.budget.currency}: ${r.budget.status.toUpperCase()} — ${r.budget.message}`,
    );
  return lines.join("\n");
}
