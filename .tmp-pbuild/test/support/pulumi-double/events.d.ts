import { type DiffKind } from "./props";
import type { ResourceState } from "./state";
/** A step operation. */
export type Op = "same" | "create" | "update" | "delete" | "replace" | "create-replacement" | "delete-replaced" | "read" | "refresh" | "import";
/** `apitype.StepEventStateMetadata`. */
export type StateMetadata = Record<string, unknown>;
/** `apitype.StepEventMetadata` as built by {@link stepMetadata}. */
export interface StepMetadata {
    op: Op;
    urn: string;
    type: string;
    old: StateMetadata | null;
    new: StateMetadata | null;
    keys?: string[];
    diffs?: string[];
    detailedDiff: Record<string, {
        diffKind: DiffKind;
        inputDiff: boolean;
    }> | null;
    logical?: boolean;
    provider: string;
}
/** Event-log form of a resource state (secrets blinded), key order as the Go struct. */
export declare function stateMetadata(s: ResourceState | undefined, opts?: {
    outputs?: boolean;
    id?: boolean;
}): StateMetadata | null;
/** Logical steps are the ones users see as "the change" (and the ones the summary counts). */
export declare function isLogical(op: Op): boolean;
/** Builds step metadata. */
export declare function stepMetadata(args: {
    op: Op;
    urn: string;
    type: string;
    old?: StateMetadata | null;
    new?: StateMetadata | null;
    keys?: readonly string[];
    diffs?: readonly string[];
    detailedDiff?: StepMetadata["detailedDiff"];
    provider?: string;
}): StepMetadata;
/** Where events go: a JSON-lines file, a gRPC stream, or nowhere. */
export declare class EventSink {
    private readonly file?;
    private seq;
    private call;
    private done?;
    private client;
    /** Every event emitted, in order (the display and `preview --json` read them back). */
    readonly emitted: Record<string, unknown>[];
    private constructor();
    /** Opens the sink for an `--event-log` target (undefined: keep events in memory only). */
    static open(target: string | undefined): EventSink;
    /** Emits one event; `body` is the single `*Event` member, e.g. `{ preludeEvent: {...} }`. */
    emit(body: Record<string, unknown>): void;
    /** Flushes and closes the stream (waits up to 5 s for the server's acknowledgement). */
    close(): Promise<void>;
}
/** Colour-markup prefix of a diagnostic, as in the real event stream (`color: "raw"`). */
export declare function diagPrefix(severity: string): string;
/** A `diagnosticEvent` body. */
export declare function diagnosticEvent(severity: string, message: string, urn?: string): Record<string, unknown>;
