import type { EnvResult } from "./types";
/** One audit line. */
export interface AuditEntry {
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
export declare function currentUser(): string;
/**
 * The audit line for a result.
 *
 * @example
 * ```ts
 * auditEntry(result, { backend: "file:///repo/.pulumi-state", remote: false });
 * // { time: "2026-…", user: "ana", env: "dev", verb: "up", result: "succeeded", changes: { create: 12 }, … }
 * ```
 */
export declare function auditEntry(r: EnvResult, ctx: {
    backend: string;
    remote: boolean;
    now?: Date;
}): AuditEntry;
/**
 * Appends one line (a single `write` with O_APPEND, so concurrent runs do not interleave lines).
 *
 * @example
 * ```ts
 * appendAudit(".platform/audit.log", auditEntry(result, { backend, remote: false }));
 * ```
 */
export declare function appendAudit(file: string, entry: AuditEntry): void;
