"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.synthAtRef = exports.renderCostReport = exports.envConfig = exports.costReport = void 0;
exports.review = review;
exports.isBlocked = isBlocked;
exports.parseAllowDataLoss = parseAllowDataLoss;
const cost_1 = require("../../plan/cost");
const diff_1 = require("../../plan/diff");
const guards_1 = require("../../plan/guards");
const parse_1 = require("../../plan/parse");
const errors_1 = require("../../components/shared/errors");
const stack_config_1 = require("../../programs/stack-config");
const synth_1 = require("../synth");
const base_ref_1 = require("./base-ref");
const cost_report_1 = require("./cost-report");
var cost_report_2 = require("./cost-report");
Object.defineProperty(exports, "costReport", { enumerable: true, get: function () { return cost_report_2.costReport; } });
Object.defineProperty(exports, "envConfig", { enumerable: true, get: function () { return cost_report_2.envConfig; } });
Object.defineProperty(exports, "renderCostReport", { enumerable: true, get: function () { return cost_report_2.renderCostReport; } });
var base_ref_2 = require("./base-ref");
Object.defineProperty(exports, "synthAtRef", { enumerable: true, get: function () { return base_ref_2.synthAtRef; } });
/**
 * Builds the per-environment review — planned steps, the monthly cost before/after, the budget
 * verdict and the guard findings — from a recorded plan, an offline base-vs-head synth diff, or
 * steps supplied by a live preview. Inputs are validated (config, files) before anything else runs.
 *
 * @example
 * ```ts
 * const reviews = await review({ envs: ["prod"], source: { kind: "offline", base: "origin/main" } });
 * console.log(renderText(reviews));
 * ```
 */
async function review(options) {
    const dir = (0, stack_config_1.stacksDir)();
    const configs = new Map(options.envs.map((env) => [env, (0, cost_report_1.envConfig)(env, dir)]));
    const warn = options.warn ?? ((m) => process.stderr.write(`${m}\n`));
    const heads = new Map();
    for (const env of options.envs)
        heads.set(env, await (0, synth_1.synth)(env));
    const bases = options.source.kind === "offline" ? await (0, base_ref_1.synthAtRef)(options.source.base, options.envs) : undefined;
    const out = [];
    for (const env of options.envs) {
        const cfg = configs.get(env);
        const head = heads.get(env);
        let steps;
        let source;
        switch (options.source.kind) {
            case "offline":
                steps = (0, diff_1.diffInventories)(bases.get(env), head);
                source = "offline";
                break;
            case "file": {
                const file = options.source.path.replaceAll("{env}", env);
                const { format, result } = await (0, parse_1.parsePlanFile)(file, { strict: options.strict ?? false });
                if (result.stats.corruptLines > 0) {
                    warn(`${file}: ${result.stats.corruptLines} corrupt line(s) skipped: ${result.corrupt.map((c) => `line ${c.line}: ${c.error}`).join("; ")}`);
                }
                steps = result.steps;
                source = format === "event-log" ? "event-log" : "preview-json";
                break;
            }
            case "steps":
                steps = await options.source.steps(env);
                source = options.source.source;
                break;
        }
        const usage = (0, cost_1.loadUsage)(env, dir);
        const plan = (0, cost_1.estimatePlan)(steps, usage, { region: cfg.region });
        const after = plan.lines.map((l) => l.after).filter((l) => l !== undefined);
        const before = plan.lines.map((l) => l.before).filter((l) => l !== undefined);
        const findings = (0, guards_1.runGuards)({
            profile: cfg.profile,
            steps,
            // Offline, the head inventory is the whole state after the change; recorded plans carry their own.
            ...(source === "offline" ? { resources: head.resources } : {}),
            allowDataLoss: options.allowDataLoss ?? [],
        });
        const amount = cfg.budget.amount;
        const budget = amount === undefined
            ? undefined
            : (0, cost_1.checkBudget)(plan.after, {
                amount,
                thresholds: cfg.budget.thresholds,
                ...(options.budgetFailAbove !== undefined ? { failAbove: options.budgetFailAbove } : {}),
            });
        out.push({
            env,
            stack: env,
            source,
            steps,
            cost: { before: plan.before, after: plan.after, currency: "USD", lines: after, beforeLines: before, notPriced: plan.notPriced },
            ...(budget && amount !== undefined
                ? { budget: { amount, currency: cfg.budget.currency, status: budget.status, message: budget.message } }
                : {}),
            findings,
        });
    }
    return out;
}
/** True when a review must fail the pipeline: a blocking finding or a failed budget. */
function isBlocked(reviews) {
    return reviews.some((r) => r.findings.some((f) => f.blocking) || r.budget?.status === "fail" || r.error !== undefined);
}
/** Parses `--allow-data-loss` values (URNs or `prefix*`). */
function parseAllowDataLoss(values) {
    for (const v of values) {
        if (!v.startsWith("urn:pulumi:"))
            throw new errors_1.PlatformError(`--allow-data-loss: expected a URN (urn:pulumi:…) or a URN prefix ending in *, got ${JSON.stringify(v)}`);
    }
    return [...values];
}
//# sourceMappingURL=index.js.map