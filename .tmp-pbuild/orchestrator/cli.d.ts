#!/usr/bin/env node
import { Command } from "commander";
export { ExitCode } from "./exit-codes";
/**
 * Builds the `platform` command (exported so tests can run it in-process).
 *
 * @example
 * ```ts
 * await buildCli().parseAsync(["node", "platform", "synth", "--env", "dev", "--json"]);
 * ```
 */
export declare function buildCli(): Command;
/** Runs the CLI and returns the exit code; config and usage errors print their message only. */
export declare function main(argv: readonly string[]): Promise<number>;
