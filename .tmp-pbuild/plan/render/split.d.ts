/**
 * Splits a markdown comment that is longer than the host allows into several, the way Atlantis
 * does (`server/events/vcs/common/common.go` `SplitComment`): at line boundaries (inside a line only
 * when one line alone is too long), closing whatever block is open at the split — a code fence,
 * `<details>` sections — with a "continued in next comment" note, and reopening the same blocks
 * after a "continued from previous comment" note in the next part. Nothing is dropped: the parts'
 * chunks concatenate to the original body, and the first part starts with the body's beginning
 * (the summary table).
 */
/** GitHub's limit for an issue or pull-request comment body, in characters. */
export declare const GITHUB_COMMENT_LIMIT = 65536;
/** Options for {@link splitComment}. */
export interface SplitOptions {
    /** Longest part, in UTF-16 code units (never more than characters). @default GITHUB_COMMENT_LIMIT */
    readonly limit?: number;
    /** Text put before every part (index from 0), e.g. a hidden marker line. @default none */
    readonly header?: (index: number) => string;
    /** Line that ends a part that continues. */
    readonly continuedEnd?: string;
    /** Line that starts a continuation part. */
    readonly continuedStart?: string;
}
/** One part: the full comment text and the slice of the original body it carries. */
export interface SplitPart {
    readonly text: string;
    readonly chunk: string;
}
/** Default note at the end of a part that continues. */
export declare const CONTINUED_END = "> [!NOTE]\n> Output longer than one comment allows: continued in the next comment.";
/** Default note at the start of a continuation. */
export declare const CONTINUED_START = "> Continued from the previous comment.";
/**
 * Splits `body` into parts of at most `limit` characters, each with its header.
 *
 * @example
 * ```ts
 * const parts = splitCommentParts(body, { limit: 65_536, header: (i) => `<!-- review part=${i + 1} -->\n` });
 * parts.map((p) => p.chunk).join("") === body; // true
 * ```
 */
export declare function splitCommentParts(body: string, options?: SplitOptions): SplitPart[];
/**
 * Splits `body` into comment texts of at most `limit` characters (see {@link splitCommentParts}).
 *
 * @example
 * ```ts
 * const comments = splitComment(renderMarkdown(reviews), { header: (i) => reviewMarker(undefined, i + 1) + "\n" });
 * ```
 */
export declare function splitComment(body: string, options?: SplitOptions): string[];
