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
exports.currentUser = currentUser;
exports.auditEntry = auditEntry;
exports.appendAudit = appendAudit;
/**
 * The audit log: one JSON line per environment and operation (time, user, env, verb, result,
 * change counts, duration), appended to `<repo>/.platform/audit.log`. It holds no secret: no
 * outputs, no config, no error text (which can quote provider input), no backend credentials.
 */
const node_fs_1 = require("node:fs");
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const workspace_1 = require("./workspace");
/** The OS user (falls back to $USER when the uid has no passwd entry). */
function currentUser() {
    try {
        return os.userInfo().username;
    }
    catch {
        return process.env["USER"] ?? "unknown";
    }
}
/**
 * The audit line for a result.
 *
 * @example
 * ```ts
 * auditEntry(result, { backend: "file:///repo/.pulumi-state", remote: false });
 * // { time: "2026-…", user: "ana", env: "dev", verb: "up", result: "succeeded", changes: { create: 12 }, … }
 * ```
 */
function auditEntry(r, ctx) {
    return {
        time: (ctx.now ?? new Date()).toISOString(),
        user: currentUser(),
        host: os.hostname(),
        env: r.env,
        stack: r.stack,
        verb: r.verb,
        result: r.status,
        changes: r.changes,
        durationMs: Math.round(r.durationMs),
        backend: (0, workspace_1.displayBackend)(ctx.backend),
        remote: ctx.remote,
    };
}
/**
 * Appends one line (a single `write` with O_APPEND, so concurrent runs do not interleave lines).
 *
 * @example
 * ```ts
 * appendAudit(".platform/audit.log", auditEntry(result, { backend, remote: false }));
 * ```
 */
function appendAudit(file, entry) {
    (0, node_fs_1.mkdirSync)(path.dirname(file), { recursive: true });
    (0, node_fs_1.appendFileSync)(file, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
}
//# sourceMappingURL=audit.js.map