import type { Command } from "commander";
import { Verb } from "../types";
import { outputs } from "../verbs";
import { commonOptions, runCommand, withCommonOptions, type CommonFlags } from "./common";

/** `platform outputs --env <env>[,…|all] [--show-secrets]`: the stacks' outputs, secrets masked. */
export function registerOutputs(program: Command): void {
  withCommonOptions(
    program
      .command("outputs")
      .description("Print the stacks' outputs (secrets as [secret] unless --show-secrets)"),
  ).action(async (flags: CommonFlags) => {
    await runCommand(Verb.outputs, flags, (extra) => outputs({ ...commonOptions(flags), ...extra }), {
      mutating: false,
      showOutputs: true,
    });
  });
}
