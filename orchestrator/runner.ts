/**
 * The parent side: runs one job per environment, each in its own worker process (its own process
 * group), in dependency order with independent stacks in parallel; a failure skips its dependents
 * only. Handles graceful abort (the worker forwards the AbortSignal to the engine), escalation to
 * killing whole process trees (second Ctrl-C, timeout, grace period), and afterwards reads what an
 * interrupted stack left behind (pending operations, a stale lock).
 */
import { fork, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { childEntry, type ChildEntry } from "./child-entry";
import { INSPECT, type Job, type JobAudit, type JobOptions } from "./job";
import {
  Status,
  SUCCESS_STATUSES,
  type EnvResult,
  type OrchestratorEvent,
  type RunTimers,
  type Verb,
} from "./types";
import { PulumiCliError, type WorkspaceSpec } from "./workspace";
import type { ParentMessage, WorkerMessage } from "./worker";

/** How long the post-kill inspection of a stack may take. */
export const INSPECT_TIMEOUT_MS = 20_000;

/** The stack worker's entry (compiled, or the TypeScript source when the CLI runs the sources: see `childEntry`). */
export function workerPath(): ChildEntry {
  return childEntry("orchestrator/worker", __filename);
}

const GLOBAL_TIMERS: RunTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** A running worker. */
interface Worker {
  readonly child: ChildProcess;
  readonly done: Promise<Outcome>;
  killed: boolean;
}

/** Kills a worker's whole process group (the worker, the Pulumi CLI, its plugins). */
export function killTree(pid: number | undefined, signal: NodeJS.Signals = "SIGKILL"): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** How a worker ended. */
interface Outcome {
  readonly result?: EnvResult;
  /** Set when the worker found the Pulumi CLI missing or too old: the whole run stops. */
  readonly fatal?: string;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

function startWorker(job: Job, onEvent: (e: OrchestratorEvent) => void): Worker {
  const entry = workerPath();
  const child = fork(entry.file, [], {
    execArgv: [...entry.execArgv],
    detached: true,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    serialization: "json",
  });
  let result: EnvResult | undefined;
  let fatal: string | undefined;
  let stderr = "";
  child.stdout?.resume();
  child.stderr?.on("data", (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4096);
  });
  child.on("message", (msg: WorkerMessage) => {
    if (msg.type === "event") onEvent(msg.event);
    else if (msg.type === "result") result = msg.result;
    else fatal = msg.message;
  });
  const done = new Promise<Outcome>((resolve) => {
    child.on("error", (err) => {
      stderr += `\n${err.message}`;
    });
    child.on("exit", (code, signal) => {
      // Whatever the worker started dies with it (a worker that ended normally has no children left).
      if (code !== 0 || signal !== null) killTree(child.pid);
      // Let the last IPC messages drain before resolving.
      setImmediate(() =>
        resolve({
          ...(result ? { result } : {}),
          ...(fatal !== undefined ? { fatal } : {}),
          code,
          signal,
          stderr,
        }),
      );
    });
  });
  if (job.verb !== INSPECT)
    onEvent({ type: "start", env: job.spec.env, verb: job.verb, time: new Date().toISOString() });
  child.send({ type: "run", job } satisfies ParentMessage);
  return { child, done, killed: false };
}

/** Options of {@link runJobs}. */
export interface RunJobsOptions {
  readonly verb: Verb;
  /** Environments in the order results are reported. */
  readonly envs: readonly string[];
  readonly specs: ReadonlyMap<string, WorkspaceSpec>;
  /** env → environments that must succeed first. */
  readonly waitFor: ReadonlyMap<string, readonly string[]>;
  readonly options: JobOptions;
  /** Per-environment options on top of `options` (e.g. each stack's own `--target`s). */
  readonly perEnv?: ReadonlyMap<string, Partial<JobOptions>>;
  readonly maxConcurrent?: number;
  readonly signal?: AbortSignal;
  readonly killSignal?: AbortSignal;
  readonly timeoutMs?: number;
  readonly killAfterMs?: number;
  /** @default the global timers (unref'd: a pending timeout never keeps the process alive) */
  readonly timers?: RunTimers;
  readonly onEvent?: (e: OrchestratorEvent) => void;
  /** Called once per finished environment (audit log). */
  readonly onResult?: (r: EnvResult) => void;
  /** Called when an environment's worker starts (audit log). */
  readonly onStart?: (env: string) => void;
  /** Handed to every worker: where it records an interruption if this process dies. */
  readonly audit?: JobAudit;
}

/**
 * Runs the jobs and returns one result per environment, in `envs` order. Never throws for engine
 * failures; throws {@link PlatformError} when workers cannot start at all, and
 * {@link PulumiCliError} when the Pulumi CLI is missing or too old (before any engine call).
 */
export async function runJobs(o: RunJobsOptions): Promise<EnvResult[]> {
  const emit = (e: OrchestratorEvent) => o.onEvent?.(e);
  const results = new Map<string, EnvResult>();
  const running = new Map<string, Worker>();
  const started = new Map<string, number>();
  const limit = o.maxConcurrent && o.maxConcurrent > 0 ? o.maxConcurrent : Number.POSITIVE_INFINITY;
  let aborting = false;
  let killing = false;
  const timers = o.timers ?? GLOBAL_TIMERS;
  let killTimer: unknown;

  let timedOut = false;
  const finish = (given: EnvResult) => {
    // A run the timeout cut short says so (not just "cancelled" or "killed").
    const r =
      timedOut && (given.status === Status.aborted || given.status === Status.skipped)
        ? {
            ...given,
            error: `timed out after ${formatMs(o.timeoutMs!)} (--timeout): ${given.error ?? given.status}`,
          }
        : given;
    results.set(r.env, r);
    emit({ type: "done", env: r.env, result: r });
    o.onResult?.(r);
  };
  const killAll = () => {
    killing = true;
    for (const [env, w] of running) {
      if (w.killed) continue;
      w.killed = true;
      emit({ type: "aborting", env, force: true });
      killTree(w.child.pid);
    }
  };
  const abortAll = () => {
    if (aborting) return;
    aborting = true;
    for (const [env, w] of running) {
      emit({ type: "aborting", env, force: false });
      if (w.child.connected) w.child.send({ type: "abort" } satisfies ParentMessage);
    }
    killTimer = timers.setTimeout(killAll, o.killAfterMs ?? 30_000);
  };
  const onAbort = () => abortAll();
  const onKill = () => {
    aborting = true;
    killAll();
  };
  o.signal?.addEventListener("abort", onAbort);
  o.killSignal?.addEventListener("abort", onKill);
  if (o.signal?.aborted) aborting = true;
  if (o.killSignal?.aborted) onKill();
  const timeout = o.timeoutMs
    ? timers.setTimeout(() => {
        timedOut = true;
        abortAll();
      }, o.timeoutMs)
    : undefined;

  const skipReason = (env: string): string | undefined => {
    if (aborting) return "run aborted";
    for (const dep of o.waitFor.get(env) ?? []) {
      const r = results.get(dep);
      if (r && !SUCCESS_STATUSES.has(r.status)) return dep;
    }
    return undefined;
  };
  const ready = (env: string) =>
    (o.waitFor.get(env) ?? []).every((d) => results.has(d) && SUCCESS_STATUSES.has(results.get(d)!.status));

  try {
    for (;;) {
      let progressed = true;
      while (progressed) {
        progressed = false;
        for (const env of o.envs) {
          if (results.has(env) || running.has(env)) continue;
          const reason = skipReason(env);
          if (reason !== undefined) {
            const dependency = reason === "run aborted" ? undefined : reason;
            finish({
              env,
              stack: o.specs.get(env)!.stackName,
              verb: o.verb,
              status: Status.skipped,
              changes: "unknown",
              durationMs: 0,
              ...(dependency
                ? {
                    skippedBecause: dependency,
                    error: `skipped: dependency ${dependency} ${describeStatus(results.get(dependency)!.status)}`,
                  }
                : { error: "skipped: run aborted" }),
            });
            progressed = true;
          } else if (ready(env) && running.size < limit) {
            started.set(env, Date.now());
            o.onStart?.(env);
            running.set(
              env,
              startWorker(
                {
                  verb: o.verb,
                  spec: o.specs.get(env)!,
                  options: { ...o.options, ...o.perEnv?.get(env) },
                  ...(o.audit ? { audit: o.audit } : {}),
                },
                emit,
              ),
            );
            progressed = true;
          }
        }
      }
      if (running.size === 0) break;
      const [env, outcome] = await Promise.race(
        [...running].map(async ([e, w]) => [e, await w.done] as const),
      );
      const worker = running.get(env)!;
      running.delete(env);
      if (outcome.fatal !== undefined) {
        // A missing or too-old Pulumi CLI: every stack would fail the same way, before any engine call.
        for (const w of running.values()) killTree(w.child.pid);
        await Promise.all([...running.values()].map((w) => w.done));
        for (const [e] of running) rmSync(o.specs.get(e)!.workDir, { recursive: true, force: true });
        throw new PulumiCliError(outcome.fatal);
      }
      const durationMs = Date.now() - (started.get(env) ?? Date.now());
      if (outcome.result && !worker.killed) {
        finish(outcome.result);
        continue;
      }
      // The worker was killed or died without a result: look at what the stack was left with.
      const inspected = await inspect(o.specs.get(env)!, o.options, emit);
      rmSync(o.specs.get(env)!.workDir, { recursive: true, force: true });
      const how = worker.killed
        ? "killed"
        : `exited unexpectedly (${outcome.signal ?? `code ${outcome.code}`})`;
      const tail = outcome.stderr.trim().split("\n").slice(-3).join(" | ");
      finish({
        env,
        stack: o.specs.get(env)!.stackName,
        verb: o.verb,
        status: worker.killed || killing ? Status.aborted : Status.failed,
        changes: "unknown",
        durationMs,
        error: `the ${o.verb} of ${env} was ${how}${tail && !worker.killed ? `: ${tail}` : ""}`,
        ...(inspected?.pendingOperations ? { pendingOperations: inspected.pendingOperations } : {}),
        ...(inspected?.lock && inspected.lock.length > 0 ? { lock: inspected.lock } : {}),
        ...(inspected?.recovery ? { recovery: inspected.recovery } : {}),
      });
    }
  } finally {
    if (killTimer !== undefined) timers.clearTimeout(killTimer);
    if (timeout !== undefined) timers.clearTimeout(timeout);
    o.signal?.removeEventListener("abort", onAbort);
    o.killSignal?.removeEventListener("abort", onKill);
  }
  return o.envs.map((e) => results.get(e)!);
}

/** `90000` → `1m30s`. */
export function formatMs(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return `${h ? `${h}h` : ""}${m ? `${m}m` : ""}${sec || (!h && !m) ? `${sec}s` : ""}`;
}

function describeStatus(status: EnvResult["status"]): string {
  return status === Status.skipped
    ? "was skipped"
    : status === Status.aborted
      ? "was aborted"
      : status === Status.locked
        ? "was locked"
        : status === Status.blocked
          ? "was blocked"
          : "failed";
}

/** Reads pending operations and locks of a stack whose worker did not report (a fresh, short-lived worker). */
async function inspect(
  spec: WorkspaceSpec,
  options: JobOptions,
  emit: (e: OrchestratorEvent) => void,
): Promise<EnvResult | undefined> {
  const fresh: WorkspaceSpec = { ...spec, workDir: `${spec.workDir}.inspect` };
  let worker: Worker;
  try {
    worker = startWorker({ verb: INSPECT, spec: fresh, options }, (e) => {
      if (e.type !== "done" && e.type !== "start") emit(e);
    });
  } catch {
    return undefined;
  }
  const timer = setTimeout(() => {
    worker.killed = true;
    killTree(worker.child.pid);
  }, INSPECT_TIMEOUT_MS);
  timer.unref();
  const outcome = await worker.done;
  clearTimeout(timer);
  return outcome.result;
}
