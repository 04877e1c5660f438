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
exports.up = up;
exports.preview = preview;
exports.refresh = refresh;
exports.destroy = destroy;
exports.outputs = outputs;
exports.cancel = cancel;
exports.selectEnvs = selectEnvs;
exports.requireDestroyConfirmation = requireDestroyConfirmation;
exports.profileOf = profileOf;
exports.validateCommonOptions = validateCommonOptions;
/**
 * The library API: one async function per verb, over one environment or several. Each validates
 * everything it can before any engine call (environments, dependency graph, passphrase, Pulumi CLI,
 * prod confirmation), then runs every stack in its own worker process and returns typed results.
 * Library code returns or throws; only the CLI maps results to exit codes.
 */
const path = __importStar(require("node:path"));
const errors_1 = require("../components/shared/errors");
const profiles_1 = require("../components/shared/profiles");
const stack_config_1 = require("../programs/stack-config");
const audit_1 = require("./audit");
const envs_1 = require("./envs");
const graph_1 = require("./graph");
const remote_1 = require("./remote");
const runner_1 = require("./runner");
const types_1 = require("./types");
const workspace_1 = require("./workspace");
/**
 * Deploys the environments: dependencies first, independent stacks in parallel, a failure skips
 * its dependents.
 *
 * @example
 * ```ts
 * const run = await up({ env: "dev,staging", waitForLockMs: 300_000 });
 * for (const r of run.results) console.log(r.env, r.status, r.changes);
 * ```
 */
function up(options) {
    return execute(types_1.Verb.up, options, {
        ...pick(options, ["target", "refresh", "message", "expectNoChanges"]),
    });
}
/**
 * Shows what `up` would change. With `expectNoChanges`, an environment that would change reports
 * `changes-detected`.
 *
 * @example
 * ```ts
 * const { results } = await preview({ env: "prod" });
 * results[0]!.changes; // { same: 40, update: 1 } or "unknown"
 * ```
 */
function preview(options) {
    return execute(types_1.Verb.preview, options, pick(options, ["target", "refresh", "message", "expectNoChanges"]));
}
/**
 * Reconciles state with the cloud; with `previewOnly` it only detects drift (and with
 * `expectNoChanges` reports drift as `changes-detected`).
 *
 * @example
 * ```ts
 * const drift = await refresh({ env: "all", previewOnly: true, expectNoChanges: true });
 * drift.ok; // false when any stack drifted
 * ```
 */
function refresh(options) {
    return execute(types_1.Verb.refresh, options, pick(options, ["target", "message", "previewOnly", "expectNoChanges", "clearPendingCreates"]));
}
/**
 * Destroys the environments in reverse dependency order. A prod-profile stack needs its name in
 * `confirm`; protected resources are reported and never unprotected.
 *
 * @example
 * ```ts
 * await destroy({ env: "prod", confirm: "prod", excludeProtected: true });
 * ```
 */
function destroy(options) {
    return execute(types_1.Verb.destroy, options, pick(options, ["target", "refresh", "message", "excludeProtected", "remove"]), (envs, dir) => requireDestroyConfirmation(envs, options.confirm, dir));
}
/**
 * Reads the stacks' outputs (secrets as `"[secret]"` unless `showSecrets`).
 *
 * @example
 * ```ts
 * const { results } = await outputs({ env: "dev" });
 * results[0]!.outputs?.databaseConnectionName;
 * ```
 */
function outputs(options) {
    return execute(types_1.Verb.outputs, options, {});
}
/**
 * Removes the lock an interrupted update left. Refuses (status `blocked`) while the lock's holder
 * is still running on this host, unless `force`. Never called by the orchestrator on its own.
 *
 * @example
 * ```ts
 * await cancel({ env: "dev" });
 * ```
 */
function cancel(options) {
    return execute(types_1.Verb.cancel, options, pick(options, ["force"]));
}
function pick(o, keys) {
    const out = {};
    for (const k of keys)
        if (o[k] !== undefined)
            out[k] = o[k];
    return out;
}
/**
 * The environments an option names (`"dev"`, `"dev,prod"`, `"all"`, or a list).
 *
 * @example
 * ```ts
 * selectEnvs(["dev", "prod"]); // ["dev", "prod"]
 * ```
 */
function selectEnvs(env, dir = (0, stack_config_1.stacksDir)()) {
    return (0, envs_1.resolveEnvs)(typeof env === "string" ? env : env.join(","), dir);
}
/**
 * Throws unless every prod-profile stack among `envs` is named in `confirm`.
 *
 * @example
 * ```ts
 * requireDestroyConfirmation(["dev", "prod"], undefined); // PlatformError: destroying prod (profile prod) needs --confirm prod
 * ```
 */
function requireDestroyConfirmation(envs, confirm, dir = (0, stack_config_1.stacksDir)()) {
    const confirmed = new Set((typeof confirm === "string" ? confirm.split(",") : (confirm ?? [])).map((s) => s.trim()).filter(Boolean));
    const missing = envs.filter((env) => profileOf(env, dir) === profiles_1.Profile.prod && !confirmed.has(env));
    if (missing.length > 0) {
        throw new errors_1.PlatformError(`destroying ${missing.join(", ")} (profile prod) needs explicit confirmation: pass ${missing.map((e) => `--confirm ${e}`).join(" ")} (the stack name, typed out)`);
    }
}
/** The profile a stack file declares (`platform:environment.profile`), if any. */
function profileOf(env, dir = (0, stack_config_1.stacksDir)()) {
    const config = (0, graph_1.readStackFile)(env, dir)["config"];
    const section = config?.["platform:environment"];
    const profile = section?.profile;
    return typeof profile === "string" ? profile : undefined;
}
/**
 * Checks the numeric options (before any engine call).
 *
 * @example
 * ```ts
 * validateCommonOptions({ env: "dev", parallel: 0 }); // PlatformError: --parallel must be a positive integer, got 0
 * ```
 */
function validateCommonOptions(o) {
    const positiveInt = (name, v) => {
        if (v !== undefined && (!Number.isInteger(v) || v < 1))
            throw new errors_1.PlatformError(`${name} must be a positive integer, got ${v}`);
    };
    const nonNegative = (name, v) => {
        if (v !== undefined && (!Number.isFinite(v) || v < 0))
            throw new errors_1.PlatformError(`${name} must be a duration ≥ 0, got ${v}`);
    };
    positiveInt("--parallel", o.parallel);
    positiveInt("maxConcurrentStacks", o.maxConcurrentStacks);
    nonNegative("--wait-for-lock", o.waitForLockMs);
    nonNegative("--timeout", o.timeoutMs);
    nonNegative("--kill-after", o.killAfterMs);
}
async function execute(verb, options, jobOptions, check) {
    const started = Date.now();
    validateCommonOptions(options);
    const dir = options.stacksDir ?? (0, stack_config_1.stacksDir)();
    const envs = selectEnvs(options.env, dir);
    const graph = (0, graph_1.readStackGraph)(dir);
    const ordered = verb === types_1.Verb.up || verb === types_1.Verb.destroy;
    const waitFor = ordered ? (0, graph_1.runOrder)(graph, envs, verb === types_1.Verb.destroy) : new Map(envs.map((e) => [e, []]));
    check?.(envs, dir);
    const backend = options.backend ?? (0, workspace_1.defaultBackendUrl)();
    const remote = options.remote ? (0, remote_1.resolveRemote)(options.remote, backend, { ...process.env, ...options.envVars }) : undefined;
    const cli = await (0, workspace_1.resolvePulumiCli)(options.pulumiRoot ?? (process.env["PLATFORM_PULUMI_ROOT"] || undefined));
    const specs = new Map();
    for (const env of envs)
        specs.set(env, (0, workspace_1.resolveWorkspace)(env, { options: { ...options, backend }, cli, ...(remote ? { remote } : {}) }));
    const auditFile = options.auditLog === false ? undefined : (options.auditLog ?? path.join(options.dataDir ?? path.join((0, stack_config_1.repoRoot)(), ".platform"), "audit.log"));
    const results = await (0, runner_1.runJobs)({
        verb,
        envs,
        specs,
        waitFor,
        options: {
            ...jobOptions,
            ...(options.parallel ? { parallel: options.parallel } : {}),
            ...(options.showSecrets ? { showSecrets: true } : {}),
            ...(options.waitForLockMs ? { waitForLockMs: options.waitForLockMs } : {}),
        },
        ...(options.maxConcurrentStacks ? { maxConcurrent: options.maxConcurrentStacks } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.killSignal ? { killSignal: options.killSignal } : {}),
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
        ...(options.killAfterMs !== undefined ? { killAfterMs: options.killAfterMs } : {}),
        ...(options.onEvent ? { onEvent: options.onEvent } : {}),
        onResult: (r) => {
            if (auditFile)
                (0, audit_1.appendAudit)(auditFile, (0, audit_1.auditEntry)(r, { backend, remote: remote !== undefined }));
        },
    });
    return { verb, ok: results.every((r) => r.status === types_1.Status.succeeded), results, durationMs: Date.now() - started };
}
//# sourceMappingURL=verbs.js.map