/**
 * One verb on one stack, in the process that owns that stack (the worker). Streams engine events,
 * waits for locks, tells "the update failed" from "the update succeeded but its outputs could not
 * be read", reports protected resources and pending operations, and masks secrets.
 */
import type { PulumiFn } from "@pulumi/pulumi/automation";
import { EngineEventCollector } from "../plan/parse/events";
import { Verb, type Changes, type EnvResult, type OrchestratorEvent, type PendingOperation } from "./types";
import { type StackFactory, type WorkspaceSpec } from "./workspace";
/** The string secrets are shown as. */
export declare const SECRET_MASK = "[secret]";
/** Internal verb: read pending operations and locks of a stack whose worker was killed. */
export declare const INSPECT = "inspect";
/** Per-verb settings of one job (plain data: it crosses the process boundary). */
export interface JobOptions {
    readonly target?: readonly string[];
    readonly refresh?: boolean;
    readonly parallel?: number;
    readonly message?: string;
    readonly expectNoChanges?: boolean;
    readonly previewOnly?: boolean;
    readonly clearPendingCreates?: boolean;
    readonly excludeProtected?: boolean;
    readonly remove?: boolean;
    readonly showSecrets?: boolean;
    readonly waitForLockMs?: number;
    readonly force?: boolean;
}
/** What a worker runs. */
export interface Job {
    readonly verb: Verb | typeof INSPECT;
    readonly spec: WorkspaceSpec;
    readonly options: JobOptions;
}
/** What {@link runOperation} needs besides the job. */
export interface OperationContext {
    readonly factory: StackFactory;
    readonly program: PulumiFn;
    readonly signal: AbortSignal;
    readonly emit: (event: OrchestratorEvent) => void;
    readonly now?: () => number;
}
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
export declare function maskOutputs(outputs: Readonly<Record<string, {
    value: unknown;
    secret: boolean;
}>>, showSecrets: boolean): Record<string, unknown>;
/**
 * The change summary: the engine's counts when it sent any, else counts of the steps seen in
 * engine events, else `"unknown"` (an empty summary never means "no changes").
 *
 * @example
 * ```ts
 * changesFrom({}, undefined); // "unknown"
 * ```
 */
export declare function changesFrom(summary: Readonly<Record<string, number>> | undefined, collector: EngineEventCollector | undefined): Changes;
/** Number of resources a change summary would change (create, update, delete, replace …). */
export declare function changeCount(changes: Changes): number | undefined;
/** Pending operations recorded in an exported deployment. */
export declare function pendingOperationsOf(deployment: unknown): PendingOperation[];
/** URNs of protected resources in an exported deployment. */
export declare function protectedResourcesOf(deployment: unknown): string[];
/** Recovery commands for a stack left with pending operations and/or a dead holder's lock. */
export declare function recoveryFor(env: string, pending: readonly PendingOperation[], staleLock: boolean): string[];
/**
 * Runs one job against one stack and returns its result; never throws for engine failures (they
 * become statuses). Errors opening the stack (missing stack, bad CLI) become `failed` results too.
 *
 * @example
 * ```ts
 * const result = await runOperation({ verb: "up", spec, options: {} }, { factory: createLocalStack, program, signal, emit: console.log });
 * ```
 */
export declare function runOperation(job: Job, ctx: OperationContext): Promise<EnvResult>;
