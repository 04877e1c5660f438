/**
 * The sticky comment's hidden marker and the split-into-parts step. Every part starts with a marker
 * line naming the review key and the part number, so the publisher can find, update, extend and
 * shrink the set of comments on later runs.
 */
import { renderMarkdown, type MarkdownOptions } from "./markdown";
import { GITHUB_COMMENT_LIMIT, splitComment } from "./split";
import type { EnvReview } from "./types";

/** The marker's fixed text. */
export const MARKER_NAME = "platform-review";

const KEY_PATTERN = /^[A-Za-z0-9._/-]{1,100}$/;
const MARKER_PATTERN = /^<!-- platform-review(?: key=([A-Za-z0-9._/-]{1,100}))?(?: part=(\d{1,4}))? -->/;

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
export function reviewMarker(key?: string, part = 1): string {
  if (key !== undefined && !KEY_PATTERN.test(key))
    throw new RangeError(`review key must match ${KEY_PATTERN.source}, got ${JSON.stringify(key)}`);
  if (!Number.isInteger(part) || part < 1 || part > 9999)
    throw new RangeError(`part must be an integer 1–9999, got ${part}`);
  return `<!-- ${MARKER_NAME}${key !== undefined ? ` key=${key}` : ""}${part > 1 ? ` part=${part}` : ""} -->`;
}

/**
 * Reads the marker at the start of a comment body; undefined when the comment is not a review part.
 *
 * @example
 * ```ts
 * parseReviewMarker("<!-- platform-review key=infra part=2 -->\n…"); // { key: "infra", part: 2 }
 * ```
 */
export function parseReviewMarker(body: string): { key?: string; part: number } | undefined {
  const m = MARKER_PATTERN.exec(body);
  if (!m) return undefined;
  return { ...(m[1] !== undefined ? { key: m[1] } : {}), part: m[2] !== undefined ? Number(m[2]) : 1 };
}

/**
 * Options for {@link renderComments}.
 *
 * @example
 * ```ts
 * renderComments(reviews, { key: "infra", title: "Infra review" });
 * ```
 */
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
export function renderComments(reviews: readonly EnvReview[], options: CommentOptions = {}): string[] {
  const body = renderMarkdown(reviews, options);
  return splitComment(body, {
    limit: options.limit ?? GITHUB_COMMENT_LIMIT,
    header: (i) => `${reviewMarker(options.key, i + 1)}\n`,
  });
}
