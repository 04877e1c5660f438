/**
 * The deployment engine of the double: turns resource registrations into steps against the old
 * checkpoint, runs them through the built-in provider (with injected faults), keeps the new
 * snapshot journaled after every step, and emits engine events as the real engine does.
 */
import * as crypto from "node:crypto";
import type { Display, OperationKind } from "./display";
import {
  diagnosticEvent,
  stateMetadata,
  stepMetadata,
  type EventSink,
  type Op,
  type StepMetadata,
} from "./events";
import { applyIgnoreChanges, makeSecret, UNKNOWN, type Props } from "./props";
import { packageOf, providerCreate, providerUpdate } from "./provider";
import type { PendingOperation, ResourceState } from "./state";
import {
  isDefaultProvider,
  isProviderType,
  makeUrn,
  matchesUrn,
  planStep,
  protectedClosure,
  ROOT_STACK_TYPE,
  type StepPlan,
} from "./steps";

/** gRPC status codes the engine answers with. */
export const Status = {
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  NOT_FOUND: 5,
  UNIMPLEMENTED: 12,
  UNAVAILABLE: 14,
} as const;

/** A failure the monitor reports to the program as a gRPC error. */
export class GrpcFailure extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** A failed resource operation (provider error, protect violation). */
class StepFailure extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Faults injected through the environment of the CLI process. */
export interface Faults {
  /** PULUMI_DOUBLE_FAIL_ON: logical name of a resource whose provider operations fail. */
  failOn?: string;
  /** PULUMI_DOUBLE_DELAY_MS: sleep per provider operation. */
  delayMs: number;
  /** PULUMI_DOUBLE_CRASH_AFTER: SIGKILL self when starting provider operation n+1. */
  crashAfter?: number;
}

/** Reads the fault variables. */
export function faultsFromEnv(env: NodeJS.ProcessEnv): Faults {
  const n = (v: string | undefined) =>
    v !== undefined && v !== "" && !isNaN(Number(v)) ? Number(v) : undefined;
  return {
    failOn: env["PULUMI_DOUBLE_FAIL_ON"] || undefined,
    delayMs: n(env["PULUMI_DOUBLE_DELAY_MS"]) ?? 0,
    crashAfter: n(env["PULUMI_DOUBLE_CRASH_AFTER"]),
  };
}

/** A RegisterResource request, decoded. */
export interface RegisterRequest {
  type: string;
  name: string;
  parent: string;
  custom: boolean;
  remote: boolean;
  object: Props;
  protect?: boolean;
  dependencies: string[];
  provider: string;
  propertyDependencies: Record<string, string[]>;
  deleteBeforeReplace: boolean;
  version: string;
  ignoreChanges: string[];
  additionalSecretOutputs: string[];
  aliasURNs: string[];
  importId: string;
  replaceOnChanges: string[];
  retainOnDelete?: boolean;
  deletedWith: string;
  supportsResultReporting: boolean;
}

/** What RegisterResource answers. */
export interface RegisterResult {
  urn: string;
  id: string;
  object: Props;
  /** 0 success, 1 failed (only with result reporting and --continue-on-error). */
  result: number;
}

/** Options of one deployment. */
export interface DeploymentOptions {
  kind: OperationKind;
  dryRun: boolean;
  project: string;
  stack: string;
  olds: ResourceState[];
  pendingOperations: PendingOperation[];
  /** Plaintext runtime config (the provider reads `gcp:project` and friends). */
  config: Props;
  events: EventSink;
  display: Display;
  /** Journals the snapshot (not called in dry runs). */
  persist: (resources: ResourceState[], pending: PendingOperation[]) => void;
  parallel: number;
  targets: string[];
  replaceTargets: string[];
  excludes: string[];
  continueOnError: boolean;
  excludeProtected: boolean;
  faults: Faults;
}

class Semaphore {
  private active = 0;
  private readonly waiters: (() => void)[] = [];
  constructor(private readonly limit: number) {}
  async acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return;
    }
    await new Promise<void>((r) => this.waiters.push(r));
    this.active++;
  }
  release(): void {
    this.active--;
    this.waiters.shift()?.();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One update / preview / refresh / destroy. */
export class Deployment {
  private readonly olds = new Map<string, ResourceState>();
  private readonly news = new Map<string, ResourceState>();
  private readonly visited = new Set<ResourceState>();
  /** Old states replaced by a new state in `news`. */
  private readonly superseded = new Set<ResourceState>();
  private readonly deleted = new Set<ResourceState>();
  private readonly pendingDeletes: ResourceState[] = [];
  private readonly pending = new Map<string, PendingOperation>();
  private readonly stepOps = new Map<string, Op>();
  private readonly componentStarts = new Map<string, number>();
  private readonly defaultProviders = new Map<string, Promise<string>>();
  private readonly inflight = new Set<Promise<unknown>>();
  private readonly sem: Semaphore;
  private opsStarted = 0;
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

  constructor(private readonly o: DeploymentOptions) {
    for (const r of o.olds) if (!r.delete && !this.olds.has(r.urn)) this.olds.set(r.urn, r);
    this.sem = new Semaphore(Math.max(1, o.parallel));
  }

  // ---- events -------------------------------------------------------------------------------

  private meta(
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

  private emitPre(md: StepMetadata, s: ResourceState, oldState?: ResourceState, plan?: StepPlan) {
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

  private emitOutputs(md: StepMetadata, s: ResourceState) {
    if (isDefaultProvider(s)) return;
    this.o.events.emit({ resOutputsEvent: { metadata: md, ...(this.o.dryRun ? { planning: true } : {}) } });
  }

  private count(op: Op, s: ResourceState) {
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

  private journal() {
    if (!this.o.dryRun) this.o.persist(this.snapshot(), [...this.pending.values()]);
  }

  // ---- provider operations ------------------------------------------------------------------

  private async providerOp<T>(kind: PendingOperation["type"], s: ResourceState, fn: () => T): Promise<T> {
    await this.sem.acquire();
    const key = `${kind}:${s.urn}:${crypto.randomUUID()}`;
    try {
      this.opsStarted++;
      this.pending.set(key, { resource: s, type: kind });
      this.journal();
      const { crashAfter, delayMs, failOn } = this.o.faults;
      if (crashAfter !== undefined && this.opsStarted > crashAfter) {
        process.stderr.write(`pulumi-double: PULUMI_DOUBLE_CRASH_AFTER=${crashAfter}: killing the CLI\n`);
        process.kill(process.pid, "SIGKILL");
        await sleep(60_000);
      }
      if (delayMs > 0) await sleep(delayMs);
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
    }
  }

  private async ensureDefaultProvider(pkg: string, version: string): Promise<string> {
    const name = version ? `default_${version.replace(/[.+-]/g, "_")}` : "default";
    const urn = makeUrn(this.o.stack, this.o.project, `pulumi:providers:${pkg}`, name, "");
    let p = this.defaultProviders.get(urn);
    if (!p) {
      p = (async () => {
        const old = this.olds.get(urn);
        const inputs: Props = version ? { version } : {};
        let state: ResourceState;
        if (old) {
          this.visited.add(old);
          this.superseded.add(old);
          state = { ...old, inputs, outputs: { ...inputs } };
        } else {
          const id = this.o.dryRun ? UNKNOWN : crypto.randomUUID();
          state = {
            urn,
            custom: true,
            id,
            type: `pulumi:providers:${pkg}`,
            inputs,
            outputs: { ...inputs },
            created: now(),
            modified: now(),
          };
        }
        this.news.set(urn, state);
        this.journal();
        return `${urn}::${state.id}`;
      })();
      this.defaultProviders.set(urn, p);
    }
    return p;
  }

  // ---- registrations ------------------------------------------------------------------------

  private track<T>(p: Promise<T>): Promise<T> {
    this.inflight.add(p);
    void p.finally(() => this.inflight.delete(p)).catch(() => undefined);
    return p;
  }

  /** Waits for every in-flight registration. */
  async drain(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  /** RegisterResource. */
  registerResource(req: RegisterRequest): Promise<RegisterResult> {
    return this.track(this.doRegister(req));
  }

  private isTargeted(urn: string): boolean {
    if (this.o.excludes.some((p) => matchesUrn(p, urn))) return false;
    return this.o.targets.length === 0 || this.o.targets.some((p) => matchesUrn(p, urn));
  }

  private async doRegister(req: RegisterRequest): Promise<RegisterResult> {
    if (this.stopping)
      throw new GrpcFailure(
        Status.UNAVAILABLE,
        "resource monitor shut down while waiting on step's done channel",
      );
    if (req.remote)
      throw new GrpcFailure(
        Status.UNIMPLEMENTED,
        `pulumi-double: remote components (multi-language packages) are not supported: ${req.type}`,
      );
    const urn = makeUrn(this.o.stack, this.o.project, req.type, req.name, req.parent);
    if (this.news.has(urn) || this.stepOps.has(urn)) {
      const msg = `Duplicate resource URN '${urn}'; try giving it a unique name`;
      this.diag("error", msg, urn);
      this.failed = true;
      throw new GrpcFailure(Status.INVALID_ARGUMENT, msg);
    }
    this.stepOps.set(urn, "same");
    if (req.type === ROOT_STACK_TYPE && !req.parent) this.rootUrn = urn;
    let provider = "";
    if (req.custom && !isProviderType(req.type)) {
      provider = req.provider || (await this.ensureDefaultProvider(packageOf(req.type), req.version));
    }
    let old = this.olds.get(urn);
    for (const alias of req.aliasURNs) old ??= this.olds.get(alias);
    if (old) this.visited.add(old);
    const inputs = old ? applyIgnoreChanges(old.inputs ?? {}, req.object, req.ignoreChanges) : req.object;
    const neu: ResourceState = {
      urn,
      custom: req.custom,
      type: req.type,
      inputs,
      outputs: {},
      ...(req.parent ? { parent: req.parent } : {}),
      ...(req.protect ? { protect: true } : {}),
      dependencies: [...req.dependencies],
      ...(provider ? { provider } : {}),
      propertyDependencies: req.propertyDependencies,
      ...(req.additionalSecretOutputs.length ? { additionalSecretOutputs: req.additionalSecretOutputs } : {}),
      ...(req.retainOnDelete ? { retainOnDelete: true } : {}),
      ...(req.ignoreChanges.length ? { ignoreChanges: req.ignoreChanges } : {}),
      ...(req.replaceOnChanges.length ? { replaceOnChanges: req.replaceOnChanges } : {}),
      ...(req.importId ? { importID: req.importId } : {}),
      created: old?.created ?? now(),
      modified: old?.modified ?? now(),
    };
    if (!this.isTargeted(urn) && urn !== this.rootUrn) {
      if (old) {
        this.news.set(urn, old);
        this.superseded.add(old);
        this.count("same", old);
        return { urn, id: old.id ?? "", object: old.outputs ?? {}, result: 0 };
      }
      this.stepOps.delete(urn);
      return { urn, id: "", object: req.object, result: 0 };
    }
    const plan = planStep({
      old,
      type: req.type,
      custom: req.custom,
      inputs,
      ignoreChanges: req.ignoreChanges,
      replaceOnChanges: req.replaceOnChanges,
      forceReplace: this.o.replaceTargets.some((p) => matchesUrn(p, urn)),
      importId: req.importId || undefined,
    });
    this.stepOps.set(urn, plan.op);
    try {
      const state = await this.execute(plan, neu, old, req);
      if (old && !this.pendingDeletes.includes(old)) this.superseded.add(old);
      const outputs = state.outputs ?? {};
      return { urn, id: req.custom ? (state.id ?? "") : "", object: req.custom ? outputs : {}, result: 0 };
    } catch (e) {
      if (!(e instanceof StepFailure)) throw e;
      this.failed = true;
      this.diag("error", e.message, urn);
      if (!this.o.continueOnError) {
        this.stopping = true;
        throw new GrpcFailure(
          Status.UNAVAILABLE,
          "resource monitor shut down while waiting on step's done channel",
        );
      }
      return { urn, id: "", object: {}, result: 1 };
    }
  }

  private secretOutputs(outputs: Props, names: readonly string[]): Props {
    const out = { ...outputs };
    for (const k of names) if (k in out) out[k] = makeSecret(out[k]);
    return out;
  }

  private failStep(md: StepMetadata, e: unknown, urn: string, op: Op, started: number, steps = 1): never {
    if (e instanceof StepFailure) {
      this.o.events.emit({ resOpFailedEvent: { metadata: md, status: e.status, steps } });
      this.o.display.stepDone(op, urn, (Date.now() - started) / 1000, true);
    }
    throw e;
  }

  private async execute(
    plan: StepPlan,
    neu: ResourceState,
    old: ResourceState | undefined,
    req: RegisterRequest,
  ): Promise<ResourceState> {
    const { urn, type } = neu;
    const dry = this.o.dryRun;
    const name = req.name;
    if (plan.op === "same") {
      const s: ResourceState = { ...neu, id: old!.id, outputs: old!.outputs ?? {} };
      this.emitPre(this.meta("same", urn, type, old, s, plan), s, old, plan);
      this.news.set(urn, s);
      this.journal();
      if (req.custom || dry) this.emitOutputs(this.meta("same", urn, type, old, s, plan, false), s);
      this.count("same", s);
      return s;
    }
    if (plan.op === "create" || plan.op === "import") {
      const md = this.meta(plan.op, urn, type, undefined, neu, plan);
      this.emitPre(md, neu, undefined, plan);
      this.o.display.stepStart(plan.op, urn);
      const started = Date.now();
      let s: ResourceState;
      if (!req.custom) s = { ...neu, outputs: {} };
      else if (dry) s = { ...neu, id: plan.op === "import" ? req.importId : "", outputs: { ...neu.inputs } };
      else {
        try {
          const r = await this.providerOp(plan.op === "import" ? "importing" : "creating", neu, () =>
            providerCreate(type, name, neu.inputs ?? {}, this.o.config),
          );
          const id = plan.op === "import" ? req.importId : r.id;
          s = { ...neu, id, outputs: this.secretOutputs({ ...r.outputs, id }, req.additionalSecretOutputs) };
        } catch (e) {
          this.failStep(md, e, urn, plan.op, started);
        }
      }
      this.news.set(urn, s);
      this.journal();
      if (req.custom || dry) this.emitOutputs(this.meta(plan.op, urn, type, undefined, s, plan, false), s);
      if (req.custom) this.o.display.stepDone(plan.op, urn, (Date.now() - started) / 1000);
      else this.componentStarts.set(urn, started);
      this.count(plan.op, s);
      return s;
    }
    if (plan.op === "update") {
      const md = this.meta("update", urn, type, old, neu, plan);
      this.emitPre(md, neu, old, plan);
      this.o.display.stepStart("update", urn, {
        keys: plan.keys,
        diffs: plan.diffs,
        olds: old!.inputs,
        news: neu.inputs,
      });
      const started = Date.now();
      let s: ResourceState;
      const merge = () =>
        providerUpdate(old!.id ?? "", old!.outputs ?? {}, old!.inputs ?? {}, neu.inputs ?? {});
      if (!req.custom) s = { ...neu, outputs: old!.outputs ?? {} };
      else if (dry) s = { ...neu, id: old!.id, outputs: merge() };
      else {
        try {
          const outs = await this.providerOp("updating", { ...neu, id: old!.id }, merge);
          s = {
            ...neu,
            id: old!.id,
            outputs: this.secretOutputs(outs, req.additionalSecretOutputs),
            modified: now(),
          };
        } catch (e) {
          this.failStep(md, e, urn, "update", started);
        }
      }
      this.news.set(urn, s);
      this.journal();
      if (req.custom || dry) this.emitOutputs(this.meta("update", urn, type, old, s, plan, false), s);
      if (req.custom) this.o.display.stepDone("update", urn, (Date.now() - started) / 1000);
      else this.componentStarts.set(urn, started);
      this.count("update", s);
      return s;
    }
    return this.replace(plan, neu, old!, req);
  }

  private async replace(
    plan: StepPlan,
    neu: ResourceState,
    old: ResourceState,
    req: RegisterRequest,
  ): Promise<ResourceState> {
    const { urn, type } = neu;
    const dry = this.o.dryRun;
    const started = Date.now();
    if (old.protect) {
      const md = this.meta("replace", urn, type, old, neu, plan);
      const msg =
        `unable to replace resource "${urn}"\nas it is currently marked for protection. To unprotect the resource, ` +
        "remove the `protect` flag from the resource in your Pulumi program and run `pulumi up`";
      this.emitPre(md, neu, old, plan);
      this.failStep(md, new StepFailure(msg, 0), urn, "replace", started);
    }
    const condemned: ResourceState = { ...old, delete: true };
    const createNew = async (): Promise<ResourceState> => {
      const md = this.meta("create-replacement", urn, type, old, neu, plan);
      this.emitPre(md, neu, old, plan);
      this.o.display.stepStart("create-replacement", urn, {
        keys: plan.keys,
        diffs: plan.diffs,
        olds: old.inputs,
        news: neu.inputs,
      });
      if (dry) return { ...neu, id: "", outputs: { ...neu.inputs } };
      try {
        const r = await this.providerOp("creating", neu, () =>
          providerCreate(type, req.name, neu.inputs ?? {}, this.o.config),
        );
        const s = {
          ...neu,
          id: r.id,
          outputs: this.secretOutputs(r.outputs, req.additionalSecretOutputs),
          modified: now(),
        };
        this.o.display.stepDone("create-replacement", urn, (Date.now() - started) / 1000);
        return s;
      } catch (e) {
        this.failStep(md, e, urn, "create-replacement", started);
      }
    };
    const deleteOld = async () => {
      const md = stepMetadata({
        op: "delete-replaced",
        urn,
        type,
        old: stateMetadata(condemned),
        new: null,
        provider: old.provider,
      });
      this.emitPre(md, condemned, condemned);
      this.o.display.stepStart("delete-replaced", urn);
      if (!dry && !old.retainOnDelete) {
        try {
          await this.providerOp("deleting", condemned, () => undefined);
        } catch (e) {
          this.failStep(md, e, urn, "delete-replaced", started, 2);
        }
      }
      this.deleted.add(old);
      this.journal();
      this.emitOutputs(md, condemned);
      this.o.display.stepDone("delete-replaced", urn, (Date.now() - started) / 1000);
    };
    let s: ResourceState;
    if (dry)
      this.o.display.stepStart("replace", urn, {
        keys: plan.keys,
        diffs: plan.diffs,
        olds: old.inputs,
        news: neu.inputs,
      });
    if (req.deleteBeforeReplace) {
      await deleteOld();
      this.emitPre(this.meta("replace", urn, type, condemned, neu, plan), neu, old, plan);
      this.emitOutputs(this.meta("replace", urn, type, condemned, neu, plan, false), neu);
      s = await createNew();
      this.news.set(urn, s);
      this.journal();
      this.emitOutputs(this.meta("create-replacement", urn, type, condemned, s, plan, false), s);
    } else {
      s = await createNew();
      this.news.set(urn, s);
      this.pendingDeletes.push(old);
      this.journal();
      this.emitOutputs(this.meta("create-replacement", urn, type, condemned, s, plan, false), s);
      this.emitPre(this.meta("replace", urn, type, condemned, s, plan, false), s, old, plan);
      this.emitOutputs(this.meta("replace", urn, type, condemned, s, plan, false), s);
    }
    this.count("replace", s);
    return s;
  }

  /** RegisterResourceOutputs: component (and root stack) outputs. */
  registerOutputs(urn: string, outputs: Props): void {
    const s = this.news.get(urn);
    if (!s) return;
    const old = this.olds.get(urn);
    const updated: ResourceState = { ...s, outputs };
    this.news.set(urn, updated);
    this.journal();
    const op = this.stepOps.get(urn) ?? "same";
    this.emitOutputs(this.meta(op, urn, s.type, old, updated, undefined, false), updated);
    const started = this.componentStarts.get(urn);
    if (started !== undefined) {
      this.componentStarts.delete(urn);
      this.o.display.stepDone(op, urn, (Date.now() - started) / 1000);
    }
  }

  /** ReadResource: adopts an existing resource as external state (op `read`). */
  readResource(req: {
    type: string;
    name: string;
    parent: string;
    id: string;
    properties: Props;
    provider: string;
    version: string;
    dependencies: string[];
    additionalSecretOutputs: string[];
  }): Promise<{ urn: string; properties: Props }> {
    return this.track(
      (async () => {
        if (this.stopping) throw new GrpcFailure(Status.UNAVAILABLE, "resource monitor shut down");
        const urn = makeUrn(this.o.stack, this.o.project, req.type, req.name, req.parent);
        const provider = req.provider || (await this.ensureDefaultProvider(packageOf(req.type), req.version));
        const old = this.olds.get(urn);
        if (old) {
          this.visited.add(old);
          this.superseded.add(old);
        }
        const outputs = this.secretOutputs(
          { ...(old?.id === req.id ? old.outputs : {}), ...req.properties, id: req.id },
          req.additionalSecretOutputs,
        );
        const s: ResourceState = {
          urn,
          custom: true,
          id: req.id,
          type: req.type,
          inputs: {},
          outputs,
          external: true,
          ...(req.parent ? { parent: req.parent } : {}),
          dependencies: req.dependencies,
          provider,
          created: old?.created ?? now(),
          modified: now(),
        };
        this.stepOps.set(urn, "read");
        this.emitPre(this.meta("read", urn, req.type, old, s), s, old);
        this.news.set(urn, s);
        this.journal();
        this.emitOutputs(this.meta("read", urn, req.type, old, s, undefined, false), s);
        this.count("read", s);
        return { urn, properties: outputs };
      })(),
    );
  }

  /** `pulumi:pulumi:getResource`: the state of a resource registered now or in the old snapshot. */
  getResource(urn: string): { urn: string; id: string; state: Props } | undefined {
    const s = this.news.get(urn) ?? this.olds.get(urn);
    return s ? { urn: s.urn, id: s.id ?? "", state: s.outputs ?? {} } : undefined;
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

function now(): string {
  return new Date().toISOString();
}
