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
exports.Deployment = exports.GrpcFailure = exports.Status = void 0;
exports.faultsFromEnv = faultsFromEnv;
/**
 * The deployment engine of the double: turns resource registrations into steps against the old
 * checkpoint, runs them through the built-in provider (with injected faults), keeps the new
 * snapshot journaled after every step, and emits engine events as the real engine does.
 */
const crypto = __importStar(require("node:crypto"));
const events_1 = require("./events");
const props_1 = require("./props");
const provider_1 = require("./provider");
const steps_1 = require("./steps");
/** gRPC status codes the engine answers with. */
exports.Status = { UNKNOWN: 2, INVALID_ARGUMENT: 3, NOT_FOUND: 5, UNIMPLEMENTED: 12, UNAVAILABLE: 14 };
/** A failure the monitor reports to the program as a gRPC error. */
class GrpcFailure extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
    }
}
exports.GrpcFailure = GrpcFailure;
/** A failed resource operation (provider error, protect violation). */
class StepFailure extends Error {
    status;
    constructor(message, status) {
        super(message);
        this.status = status;
    }
}
/** Reads the fault variables. */
function faultsFromEnv(env) {
    const n = (v) => (v !== undefined && v !== "" && !isNaN(Number(v)) ? Number(v) : undefined);
    return {
        failOn: env["PULUMI_DOUBLE_FAIL_ON"] || undefined,
        delayMs: n(env["PULUMI_DOUBLE_DELAY_MS"]) ?? 0,
        crashAfter: n(env["PULUMI_DOUBLE_CRASH_AFTER"]),
    };
}
class Semaphore {
    limit;
    active = 0;
    waiters = [];
    constructor(limit) {
        this.limit = limit;
    }
    async acquire() {
        if (this.active < this.limit) {
            this.active++;
            return;
        }
        await new Promise((r) => this.waiters.push(r));
        this.active++;
    }
    release() {
        this.active--;
        this.waiters.shift()?.();
    }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** One update / preview / refresh / destroy. */
class Deployment {
    o;
    olds = new Map();
    news = new Map();
    visited = new Set();
    deleted = new Set();
    pendingDeletes = [];
    pending = new Map();
    stepOps = new Map();
    componentStarts = new Map();
    defaultProviders = new Map();
    inflight = new Set();
    sem;
    opsStarted = 0;
    /** Counts of logical steps (the summary's `resourceChanges`). */
    changes = {};
    /** Set when a step failed. */
    failed = false;
    /** Set once new registrations are refused (failure without --continue-on-error, or cancel). */
    stopping = false;
    /** Set by a graceful cancel (first SIGINT). */
    canceled = false;
    /** URN of the root stack resource. */
    rootUrn = "";
    constructor(o) {
        this.o = o;
        for (const r of o.olds)
            if (!r.delete && !this.olds.has(r.urn))
                this.olds.set(r.urn, r);
        this.sem = new Semaphore(Math.max(1, o.parallel));
    }
    // ---- events -------------------------------------------------------------------------------
    meta(op, urn, type, old, neu, plan, pre = true) {
        // Pre-events show the new state before the provider ran (no outputs, no id unless unchanged);
        // outputs events show it afterwards.
        return (0, events_1.stepMetadata)({
            op,
            urn,
            type,
            old: (0, events_1.stateMetadata)(old),
            new: (0, events_1.stateMetadata)(neu, { outputs: !pre, id: !pre || op === "same" }),
            keys: plan?.keys,
            diffs: plan?.diffs,
            detailedDiff: plan?.detailedDiff,
            provider: (neu ?? old)?.provider ?? "",
        });
    }
    emitPre(md, s, oldState, plan) {
        if ((0, steps_1.isDefaultProvider)(s))
            return;
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
                    ? Object.fromEntries(Object.entries(plan.detailedDiff).map(([k, v]) => [k, { kind: v.diffKind, inputDiff: v.inputDiff }]))
                    : null,
            });
        }
    }
    emitOutputs(md, s) {
        if ((0, steps_1.isDefaultProvider)(s))
            return;
        this.o.events.emit({ resOutputsEvent: { metadata: md, ...(this.o.dryRun ? { planning: true } : {}) } });
    }
    count(op, s) {
        if ((0, steps_1.isDefaultProvider)(s))
            return;
        this.changes[op] = (this.changes[op] ?? 0) + 1;
    }
    /** Emits a diagnostic event and records it for the display. */
    diag(severity, message, urn) {
        this.o.events.emit((0, events_1.diagnosticEvent)(severity, message, urn));
        if (severity !== "debug")
            this.o.display.diagnostic(severity, message, urn);
    }
    // ---- snapshot -----------------------------------------------------------------------------
    /** The snapshot as it stands: new states, replaced originals awaiting deletion, untouched olds. */
    snapshot() {
        const out = [...this.news.values()];
        for (const r of this.o.olds) {
            if (this.deleted.has(r))
                continue;
            if (this.visited.has(r)) {
                if (this.pendingDeletes.includes(r))
                    out.push({ ...r, delete: true });
                continue;
            }
            out.push(r);
        }
        return out;
    }
    journal() {
        if (!this.o.dryRun)
            this.o.persist(this.snapshot(), [...this.pending.values()]);
    }
    // ---- provider operations ------------------------------------------------------------------
    async providerOp(kind, s, fn) {
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
            if (delayMs > 0)
                await sleep(delayMs);
            const name = s.urn.split("::").pop();
            if (failOn !== undefined && name === failOn) {
                const verb = { creating: "creating", updating: "updating", deleting: "deleting", reading: "reading", importing: "importing" }[kind];
                throw new StepFailure(`${verb} ${s.urn}: pulumi-double: injected provider error (PULUMI_DOUBLE_FAIL_ON=${failOn})`, kind === "deleting" ? 0 : 2);
            }
            return fn();
        }
        finally {
            this.pending.delete(key);
            this.sem.release();
        }
    }
    async ensureDefaultProvider(pkg, version) {
        const name = version ? `default_${version.replace(/[.+-]/g, "_")}` : "default";
        const urn = (0, steps_1.makeUrn)(this.o.stack, this.o.project, `pulumi:providers:${pkg}`, name, "");
        let p = this.defaultProviders.get(urn);
        if (!p) {
            p = (async () => {
                const old = this.olds.get(urn);
                const inputs = version ? { version } : {};
                let state;
                if (old) {
                    this.visited.add(old);
                    state = { ...old, inputs, outputs: { ...inputs } };
                }
                else {
                    const id = this.o.dryRun ? props_1.UNKNOWN : crypto.randomUUID();
                    state = { urn, custom: true, id, type: `pulumi:providers:${pkg}`, inputs, outputs: { ...inputs }, created: now(), modified: now() };
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
    track(p) {
        this.inflight.add(p);
        void p.finally(() => this.inflight.delete(p)).catch(() => undefined);
        return p;
    }
    /** Waits for every in-flight registration. */
    async drain() {
        while (this.inflight.size > 0)
            await Promise.allSettled([...this.inflight]);
    }
    /** RegisterResource. */
    registerResource(req) {
        return this.track(this.doRegister(req));
    }
    isTargeted(urn) {
        if (this.o.excludes.some((p) => (0, steps_1.matchesUrn)(p, urn)))
            return false;
        return this.o.targets.length === 0 || this.o.targets.some((p) => (0, steps_1.matchesUrn)(p, urn));
    }
    async doRegister(req) {
        if (this.stopping)
            throw new GrpcFailure(exports.Status.UNAVAILABLE, "resource monitor shut down while waiting on step's done channel");
        if (req.remote)
            throw new GrpcFailure(exports.Status.UNIMPLEMENTED, `pulumi-double: remote components (multi-language packages) are not supported: ${req.type}`);
        const urn = (0, steps_1.makeUrn)(this.o.stack, this.o.project, req.type, req.name, req.parent);
        if (this.news.has(urn) || this.stepOps.has(urn)) {
            const msg = `Duplicate resource URN '${urn}'; try giving it a unique name`;
            this.diag("error", msg, urn);
            this.failed = true;
            throw new GrpcFailure(exports.Status.INVALID_ARGUMENT, msg);
        }
        this.stepOps.set(urn, "same");
        if (req.type === steps_1.ROOT_STACK_TYPE && !req.parent)
            this.rootUrn = urn;
        let provider = "";
        if (req.custom && !(0, steps_1.isProviderType)(req.type)) {
            provider = req.provider || (await this.ensureDefaultProvider((0, provider_1.packageOf)(req.type), req.version));
        }
        let old = this.olds.get(urn);
        for (const alias of req.aliasURNs)
            old ??= this.olds.get(alias);
        if (old)
            this.visited.add(old);
        const inputs = old ? (0, props_1.applyIgnoreChanges)(old.inputs ?? {}, req.object, req.ignoreChanges) : req.object;
        const neu = {
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
                this.count("same", old);
                return { urn, id: old.id ?? "", object: old.outputs ?? {}, result: 0 };
            }
            this.stepOps.delete(urn);
            return { urn, id: "", object: req.object, result: 0 };
        }
        const plan = (0, steps_1.planStep)({
            old,
            type: req.type,
            custom: req.custom,
            inputs,
            ignoreChanges: req.ignoreChanges,
            replaceOnChanges: req.replaceOnChanges,
            forceReplace: this.o.replaceTargets.some((p) => (0, steps_1.matchesUrn)(p, urn)),
            importId: req.importId || undefined,
        });
        this.stepOps.set(urn, plan.op);
        try {
            const state = await this.execute(plan, neu, old, req);
            const outputs = state.outputs ?? {};
            return { urn, id: req.custom ? (state.id ?? "") : "", object: req.custom ? outputs : {}, result: 0 };
        }
        catch (e) {
            if (!(e instanceof StepFailure))
                throw e;
            this.failed = true;
            this.diag("error", e.message, urn);
            if (!this.o.continueOnError) {
                this.stopping = true;
                throw new GrpcFailure(exports.Status.UNAVAILABLE, "resource monitor shut down while waiting on step's done channel");
            }
            return { urn, id: "", object: {}, result: 1 };
        }
    }
    secretOutputs(outputs, names) {
        const out = { ...outputs };
        for (const k of names)
            if (k in out)
                out[k] = (0, props_1.makeSecret)(out[k]);
        return out;
    }
    failStep(md, e, urn, op, started, steps = 1) {
        if (e instanceof StepFailure) {
            this.o.events.emit({ resOpFailedEvent: { metadata: md, status: e.status, steps } });
            this.o.display.stepDone(op, urn, (Date.now() - started) / 1000, true);
        }
        throw e;
    }
    async execute(plan, neu, old, req) {
        const { urn, type } = neu;
        const dry = this.o.dryRun;
        const name = req.name;
        if (plan.op === "same") {
            const s = { ...neu, id: old.id, outputs: old.outputs ?? {} };
            this.emitPre(this.meta("same", urn, type, old, s, plan), s, old, plan);
            this.news.set(urn, s);
            this.journal();
            if (req.custom || dry)
                this.emitOutputs(this.meta("same", urn, type, old, s, plan, false), s);
            this.count("same", s);
            return s;
        }
        if (plan.op === "create" || plan.op === "import") {
            const md = this.meta(plan.op, urn, type, undefined, neu, plan);
            this.emitPre(md, neu, undefined, plan);
            this.o.display.stepStart(plan.op, urn);
            const started = Date.now();
            let s;
            if (!req.custom)
                s = { ...neu, outputs: {} };
            else if (dry)
                s = { ...neu, id: plan.op === "import" ? req.importId : "", outputs: { ...neu.inputs } };
            else {
                try {
                    const r = await this.providerOp(plan.op === "import" ? "importing" : "creating", neu, () => (0, provider_1.providerCreate)(type, name, neu.inputs ?? {}, this.o.config));
                    const id = plan.op === "import" ? req.importId : r.id;
                    s = { ...neu, id, outputs: this.secretOutputs({ ...r.outputs, id }, req.additionalSecretOutputs) };
                }
                catch (e) {
                    this.failStep(md, e, urn, plan.op, started);
                }
            }
            this.news.set(urn, s);
            this.journal();
            if (req.custom || dry)
                this.emitOutputs(this.meta(plan.op, urn, type, undefined, s, plan, false), s);
            if (req.custom)
                this.o.display.stepDone(plan.op, urn, (Date.now() - started) / 1000);
            else
                this.componentStarts.set(urn, started);
            this.count(plan.op, s);
            return s;
        }
        if (plan.op === "update") {
            const md = this.meta("update", urn, type, old, neu, plan);
            this.emitPre(md, neu, old, plan);
            this.o.display.stepStart("update", urn, { keys: plan.keys, diffs: plan.diffs, olds: old.inputs, news: neu.inputs });
            const started = Date.now();
            let s;
            const merge = () => (0, provider_1.providerUpdate)(old.id ?? "", old.outputs ?? {}, old.inputs ?? {}, neu.inputs ?? {});
            if (!req.custom)
                s = { ...neu, outputs: old.outputs ?? {} };
            else if (dry)
                s = { ...neu, id: old.id, outputs: merge() };
            else {
                try {
                    const outs = await this.providerOp("updating", { ...neu, id: old.id }, merge);
                    s = { ...neu, id: old.id, outputs: this.secretOutputs(outs, req.additionalSecretOutputs), modified: now() };
                }
                catch (e) {
                    this.failStep(md, e, urn, "update", started);
                }
            }
            this.news.set(urn, s);
            this.journal();
            if (req.custom || dry)
                this.emitOutputs(this.meta("update", urn, type, old, s, plan, false), s);
            if (req.custom)
                this.o.display.stepDone("update", urn, (Date.now() - started) / 1000);
            else
                this.componentStarts.set(urn, started);
            this.count("update", s);
            return s;
        }
        return this.replace(plan, neu, old, req);
    }
    async replace(plan, neu, old, req) {
        const { urn, type } = neu;
        const dry = this.o.dryRun;
        const started = Date.now();
        if (old.protect) {
            const md = this.meta("replace", urn, type, old, neu, plan);
            const msg = `unable to replace resource "${urn}"\nas it is currently marked for protection. To unprotect the resource, ` +
                "remove the `protect` flag from the resource in your Pulumi program and run `pulumi up`";
            this.emitPre(md, neu, old, plan);
            this.failStep(md, new StepFailure(msg, 0), urn, "replace", started);
        }
        const condemned = { ...old, delete: true };
        const createNew = async () => {
            const md = this.meta("create-replacement", urn, type, old, neu, plan);
            this.emitPre(md, neu, old, plan);
            this.o.display.stepStart("create-replacement", urn, { keys: plan.keys, diffs: plan.diffs, olds: old.inputs, news: neu.inputs });
            if (dry)
                return { ...neu, id: "", outputs: { ...neu.inputs } };
            try {
                const r = await this.providerOp("creating", neu, () => (0, provider_1.providerCreate)(type, req.name, neu.inputs ?? {}, this.o.config));
                const s = { ...neu, id: r.id, outputs: this.secretOutputs(r.outputs, req.additionalSecretOutputs), modified: now() };
                this.o.display.stepDone("create-replacement", urn, (Date.now() - started) / 1000);
                return s;
            }
            catch (e) {
                this.failStep(md, e, urn, "create-replacement", started);
            }
        };
        const deleteOld = async () => {
            const md = (0, events_1.stepMetadata)({ op: "delete-replaced", urn, type, old: (0, events_1.stateMetadata)(condemned), new: null, provider: old.provider });
            this.emitPre(md, condemned, condemned);
            this.o.display.stepStart("delete-replaced", urn);
            if (!dry && !old.retainOnDelete) {
                try {
                    await this.providerOp("deleting", condemned, () => undefined);
                }
                catch (e) {
                    this.failStep(md, e, urn, "delete-replaced", started, 2);
                }
            }
            this.deleted.add(old);
            this.journal();
            this.emitOutputs(md, condemned);
            this.o.display.stepDone("delete-replaced", urn, (Date.now() - started) / 1000);
        };
        let s;
        if (dry)
            this.o.display.stepStart("replace", urn, { keys: plan.keys, diffs: plan.diffs, olds: old.inputs, news: neu.inputs });
        if (req.deleteBeforeReplace) {
            await deleteOld();
            this.emitPre(this.meta("replace", urn, type, condemned, neu, plan), neu, old, plan);
            this.emitOutputs(this.meta("replace", urn, type, condemned, neu, plan, false), neu);
            s = await createNew();
            this.news.set(urn, s);
            this.journal();
            this.emitOutputs(this.meta("create-replacement", urn, type, condemned, s, plan, false), s);
        }
        else {
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
    registerOutputs(urn, outputs) {
        const s = this.news.get(urn);
        if (!s)
            return;
        const old = this.olds.get(urn);
        const updated = { ...s, outputs };
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
    readResource(req) {
        return this.track((async () => {
            if (this.stopping)
                throw new GrpcFailure(exports.Status.UNAVAILABLE, "resource monitor shut down");
            const urn = (0, steps_1.makeUrn)(this.o.stack, this.o.project, req.type, req.name, req.parent);
            const provider = req.provider || (await this.ensureDefaultProvider((0, provider_1.packageOf)(req.type), req.version));
            const old = this.olds.get(urn);
            if (old)
                this.visited.add(old);
            const outputs = this.secretOutputs({ ...(old?.id === req.id ? old.outputs : {}), ...req.properties, id: req.id }, req.additionalSecretOutputs);
            const s = {
                urn, custom: true, id: req.id, type: req.type, inputs: {}, outputs, external: true,
                ...(req.parent ? { parent: req.parent } : {}), dependencies: req.dependencies, provider,
                created: old?.created ?? now(), modified: now(),
            };
            this.stepOps.set(urn, "read");
            this.emitPre(this.meta("read", urn, req.type, old, s), s, old);
            this.news.set(urn, s);
            this.journal();
            this.emitOutputs(this.meta("read", urn, req.type, old, s, undefined, false), s);
            this.count("read", s);
            return { urn, properties: outputs };
        })());
    }
    /** `pulumi:pulumi:getResource`: the state of a resource registered now or in the old snapshot. */
    getResource(urn) {
        const s = this.news.get(urn) ?? this.olds.get(urn);
        return s ? { urn: s.urn, id: s.id ?? "", state: s.outputs ?? {} } : undefined;
    }
    // ---- deletes, refresh, destroy ------------------------------------------------------------
    async deleteOne(r, op) {
        const md = (0, events_1.stepMetadata)({ op, urn: r.urn, type: r.type, old: (0, events_1.stateMetadata)(op === "delete" ? r : { ...r, delete: true }), new: null, provider: r.provider });
        this.emitPre(md, r, r);
        const shown = !(0, steps_1.isDefaultProvider)(r);
        if (shown)
            this.o.display.stepStart(op, r.urn);
        const started = Date.now();
        if (op === "delete" && r.protect) {
            const msg = `resource "${r.urn}" cannot be deleted\nbecause it is protected. To unprotect the resource, either remove the ` +
                "`protect` flag from the resource in your Pulumi program and run `pulumi up`, or use the command:\n" +
                `\`pulumi state unprotect '${r.urn}'\``;
            this.failStep(md, new StepFailure(msg, 0), r.urn, op, started);
        }
        if (!this.o.dryRun && r.custom && !r.retainOnDelete && !(0, steps_1.isDefaultProvider)(r)) {
            try {
                await this.providerOp("deleting", r, () => undefined);
            }
            catch (e) {
                this.failStep(md, e, r.urn, op, started);
            }
        }
        this.deleted.add(r);
        this.journal();
        this.emitOutputs(md, r);
        if (shown)
            this.o.display.stepDone(op, r.urn, (Date.now() - started) / 1000);
        if (op === "delete")
            this.count("delete", r);
    }
    async runDeletes(list) {
        for (const { r, op } of list) {
            if (this.canceled)
                return;
            try {
                await this.deleteOne(r, op);
            }
            catch (e) {
                if (!(e instanceof StepFailure))
                    throw e;
                this.failed = true;
                this.diag("error", e.message, r.urn);
                if (!this.o.continueOnError)
                    return;
            }
        }
    }
    providerUrnsUsedBy(resources) {
        const used = new Set();
        for (const r of resources)
            if (r.provider)
                used.add(r.provider.split("::").slice(0, -1).join("::"));
        return used;
    }
    /** After the program: deletes of removed resources and replaced originals, in reverse order. */
    async deleteRemoved() {
        const live = (r) => !this.visited.has(r) && !this.deleted.has(r) && !r.delete;
        const doomed = new Set(this.o.olds.filter((r) => live(r) && !(0, steps_1.isDefaultProvider)(r) && this.isTargeted(r.urn)));
        const survivors = [...this.news.values(), ...this.o.olds.filter((r) => live(r) && !doomed.has(r))];
        const used = this.providerUrnsUsedBy(survivors);
        for (const r of this.o.olds)
            if (live(r) && (0, steps_1.isDefaultProvider)(r) && !used.has(r.urn))
                doomed.add(r);
        const list = [];
        for (const r of [...this.o.olds].reverse()) {
            if (this.deleted.has(r))
                continue;
            if (r.delete || this.pendingDeletes.includes(r))
                list.push({ r, op: "delete-replaced" });
            else if (doomed.has(r))
                list.push({ r, op: "delete" });
        }
        await this.runDeletes(list);
    }
    /** `pulumi destroy`: deletes everything (targets / --exclude-protected respected). */
    async destroyAll() {
        const keep = this.o.excludeProtected ? (0, steps_1.protectedClosure)(this.o.olds) : new Set();
        const doomed = new Set(this.o.olds.filter((r) => !(0, steps_1.isDefaultProvider)(r) && !keep.has(r.urn) && (r.delete || this.isTargeted(r.urn))));
        const used = this.providerUrnsUsedBy(this.o.olds.filter((r) => !doomed.has(r)));
        for (const r of this.o.olds)
            if ((0, steps_1.isDefaultProvider)(r) && !used.has(r.urn))
                doomed.add(r);
        const list = [...this.o.olds]
            .reverse()
            .filter((r) => doomed.has(r))
            .map((r) => ({ r, op: (r.delete ? "delete-replaced" : "delete") }));
        await this.runDeletes(list);
    }
    /** `pulumi refresh`: reads every custom resource back from the (never drifting) provider. */
    async refreshAll() {
        for (const r of this.o.olds) {
            if (this.canceled || (this.stopping && !this.o.continueOnError))
                break;
            if ((0, steps_1.isDefaultProvider)(r) || r.delete || !this.isTargeted(r.urn))
                continue;
            if (!r.custom) {
                this.count("same", r);
                continue;
            }
            const md = this.meta("refresh", r.urn, r.type, r, r, undefined, false);
            this.emitPre(md, r, r);
            this.o.display.stepStart("refresh", r.urn);
            const started = Date.now();
            try {
                if (!this.o.dryRun || this.o.faults.failOn)
                    await this.providerOp("reading", r, () => undefined);
            }
            catch (e) {
                if (!(e instanceof StepFailure))
                    throw e;
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
    stackOutputs() {
        const root = [...this.snapshot()].find((r) => r.type === steps_1.ROOT_STACK_TYPE && !r.parent);
        return root?.outputs;
    }
}
exports.Deployment = Deployment;
function now() {
    return new Date().toISOString();
}
//# sourceMappingURL=engine.js.map