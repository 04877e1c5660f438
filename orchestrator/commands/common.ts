/**
 * What every operation command shares: the common flags, their parsing (all checked before any
 * engine call), interactive confirmation, Ctrl-C handling (first: graceful abort, second: kill),
 * `--json` event lines, the live display, the summary and the exit code.
 */
import * as path from "node:path";
import * as readline from "node:readline";
import { Option, type Command } from "commander";
import { parseHumanDuration } from "../../components/shared/durations";
import { PlatformError } from "../../components/shared/errors";
import { startProgress } from "../progress";
import { renderRun } from "../summary";
import { Status, type CommonOptions, type RunResult, type Verb } from "../types";
import { ExitCode } from "../exit-codes";
import { MAX_PARALLEL, selectEnvs } from "../verbs";

/** Exit code of a run cut short by Ctrl-C (128 + SIGINT), as shells report it. */
export const EXIT_ABORTED = ExitCode.aborted;

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
  stacksDir?: string;
  dataDir?: string;
  program?: string;
}

/** Adds the common flags to a command. */
export function withCommonOptions(cmd: Command): Command {
  return cmd
    .requiredOption("--env <envs>", "environment(s): dev, dev,prod or all")
    .option("-y, --yes", "do not ask for confirmation (required without a terminal)")
    .option("--json", "print newline-delimited JSON events and a final result object")
    .option("--show-secrets", "show secret outputs in clear (masked as [secret] otherwise)")
    .option(
      "--wait-for-lock <duration>",
      "wait up to this long (e.g. 5m) for another update's lock, with backoff",
    )
    .option(
      "--backend <url>",
      "state backend: file://<dir>, gs://<bucket>, s3://<bucket>, https://api.pulumi.com (default: file://<project>/.pulumi-state)",
    )
    .option("--secrets-provider <url>", "secrets provider: passphrase (default), gcpkms://…, awskms://…")
    .option("--parallel <n>", "resource operations the engine runs at once")
    .option("--timeout <duration>", "abort the run after this long")
    .option(
      "--kill-after <duration>",
      "after an abort, kill stacks still running after this long (default 30s)",
    )
    .option("--remote", "run through Pulumi Deployments (needs --backend https://… and PULUMI_ACCESS_TOKEN)")
    .option("--remote-org <org>", "Pulumi Cloud organization for --remote (default: $PLATFORM_REMOTE_ORG)")
    .option("--stacks-dir <dir>", "directory holding Pulumi.<env>.yaml (default: Pulumi.yaml stackConfigDir)")
    .option(
      "--data-dir <dir>",
      "work dirs, per-stack PULUMI_HOMEs and audit.log (default: <project>/.platform)",
    )
    .addOption(
      new Option(
        "--program <module>",
        "module (TypeScript or JavaScript) exporting the program function (default: Pulumi.yaml main)",
      ).hideHelp(),
    );
}

/**
 * Parses a duration flag (`90s`, `5m`, `1h30m`) into ms.
 *
 * @example
 * ```ts
 * durationFlag("--wait-for-lock", "5m"); // 300000
 * ```
 */
export function durationFlag(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = parseHumanDuration(value);
  if (ms === undefined)
    throw new PlatformError(`${name}: not a duration: ${JSON.stringify(value)} (use e.g. 90s, 5m, 1h30m)`);
  return ms;
}

/** Parses a positive-integer flag. */
export function intFlag(name: string, value: string | undefined, max?: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1 || (max !== undefined && Number(value) > max))
    throw new PlatformError(
      `${name} must be ${max !== undefined ? `an integer 1–${max}` : "a positive integer"}, got ${JSON.stringify(value)}`,
    );
  return Number(value);
}

/**
 * The library options the common flags mean.
 *
 * @example
 * ```ts
 * commonOptions({ env: "dev", waitForLock: "2m" }).waitForLockMs; // 120000
 * ```
 */
export function commonOptions(flags: CommonFlags): Omit<CommonOptions, "signal" | "killSignal" | "onEvent"> {
  const waitForLockMs = durationFlag("--wait-for-lock", flags.waitForLock);
  const timeoutMs = durationFlag("--timeout", flags.timeout);
  const killAfterMs = durationFlag("--kill-after", flags.killAfter);
  const parallel = intFlag("--parallel", flags.parallel, MAX_PARALLEL);
  if (timeoutMs !== undefined && timeoutMs < 1000)
    throw new PlatformError(
      `--timeout must be at least 1s (e.g. 30m), got ${JSON.stringify(flags.timeout)}; leave it out for no timeout`,
    );
  let remote: CommonOptions["remote"];
  if (flags.remote) {
    const org = flags.remoteOrg ?? process.env["PLATFORM_REMOTE_ORG"];
    if (!org) throw new PlatformError("--remote needs --remote-org <org> (or PLATFORM_REMOTE_ORG)");
    remote = { org };
  }
  return {
    env: flags.env,
    ...(flags.showSecrets ? { showSecrets: true } : {}),
    ...(waitForLockMs !== undefined ? { waitForLockMs } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(killAfterMs !== undefined ? { killAfterMs } : {}),
    ...(parallel !== undefined ? { parallel } : {}),
    ...(flags.backend ? { backend: flags.backend } : {}),
    ...(flags.secretsProvider ? { secretsProvider: flags.secretsProvider } : {}),
    ...(remote ? { remote } : {}),
    ...(flags.stacksDir ? { stacksDir: path.resolve(flags.stacksDir) } : {}),
    ...(flags.dataDir ? { dataDir: path.resolve(flags.dataDir) } : {}),
    ...(flags.program ? { programModule: path.resolve(flags.program) } : {}),
  };
}

/**
 * Asks "Run <verb> on <envs>? [y/N]" on a terminal; without one, refuses with a message naming
 * `--yes`. Runs before any engine call.
 */
export async function confirm(verb: Verb, envs: readonly string[], yes: boolean | undefined): Promise<void> {
  if (yes) return;
  const what = `${verb} ${envs.join(", ")}`;
  if (!process.stdin.isTTY || !process.stderr.isTTY) {
    throw new PlatformError(
      `refusing to ${what} without confirmation: there is no terminal to ask on; pass --yes to confirm`,
    );
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  const answer = await new Promise<string>((resolve) =>
    rl.question(
      `Run ${what}? (tip: \`npx platform preview --env ${envs.join(",")}\` shows the changes first) [y/N] `,
      resolve,
    ),
  );
  rl.close();
  if (!/^y(es)?$/i.test(answer.trim())) throw new PlatformError(`${verb} cancelled`);
}

/**
 * The exit code of a run: 0 all succeeded, 130 aborted, 3 blocked or locked (nothing failed),
 * 1 otherwise.
 *
 * @example
 * ```ts
 * exitCodeOf(run); // 0
 * ```
 */
export function exitCodeOf(run: RunResult): number {
  const statuses = new Set(run.results.map((r) => r.status));
  if (run.ok) return 0;
  if (statuses.has(Status.aborted)) return EXIT_ABORTED;
  const failedLike = [Status.failed, Status.outputsUnavailable, Status.changesDetected] as const;
  if (failedLike.some((s) => statuses.has(s))) return 1;
  if (statuses.has(Status.locked) || statuses.has(Status.blocked)) return 3;
  return 1;
}

/** Runs a verb for the CLI: confirmation, signals, display, output, exit code (in `process.exitCode`). */
export async function runCommand(
  verb: Verb,
  flags: CommonFlags,
  call: (extra: Pick<CommonOptions, "signal" | "killSignal" | "onEvent">) => Promise<RunResult>,
  { mutating, showOutputs }: { mutating: boolean; showOutputs: boolean },
): Promise<void> {
  const common = commonOptions(flags); // every flag is checked before anything else happens
  const envs = selectEnvs(flags.env, common.stacksDir);
  if (mutating) await confirm(verb, envs, flags.yes);

  const abort = new AbortController();
  const kill = new AbortController();
  let interrupts = 0;
  const onSignal = () => {
    interrupts++;
    if (interrupts === 1) {
      process.stderr.write(
        "\ncancelling: the engine is asked to stop and write its state. Press Ctrl-C again to terminate immediately (may leave pending operations).\n",
      );
      abort.abort(new Error("interrupted"));
    } else {
      process.stderr.write("\nterminating: killing every stack's process tree.\n");
      kill.abort(new Error("killed"));
    }
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  const progress = await startProgress(process.stderr, !flags.json && process.stderr.isTTY === true);
  const write = (obj: unknown) => process.stdout.write(`${JSON.stringify(obj)}\n`);
  let run: RunResult;
  try {
    run = await call({
      signal: abort.signal,
      killSignal: kill.signal,
      onEvent: (e) => {
        progress.onEvent(e);
        if (flags.json) write(e);
      },
    });
  } finally {
    progress.stop();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  if (flags.json) write({ type: "result", ...run });
  else process.stdout.write(`${renderRun(run, { showOutputs })}\n`);
  process.exitCode = exitCodeOf(run);
}
