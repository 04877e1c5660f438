import { type LineSource } from "./lines";
import { type ChangeSummary, type OpCounts, type ParseOptions, type ParseResult } from "./types";
/**
 * Removes Pulumi's colour markup and trailing newlines from an engine message.
 *
 * @example
 * ```ts
 * stripColorMarkup("<{%reset%}>Could not delete typB<{%reset%}>\n"); // "Could not delete typB"
 * ```
 */
export declare function stripColorMarkup(message: string): string;
/**
 * Collects engine events one at a time, from text lines or from already-parsed objects (the
 * Automation API's `onEvent` callback), and produces a {@link ParseResult}. Memory grows with the
 * number of resources, not with the length of the log.
 *
 * @example
 * ```ts
 * const collector = new EngineEventCollector();
 * await stack.preview({ onEvent: (e) => collector.addEvent(e) });
 * const { steps, summary } = collector.result();
 * ```
 */
export declare class EngineEventCollector {
    private readonly options;
    private readonly store;
    private summary;
    private readonly diagnostics;
    private readonly corrupt;
    private readonly failures;
    private readonly policy;
    private lines;
    private events;
    private corruptLines;
    private firstLine;
    constructor(options?: ParseOptions);
    /** Parses and adds one line of an event log; blank lines are skipped. */
    addLine(line: string, lineNo: number): void;
    /** Records a line that could not be used (throws in strict mode). */
    reject(lineNo: number, error: string): void;
    /** Adds one parsed engine event. */
    addEvent(event: unknown, lineNo?: number): void;
    /** The result so far (call after the last event). */
    result(): ParseResult;
    /**
     * Throws when nothing in the input was an engine event although something was there: the input is
     * not an event log at all (a pretty-printed digest, a synth inventory, a text log).
     */
    assertLooksLikeEvents(file: string): void;
    private onPre;
    private onFailed;
    private onDiagnostic;
    private onPolicy;
}
/**
 * Reads an engine summary object (event `summaryEvent` or the digest's fields).
 *
 * @example
 * ```ts
 * readSummary({ maybeCorrupt: false, durationSeconds: 2, resourceChanges: { same: 5, update: 1 } });
 * ```
 */
export declare function readSummary(body: Record<string, any>): ChangeSummary;
/**
 * Keeps the known operations of an op → count map.
 *
 * @example
 * ```ts
 * readOpCounts({ same: 2, update: 1, bogus: 3 }); // { same: 2, update: 1 }
 * ```
 */
export declare function readOpCounts(value: unknown): OpCounts;
/**
 * Parses an engine event log (JSON lines) from a file path or a stream, in constant memory with
 * respect to the log's length. Corrupt lines are recorded with their line numbers (or thrown with
 * `strict: true`); input with no engine event at all throws a {@link PlanParseError}.
 *
 * @example
 * ```ts
 * const { steps, summary, corrupt } = await parseEventLog(".platform/dev/events.jsonl");
 * ```
 */
export declare function parseEventLog(source: LineSource, options?: ParseOptions): Promise<ParseResult>;
/**
 * Parses an event log already in memory (tests, small logs).
 *
 * @example
 * ```ts
 * const result = parseEventLogText(fs.readFileSync("up.jsonl", "utf8"), { file: "up.jsonl" });
 * ```
 */
export declare function parseEventLogText(text: string, options?: ParseOptions): ParseResult;
