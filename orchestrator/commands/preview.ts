import type { Command } from "commander";
import { Verb } from "../types";
import { preview } from "../verbs";
import { commonOptions, runCommand, withCommonOptions, type CommonFlags } from "./common";

/** `platform preview --env <env>[,…|all]`: what `up` would change. */
export function registerPreview(program: Command): void {
  withCommonOptions(program.command("preview").description("Show what up would change, per environment"))
    .option("--target <urn...>", "only these resources (URNs)")
    .option("--refresh", "refresh state before the preview")
    .option("--expect-no-changes", "exit 1 (changes-detected) when anything would change")
    .action(
      async (flags: CommonFlags & { target?: string[]; refresh?: boolean; expectNoChanges?: boolean }) => {
        await runCommand(
          Verb.preview,
          flags,
          (extra) =>
            preview({
              ...commonOptions(flags),
              ...extra,
              ...(flags.target ? { target: flags.target } : {}),
              ...(flags.refresh ? { refresh: true } : {}),
              ...(flags.expectNoChanges ? { expectNoChanges: true } : {}),
            }),
          { mutating: false, showOutputs: false },
        );
      },
    );
}
