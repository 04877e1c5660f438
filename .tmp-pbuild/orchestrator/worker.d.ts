import type { PulumiFn } from "@pulumi/pulumi/automation";
import { type Job } from "./operation";
import { type EnvResult, type OrchestratorEvent } from "./types";
import { type WorkspaceSpec } from "./workspace";
/** Messages the parent sends. */
export type ParentMessage = {
    readonly type: "run";
    readonly job: Job;
} | {
    readonly type: "abort";
};
/** Messages the worker sends. */
export type WorkerMessage = {
    readonly type: "event";
    readonly event: OrchestratorEvent;
} | {
    readonly type: "result";
    readonly result: EnvResult;
};
/**
 * The inline program: the module's default/`program` export, or the platform program.
 *
 * @example
 * ```ts
 * const program = loadProgram(spec); // async () => runPlatform()
 * ```
 */
export declare function loadProgram(spec: Pick<WorkspaceSpec, "programModule">): PulumiFn;
