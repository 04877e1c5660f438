"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.envConfig = envConfig;
exports.costReport = costReport;
exports.renderCostReport = renderCostReport;
const cost_1 = require("../../plan/cost");
const config_1 = require("../../programs/config");
const stack_config_1 = require("../../programs/stack-config");
/**
 * Reads and validates an environment's stack config (the same values the program sees).
 *
 * @example
 * ```ts
 * envConfig("prod").budget.amount;
 * ```
 */
function envConfig(env, dir = (0, stack_config_1.stacksDir)()) {
    return (0, config_1.parseEnvironmentConfig)(env, (0, stack_config_1.readStackConfig)(env, dir));
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
function costReport(inventory, options = {}) {
    const dir = options.dir ?? (0, stack_config_1.stacksDir)();
    const cfg = envConfig(inventory.env, dir);
    const usage = (0, cost_1.loadUsage)(inventory.env, dir);
    const estimate = (0, cost_1.estimateResources)(inventory.resources, usage, { region: cfg.region });
    const budgetCfg = cfg.budget;
    const amount = budgetCfg.amount;
    if (amount === undefined)
        return { env: inventory.env, region: cfg.region, estimate };
    const verdict = (0, cost_1.checkBudget)(estimate.total, {
        amount,
        thresholds: budgetCfg.thresholds,
        ...(options.failAbove !== undefined ? { failAbove: options.failAbove } : {}),
    });
    return { env: inventory.env, region: cfg.region, estimate, budget: { ...verdict, amount, currency: budgetCfg.currency } };
}
/**
 * The itemised text report: per resource (baseline, usage, notes), per component, total, budget.
 *
 * @example
 * ```ts
 * console.log(renderCostReport(report));
 * ```
 */
function renderCostReport(r) {
    const e = r.estimate;
    const rows = [...e.lines].sort((a, b) => (b.baseline ?? 0) + (b.usage ?? 0) - ((a.baseline ?? 0) + (a.usage ?? 0)));
    const lines = [`Environment ${r.env} (${r.region}), prices as of ${e.asOf}, 730-hour month`, ""];
    lines.push(`  ${"monthly".padStart(10)}  ${"baseline".padStart(10)}  ${"usage".padStart(9)}  resource`);
    for (const l of rows) {
        const total = l.notPriced ? "not priced" : (0, cost_1.formatUsd)((l.baseline ?? 0) + (l.usage ?? 0));
        lines.push(`  ${total.padStart(10)}  ${(l.notPriced ? "" : (0, cost_1.formatUsd)(l.baseline ?? 0)).padStart(10)}  ${(l.notPriced ? "" : (0, cost_1.formatUsd)(l.usage ?? 0)).padStart(9)}  ${l.type.split(":").pop()} ${l.name}`);
        for (const n of l.notes ?? [])
            lines.push(`${" ".repeat(38)}${n}`);
    }
    lines.push("", "  By component:");
    for (const [c, v] of Object.entries(e.byComponent).sort((a, b) => b[1] - a[1]))
        lines.push(`  ${(0, cost_1.formatUsd)(v).padStart(10)}  ${c}`);
    lines.push("", `  Total ${(0, cost_1.formatUsd)(e.total)}/month (baseline ${(0, cost_1.formatUsd)(e.baseline)} + usage ${(0, cost_1.formatUsd)(e.usage)})`);
    if (e.notPriced.length > 0)
        lines.push(`  Not priced (not included above): ${e.notPriced.join(", ")}`);
    if (r.budget)
        lines.push(`  Budget ${(0, cost_1.formatUsd)(r.budget.amount)} ${r.budget.currency}: ${r.budget.status.toUpperCase()} — ${r.budget.message}`);
    return lines.join("\n");
}
//# sourceMappingURL=cost-report.js.map