#!/usr/bin/env node
import { Command, CommanderError } from "commander";
import { ConfigError } from "../programs/config";
import { PlatformError } from "../components/shared/errors";
import { COMMANDS } from "./commands";

import { ExitCode } from "./exit-codes";

export { ExitCode } from "./exit-codes";

/**
 * Builds the `platform` command (exported so tests can run it in-process).
 *
 * @example
 * ```ts
 * await buildCli().parseAsync(["node", "platform", "synth", "--env", "dev", "--json"]);
 * ```
 */
export function buildCli(): Command {
  const program = new Command("platform")
    .description("Deploy, preview and review the application platform (Pulumi + GCP)")
    .showHelpAfterError()
    .exitOverride();
  for (const register of COMMANDS) register(program);
  return program;
}

/** Runs the CLI and returns the exit code; config and usage errors print their message only. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildCli().parseAsync([...argv]);
    return process.exitCode === undefined ? ExitCode.ok : Number(process.exitCode);
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === "commander.helpDisplayed" ||
        e.code === "commander.version" ||
        e.code === "commander.help"
        ? ExitCode.ok
        : ExitCode.usage;
    }
    if (e instanceof ConfigError || e instanceof PlatformError) {
      process.stderr.write(`${e.message}\n`);
      return ExitCode.usage;
    }
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    return ExitCode.failed;
  }
}

if (require.main === module) {
  void main(process.argv).then((code) => {
    process.exitCode = code;
  });
}
