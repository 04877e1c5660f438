import type { Command } from "commander";
import { Verb } from "../types";
import { cancel } from "../verbs";
import { commonOptions, runCommand, withCommonOptions, type CommonFlags } from "./common";

/** `platform cancel --env <env>`: remove the lock an interrupted update left (refused while its holder runs here). */
export function registerCancel(program: Command): void {
  withCommonOptions(
    program
      .command("cancel")
      .description(
        "Remove the lock an interrupted update left. Dangerous while that update still runs: make sure it is gone",
      ),
  )
    .option("--force", "cancel even when the lock's holder still looks alive on this host")
    .action(async (flags: CommonFlags & { force?: boolean }) => {
      await runCommand(
        Verb.cancel,
        flags,
        (extra) => cancel({ ...commonOptions(flags), ...extra, ...(flags.force ? { force: true } : {}) }),
        {
          mutating: true,
          showOutputs: false,
        },
      );
    });
}
