import type { Command } from "commander";
import { Verb } from "../types";
import { refresh } from "../verbs";
import { commonOptions, runCommand, withCommonOptions, type CommonFlags } from "./common";

/** `platform refresh --env <env>[,…|all] [--preview-only --expect-no-changes]`: reconcile state, or detect drift. */
export function registerRefresh(program: Command): void {
  withCommonOptions(
    program
      .command("refresh")
      .description("Reconcile state with the cloud; with --preview-only, only detect drift"),
  )
    .option("--preview-only", "only detect drift, write nothing")
    .option("--expect-no-changes", "exit 1 (changes-detected) when the refresh finds drift")
    .option("--clear-pending-creates", "drop pending creates left by an interrupted update (recovery)")
    .option("--target <urn...>", "only these resources (URNs)")
    .option("-m, --message <text>", "message recorded with the refresh")
    .action(
      async (
        flags: CommonFlags & {
          previewOnly?: boolean;
          expectNoChanges?: boolean;
          clearPendingCreates?: boolean;
          target?: string[];
          message?: string;
        },
      ) => {
        await runCommand(
          Verb.refresh,
          flags,
          (extra) =>
            refresh({
              ...commonOptions(flags),
              ...extra,
              ...(flags.previewOnly ? { previewOnly: true } : {}),
              ...(flags.expectNoChanges ? { expectNoChanges: true } : {}),
              ...(flags.clearPendingCreates ? { clearPendingCreates: true } : {}),
              ...(flags.target ? { target: flags.target } : {}),
              ...(flags.message ? { message: flags.message } : {}),
            }),
          { mutating: !flags.previewOnly, showOutputs: false },
        );
      },
    );
}
