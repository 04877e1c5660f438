"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.INSPECT = exports.SECRET_MASK = void 0;
exports.maskOutputs = maskOutputs;
exports.changesFrom = changesFrom;
exports.changeCount = changeCount;
exports.pendingOperationsOf = pendingOperationsOf;
exports.protectedResourcesOf = protectedResourcesOf;
exports.recoveryFor = recoveryFor;
exports.runOperation = runOperation;
const events_1 = require("../plan/parse/events");
const events_2 = require("../plan/parse/events");
const types_1 = require("../plan/parse/types");
const errors_1 = require("./errors");
const locks_1 = require("./locks");
const types_2 = require("./types");
const workspace_1 = require("./workspace");
/** The string secrets are shown as. */
exports.SECRET_MASK = "[secret]";
/** Internal verb: read pending operations and locks of a stack whose worker was killed. */
exports.INSPECT = "inspect";
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
function maskOutputs(outputs, showSecrets) {
    const out = {};
    for (const [k, v] of Object.entries(outputs))
        out[k] = v.secret && !showSecrets ? exports.SECRET_MASK : v.value;
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
function changesFrom(summary, collector) {
    const fromSummary = (0, events_2.readOpCounts)(summary ?? {});
    if (Object.keys(fromSummary).length > 0)
        return fromSummary;
    const result = collector?.result();
    const engine = result?.summary?.resourceChanges;
    if (engine && Object.keys(engine).length > 0)
        return engine;
    const counts = {};
    for (const step of result?.steps ?? [])
        counts[step.op] = (counts[step.op] ?? 0) + 1;
    return Object.keys(counts).length > 0 ? counts : "unknown";
}
/** Number of resources a change summary would change (create, update, delete, replace …). */
function changeCount(changes) {
    if (changes === "unknown")
        return undefined;
    let n = 0;
    for (const [op, count] of Object.entries(changes))
        if (types_1.CHANGE_KIND_OF_OP[op])
            n += count ?? 0;
    return n;
}
/** Pending operations recorded in an exported deployment. */
function pendingOperationsOf(deployment) {
    const ops = deployment?.deployment?.pending_operations;
    if (!Array.isArray(ops))
        return [];
    return ops.map((op) => ({
        urn: op.resource?.urn ?? "",
        type: op.resource?.type ?? "",
        operation: op.type ?? "unknown",
    }));
}
/** URNs of protected resources in an exported deployment. */
function protectedResourcesOf(deployment) {
    const resources = deployment?.deployment?.resources;
    if (!Array.isArray(resources))
        return [];
    return resources.filter((r) => r.protect === true && typeof r.urn === "string").map((r) => r.urn);
}
/** Recovery commands for a stack left with pending operations and/or a dead holder's lock. */
function recoveryFor(env, pending, staleLock) {
    const out = [];
    if (staleLock)
        out.push(`npx platform cancel --env ${env}   # removes the lock the interrupted update left (its process is gone)`);
    if (pending.length > 0) {
        const creates = pending.some((p) => p.operation === "creating");
        out.push(`npx platform refresh --env ${env} --yes${creates ? " --clear-pending-creates" : ""}   # reconciles the ${pending.length} pending operation(s) with the cloud`);
    }
    return out;
}
class Run {
    job;
    ctx;
    started;
    collector = new events_1.EngineEventCollector();
    waitedForLockMs = 0;
    lastHolders = [];
    constructor(job, ctx) {
        this.job = job;
        this.ctx = ctx;
        this.started = this.now();
    }
    now() {
        return (this.ctx.now ?? Date.now)();
    }
    get env() {
        return this.job.spec.env;
    }
    onEvent = (event) => {
        this.collector.addEvent(event);
        this.ctx.emit({ type: "engine", env: this.env, event });
    };
    result(status, changes, extra = {}) {
        return {
            env: this.env,
            stack: this.job.spec.stackName,
            verb: this.job.verb === exports.INSPECT ? types_2.Verb.up : this.job.verb,
            status,
            changes,
            durationMs: this.now() - this.started,
            ...(this.waitedForLockMs > 0 ? { waitedForLockMs: this.waitedForLockMs, lock: this.lastHolders } : {}),
            ...extra,
        };
    }
    /** Runs `call`, waiting with backoff while another update holds the lock (up to waitForLockMs). */
    async withLockWait(call) {
        const budget = this.job.options.waitForLockMs ?? 0;
        let firstLockAt;
        for (let attempt = 0;; attempt++) {
            try {
                return await call();
            }
            catch (e) {
                if (!(0, locks_1.isConcurrentUpdateError)(e) || this.ctx.signal.aborted)
                    throw e;
                this.lastHolders = (0, locks_1.parseLockHolders)(e.message);
                firstLockAt ??= this.now();
                const waited = this.now() - firstLockAt;
                const delay = (0, locks_1.lockBackoffMs)(attempt, budget - waited);
                if (delay <= 0)
                    throw e;
                this.ctx.emit({ type: "lock-wait", env: this.env, holders: this.lastHolders, retryInMs: delay, waitedMs: waited });
                await (0, locks_1.sleep)(delay, this.ctx.signal);
                this.waitedForLockMs = this.now() - firstLockAt;
            }
        }
    }
    async inspect(stack) {
        let pending = [];
        try {
            pending = pendingOperationsOf(await stack.exportStack());
        }
        catch {
            // best effort: the stack may be unreadable right after a crash
        }
        const holders = (0, locks_1.readDiyLocks)(this.job.spec.backendUrl, this.job.spec.projectName, this.job.spec.stackName);
        const staleLock = holders.length > 0 && holders.every((h) => (0, locks_1.holderAlive)(h) === false);
        return { pending, staleLock, holders };
    }
    /** The result for a failed or aborted engine call. */
    async failure(stack, e, changes) {
        if ((0, locks_1.isConcurrentUpdateError)(e) && !this.ctx.signal.aborted) {
            const holders = (0, locks_1.parseLockHolders)(e.message);
            return this.result(types_2.Status.locked, "unknown", {
                error: (0, locks_1.lockedMessage)(this.env, holders, this.waitedForLockMs),
                lock: holders,
                recovery: (0, locks_1.lockRecovery)(this.env),
            });
        }
        const aborted = this.ctx.signal.aborted;
        const { pending, staleLock } = await this.inspect(stack);
        const recovery = recoveryFor(this.env, pending, staleLock);
        return this.result(aborted ? types_2.Status.aborted : types_2.Status.failed, changes, {
            error: aborted ? `${this.job.verb} of ${this.env} was cancelled${pending.length > 0 ? `; ${pending.length} operation(s) were in flight` : ""}` : (0, errors_1.errorSummary)(e),
            ...(pending.length > 0 ? { pendingOperations: pending } : {}),
            ...(recovery.length > 0 ? { recovery } : {}),
        });
    }
}
function engineOptions(run) {
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
async function up(run, stack) {
    // Stack.up() runs the update, then reads outputs and the summary with separate CLI calls. If those
    // fail, up() throws although the update succeeded: mark the moment the update itself returned.
    let updateSucceeded = false;
    const original = stack.outputs.bind(stack);
    stack.outputs = () => {
        updateSucceeded = true;
        return original();
    };
    try {
        const res = await run.withLockWait(() => stack.up({ ...engineOptions(run), ...(run.job.options.refresh ? { refresh: true } : {}) }));
        return run.result(types_2.Status.succeeded, changesFrom(res.summary?.resourceChanges, run.collector), {
            outputs: maskOutputs(res.outputs, run.job.options.showSecrets ?? false),
        });
    }
    catch (e) {
        if (updateSucceeded && !(0, locks_1.isConcurrentUpdateError)(e)) {
            return run.result(types_2.Status.outputsUnavailable, changesFrom(undefined, run.collector), {
                error: `the update succeeded, but reading its outputs afterwards failed: ${(0, errors_1.errorSummary)(e)}`,
                recovery: [`npx platform outputs --env ${run.env}`],
            });
        }
        return run.failure(stack, e, changesFrom(undefined, run.collector));
    }
}
function expectation(run, changes) {
    if (!run.job.options.expectNoChanges)
        return run.result(types_2.Status.succeeded, changes);
    const n = changeCount(changes);
    if (n === undefined)
        return run.result(types_2.Status.failed, changes, { error: `cannot confirm that ${run.env} has no changes: the engine reported no change summary` });
    return n > 0 ? run.result(types_2.Status.changesDetected, changes, { error: `${n} resource(s) would change` }) : run.result(types_2.Status.succeeded, changes);
}
async function preview(run, stack) {
    try {
        const res = await run.withLockWait(() => stack.preview({ ...engineOptions(run), ...(run.job.options.refresh ? { refresh: true } : {}) }));
        return expectation(run, changesFrom(res.changeSummary, run.collector));
    }
    catch (e) {
        return run.failure(stack, e, changesFrom(undefined, run.collector));
    }
}
async function refresh(run, stack) {
    const o = run.job.options;
    try {
        if (o.previewOnly) {
            if (!stack.previewRefresh)
                return run.result(types_2.Status.failed, "unknown", { error: "preview-only refresh is not available for remote runs" });
            const res = await run.withLockWait(() => stack.previewRefresh(engineOptions(run)));
            return expectation(run, changesFrom(res.changeSummary, run.collector));
        }
        const res = await run.withLockWait(() => stack.refresh({ ...engineOptions(run), ...(o.clearPendingCreates ? { clearPendingCreates: true } : {}) }));
        return expectation(run, changesFrom(res.summary?.resourceChanges, run.collector));
    }
    catch (e) {
        return run.failure(stack, e, changesFrom(undefined, run.collector));
    }
}
async function destroy(run, stack) {
    const o = run.job.options;
    let protectedUrns = [];
    try {
        protectedUrns = protectedResourcesOf(await stack.exportStack());
    }
    catch (e) {
        return run.failure(stack, e, "unknown");
    }
    if (protectedUrns.length > 0 && !o.excludeProtected) {
        return run.result(types_2.Status.blocked, "unknown", {
            protectedResources: protectedUrns,
            error: `${protectedUrns.length} protected resource(s) in ${run.env}; destroy would stop at them and they are never unprotected here. ` +
                `Keep them and destroy the rest with --exclude-protected, or turn protection off in the stack config (e.g. platform:kms protect: false), run up, then destroy.`,
        });
    }
    try {
        const res = await run.withLockWait(() => stack.destroy({
            ...engineOptions(run),
            ...(o.excludeProtected ? { excludeProtected: true } : {}),
            ...(o.refresh ? { refresh: true } : {}),
            ...(o.remove && protectedUrns.length === 0 ? { remove: true } : {}),
        }));
        return run.result(types_2.Status.succeeded, changesFrom(res.summary?.resourceChanges, run.collector), protectedUrns.length > 0 ? { protectedResources: protectedUrns } : {});
    }
    catch (e) {
        return run.failure(stack, e, changesFrom(undefined, run.collector));
    }
}
async function outputs(run, stack) {
    try {
        return run.result(types_2.Status.succeeded, "unknown", { outputs: maskOutputs(await stack.outputs(), run.job.options.showSecrets ?? false) });
    }
    catch (e) {
        return run.result(types_2.Status.failed, "unknown", { error: (0, errors_1.errorSummary)(e) });
    }
}
async function cancel(run, stack) {
    const spec = run.job.spec;
    const holders = (0, locks_1.readDiyLocks)(spec.backendUrl, spec.projectName, spec.stackName);
    const live = holders.filter((h) => (0, locks_1.holderAlive)(h) === true);
    if (live.length > 0 && !run.job.options.force) {
        return run.result(types_2.Status.blocked, "unknown", {
            lock: live,
            error: `the update holding ${run.env}'s lock is still running (${live.map((h) => `pid ${h.pid} on ${h.host}`).join(", ")}); ` +
                `cancelling would let a second writer in while it writes state. Stop it (Ctrl-C in its terminal, or \`npx platform\`'s own abort), ` +
                `or pass --force if you are sure.`,
        });
    }
    if (spec.backendUrl.startsWith("file://") && holders.length === 0) {
        return run.result(types_2.Status.succeeded, "unknown", { note: "no lock held; nothing to cancel" });
    }
    try {
        await stack.cancel();
        return run.result(types_2.Status.succeeded, "unknown", { lock: holders });
    }
    catch (e) {
        return run.result(types_2.Status.failed, "unknown", { error: (0, errors_1.errorSummary)(e) });
    }
}
async function inspectOnly(run, stack) {
    const { pending, staleLock, holders } = await run.inspect(stack);
    const recovery = recoveryFor(run.env, pending, staleLock);
    return run.result(types_2.Status.aborted, "unknown", {
        ...(pending.length > 0 ? { pendingOperations: pending } : {}),
        ...(holders.length > 0 ? { lock: holders } : {}),
        ...(recovery.length > 0 ? { recovery } : {}),
    });
}
const VERBS = { up, preview, refresh, destroy, outputs, cancel, [exports.INSPECT]: inspectOnly };
/**
 * Runs one job against one stack and returns its result; never throws for engine failures (they
 * become statuses). Errors opening the stack (missing stack, bad CLI) become `failed` results too.
 *
 * @example
 * ```ts
 * const result = await runOperation({ verb: "up", spec, options: {} }, { factory: createLocalStack, program, signal, emit: console.log });
 * ```
 */
async function runOperation(job, ctx) {
    const run = new Run(job, ctx);
    const mode = job.verb === types_2.Verb.up || job.verb === types_2.Verb.preview ? workspace_1.OpenMode.createOrSelect : workspace_1.OpenMode.select;
    let stack;
    try {
        stack = await ctx.factory(job.spec, ctx.program, mode);
    }
    catch (e) {
        if ((0, errors_1.isStackNotFound)(e)) {
            if (job.verb === types_2.Verb.destroy || job.verb === types_2.Verb.cancel || job.verb === exports.INSPECT) {
                return run.result(job.verb === exports.INSPECT ? types_2.Status.aborted : types_2.Status.succeeded, {}, { note: `stack ${job.spec.stackName} does not exist; nothing to ${job.verb}` });
            }
            return run.result(types_2.Status.failed, "unknown", {
                error: `stack ${job.spec.stackName} does not exist in ${job.spec.backendUrl}; create it with \`npx platform up --env ${job.spec.env}\``,
            });
        }
        return run.result(ctx.signal.aborted ? types_2.Status.aborted : types_2.Status.failed, "unknown", { error: (0, errors_1.errorSummary)(e) });
    }
    return VERBS[job.verb](run, stack);
}
//# sourceMappingURL=operation.js.map