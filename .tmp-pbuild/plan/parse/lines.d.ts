/** Anything the parsers read from: a file path, a byte/string stream, or an async iterable of chunks. */
export type LineSource = string | NodeJS.ReadableStream | AsyncIterable<Buffer | Uint8Array | string>;
/** Called for every line, 1-based line number included; the line has no `\n` and no trailing `\r`. */
export type LineHandler = (line: string, lineNo: number) => void;
/** Called for a line longer than {@link LineSplitterOptions.maxLineBytes}; the line itself is dropped. */
export type OverlongHandler = (lineNo: number, bytes: number) => void;
/** Options for {@link LineSplitter}. */
export interface LineSplitterOptions {
    /**
     * Longest line kept, in bytes. Longer lines are skipped (reported through `onOverlong`) instead of
     * growing one string past what V8 can hold.
     * @default 268_435_456 (256 MiB)
     */
    readonly maxLineBytes?: number;
    /** Receives overlong lines; without it they are skipped silently. */
    readonly onOverlong?: OverlongHandler;
}
/**
 * Splits a byte stream into UTF-8 lines, pushed chunk by chunk.
 *
 * @example
 * ```ts
 * const splitter = new LineSplitter((line, n) => console.log(n, line));
 * splitter.push(Buffer.from('{"a":1}\n{"b"'));
 * splitter.push(Buffer.from(':2}\n'));
 * splitter.end(); // logs 1 {"a":1} and 2 {"b":2}
 * ```
 */
export declare class LineSplitter {
    private readonly onLine;
    private readonly options;
    private pending;
    private pendingBytes;
    private skipping;
    private lineNo;
    private readonly maxLineBytes;
    constructor(onLine: LineHandler, options?: LineSplitterOptions);
    /** Number of lines emitted (or skipped as overlong) so far. */
    get lines(): number;
    /** Feeds one chunk; strings are encoded as UTF-8. */
    push(chunk: Buffer | Uint8Array | string): void;
    /** Emits the last line when the input does not end with a newline. */
    end(): void;
    private append;
    private flushPending;
    private emit;
}
/**
 * Opens a {@link LineSource} as an async iterable of chunks (a path is streamed from disk with
 * 1 MiB reads).
 *
 * @example
 * ```ts
 * for await (const chunk of openSource("events.jsonl")) total += chunk.length;
 * ```
 */
export declare function openSource(source: LineSource): AsyncIterable<Buffer | Uint8Array | string>;
/**
 * Calls `onLine` for every line of a source, in order, without holding more than one line.
 * Resolves with the number of lines read.
 *
 * @example
 * ```ts
 * const count = await forEachLine("events.jsonl", (line, n) => { if (line.includes("summaryEvent")) found = n; });
 * ```
 */
export declare function forEachLine(source: LineSource, onLine: LineHandler, options?: LineSplitterOptions): Promise<number>;
/** A human name for a source in error messages: the path, or `<stream>`. */
export declare function sourceName(source: LineSource, file?: string): string;
