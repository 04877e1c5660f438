#!/usr/bin/env node
import "./compile-cache"; // first: when run as `node dist/orchestrator/cli.js`
import { Command, CommanderError } from "commander";
import { libraryPackage } from "../programs/stack-config";
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
    .description(
      "Synthesize, price, review, deploy and inspect the Pulumi project in this directory (its Pulumi.yaml main and stack files)",
    )
    .version(packageVersion(), "-V, --version", "print the version of the platform package")
    .showHelpAfterError()
    .exitOverride();
  for (const register of COMMANDS) register(program);
  for (const cmd of program.commands) reportUnknownOptionsFirst(cmd);
  return program;
}

/** The installed package's version (package.json next to dist/ or the sources). */
export function packageVersion(): string {
  return libraryPackage().version;
}

/**
 * Commander checks required options before unknown ones, so `--envv dev` would report "--env not
 * specified". Required options are checked here after parsing instead, where unknown options
 * (with commander's "Did you mean --env?") have already been reported.
 */
function reportUnknownOptionsFirst(cmd: Command): void {
  const required = cmd.options.filter((o) => o.mandatory);
  for (const o of required) o.mandatory = false;
  cmd.hook("preAction", (self) => {
    for (const o of required)
      if (self.getOptionValue(o.attributeName()) === undefined)
        self.error(`error: required option '${o.flags}' not specified`, {
          code: "commander.missingMandatoryOptionValue",
          exitCode: ExitCode.usage,
        });
  });
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
    // ConfigError is a PlatformError (and importing it would load the config schema).
    if (e instanceof PlatformError) {
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
