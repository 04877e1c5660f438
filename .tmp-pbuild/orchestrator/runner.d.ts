import { type JobOptions } from "./operation";
import { type EnvResult, type OrchestratorEvent, type Verb } from "./types";
import type { WorkspaceSpec } from "./workspace";
/** How long the post-kill inspection of a stack may take. */
export declare const INSPECT_TIMEOUT_MS = 20000;
/** Path of the compiled worker (workers always run compiled code, also when the caller runs from TypeScript sources). */
export declare function workerPath(): string;
/** Kills a worker's whole process group (the worker, the Pulumi CLI, its plugins). */
export declare function killTree(pid: number | undefined, signal?: NodeJS.Signals): void;
/** Options of {@link runJobs}. */
export interface RunJobsOptions {
    readonly verb: Verb;
    /** Environments in the order results are reported. */
    readonly envs: readonly string[];
    readonly specs: ReadonlyMap<string, WorkspaceSpec>;
    /** env → environments that must succeed first. */
    readonly waitFor: ReadonlyMap<string, readonly string[]>;
    readonly options: JobOptions;
    readonly maxConcurrent?: number;
    readonly signal?: AbortSignal;
    readonly killSignal?: AbortSignal;
    readonly timeoutMs?: number;
    readonly killAfterMs?: number;
    readonly onEvent?: (e: OrchestratorEvent) => void;
    /** Called once per finished environment (audit log). */
    readonly onResult?: (r: EnvResult) => void;
}
/**
 * Runs the jobs and returns one result per environment, in `envs` order. Never throws for engine
 * failures; throws {@link PlatformError} only when workers cannot start at all.
 */
export declare function runJobs(o: RunJobsOptions): Promise<EnvResult[]>;
