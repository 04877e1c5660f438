"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.registerReview = registerReview;
const node_fs_1 = require("node:fs");
const commander_1 = require("commander");
const errors_1 = require("../../components/shared/errors");
const github_1 = require("../../plan/github");
const render_1 = require("../../plan/render");
const envs_1 = require("../envs");
const exit_codes_1 = require("../exit-codes");
const review_1 = require("../review");
/** `platform review`: the per-environment change, cost and guard report, and the sticky PR comment. */
function registerReview(program) {
    program
        .command("review")
        .description("Review a change for every environment: diff, monthly cost Δ, budget and guards (exit 3 when blocked)")
        .requiredOption("--env <envs>", "environment(s): dev, dev,prod or all")
        .option("--events <file>", "a recorded engine event log (pulumi --event-log); {env} is replaced per environment")
        .option("--preview-json <file>", "a `pulumi preview --json` output; {env} is replaced per environment")
        .option("--offline", "no cloud: synth of --base vs synth of the working tree, diffed by URN")
        .option("--base <ref>", "git ref to compare against with --offline", "origin/main")
        .addOption(new commander_1.Option("--format <format>", "output format").choices(["markdown", "text", "json"]).default("text"))
        .option("--post", "upsert the sticky comment on the pull request (GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_EVENT_PATH)")
        .option("--out <file>", "also write the rendered output to a file")
        .option("--allow-data-loss <urn...>", "acknowledge data loss for these URNs (or URN prefixes ending in *)", [])
        .option("--budget-fail-above <fraction>", "fail when the new total exceeds this fraction of the budget (default 1)")
        .option("--strict", "treat corrupt event-log lines as fatal")
        .action(async (flags) => {
        const envs = (0, envs_1.resolveEnvs)(flags.env);
        const source = stepSource(flags);
        const failAbove = flags.budgetFailAbove === undefined ? undefined : Number(flags.budgetFailAbove);
        if (failAbove !== undefined && !(failAbove > 0 && failAbove <= 10)) {
            throw new errors_1.PlatformError(`--budget-fail-above must be a fraction > 0 and ≤ 10, got ${JSON.stringify(flags.budgetFailAbove)}`);
        }
        const reviews = await (0, review_1.review)({
            envs,
            source,
            allowDataLoss: (0, review_1.parseAllowDataLoss)(flags.allowDataLoss),
            ...(failAbove !== undefined ? { budgetFailAbove: failAbove } : {}),
            ...(flags.strict ? { strict: true } : {}),
        });
        const rendered = flags.format === "json"
            ? `${JSON.stringify((0, render_1.reviewJson)(reviews), null, 2)}\n`
            : flags.format === "markdown"
                ? `${(0, render_1.renderComments)(reviews).join("\n\n---\n\n")}\n`
                : `${(0, render_1.renderText)(reviews, { color: (0, render_1.shouldColor)(process.stdout) })}\n`;
        process.stdout.write(rendered);
        if (flags.out)
            (0, node_fs_1.writeFileSync)(flags.out, rendered);
        if (flags.post) {
            const result = await (0, github_1.publishReview)(reviews);
            process.stderr.write(`review comment: ${JSON.stringify(result)}\n`);
        }
        if ((0, review_1.isBlocked)(reviews))
            process.exitCode = exit_codes_1.ExitCode.blocked;
    });
}
function stepSource(flags) {
    const chosen = [flags.events, flags.previewJson, flags.offline].filter((x) => x !== undefined && x !== false);
    if (chosen.length > 1)
        throw new errors_1.PlatformError("review: choose one of --events, --preview-json or --offline");
    if (flags.events)
        return { kind: "file", path: flags.events };
    if (flags.previewJson)
        return { kind: "file", path: flags.previewJson };
    if (flags.offline)
        return { kind: "offline", base: flags.base ?? "origin/main" };
    throw new errors_1.PlatformError("review: a live preview needs the orchestrator; pass --events FILE, --preview-json FILE or --offline --base <ref>");
}
//# sourceMappingURL=review.js.map