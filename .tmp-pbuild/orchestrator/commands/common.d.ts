import type { Command } from "commander";
import { type CommonOptions, type RunResult, type Verb } from "../types";
/** Exit code of a run cut short by Ctrl-C (128 + SIGINT), as shells report it. */
export declare const EXIT_ABORTED = 130;
/** Flags every operation command takes, as commander parses them. */
export interface CommonFlags {
    env: string;
    yes?: boolean;
    json?: boolean;
    showSecrets?: boolean;
    waitForLock?: string;
    backend?: string;
    secretsProvider?: string;
    parallel?: string;
    timeout?: string;
    killAfter?: string;
    remote?: boolean;
    remoteOrg?: string;
}
/** Adds the common flags to a command. */
export declare function withCommonOptions(cmd: Command): Command;
/**
 * Parses a duration flag (`90s`, `5m`, `1h30m`) into ms.
 *
 * @example
 * ```ts
 * durationFlag("--wait-for-lock", "5m"); // 300000
 * ```
 */
export declare function durationFlag(name: string, value: string | undefined): number | undefined;
/** Parses a positive-integer flag. */
export declare function intFlag(name: string, value: string | undefined): number | undefined;
/**
 * The library options the common flags mean.
 *
 * @example
 * ```ts
 * commonOptions({ env: "dev", waitForLock: "2m" }).waitForLockMs; // 120000
 * ```
 */
export declare function commonOptions(flags: CommonFlags): Omit<CommonOptions, "signal" | "killSignal" | "onEvent">;
/**
 * Asks "Run <verb> on <envs>? [y/N]" on a terminal; without one, refuses with a message naming
 * `--yes`. Runs before any engine call.
 */
export declare function confirm(verb: Verb, envs: readonly string[], yes: boolean | undefined): Promise<void>;
/**
 * The exit code of a run: 0 all succeeded, 130 aborted, 3 blocked or locked (nothing failed),
 * 1 otherwise.
 *
 * @example
 * ```ts
 * exitCodeOf(run); // 0
 * ```
 */
export declare function exitCodeOf(run: RunResult): number;
/** Runs a verb for the CLI: confirmation, signals, display, output, exit code (in `process.exitCode`). */
export declare function runCommand(verb: Verb, flags: CommonFlags, call: (extra: Pick<CommonOptions, "signal" | "killSignal" | "onEvent">) => Promise<RunResult>, { mutating, showOutputs }: {
    mutating: boolean;
    showOutputs: boolean;
}): Promise<void>;
