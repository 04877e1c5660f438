/**
 * One verb on one stack, in the process that owns that stack (the worker). Streams engine events,
 * waits for locks, tells "the update failed" from "the update succeeded but its outputs could not
 * be read", reports protected resources and pending operations, and masks secrets.
 */
import type { EngineEvent, PulumiFn } from "@pulumi/pulumi/automation";
import { EngineEventCollector, readOpCounts } from "../plan/parse/events";
import { CHANGE_KIND_OF_OP, type OpCounts } from "../plan/parse/types";
import { errorSummary, isStackNotFound } from "./errors";
import { INSPECT, type Job } from "./job";
import {
  holderAlive,
  isConcurrentUpdateError,
  lockBackoffMs,
  lockedMessage,
  lockRecovery,
  parseLockHolders,
  readDiyLocks,
  sleep,
} from "./locks";
import {
  Status,
  Verb,
  type Changes,
  type EnvResult,
  type LockHolder,
  type OrchestratorEvent,
  type PendingOperation,
} from "./types";
import { SECRET_MASK } from "../programs/secret-config";
import { kmsDestroyNote } from "./kms-note";
import { unmatchedTargets } from "./targets";
import { OpenMode, PulumiCliError, shellJoin, type StackFactory, type StackHandle } from "./workspace";

export { INSPECT, type Job, type JobOptions } from "./job";

// One mask for secrets everywhere: config validation, synth, events and outputs.
export { SECRET_MASK } from "../programs/secret-config";

/** The key that marks a serialized secret value (`{ "4dabf…": "1b47…", value }`) in Pulumi's wire format. */
export const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";

/**
 * An engine event as it may be shown to people: debug diagnostics dropped (they can carry raw RPC
 * payloads), serialized secret values replaced by `"[secret]"`, strings that embed one replaced
 * whole. Returns undefined for events that are not shown at all.
 *
 * @example
 * ```ts
 * redactEvent({ sequence: 1, timestamp: 1, diagnosticEvent: { severity: "debug", message: "…" } } as EngineEvent); // undefined
 * ```
 */
export function redactEvent(event: EngineEvent): EngineEvent | undefined {
  // The TypeScript type lacks "debug", but engines send it.
  if ((event.diagnosticEvent?.severity as string | undefined) === "debug") return undefined;
  return redactValue(event) as EngineEvent;
}

/** Deeper than this, an event's value is shown as a marker (it cannot overflow the stack or hide a secret). */
const MAX_REDACT_DEPTH = 100;

function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return value.includes(SECRET_SIG_KEY) ? SECRET_MASK : value;
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_REDACT_DEPTH) return "[nested too deep]";
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  if (SECRET_SIG_KEY in value) return SECRET_MASK;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = redactValue(v, depth + 1);
  return out;
}

/** What {@link runOperation} needs besides the job. */
export interface OperationContext {
  readonly factory: StackFactory;
  readonly program: PulumiFn;
  readonly signal: AbortSignal;
  readonly emit: (event: OrchestratorEvent) => void;
  /** The clock durations are measured with. @default Date.now */
  readonly now?: () => number;
  /**
   * Waits between lock attempts (rejecting when the signal aborts). @default a timer that, on a
   * `file://` backend, wakes as soon as the stack's lock files are gone
   */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/**
 * Stack outputs for display: `{ value, secret }` → value, with secrets as `"[secret]"` unless
 * `showSecrets`.
 *
 * @example
 * ```ts
 * maskOutputs({ url: { value: "postgres://…", secret: true }, ip: { value: "10.0.0.3", secret: false } }, false);
 * // { url: "[secret]", ip: "10.0.0.3" }
 * ```
 */
export function maskOutputs(
  outputs: Readonly<Record<string, { value: unknown; secret: boolean }>>,
  showSecrets: boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(outputs)) out[k] = v.secret && !showSecrets ? SECRET_MASK : v.value;
  return out;
}

/**
 * The change summary: the engine's counts when it sent any, else counts of the steps seen in
 * engine events, else `"unknown"` (an empty summary never means "no changes").
 *
 * @example
 * ```ts
 * changesFrom({}, undefined); // "unknown"
 * ```
 */
export function changesFrom(
  summary: Readonly<Record<string, number>> | undefined,
  collector: EngineEventCollector | undefined,
): Changes {
  const fromSummary = readOpCounts(summary ?? {});
  if (Object.keys(fromSummary).length > 0) return fromSummary;
  const result = collector?.result();
  const engine = result?.summary?.resourceChanges;
  if (engine && Object.keys(engine).length > 0) return engine;
  const counts: OpCounts = {};
  for (const step of result?.steps ?? []) counts[step.op] = (counts[step.op] ?? 0) + 1;
  return Object.keys(counts).length > 0 ? counts : "unknown";
}

/** Number of resources a change summary would change (create, update, delete, replace …). */
export function changeCount(changes: Changes): number | undefined {
  if (changes === "unknown") return undefined;
  let n = 0;
  for (const [op, count] of Object.entries(changes))
    if (CHANGE_KIND_OF_OP[op as keyof typeof CHANGE_KIND_OF_OP]) n += count ?? 0;
  return n;
}

/** Pending operations recorded in an exported deployment. */
export function pendingOperationsOf(deployment: unknown): PendingOperation[] {
  const ops = (deployment as { deployment?: { pending_operations?: unknown } } | undefined)?.deployment
    ?.pending_operations;
  if (!Array.isArray(ops)) return [];
  return ops.map((op: { resource?: { urn?: string; type?: string }; type?: string }) => ({
    urn: op.resource?.urn ?? "",
    type: op.resource?.type ?? "",
    operation: op.type ?? "unknown",
  }));
}

/** URNs of protected resources in an exported deployment. */
export function protectedResourcesOf(deployment: unknown): string[] {
  const resources = (deployment as { deployment?: { resources?: unknown } } | undefined)?.deployment
    ?.resources;
  if (!Array.isArray(resources)) return [];
  return resources
    .filter((r: { protect?: boolean; urn?: string }) => r.protect === true && typeof r.urn === "string")
    .map((r: { urn: string }) => r.urn);
}

/** Recovery commands for a stack left with pending operations and/or a dead holder's lock. */
export function recoveryFor(
  env: string,
  pending: readonly PendingOperation[],
  staleLock: boolean,
  flags: readonly string[] = [],
): string[] {
  // Printed commands must run as printed in CI: no terminal to confirm on (--yes), same stack (flags).
  const extra = flags.length > 0 ? ` ${shellJoin(flags)}` : "";
  const out: string[] = [];
  if (staleLock)
    out.push(
      `npx platform cancel --env ${env} --yes${extra}   # removes the lock the interrupted update left (its process is gone)`,
    );
  if (pending.length > 0) {
    const creates = pending.some((p) => p.operation === "creating");
    out.push(
      `npx platform refresh --env ${env} --yes${creates ? " --clear-pending-creates" : ""}${extra}   # reconciles the ${pending.length} pending operation(s) with the cloud`,
    );
  }
  return out;
}

class Run {
  private readonly started: number;
  readonly collector = new EngineEventCollector();
  waitedForLockMs = 0;
  lastHolders: LockHolder[] = [];

  constructor(
    readonly job: Job,
    readonly ctx: OperationContext,
  ) {
    this.started = this.now();
  }

  now(): number {
    return (this.ctx.now ?? Date.now)();
  }

  get env(): string {
    return this.job.spec.env;
  }

  readonly onEvent = (event: EngineEvent): void => {
    try {
      this.collector.addEvent(event);
    } catch {
      // an event the parser refuses (e.g. nested too deep) is still shown, redacted
    }
    const shown = redactEvent(event);
    if (shown) this.ctx.emit({ type: "engine", env: this.env, event: shown });
  };

  /** A successful run whose `--target`s matched no resource is an error, not "no changes". */
  checkTargets(result: EnvResult): EnvResult {
    const targets = this.job.options.target ?? [];
    if (targets.length === 0 || result.status !== Status.succeeded) return result;
    const missing = unmatchedTargets(
      targets,
      this.collector.result().steps.map((s) => s.urn),
    );
    if (missing.length === 0) return result;
    return {
      ...result,
      status: Status.failed,
      error: `--target matches no resource of stack ${this.job.spec.stackName}: ${missing.join(", ")} (nothing was done for ${missing.length === targets.length ? "any target" : "those"})`,
    };
  }

  result(status: EnvResult["status"], changes: Changes, extra: Partial<EnvResult> = {}): EnvResult {
    return {
      env: this.env,
      stack: this.job.spec.stackName,
      verb: this.job.verb === INSPECT ? Verb.up : this.job.verb,
      status,
      changes,
      durationMs: this.now() - this.started,
      ...(this.waitedForLockMs > 0 ? { waitedForLockMs: this.waitedForLockMs, lock: this.lastHolders } : {}),
      ...extra,
    };
  }

  /** Waits before the next lock attempt; on a DIY backend, no longer than the holder keeps its lock. */
  private pause(ms: number): Promise<void> {
    if (this.ctx.sleep) return this.ctx.sleep(ms, this.ctx.signal);
    const { backendUrl, projectName, stackName } = this.job.spec;
    const released = backendUrl.startsWith("file://")
      ? () => readDiyLocks(backendUrl, projectName, stackName).length === 0
      : undefined;
    return sleep(ms, this.ctx.signal, released);
  }

  /** Runs `call`, waiting with backoff while another update holds the lock (up to waitForLockMs). */
  async withLockWait<T>(call: () => Promise<T>): Promise<T> {
    const budget = this.job.options.waitForLockMs ?? 0;
    let firstLockAt: number | undefined;
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (e) {
        if (!isConcurrentUpdateError(e) || this.ctx.signal.aborted) throw e;
        this.lastHolders = parseLockHolders(e.message);
        firstLockAt ??= this.now();
        const waited = this.now() - firstLockAt;
        const delay = lockBackoffMs(attempt, budget - waited);
        if (delay <= 0) throw e;
        this.ctx.emit({
          type: "lock-wait",
          env: this.env,
          holders: this.lastHolders,
          retryInMs: delay,
          waitedMs: waited,
        });
        await this.pause(delay);
        this.waitedForLockMs = this.now() - firstLockAt;
      }
    }
  }

  async inspect(
    stack: StackHandle,
  ): Promise<{ pending: PendingOperation[]; staleLock: boolean; holders: LockHolder[] }> {
    let pending: PendingOperation[] = [];
    try {
      pending = pendingOperationsOf(await stack.exportStack());
    } catch {
      // best effort: the stack may be unreadable right after a crash
    }
    const holders = readDiyLocks(
      this.job.spec.backendUrl,
      this.job.spec.projectName,
      this.job.spec.stackName,
    );
    const staleLock = holders.length > 0 && holders.every((h) => holderAlive(h) === false);
    return { pending, staleLock, holders };
  }

  /** The result for a failed or aborted engine call. */
  async failure(stack: StackHandle, e: unknown, changes: Changes): Promise<EnvResult> {
    if (isConcurrentUpdateError(e) && !this.ctx.signal.aborted) {
      const holders = parseLockHolders(e.message);
      return this.result(Status.locked, "unknown", {
        error: lockedMessage(this.env, holders, this.waitedForLockMs),
        lock: holders,
        recovery: lockRecovery(this.env, this.job.spec.cliFlags),
      });
    }
    const aborted = this.ctx.signal.aborted;
    const { pending, staleLock } = await this.inspect(stack);
    const recovery = recoveryFor(this.env, pending, staleLock, this.job.spec.cliFlags);
    return this.result(aborted ? Status.aborted : Status.failed, changes, {
      error: aborted
        ? `${this.job.verb} of ${this.env} was cancelled${pending.length > 0 ? `; ${pending.length} operation(s) were in flight` : ""}`
        : errorSummary(e),
      ...(pending.length > 0 ? { pendingOperations: pending } : {}),
      ...(recovery.length > 0 ? { recovery } : {}),
    });
  }
}

function engineOptions(run: Run): Record<string, unknown> {
  const o = run.job.options;
  return {
    onEvent: run.onEvent,
    onOutput: () => undefined,
    signal: run.ctx.signal,
    ...(o.target && o.target.length > 0 ? { target: [...o.target] } : {}),
    ...(o.parallel ? { parallel: o.parallel } : {}),
    ...(o.message ? { message: o.message } : {}),
  };
}

async function up(run: Run, stack: StackHandle): Promise<EnvResult> {
  // Stack.up() runs the update, then reads outputs and the summary with separate CLI calls. If those
  // fail, up() throws although the update succeeded: mark the moment the update itself returned.
  let updateSucceeded = false;
  const original = stack.outputs.bind(stack);
  (stack as { outputs: StackHandle["outputs"] }).outputs = () => {
    updateSucceeded = true;
    return original();
  };
  try {
    const res = await run.withLockWait(() =>
      stack.up({ ...engineOptions(run), ...(run.job.options.refresh ? { refresh: true } : {}) }),
    );
    return run.checkTargets(
      run.result(Status.succeeded, changesFrom(res.summary?.resourceChanges, run.collector), {
        outputs: maskOutputs(res.outputs, run.job.options.showSecrets ?? false),
      }),
    );
  } catch (e) {
    if (updateSucceeded && !isConcurrentUpdateError(e)) {
      return run.result(Status.outputsUnavailable, changesFrom(undefined, run.collector), {
        error: `the update succeeded, but reading its outputs afterwards failed: ${errorSummary(e)}`,
        recovery: [
          `npx platform outputs --env ${run.env}${run.job.spec.cliFlags?.length ? ` ${shellJoin(run.job.spec.cliFlags)}` : ""}`,
        ],
      });
    }
    return run.failure(stack, e, changesFrom(undefined, run.collector));
  }
}

function expectation(run: Run, changes: Changes): EnvResult {
  if (!run.job.options.expectNoChanges) return run.result(Status.succeeded, changes);
  const n = changeCount(changes);
  if (n === undefined)
    return run.result(Status.failed, changes, {
      error: `cannot confirm that ${run.env} has no changes: the engine reported no change summary`,
    });
  return n > 0
    ? run.result(Status.changesDetected, changes, { error: `${n} resource(s) would change` })
    : run.result(Status.succeeded, changes);
}

async function preview(run: Run, stack: StackHandle): Promise<EnvResult> {
  try {
    const res = await run.withLockWait(() =>
      stack.preview({ ...engineOptions(run), ...(run.job.options.refresh ? { refresh: true } : {}) }),
    );
    return run.checkTargets(expectation(run, changesFrom(res.changeSummary, run.collector)));
  } catch (e) {
    return run.failure(stack, e, changesFrom(undefined, run.collector));
  }
}

async function refresh(run: Run, stack: StackHandle): Promise<EnvResult> {
  const o = run.job.options;
  try {
    if (o.previewOnly) {
      if (!stack.previewRefresh)
        return run.result(Status.failed, "unknown", {
          error: "preview-only refresh is not available for remote runs",
        });
      const res = await run.withLockWait(() => stack.previewRefresh!(engineOptions(run)));
      return expectation(run, changesFrom(res.changeSummary, run.collector));
    }
    const res = await run.withLockWait(() =>
      stack.refresh({
        ...engineOptions(run),
        ...(o.clearPendingCreates ? { clearPendingCreates: true } : {}),
      }),
    );
    return run.checkTargets(expectation(run, changesFrom(res.summary?.resourceChanges, run.collector)));
  } catch (e) {
    return run.failure(stack, e, changesFrom(undefined, run.collector));
  }
}

async function destroy(run: Run, stack: StackHandle): Promise<EnvResult> {
  const o = run.job.options;
  let protectedUrns: string[] = [];
  let exported: unknown;
  try {
    exported = await stack.exportStack();
    protectedUrns = protectedResourcesOf(exported);
  } catch (e) {
    return run.failure(stack, e, "unknown");
  }
  if (protectedUrns.length > 0 && !o.excludeProtected) {
    return run.result(Status.blocked, "unknown", {
      protectedResources: protectedUrns,
      error:
        `${protectedUrns.length} protected resource(s) in ${run.env}; destroy would stop at them and they are never unprotected here. ` +
        `Keep them and destroy the rest with --exclude-protected, or turn protection off in the stack config (e.g. platform:kms protect: false), run up, then destroy.`,
    });
  }
  try {
    const res = await run.withLockWait(() =>
      stack.destroy({
        ...engineOptions(run),
        ...(o.excludeProtected ? { excludeProtected: true } : {}),
        ...(o.refresh ? { refresh: true } : {}),
        ...(o.remove && protectedUrns.length === 0 ? { remove: true } : {}),
      }),
    );
    // Only what the destroy removed: targets narrow it, protected resources are kept.
    const removed = new Set(
      run.collector
        .result()
        .steps.filter((st) => st.op === "delete")
        .map((st) => st.urn),
    );
    const kept =
      (exported as { deployment?: { resources?: { urn?: string }[] } }).deployment?.resources
        ?.map((r) => r.urn ?? "")
        .filter((u) => !removed.has(u)) ?? [];
    const note = kmsDestroyNote(exported, kept, new Date(run.now()));
    return run.checkTargets(
      run.result(Status.succeeded, changesFrom(res.summary?.resourceChanges, run.collector), {
        ...(protectedUrns.length > 0 ? { protectedResources: protectedUrns } : {}),
        ...(note ? { note } : {}),
      }),
    );
  } catch (e) {
    return run.failure(stack, e, changesFrom(undefined, run.collector));
  }
}

async function outputs(run: Run, stack: StackHandle): Promise<EnvResult> {
  try {
    return run.result(Status.succeeded, "unknown", {
      outputs: maskOutputs(await stack.outputs(), run.job.options.showSecrets ?? false),
    });
  } catch (e) {
    return run.result(Status.failed, "unknown", { error: errorSummary(e) });
  }
}

async function cancel(run: Run, stack: StackHandle): Promise<EnvResult> {
  const spec = run.job.spec;
  const holders = readDiyLocks(spec.backendUrl, spec.projectName, spec.stackName);
  const live = holders.filter((h) => holderAlive(h) === true);
  if (live.length > 0 && !run.job.options.force) {
    return run.result(Status.blocked, "unknown", {
      lock: live,
      error:
        `the update holding ${run.env}'s lock is still running (${live.map((h) => `pid ${h.pid} on ${h.host}`).join(", ")}); ` +
        `cancelling would let a second writer in while it writes state. Stop it (Ctrl-C in its terminal, or \`npx platform\`'s own abort), ` +
        `or pass --force if you are sure.`,
    });
  }
  if (spec.backendUrl.startsWith("file://") && holders.length === 0) {
    return run.result(Status.succeeded, "unknown", { note: "no lock held; nothing to cancel" });
  }
  try {
    await stack.cancel();
    return run.result(Status.succeeded, "unknown", { lock: holders });
  } catch (e) {
    return run.result(Status.failed, "unknown", { error: errorSummary(e) });
  }
}

async function inspectOnly(run: Run, stack: StackHandle): Promise<EnvResult> {
  const { pending, staleLock, holders } = await run.inspect(stack);
  const recovery = recoveryFor(run.env, pending, staleLock, run.job.spec.cliFlags);
  return run.result(Status.aborted, "unknown", {
    ...(pending.length > 0 ? { pendingOperations: pending } : {}),
    ...(holders.length > 0 ? { lock: holders } : {}),
    ...(recovery.length > 0 ? { recovery } : {}),
  });
}

const VERBS = { up, preview, refresh, destroy, outputs, cancel, [INSPECT]: inspectOnly } as const;

/**
 * Runs one job against one stack and returns its result; never throws for engine failures (they
 * become statuses), nor for a missing stack. Throws {@link PulumiCliError} for a missing or
 * too-old Pulumi CLI: that stops the whole run.
 *
 * @example
 * ```ts
 * const result = await runOperation({ verb: "up", spec, options: {} }, { factory: createLocalStack, program, signal, emit: console.log });
 * ```
 */
export async function runOperation(job: Job, ctx: OperationContext): Promise<EnvResult> {
  const run = new Run(job, ctx);
  const mode = job.verb === Verb.up || job.verb === Verb.preview ? OpenMode.createOrSelect : OpenMode.select;
  let stack: StackHandle;
  try {
    stack = await ctx.factory(job.spec, ctx.program, mode);
  } catch (e) {
    if (e instanceof PulumiCliError) throw e; // stops the whole run
    if (isStackNotFound(e)) {
      if (job.verb === Verb.destroy || job.verb === Verb.cancel || job.verb === INSPECT) {
        return run.result(
          job.verb === INSPECT ? Status.aborted : Status.succeeded,
          {},
          { note: `stack ${job.spec.stackName} does not exist; nothing to ${job.verb}` },
        );
      }
      return run.result(Status.failed, "unknown", {
        error: `stack ${job.spec.stackName} does not exist in ${job.spec.backendUrl}; create it with \`npx platform up --env ${job.spec.env}\``,
      });
    }
    return run.result(ctx.signal.aborted ? Status.aborted : Status.failed, "unknown", {
      error: errorSummary(e),
    });
  }
  return VERBS[job.verb](run, stack);
}
