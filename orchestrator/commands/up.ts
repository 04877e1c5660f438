import type { Command } from "commander";
import { Verb } from "../types";
import { up } from "../verbs";
import { commonOptions, runCommand, withCommonOptions, type CommonFlags } from "./common";

/** `platform up --env <env>[,…|all]`: deploy in dependency order, independent stacks in parallel. */
export function registerUp(program: Command): void {
  withCommonOptions(
    program
      .command("up")
      .description("Deploy the environments (dependencies first, independent stacks in parallel)"),
  )
    .option("--target <urn...>", "only these resources (URNs)")
    .option("--refresh", "refresh state before the update")
    .option("-m, --message <text>", "message recorded with the update")
    .option("--expect-no-changes", "fail when the update would change anything")
    .action(
      async (
        flags: CommonFlags & {
          target?: string[];
          refresh?: boolean;
          message?: string;
          expectNoChanges?: boolean;
        },
      ) => {
        await runCommand(
          Verb.up,
          flags,
          (extra) =>
            up({
              ...commonOptions(flags),
              ...extra,
              ...(flags.target ? { target: flags.target } : {}),
              ...(flags.refresh ? { refresh: true } : {}),
              ...(flags.message ? { message: flags.message } : {}),
              ...(flags.expectNoChanges ? { expectNoChanges: true } : {}),
            }),
          { mutating: true, showOutputs: false },
        );
      },
    );
}
