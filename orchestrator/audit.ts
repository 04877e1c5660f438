/**
 * The audit log: JSON lines per environment and operation — a `start` line, then an `end` line
 * (time, user, env, verb, result, change counts, duration) or, when the orchestrator died
 * mid-run, an `interrupted` line — appended to `<repo>/.platform/audit.log`. It holds no secret: no
 * outputs, no config, no error text (which can quote provider input), no backend credentials.
 */
import { appendFileSync, mkdirSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { displayBackend } from "./workspace";
import type { EnvResult } from "./types";

/**
 * What an audit line records: an operation starting, ending (with its result), or interrupted
 * (the orchestrator process died mid-run; written by the worker before it kills its processes).
 */
export const AuditEvent = { start: "start", end: "end", interrupted: "interrupted" } as const;
/** An audit event. */
export type AuditEvent = (typeof AuditEvent)[keyof typeof AuditEvent];

/** One audit line. */
export interface AuditEntry {
  readonly event: AuditEvent;
  readonly time: string;
  readonly user: string;
  readonly host: string;
  readonly env: string;
  readonly stack: string;
  readonly verb: string;
  readonly result: string;
  readonly changes: EnvResult["changes"];
  readonly durationMs: number;
  readonly backend: string;
  readonly remote: boolean;
}

/** The OS user (falls back to $USER when the uid has no passwd entry). */
export function currentUser(): string {
  try {
    return os.userInfo().username;
  } catch {
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
export function auditEntry(
  r: {
    readonly env: string;
    readonly stack: string;
    readonly verb: string;
    /** The result status; `started` / `interrupted` for those events. */
    readonly status: string;
    readonly changes: EnvResult["changes"];
    readonly durationMs: number;
  },
  ctx: { backend: string; remote: boolean; now?: Date; event?: AuditEvent },
): AuditEntry {
  return {
    event: ctx.event ?? AuditEvent.end,
    time: (ctx.now ?? new Date()).toISOString(),
    user: currentUser(),
    host: os.hostname(),
    env: r.env,
    stack: r.stack,
    verb: r.verb,
    result: r.status,
    changes: r.changes,
    durationMs: Math.round(r.durationMs),
    backend: displayBackend(ctx.backend),
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
export function appendAudit(file: string, entry: AuditEntry): void {
  mkdirSync(path.dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
}
