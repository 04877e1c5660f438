import type { OrchestratorEvent } from "./types";
/**
 * Progress state of a run, one line per environment.
 *
 * @example
 * ```ts
 * const model = new ProgressModel();
 * model.apply({ type: "start", env: "dev", verb: "up", time: new Date().toISOString() });
 * model.lines(Date.now()); // ["dev      0.0s  starting"]
 * ```
 */
export declare class ProgressModel {
    private readonly now;
    private readonly envs;
    constructor(now?: () => number);
    /** Feeds one event. */
    apply(e: OrchestratorEvent): void;
    /** The lines to draw now. */
    lines(now?: number): string[];
}
/** A running display; `stop()` clears it. */
export interface Progress {
    readonly onEvent: (e: OrchestratorEvent) => void;
    stop(): void;
}
/**
 * Starts the live display on `stream` when it is a terminal (ora spinner, redrawn every 200 ms);
 * on anything else returns a display that draws nothing.
 *
 * @example
 * ```ts
 * const progress = await startProgress(process.stderr);
 * await up({ env: "all", onEvent: progress.onEvent });
 * progress.stop();
 * ```
 */
export declare function startProgress(stream: NodeJS.WriteStream, enabled?: boolean): Promise<Progress>;
