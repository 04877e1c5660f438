"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SUCCESS_STATUSES = exports.Status = exports.MUTATING_VERBS = exports.Verb = void 0;
/**
 * The operations the orchestrator runs.
 *
 * @example
 * ```ts
 * Verb.up; // "up"
 * ```
 */
exports.Verb = {
    up: "up",
    preview: "preview",
    refresh: "refresh",
    destroy: "destroy",
    outputs: "outputs",
    cancel: "cancel",
};
/** Verbs that change a stack (they take the stack lock and need confirmation on the CLI). */
exports.MUTATING_VERBS = new Set([exports.Verb.up, exports.Verb.refresh, exports.Verb.destroy, exports.Verb.cancel]);
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
exports.Status = {
    succeeded: "succeeded",
    outputsUnavailable: "succeeded-outputs-unavailable",
    changesDetected: "changes-detected",
    failed: "failed",
    locked: "locked",
    blocked: "blocked",
    aborted: "aborted",
    skipped: "skipped",
};
/** Statuses after which dependents may run (the stack's resources exist as declared). */
exports.SUCCESS_STATUSES = new Set([
    exports.Status.succeeded,
    exports.Status.outputsUnavailable,
    exports.Status.changesDetected,
]);
//# sourceMappingURL=types.js.map