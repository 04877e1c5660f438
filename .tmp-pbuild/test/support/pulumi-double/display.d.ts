/**
 * The CLI's stdout while an operation runs: a non-interactive progress log in the shape of the real
 * display (`Updating (dev):`, one line per step start and finish, Diagnostics, Outputs, Resources,
 * Duration), or with `preview --json` one `PreviewDigest` printed at the end.
 */
import type { Op } from "./events";
import { type Props } from "./props";
import type { ResourceState } from "./state";
/** The operation being displayed. */
export type OperationKind = "update" | "preview" | "refresh" | "destroy";
/** `random:index/randomString:RandomString` → `random:index:RandomString`, as the display shows types. */
export declare function displayType(type: string): string;
/** One step of a `preview --json` digest. */
export interface DigestStep {
    op: Op;
    urn: string;
    provider?: string;
    oldState?: ResourceState;
    newState?: ResourceState;
    diffReasons?: string[];
    replaceReasons?: string[];
    detailedDiff: Record<string, {
        kind: string;
        inputDiff: boolean;
    }> | null;
}
/** Renders progress and the final summary of one operation. */
export declare class Display {
    private readonly out;
    private readonly opts;
    private readonly diags;
    private readonly steps;
    constructor(out: (text: string) => void, opts: {
        kind: OperationKind;
        dryRun: boolean;
        stack: string;
        json: boolean;
        diff: boolean;
        showSames?: boolean;
    });
    /** `Updating (dev):` and friends. */
    header(): void;
    /** A step started (or, in a preview, was planned). */
    stepStart(op: Op, urn: string, diff?: {
        keys: string[];
        diffs: string[];
        olds?: Props;
        news?: Props;
    }): void;
    /** A step finished. */
    stepDone(op: Op, urn: string, seconds: number, failed?: boolean): void;
    /** Records a step for `preview --json`. */
    recordStep(step: DigestStep): void;
    /** Records a diagnostic for the Diagnostics section. */
    diagnostic(severity: string, message: string, urn?: string): void;
    /** Prints Diagnostics, Outputs, Resources and Duration (or the preview digest). */
    footer(args: {
        outputs?: Props;
        oldOutputs?: Props;
        changes: Record<string, number>;
        seconds: number;
        config: Record<string, string>;
        rootUrn?: string;
    }): void;
    private printDigest;
}
