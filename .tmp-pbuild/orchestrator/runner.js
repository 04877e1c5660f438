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
exports.INSPECT_TIMEOUT_MS = void 0;
exports.workerPath = workerPath;
exports.killTree = killTree;
exports.runJobs = runJobs;
/**
 * The parent side: runs one job per environment, each in its own worker process (its own process
 * group), in dependency order with independent stacks in parallel; a failure skips its dependents
 * only. Handles graceful abort (the worker forwards the AbortSignal to the engine), escalation to
 * killing whole process trees (second Ctrl-C, timeout, grace period), and afterwards reads what an
 * interrupted stack left behind (pending operations, a stale lock).
 */
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const errors_1 = require("../components/shared/errors");
const stack_config_1 = require("../programs/stack-config");
const operation_1 = require("./operation");
const types_1 = require("./types");
/** How long the post-kill inspection of a stack may take. */
exports.INSPECT_TIMEOUT_MS = 20_000;
/** Path of the compiled worker (workers always run compiled code, also when the caller runs from TypeScript sources). */
function workerPath() {
    const compiled = __filename.endsWith(".js") ? path.join(__dirname, "worker.js") : path.join((0, stack_config_1.repoRoot)(), "dist", "orchestrator", "worker.js");
    if (!(0, node_fs_1.existsSync)(compiled))
        throw new errors_1.PlatformError(`${compiled} is missing: run \`npm run build\` first (stack workers run the compiled orchestrator)`);
    return compiled;
}
/** Kills a worker's whole process group (the worker, the Pulumi CLI, its plugins). */
function killTree(pid, signal = "SIGKILL") {
    if (pid === undefined)
        return;
    try {
        process.kill(-pid, signal);
    }
    catch {
        // already gone
    }
}
function startWorker(job, onEvent) {
    const child = (0, node_child_process_1.fork)(workerPath(), [], {
        detached: true,
        stdio: ["ignore", "pipe", "pipe", "ipc"],
        serialization: "json",
    });
    let result;
    let stderr = "";
    child.stdout?.resume();
    child.stderr?.on("data", (d) => {
        stderr = (stderr + d.toString()).slice(-4096);
    });
    child.on("message", (msg) => {
        if (msg.type === "event")
            onEvent(msg.event);
        else if (msg.type === "result")
            result = msg.result;
    });
    const done = new Promise((resolve) => {
        child.on("error", (err) => {
            stderr += `\n${err.message}`;
        });
        child.on("exit", (code, signal) => {
            // Whatever the worker started dies with it (a worker that ended normally has no children left).
            if (code !== 0 || signal !== null)
                killTree(child.pid);
            // Let the last IPC messages drain before resolving.
            setImmediate(() => resolve({ ...(result ? { result } : {}), code, signal, stderr }));
        });
    });
    child.send({ type: "run", job });
    return { child, done, killed: false };
}
/**
 * Runs the jobs and returns one result per environment, in `envs` order. Never throws for engine
 * failures; throws {@link PlatformError} only when workers cannot start at all.
 */
async function runJobs(o) {
    const emit = (e) => o.onEvent?.(e);
    const results = new Map();
    const running = new Map();
    const started = new Map();
    const limit = o.maxConcurrent && o.maxConcurrent > 0 ? o.maxConcurrent : Number.POSITIVE_INFINITY;
    let aborting = false;
    let killing = false;
    let killTimer;
    const finish = (r) => {
        results.set(r.env, r);
        emit({ type: "done", env: r.env, result: r });
        o.onResult?.(r);
    };
    const killAll = () => {
        killing = true;
        for (const [env, w] of running) {
            if (w.killed)
                continue;
            w.killed = true;
            emit({ type: "aborting", env, force: true });
            killTree(w.child.pid);
        }
    };
    const abortAll = () => {
        if (aborting)
            return;
        aborting = true;
        for (const [env, w] of running) {
            emit({ type: "aborting", env, force: false });
            if (w.child.connected)
                w.child.send({ type: "abort" });
        }
        killTimer = setTimeout(killAll, o.killAfterMs ?? 30_000);
        killTimer.unref();
    };
    const onAbort = () => abortAll();
    const onKill = () => {
        aborting = true;
        killAll();
    };
    o.signal?.addEventListener("abort", onAbort);
    o.killSignal?.addEventListener("abort", onKill);
    if (o.signal?.aborted)
        aborting = true;
    if (o.killSignal?.aborted)
        onKill();
    const timeout = o.timeoutMs ? setTimeout(abortAll, o.timeoutMs) : undefined;
    timeout?.unref();
    const skipReason = (env) => {
        if (aborting)
            return "run aborted";
        for (const dep of o.waitFor.get(env) ?? []) {
            const r = results.get(dep);
            if (r && !types_1.SUCCESS_STATUSES.has(r.status))
                return dep;
        }
        return undefined;
    };
    const ready = (env) => (o.waitFor.get(env) ?? []).every((d) => results.has(d) && types_1.SUCCESS_STATUSES.has(results.get(d).status));
    try {
        for (;;) {
            let progressed = true;
            while (progressed) {
                progressed = false;
                for (const env of o.envs) {
                    if (results.has(env) || running.has(env))
                        continue;
                    const reason = skipReason(env);
                    if (reason !== undefined) {
                        const dependency = reason === "run aborted" ? undefined : reason;
                        finish({
                            env,
                            stack: o.specs.get(env).stackName,
                            verb: o.verb,
                            status: types_1.Status.skipped,
                            changes: "unknown",
                            durationMs: 0,
                            ...(dependency ? { skippedBecause: dependency, error: `skipped: dependency ${dependency} ${describeStatus(results.get(dependency).status)}` } : { error: "skipped: run aborted" }),
                        });
                        progressed = true;
                    }
                    else if (ready(env) && running.size < limit) {
                        started.set(env, Date.now());
                        emit({ type: "start", env, verb: o.verb, time: new Date().toISOString() });
                        running.set(env, startWorker({ verb: o.verb, spec: o.specs.get(env), options: o.options }, emit));
                        progressed = true;
                    }
                }
            }
            if (running.size === 0)
                break;
            const [env, outcome] = await Promise.race([...running].map(async ([e, w]) => [e, await w.done]));
            const worker = running.get(env);
            running.delete(env);
            const durationMs = Date.now() - (started.get(env) ?? Date.now());
            if (outcome.result && !worker.killed) {
                finish(outcome.result);
                continue;
            }
            // The worker was killed or died without a result: look at what the stack was left with.
            const inspected = await inspect(o.specs.get(env), o.options, emit);
            (0, node_fs_1.rmSync)(o.specs.get(env).workDir, { recursive: true, force: true });
            const how = worker.killed ? "killed" : `exited unexpectedly (${outcome.signal ?? `code ${outcome.code}`})`;
            const tail = outcome.stderr.trim().split("\n").slice(-3).join(" | ");
            finish({
                env,
                stack: o.specs.get(env).stackName,
                verb: o.verb,
                status: worker.killed || killing ? types_1.Status.aborted : types_1.Status.failed,
                changes: "unknown",
                durationMs,
                error: `the ${o.verb} of ${env} was ${how}${tail && !worker.killed ? `: ${tail}` : ""}`,
                ...(inspected?.pendingOperations ? { pendingOperations: inspected.pendingOperations } : {}),
                ...(inspected?.lock && inspected.lock.length > 0 ? { lock: inspected.lock } : {}),
                ...(inspected?.recovery ? { recovery: inspected.recovery } : {}),
            });
        }
    }
    finally {
        if (killTimer)
            clearTimeout(killTimer);
        if (timeout)
            clearTimeout(timeout);
        o.signal?.removeEventListener("abort", onAbort);
        o.killSignal?.removeEventListener("abort", onKill);
    }
    return o.envs.map((e) => results.get(e));
}
function describeStatus(status) {
    return status === types_1.Status.skipped ? "was skipped" : status === types_1.Status.aborted ? "was aborted" : status === types_1.Status.locked ? "was locked" : status === types_1.Status.blocked ? "was blocked" : "failed";
}
/** Reads pending operations and locks of a stack whose worker did not report (a fresh, short-lived worker). */
async function inspect(spec, options, emit) {
    const fresh = { ...spec, workDir: `${spec.workDir}.inspect` };
    let worker;
    try {
        worker = startWorker({ verb: operation_1.INSPECT, spec: fresh, options }, (e) => {
            if (e.type !== "done")
                emit(e);
        });
    }
    catch {
        return undefined;
    }
    const timer = setTimeout(() => {
        worker.killed = true;
        killTree(worker.child.pid);
    }, exports.INSPECT_TIMEOUT_MS);
    timer.unref();
    const outcome = await worker.done;
    clearTimeout(timer);
    return outcome.result;
}
//# sourceMappingURL=runner.js.map