/**
 * The sticky comment's hidden marker and the split-into-parts step. Every part starts with a marker
 * line naming the review key and the part number, so the publisher can find, update, extend and
 * shrink the set of comments on later runs.
 */
import { type MarkdownOptions } from "./markdown";
import type { EnvReview } from "./types";
/** The marker's fixed text. */
export declare const MARKER_NAME = "platform-review";
/**
 * The hidden marker line of a review comment: `<!-- platform-review -->` for the first part of the
 * default review, `<!-- platform-review key=infra part=2 -->` for others. The key separates several
 * reviews on one PR (e.g. one per project in a monorepo).
 *
 * @example
 * ```ts
 * reviewMarker(); // "<!-- platform-review -->"
 * reviewMarker("infra", 2); // "<!-- platform-review key=infra part=2 -->"
 * ```
 */
export declare function reviewMarker(key?: string, part?: number): string;
/**
 * Reads the marker at the start of a comment body; undefined when the comment is not a review part.
 *
 * @example
 * ```ts
 * parseReviewMarker("<!-- platform-review key=infra part=2 -->\n…"); // { key: "infra", part: 2 }
 * ```
 */
export declare function parseReviewMarker(body: string): {
    key?: string;
    part: number;
} | undefined;
/** Options for {@link renderComments}. */
export interface CommentOptions extends MarkdownOptions {
    /** Review key, for several reviews on one PR. @default none */
    readonly key?: string;
    /** Longest comment. @default GITHUB_COMMENT_LIMIT */
    readonly limit?: number;
}
/**
 * Renders the review and splits it into comment bodies, each starting with its marker line.
 *
 * @example
 * ```ts
 * const bodies = renderComments(reviews, { key: "infra" });
 * bodies.length; // 1 unless the review is longer than 65,536 characters
 * ```
 */
export declare function renderComments(reviews: readonly EnvReview[], options?: CommentOptions): string[];
