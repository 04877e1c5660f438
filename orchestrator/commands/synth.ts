import type { Command } from "commander";
import { resolveEnvs } from "../envs";
import { synth } from "../synth";
import { renderSynthTree } from "../synth/render";

/** `platform synth --env <env>[,…|all] [--json]`: the offline inventory. */
export function registerSynth(program: Command): void {
  program
    .command("synth")
    .description(
      "Run the program offline under Pulumi's mock runtime and print every resource it would create",
    )
    .requiredOption("--env <envs>", "environment(s): dev, dev,prod or all")
    .option(
      "--json",
      "print the inventory as JSON ({ env, stack, resources: [...] }; an array for several envs)",
    )
    .option("--no-cache", "synthesize afresh: do not reuse or keep synth results (PLATFORM_SYNTH_CACHE)")
    .action(async (opts: { env: string; json?: boolean; cache: boolean }) => {
      const envs = resolveEnvs(opts.env);
      const results = [];
      for (const env of envs) results.push(await synth(env, { cache: opts.cache }));
      if (opts.json) {
        const docs = results.map(({ env, stack, resources }) => ({ env, stack, resources }));
        process.stdout.write(`${JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2)}\n`);
      } else {
        process.stdout.write(`${results.map(renderSynthTree).join("\n\n")}\n`);
      }
    });
}
