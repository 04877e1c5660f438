"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.EXIT_ABORTED = void 0;
exports.withCommonOptions = withCommonOptions;
exports.durationFlag = durationFlag;
exports.intFlag = intFlag;
exports.commonOptions = commonOptions;
exports.confirm = confirm;
exports.exitCodeOf = exitCodeOf;
exports.runCommand = runCommand;
/**
 * What every operation command shares: the common flags, their parsing (all checked before any
 * engine call), interactive confirmation, Ctrl-C handling (first: graceful abort, second: kill),
 * `--json` event lines, the live display, the summary and the exit code.
 */
const readline = __importStar(require("node:readline"));
const durations_1 = require("../../components/shared/durations");
const errors_1 = require("../../components/shared/errors");
const progress_1 = require("../progress");
const summary_1 = require("../summary");
const types_1 = require("../types");
const verbs_1 = require("../verbs");
/** Exit code of a run cut short by Ctrl-C (128 + SIGINT), as shells report it. */
exports.EXIT_ABORTED = 130;
/** Adds the common flags to a command. */
function withCommonOptions(cmd) {
    return cmd
        .requiredOption("--env <envs>", "environment(s): dev, dev,prod or all")
        .option("-y, --yes", "do not ask for confirmation (required without a terminal)")
        .option("--json", "print newline-delimited JSON events and a final result object")
        .option("--show-secrets", "show secret outputs in clear (masked as [secret] otherwise)")
        .option("--wait-for-lock <duration>", "wait up to this long (e.g. 5m) for another update's lock, with backoff")
        .option("--backend <url>", "state backend: file://<dir>, gs://<bucket>, s3://<bucket>, https://api.pulumi.com (default: file://<repo>/.pulumi-state)")
        .option("--secrets-provider <url>", "secrets provider: passphrase (default), gcpkms://…, awskms://…")
        .option("--parallel <n>", "resource operations the engine runs at once")
        .option("--timeout <duration>", "abort the run after this long")
        .option("--kill-after <duration>", "after an abort, kill stacks still running after this long (default 30s)")
        .option("--remote", "run through Pulumi Deployments (needs --backend https://… and PULUMI_ACCESS_TOKEN)")
        .option("--remote-org <org>", "Pulumi Cloud organization for --remote (default: $PLATFORM_REMOTE_ORG)");
}
/**
 * Parses a duration flag (`90s`, `5m`, `1h30m`) into ms.
 *
 * @example
 * ```ts
 * durationFlag("--wait-for-lock", "5m"); // 300000
 * ```
 */
function durationFlag(name, value) {
    if (value === undefined)
        return undefined;
    const ms = (0, durations_1.parseHumanDuration)(value);
    if (ms === undefined)
        throw new errors_1.PlatformError(`${name}: not a duration: ${JSON.stringify(value)} (use e.g. 90s, 5m, 1h30m)`);
    return ms;
}
/** Parses a positive-integer flag. */
function intFlag(name, value) {
    if (value === undefined)
        return undefined;
    if (!/^\d+$/.test(value.trim()) || Number(value) < 1)
        throw new errors_1.PlatformError(`${name} must be a positive integer, got ${JSON.stringify(value)}`);
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
function commonOptions(flags) {
    const waitForLockMs = durationFlag("--wait-for-lock", flags.waitForLock);
    const timeoutMs = durationFlag("--timeout", flags.timeout);
    const killAfterMs = durationFlag("--kill-after", flags.killAfter);
    const parallel = intFlag("--parallel", flags.parallel);
    let remote;
    if (flags.remote) {
        const org = flags.remoteOrg ?? process.env["PLATFORM_REMOTE_ORG"];
        if (!org)
            throw new errors_1.PlatformError("--remote needs --remote-org <org> (or PLATFORM_REMOTE_ORG)");
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
    };
}
/**
 * Asks "Run <verb> on <envs>? [y/N]" on a terminal; without one, refuses with a message naming
 * `--yes`. Runs before any engine call.
 */
async function confirm(verb, envs, yes) {
    if (yes)
        return;
    const what = `${verb} ${envs.join(", ")}`;
    if (!process.stdin.isTTY || !process.stderr.isTTY) {
        throw new errors_1.PlatformError(`refusing to ${what} without confirmation: there is no terminal to ask on; pass --yes to confirm`);
    }
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
    const answer = await new Promise((resolve) => rl.question(`Run ${what}? (tip: \`npx platform preview --env ${envs.join(",")}\` shows the changes first) [y/N] `, resolve));
    rl.close();
    if (!/^y(es)?$/i.test(answer.trim()))
        throw new errors_1.PlatformError(`${verb} cancelled`);
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
function exitCodeOf(run) {
    const statuses = new Set(run.results.map((r) => r.status));
    if (run.ok)
        return 0;
    if (statuses.has(types_1.Status.aborted))
        return exports.EXIT_ABORTED;
    const failedLike = [types_1.Status.failed, types_1.Status.outputsUnavailable, types_1.Status.changesDetected];
    if (failedLike.some((s) => statuses.has(s)))
        return 1;
    if (statuses.has(types_1.Status.locked) || statuses.has(types_1.Status.blocked))
        return 3;
    return 1;
}
/** Runs a verb for the CLI: confirmation, signals, display, output, exit code (in `process.exitCode`). */
async function runCommand(verb, flags, call, { mutating, showOutputs }) {
    commonOptions(flags); // every flag is checked before anything else happens
    const envs = (0, verbs_1.selectEnvs)(flags.env);
    if (mutating)
        await confirm(verb, envs, flags.yes);
    const abort = new AbortController();
    const kill = new AbortController();
    let interrupts = 0;
    const onSignal = () => {
        interrupts++;
        if (interrupts === 1) {
            process.stderr.write("\ncancelling: the engine is asked to stop and write its state. Press Ctrl-C again to terminate immediately (may leave pending operations).\n");
            abort.abort(new Error("interrupted"));
        }
        else {
            process.stderr.write("\nterminating: killing every stack's process tree.\n");
            kill.abort(new Error("killed"));
        }
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    const progress = await (0, progress_1.startProgress)(process.stderr, !flags.json && process.stderr.isTTY === true);
    const write = (obj) => process.stdout.write(`${JSON.stringify(obj)}\n`);
    let run;
    try {
        run = await call({
            signal: abort.signal,
            killSignal: kill.signal,
            onEvent: (e) => {
                progress.onEvent(e);
                if (flags.json)
                    write(e);
            },
        });
    }
    finally {
        progress.stop();
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
    }
    if (flags.json)
        write({ type: "result", ...run });
    else
        process.stdout.write(`${(0, summary_1.renderRun)(run, { showOutputs })}\n`);
    process.exitCode = exitCodeOf(run);
}
//# sourceMappingURL=common.js.map