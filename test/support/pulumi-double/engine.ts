/**
 * The deployment engine of the double: turns resource registrations into steps against the old
 * checkpoint, runs them through the built-in provider (with injected faults), keeps the new
 * snapshot journaled after every step, and emits engine events as the real engine does.
 */
import * as crypto from "node:crypto";
import { DeploymentCore, now } from "./engine-core";
import { GrpcFailure, Status, StepFailure, type RegisterRequest, type RegisterResult } from "./engine-types";
import { stateMetadata, stepMetadata } from "./events";
import { applyIgnoreChanges, UNKNOWN, type Props } from "./props";
import { packageOf, providerCreate, providerUpdate } from "./provider";
import type { ResourceState } from "./state";
import { isProviderType, makeUrn, matchesUrn, planStep, ROOT_STACK_TYPE, type StepPlan } from "./steps";

export * from "./engine-types";

/** One update / preview / refresh / destroy. */
export class Deployment extends DeploymentCore {
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

  /** RegisterResource. */
  registerResource(req: RegisterRequest): Promise<RegisterResult> {
    return this.track(this.doRegister(req));
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
}
