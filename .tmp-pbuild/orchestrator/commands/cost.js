"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerCost = registerCost;
const commander_1 = require("commander");
const exit_codes_1 = require("../exit-codes");
const envs_1 = require("../envs");
const cost_report_1 = require("../review/cost-report");
const synth_1 = require("../synth");
/** `platform cost --env <env>[,…|all] [--json] [--fail-above <fraction>]`: itemised monthly cost from synth. */
function registerCost(program) {
    program
        .command("cost")
        .description("Price every resource of an environment (offline synth + stacks/usage.<env>.yaml) and check it against its budget")
        .requiredOption("--env <envs>", "environment(s): dev, dev,prod or all")
        .option("--json", "print the estimate as JSON")
        .option("--fail-above <fraction>", "fail when the total exceeds this fraction of platform:budget.amount", parseFraction, 1)
        .action(async (opts) => {
        const reports = [];
        for (const env of (0, envs_1.resolveEnvs)(opts.env))
            reports.push((0, cost_report_1.costReport)(await (0, synth_1.synth)(env), { failAbove: opts.failAbove }));
        if (opts.json) {
            const docs = reports.map((r) => ({ env: r.env, region: r.region, ...r.estimate, budget: r.budget }));
            process.stdout.write(`${JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2)}\n`);
        }
        else {
            process.stdout.write(`${reports.map(cost_report_1.renderCostReport).join("\n\n")}\n`);
        }
        if (reports.some((r) => r.budget?.status === "fail"))
            process.exitCode = exit_codes_1.ExitCode.blocked;
    });
}
function parseFraction(v) {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0 || n > 10)
        throw new commander_1.InvalidArgumentError(`--fail-above must be a fraction > 0 and ≤ 10 (1 = 100 %), got ${JSON.stringify(v)}`);
    return n;
}
//# sourceMappingURL=cost.js.map