/**
 * The orchestrator's vocabulary: verbs, per-environment outcomes and the options every verb takes.
 * Pure types and `as const` sets; no Pulumi calls.
 */
import type { EngineEvent, PulumiFn } from "@pulumi/pulumi/automation";
import type { OpCounts } from "../plan/parse/types";

/**
 * The operations the orchestrator runs.
 *
 * @example
 * ```ts
 * Verb.up; // "up"
 * ```
 */
export const Verb = {
  up: "up",
  preview: "preview",
  refresh: "refresh",
  destroy: "destroy",
  outputs: "outputs",
  cancel: "cancel",
} as const;
/** One of the {@link Verb}s. */
export type Verb = (typeof Verb)[keyof typeof Verb];

/** Verbs that change a stack (they take the stack lock and need confirmation on the CLI). */
export const MUTATING_VERBS: ReadonlySet<Verb> = new Set<Verb>([
  Verb.up,
  Verb.refresh,
  Verb.destroy,
  Verb.cancel,
]);

/**
 * How one environment's operation ended.
 *
 * | status | meaning |
 * |---|---|
 * | `succeeded` | the engine finished and everything was read back |
 * | `succeeded-outputs-unavailable` | the update succeeded, reading its outputs or summary afterwards failed |
 * | `changes-detected` | a preview / preview-only refresh with `expectNoChanges` found changes (drift) |
 * | `failed` | the engine (or the program) reported an error |
 * | `locked` | another update holds the stack lock (and `waitForLock` ran out or was not given) |
 * | `blocked` | refused before the engine ran (protected resources on destroy, a live lock holder on cancel) |
 * | `aborted` | cancelled through the AbortSignal / Ctrl-C, or killed |
 * | `skipped` | not run because a dependency did not succeed |
 *
 * @example
 * ```ts
 * if (result.status === Status.outputsUnavailable) retryOutputsLater(result.env);
 * ```
 */
export const Status = {
  succeeded: "succeeded",
  outputsUnavailable: "succeeded-outputs-unavailable",
  changesDetected: "changes-detected",
  failed: "failed",
  locked: "locked",
  blocked: "blocked",
  aborted: "aborted",
  skipped: "skipped",
} as const;
/** One of the {@link Status} values. */
export type Status = (typeof Status)[keyof typeof Status];

/** Statuses after which dependents may run (the stack's resources exist as declared). */
export const SUCCESS_STATUSES: ReadonlySet<Status> = new Set<Status>([
  Status.succeeded,
  Status.outputsUnavailable,
  Status.changesDetected,
]);

/** The change summary of a run: counts per engine op, or `"unknown"` when the engine reported none. */
export type Changes = OpCounts | "unknown";

/** Who holds a stack lock, parsed from the CLI's message. */
export interface LockHolder {
  /** `user@host` as the lock file records it. */
  readonly user?: string;
  readonly host?: string;
  readonly pid?: number;
  /** When the lock was taken (ISO text as the CLI printed it). */
  readonly since?: string;
  /** The lock file (DIY backends) or `"Pulumi Cloud"`. */
  readonly where?: string;
}

/** A resource operation the engine started and never finished (from `deployment.pending_operations`). */
export interface PendingOperation {
  readonly urn: string;
  readonly type: string;
  /** `creating`, `updating`, `deleting`, `reading`, `importing`. */
  readonly operation: string;
}

/** The outcome for one environment. */
export interface EnvResult {
  readonly env: string;
  /** Stack name (equals env for local runs; `org/project/env` for remote ones). */
  readonly stack: string;
  readonly verb: Verb;
  readonly status: Status;
  /** Counts per op; `"unknown"` when the engine sent no summary (never read as "no changes"). */
  readonly changes: Changes;
  readonly durationMs: number;
  /** Stack outputs (up, outputs); secrets are `"[secret]"` unless `showSecrets`. */
  readonly outputs?: Readonly<Record<string, unknown>>;
  /** One paragraph, the CLI's `error:` lines; never a stack trace. */
  readonly error?: string;
  /** Lock holders, when the status is `locked` (or the run waited for a lock). */
  readonly lock?: readonly LockHolder[];
  /** Operations left pending by an interrupted update. */
  readonly pendingOperations?: readonly PendingOperation[];
  /** URNs of protected resources (destroy reports them; they are never unprotected). */
  readonly protectedResources?: readonly string[];
  /** The dependency whose failure skipped this environment. */
  readonly skippedBecause?: string;
  /** Exact commands that recover the stack, in order. */
  readonly recovery?: readonly string[];
  /** A remark that is not an error ("nothing to destroy"). */
  readonly note?: string;
  /** How long the run waited for another update's lock before it could start. */
  readonly waitedForLockMs?: number;
}

/** The outcome of a verb over one or more environments. */
export interface RunResult {
  readonly verb: Verb;
  /** True when every environment `succeeded`. */
  readonly ok: boolean;
  /** One result per environment, in the order they were requested. */
  readonly results: readonly EnvResult[];
  readonly durationMs: number;
}

/** Events streamed while a verb runs (the CLI's `--json` lines and the live display read them). */
export type OrchestratorEvent =
  | { readonly type: "start"; readonly env: string; readonly verb: Verb; readonly time: string }
  | { readonly type: "engine"; readonly env: string; readonly event: EngineEvent }
  | {
      readonly type: "lock-wait";
      readonly env: string;
      readonly holders: readonly LockHolder[];
      readonly retryInMs: number;
      readonly waitedMs: number;
    }
  | { readonly type: "aborting"; readonly env: string; readonly force: boolean }
  | { readonly type: "done"; readonly env: string; readonly result: EnvResult };

/** Pulumi Deployments settings for `remote` runs. */
export interface RemoteOptions {
  /** Pulumi Cloud organization owning the stacks. */
  readonly org: string;
  /** Git URL of this repository. @default `git remote get-url origin` */
  readonly repoUrl?: string;
  /** Branch to deploy (`refs/heads/<branch>`). @default the current branch */
  readonly branch?: string;
  /** Commit to deploy instead of a branch. */
  readonly commit?: string;
  /** Folder of Pulumi.yaml inside the repository. @default "." */
  readonly projectPath?: string;
  /** Plain environment variables for the deployment. */
  readonly envVars?: Readonly<Record<string, string>>;
  /** Secret environment variables for the deployment (sent as secrets, never logged). */
  readonly secretEnvVars?: Readonly<Record<string, string>>;
  /** Commands run before the operation. @default ["npm ci"] */
  readonly preRunCommands?: readonly string[];
}

/**
 * Timer functions, as the global ones.
 *
 * @example
 * ```ts
 * const timers: RunTimers = { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };
 * ```
 */
export interface RunTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * Options every verb takes.
 *
 * @example
 * ```ts
 * const opts: CommonOptions = { env: "dev,staging", showSecrets: false, waitForLockMs: 300_000 };
 * ```
 */
export interface CommonOptions {
  /** `"dev"`, `"dev,prod"`, `"all"` or a list of names. */
  readonly env: string | readonly string[];
  /**
   * Directory of the Pulumi project: its Pulumi.yaml `main` is the program, `stackConfigDir` holds
   * the stack files, `name` is the project name. @default the nearest Pulumi.yaml at or above the working directory
   */
  readonly projectDir?: string;
  /** Directory holding `Pulumi.<env>.yaml`. @default the project's `stackConfigDir` */
  readonly stacksDir?: string;
  /** State backend URL. @default `file://<project>/.pulumi-state` */
  readonly backend?: string;
  /** Secrets provider (`passphrase`, `gcpkms://…`, `awskms://…`, `default`). @default passphrase (file backends) */
  readonly secretsProvider?: string;
  /** Directory holding `bin/pulumi`. @default $PLATFORM_PULUMI_ROOT, else `pulumi` on PATH */
  readonly pulumiRoot?: string;
  /** Where work dirs, per-stack PULUMI_HOMEs and the audit log live. @default <project>/.platform */
  readonly dataDir?: string;
  /** Audit log file, or `false` for none. @default <dataDir>/audit.log */
  readonly auditLog?: string | false;
  /** Show secret outputs in clear. @default false */
  readonly showSecrets?: boolean;
  /** Engine parallelism (`pulumi --parallel`). */
  readonly parallel?: number;
  /** How many stacks run at once. @default all that are ready */
  readonly maxConcurrentStacks?: number;
  /** Wait this long (with backoff) for another update's lock before giving up. @default 0 (fail at once) */
  readonly waitForLockMs?: number;
  /** Graceful abort (Ctrl-C): the engine is asked to stop, state is written. */
  readonly signal?: AbortSignal;
  /** Immediate termination of every stack's process tree (second Ctrl-C). */
  readonly killSignal?: AbortSignal;
  /** Abort the whole run after this long. */
  readonly timeoutMs?: number;
  /** After a graceful abort, kill the process trees still running after this long. @default 30_000 */
  readonly killAfterMs?: number;
  /**
   * The timers behind `timeoutMs` and `killAfterMs` (a test passes a manual clock to fire them when
   * it chooses). @default the global setTimeout/clearTimeout
   */
  readonly timers?: RunTimers;
  /** Extra environment for the Pulumi CLI. */
  readonly envVars?: Readonly<Record<string, string>>;
  /** Run through Pulumi Deployments instead of locally. */
  readonly remote?: RemoteOptions;
  /**
   * A module (TypeScript or JavaScript) exporting the inline program function (`export = async () => …`,
   * `export default` or `export const program`). @default the project's Pulumi.yaml `main`
   */
  readonly programModule?: string;
  /**
   * The program as a function (an Automation-API inline program). It runs in this process, one
   * stack at a time (a function cannot move into the per-stack worker processes); wins over
   * {@link programModule} and the project's `main`.
   */
  readonly program?: PulumiFn;
  /** Live events. */
  readonly onEvent?: (event: OrchestratorEvent) => void;
}

/** Options of {@link Verb.up}. */
export interface UpOptions extends CommonOptions {
  readonly target?: readonly string[];
  readonly refresh?: boolean;
  readonly message?: string;
  readonly expectNoChanges?: boolean;
}

/** Options of {@link Verb.preview}. */
export interface PreviewOptions extends CommonOptions {
  readonly target?: readonly string[];
  readonly refresh?: boolean;
  readonly message?: string;
  /** Report `changes-detected` when the preview would change anything. */
  readonly expectNoChanges?: boolean;
}

/** Options of {@link Verb.refresh}. */
export interface RefreshOptions extends CommonOptions {
  readonly target?: readonly string[];
  readonly message?: string;
  /** Only detect drift; do not write the refreshed state. */
  readonly previewOnly?: boolean;
  /** Report `changes-detected` when the refresh finds drift. */
  readonly expectNoChanges?: boolean;
  /** Drop pending creates left by an interrupted update (a recovery step). */
  readonly clearPendingCreates?: boolean;
}

/** Options of {@link Verb.destroy}. */
export interface DestroyOptions extends CommonOptions {
  readonly target?: readonly string[];
  readonly refresh?: boolean;
  readonly message?: string;
  /** Stack names confirmed for destruction; required for every prod-profile stack. */
  readonly confirm?: string | readonly string[];
  /** Destroy everything except protected resources (which are reported). */
  readonly excludeProtected?: boolean;
  /** Also remove the stack (history and config) afterwards. */
  readonly remove?: boolean;
}

/** Options of {@link Verb.outputs}. */
export type OutputsOptions = CommonOptions;

/** Options of {@link Verb.cancel}. */
export interface CancelOptions extends CommonOptions {
  /** Remove the lock even when its holder looks alive on this host. */
  readonly force?: boolean;
}
