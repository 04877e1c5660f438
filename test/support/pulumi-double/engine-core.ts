/**
 * The engine's core: snapshot, events, provider operations with faults, deletes, refresh, destroy.
 */
import * as crypto from "node:crypto";
import { diagnosticEvent, stateMetadata, stepMetadata, type Op, type StepMetadata } from "./events";
import { Semaphore, StepFailure, type DeploymentOptions } from "./engine-types";
import { makeSecret, type Props } from "./props";
import type { PendingOperation, ResourceState } from "./state";
import { isDefaultProvider, matchesUrn, protectedClosure, ROOT_STACK_TYPE, type StepPlan } from "./steps";
import { trace, untilExists } from "./trace";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * State and bookkeeping of one deployment, and the phases that do not involve the program:
 * events, the journaled snapshot, provider operations with faults, deletes, refresh, destroy.
 */
export abstract class DeploymentCore {
  protected readonly olds = new Map<string, ResourceState>();
  protected readonly news = new Map<string, ResourceState>();
  protected readonly visited = new Set<ResourceState>();
  /** Old states replaced by a new state in `news`. */
  protected readonly superseded = new Set<ResourceState>();
  protected readonly deleted = new Set<ResourceState>();
  protected readonly pendingDeletes: ResourceState[] = [];
  protected readonly pending = new Map<string, PendingOperation>();
  protected readonly stepOps = new Map<string, Op>();
  protected readonly componentStarts = new Map<string, number>();
  protected readonly defaultProviders = new Map<string, Promise<string>>();
  protected readonly inflight = new Set<Promise<unknown>>();
  protected readonly sem: Semaphore;
  protected opsStarted = 0;
  /** Counts of logical steps (the summary's `resourceChanges`). */
  readonly changes: Record<string, number> = {};
  /** Set when a step failed. */
  failed = false;
  /** Set once new registrations are refused (failure without --continue-on-error, or cancel). */
  stopping = false;
  /** Set by a graceful cancel (first SIGINT). */
  canceled = false;
  /** URN of the root stack resource. */
  rootUrn = "";

  constructor(protected readonly o: DeploymentOptions) {
    for (const r of o.olds) if (!r.delete && !this.olds.has(r.urn)) this.olds.set(r.urn, r);
    this.sem = new Semaphore(Math.max(1, o.parallel));
  }

  // ---- events -------------------------------------------------------------------------------

  protected meta(
    op: Op,
    urn: string,
    type: string,
    old?: ResourceState,
    neu?: ResourceState,
    plan?: StepPlan,
    pre = true,
  ) {
    // Pre-events show the new state before the provider ran (no outputs, no id unless unchanged);
    // outputs events show it afterwards.
    return stepMetadata({
      op,
      urn,
      type,
      old: stateMetadata(old),
      new: stateMetadata(neu, { outputs: !pre, id: !pre || op === "same" }),
      keys: plan?.keys,
      diffs: plan?.diffs,
      detailedDiff: plan?.detailedDiff,
      provider: (neu ?? old)?.provider ?? "",
    });
  }

  protected emitPre(md: StepMetadata, s: ResourceState, oldState?: ResourceState, plan?: StepPlan) {
    if (isDefaultProvider(s)) return;
    this.o.events.emit({ resourcePreEvent: { metadata: md, ...(this.o.dryRun ? { planning: true } : {}) } });
    if (this.o.dryRun) {
      this.o.display.recordStep({
        op: md.op,
        urn: md.urn,
        provider: md.provider || undefined,
        oldState: oldState,
        newState: md.op === "delete" || md.op === "delete-replaced" ? undefined : s,
        diffReasons: plan?.diffs,
        replaceReasons: plan?.keys,
        detailedDiff: plan?.detailedDiff
          ? Object.fromEntries(
              Object.entries(plan.detailedDiff).map(([k, v]) => [
                k,
                { kind: v.diffKind, inputDiff: v.inputDiff },
              ]),
            )
          : null,
      });
    }
  }

  protected emitOutputs(md: StepMetadata, s: ResourceState) {
    if (isDefaultProvider(s)) return;
    this.o.events.emit({ resOutputsEvent: { metadata: md, ...(this.o.dryRun ? { planning: true } : {}) } });
  }

  protected count(op: Op, s: ResourceState) {
    if (isDefaultProvider(s)) return;
    this.changes[op] = (this.changes[op] ?? 0) + 1;
  }

  /** Emits a diagnostic event and records it for the display. */
  diag(severity: "error" | "warning" | "info" | "debug", message: string, urn?: string): void {
    this.o.events.emit(diagnosticEvent(severity, message, urn));
    if (severity !== "debug") this.o.display.diagnostic(severity, message, urn);
  }

  // ---- snapshot -----------------------------------------------------------------------------

  /**
   * The snapshot as it stands: new states in registration order, then the old states they did not
   * supersede (untouched, failed, or originals awaiting their delete-replaced step).
   */
  snapshot(): ResourceState[] {
    const out: ResourceState[] = [...this.news.values()];
    for (const r of this.o.olds) {
      if (this.deleted.has(r)) continue;
      if (this.pendingDeletes.includes(r)) out.push({ ...r, delete: true });
      else if (!this.superseded.has(r) && (r.delete || !this.news.has(r.urn))) out.push(r);
    }
    return out;
  }

  protected journal() {
    if (!this.o.dryRun) this.o.persist(this.snapshot(), [...this.pending.values()]);
  }

  // ---- provider operations ------------------------------------------------------------------

  protected async providerOp<T>(kind: PendingOperation["type"], s: ResourceState, fn: () => T): Promise<T> {
    await this.sem.acquire();
    const key = `${kind}:${s.urn}:${crypto.randomUUID()}`;
    try {
      this.opsStarted++;
      this.pending.set(key, { resource: s, type: kind });
      this.journal();
      const { crashAfter, delayMs, failOn, holdFile, traceFile } = this.o.faults;
      trace(traceFile, this.o.stack, { event: "op-start", kind, urn: s.urn });
      if (crashAfter !== undefined && this.opsStarted > crashAfter) {
        process.stderr.write(`pulumi-double: PULUMI_DOUBLE_CRASH_AFTER=${crashAfter}: killing the CLI\n`);
        process.kill(process.pid, "SIGKILL");
        await new Promise<never>(() => undefined); // the signal is on its way: never go on
      }
      if (delayMs > 0) await sleep(delayMs);
      if (holdFile !== undefined) {
        trace(traceFile, this.o.stack, { event: "op-held", kind, urn: s.urn });
        await untilExists(holdFile.replaceAll("{stack}", this.o.stack));
      }
      const name = s.urn.split("::").pop();
      if (failOn !== undefined && name === failOn) {
        const verb = {
          creating: "creating",
          updating: "updating",
          deleting: "deleting",
          reading: "reading",
          importing: "importing",
        }[kind];
        throw new StepFailure(
          `${verb} ${s.urn}: pulumi-double: injected provider error (PULUMI_DOUBLE_FAIL_ON=${failOn})`,
          kind === "deleting" ? 0 : 2,
        );
      }
      return fn();
    } finally {
      this.pending.delete(key);
      this.sem.release();
      trace(this.o.faults.traceFile, this.o.stack, { event: "op-done", kind, urn: s.urn });
    }
  }

  protected track<T>(p: Promise<T>): Promise<T> {
    this.inflight.add(p);
    void p.finally(() => this.inflight.delete(p)).catch(() => undefined);
    return p;
  }

  /** Waits for every in-flight registration. */
  async drain(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  protected isTargeted(urn: string): boolean {
    if (this.o.excludes.some((p) => matchesUrn(p, urn))) return false;
    return this.o.targets.length === 0 || this.o.targets.some((p) => matchesUrn(p, urn));
  }

  protected secretOutputs(outputs: Props, names: readonly string[]): Props {
    const out = { ...outputs };
    for (const k of names) if (k in out) out[k] = makeSecret(out[k]);
    return out;
  }

  protected failStep(md: StepMetadata, e: unknown, urn: string, op: Op, started: number, steps = 1): never {
    if (e instanceof StepFailure) {
      this.o.events.emit({ resOpFailedEvent: { metadata: md, status: e.status, steps } });
      this.o.display.stepDone(op, urn, (Date.now() - started) / 1000, true);
    }
    throw e;
  }

  // ---- deletes, refresh, destroy ------------------------------------------------------------

  private async deleteOne(r: ResourceState, op: "delete" | "delete-replaced"): Promise<void> {
    const md = stepMetadata({
      op,
      urn: r.urn,
      type: r.type,
      old: stateMetadata(op === "delete" ? r : { ...r, delete: true }),
      new: null,
      provider: r.provider,
    });
    this.emitPre(md, r, r);
    const shown = !isDefaultProvider(r);
    if (shown) this.o.display.stepStart(op, r.urn);
    const started = Date.now();
    if (op === "delete" && r.protect) {
      const msg =
        `resource "${r.urn}" cannot be deleted\nbecause it is protected. To unprotect the resource, either remove the ` +
        "`protect` flag from the resource in your Pulumi program and run `pulumi up`, or use the command:\n" +
        `\`pulumi state unprotect '${r.urn}'\``;
      this.failStep(md, new StepFailure(msg, 0), r.urn, op, started);
    }
    if (!this.o.dryRun && r.custom && !r.retainOnDelete && !isDefaultProvider(r)) {
      try {
        await this.providerOp("deleting", r, () => undefined);
      } catch (e) {
        this.failStep(md, e, r.urn, op, started);
      }
    }
    this.deleted.add(r);
    this.journal();
    this.emitOutputs(md, r);
    if (shown) this.o.display.stepDone(op, r.urn, (Date.now() - started) / 1000);
    if (op === "delete") this.count("delete", r);
  }

  private async runDeletes(list: { r: ResourceState; op: "delete" | "delete-replaced" }[]): Promise<void> {
    for (const { r, op } of list) {
      if (this.canceled) return;
      try {
        await this.deleteOne(r, op);
      } catch (e) {
        if (!(e instanceof StepFailure)) throw e;
        this.failed = true;
        this.diag("error", e.message, r.urn);
        if (!this.o.continueOnError) return;
      }
    }
  }

  private providerUrnsUsedBy(resources: Iterable<ResourceState>): Set<string> {
    const used = new Set<string>();
    for (const r of resources) if (r.provider) used.add(r.provider.split("::").slice(0, -1).join("::"));
    return used;
  }

  /** After the program: deletes of removed resources and replaced originals, in reverse order. */
  async deleteRemoved(): Promise<void> {
    const live = (r: ResourceState) => !this.visited.has(r) && !this.deleted.has(r) && !r.delete;
    const doomed = new Set(
      this.o.olds.filter((r) => live(r) && !isDefaultProvider(r) && this.isTargeted(r.urn)),
    );
    const survivors = [...this.news.values(), ...this.o.olds.filter((r) => live(r) && !doomed.has(r))];
    const used = this.providerUrnsUsedBy(survivors);
    for (const r of this.o.olds) if (live(r) && isDefaultProvider(r) && !used.has(r.urn)) doomed.add(r);
    const list: { r: ResourceState; op: "delete" | "delete-replaced" }[] = [];
    for (const r of [...this.o.olds].reverse()) {
      if (this.deleted.has(r)) continue;
      if (r.delete || this.pendingDeletes.includes(r)) list.push({ r, op: "delete-replaced" });
      else if (doomed.has(r)) list.push({ r, op: "delete" });
    }
    await this.runDeletes(list);
  }

  /** `pulumi destroy`: deletes everything (targets / --exclude-protected respected). */
  async destroyAll(): Promise<void> {
    const keep = this.o.excludeProtected ? protectedClosure(this.o.olds) : new Set<string>();
    const doomed = new Set(
      this.o.olds.filter(
        (r) => !isDefaultProvider(r) && !keep.has(r.urn) && (r.delete || this.isTargeted(r.urn)),
      ),
    );
    const used = this.providerUrnsUsedBy(this.o.olds.filter((r) => !doomed.has(r)));
    for (const r of this.o.olds) if (isDefaultProvider(r) && !used.has(r.urn)) doomed.add(r);
    const list = [...this.o.olds]
      .reverse()
      .filter((r) => doomed.has(r))
      .map((r) => ({ r, op: r.delete ? ("delete-replaced" as const) : ("delete" as const) }));
    await this.runDeletes(list);
  }

  /**
   * `up --refresh` / `preview --refresh`: reads every custom resource back before the update. The
   * double's cloud never drifts, so this only costs provider operations (delays and faults apply);
   * no steps are shown or counted.
   */
  async refreshQuietly(): Promise<void> {
    if (this.o.dryRun) return;
    for (const r of this.o.olds) {
      if (!r.custom || r.delete || isDefaultProvider(r)) continue;
      try {
        await this.providerOp("reading", r, () => undefined);
      } catch (e) {
        if (!(e instanceof StepFailure)) throw e;
        this.failed = true;
        this.stopping = true;
        this.diag("error", e.message, r.urn);
        return;
      }
    }
  }

  /** `pulumi refresh`: reads every custom resource back from the (never drifting) provider. */
  async refreshAll(): Promise<void> {
    for (const r of this.o.olds) {
      if (this.canceled || (this.stopping && !this.o.continueOnError)) break;
      if (isDefaultProvider(r) || r.delete || !this.isTargeted(r.urn)) continue;
      if (!r.custom) {
        this.count("same", r);
        continue;
      }
      const md = this.meta("refresh", r.urn, r.type, r, r, undefined, false);
      this.emitPre(md, r, r);
      this.o.display.stepStart("refresh", r.urn);
      const started = Date.now();
      try {
        if (!this.o.dryRun || this.o.faults.failOn) await this.providerOp("reading", r, () => undefined);
      } catch (e) {
        if (!(e instanceof StepFailure)) throw e;
        this.o.events.emit({ resOpFailedEvent: { metadata: md, status: e.status, steps: 1 } });
        this.o.display.stepDone("refresh", r.urn, (Date.now() - started) / 1000, true);
        this.failed = true;
        this.stopping = true;
        this.diag("error", e.message, r.urn);
        continue;
      }
      this.emitOutputs(md, r);
      this.o.display.stepDone("refresh", r.urn, (Date.now() - started) / 1000);
      this.count("same", r);
    }
    this.journal();
  }

  /** The root stack's outputs in the new snapshot (old ones when the stack was not re-registered). */
  stackOutputs(): Props | undefined {
    const root = [...this.snapshot()].find((r) => r.type === ROOT_STACK_TYPE && !r.parent);
    return root?.outputs;
  }
}

/** The current time as the checkpoint spells it. */
export function now(): string {
  return new Date().toISOString();
}
