import { InvalidArgumentError, type Command } from "commander";
import { ExitCode } from "../exit-codes";
import { resolveEnvs } from "../envs";
import { synth } from "../synth";

/** `platform cost --env <env>[,…|all] [--json] [--fail-above <fraction>]`: itemised monthly cost from synth. */
export function registerCost(program: Command): void {
  program
    .command("cost")
    .description(
      "Price every resource of an environment (offline synth + stacks/usage.<env>.yaml) and check it against its budget",
    )
    .requiredOption("--env <envs>", "environment(s): dev, dev,prod or all")
    .option("--json", "print the estimate as JSON")
    .option(
      "--fail-above <fraction>",
      "fail when the total exceeds this fraction of platform:budget.amount",
      parseFraction,
      1,
    )
    .option("--no-cache", "synthesize afresh: do not reuse or keep synth results (PLATFORM_SYNTH_CACHE)")
    .action(async (opts: { env: string; json?: boolean; failAbove: number; cache: boolean }) => {
      // Loaded here: pricing reads the config schema, which loads the provider SDKs (`--help` does not).
      const { costReport, renderCostReport } =
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require("../review/cost-report") as typeof import("../review/cost-report");
      const reports = [];
      for (const env of resolveEnvs(opts.env))
        reports.push(costReport(await synth(env, { cache: opts.cache }), { failAbove: opts.failAbove }));
      if (opts.json) {
        const docs = reports.map((r) => ({ env: r.env, region: r.region, ...r.estimate, budget: r.budget }));
        process.stdout.write(`${JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2)}\n`);
      } else {
        process.stdout.write(`${reports.map(renderCostReport).join("\n\n")}\n`);
      }
      if (reports.some((r) => r.budget?.status === "fail")) process.exitCode = ExitCode.blocked;
    });
}

function parseFraction(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n > 10)
    throw new InvalidArgumentError(
      `--fail-above must be a fraction > 0 and ≤ 10 (1 = 100 %), got ${JSON.stringify(v)}`,
    );
  return n;
}
