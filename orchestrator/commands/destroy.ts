import type { Command } from "commander";
import { Verb } from "../types";
import { destroy, requireDestroyConfirmation, selectEnvs } from "../verbs";
import { commonOptions, runCommand, withCommonOptions, type CommonFlags } from "./common";

/** `platform destroy --env <env>[,…|all]`: tear down in reverse dependency order; prod needs `--confirm <stack>`. */
export function registerDestroy(program: Command): void {
  withCommonOptions(
    program
      .command("destroy")
      .description("Destroy the environments (dependents first); prod-profile stacks need --confirm <stack>"),
  )
    .option(
      "--confirm <stack...>",
      "stack name(s) confirmed for destruction (required for prod-profile stacks)",
    )
    .option("--exclude-protected", "destroy everything except protected resources (which are listed)")
    .option("--remove", "also remove the stack's history and config afterwards")
    .option("--target <urn...>", "only these resources (URNs)")
    .option("--refresh", "refresh state before destroying")
    .option("-m, --message <text>", "message recorded with the destroy")
    .action(
      async (
        flags: CommonFlags & {
          confirm?: string[];
          excludeProtected?: boolean;
          remove?: boolean;
          target?: string[];
          refresh?: boolean;
          message?: string;
        },
      ) => {
        // The prod check comes before the interactive question: --yes never replaces --confirm.
        const { stacksDir } = commonOptions(flags);
        requireDestroyConfirmation(selectEnvs(flags.env, stacksDir), flags.confirm, stacksDir);
        await runCommand(
          Verb.destroy,
          flags,
          (extra) =>
            destroy({
              ...commonOptions(flags),
              ...extra,
              ...(flags.confirm ? { confirm: flags.confirm } : {}),
              ...(flags.excludeProtected ? { excludeProtected: true } : {}),
              ...(flags.remove ? { remove: true } : {}),
              ...(flags.target ? { target: flags.target } : {}),
              ...(flags.refresh ? { refresh: true } : {}),
              ...(flags.message ? { message: flags.message } : {}),
            }),
          { mutating: true, showOutputs: false },
        );
      },
    );
}
