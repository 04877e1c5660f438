/**
 * Posting the review to a GitHub pull request as one sticky comment (or several parts).
 */
import { type CommentOptions } from "../render/comment";
import type { EnvReview } from "../render/types";
import { type ResolveTargetOptions } from "./context";
import { type StickyOptions, type StickyResult } from "./sticky";
export * from "./context";
export * from "./sticky";
/** Options for {@link publishReview}. */
export interface PublishOptions extends ResolveTargetOptions, CommentOptions, Omit<StickyOptions, "key"> {
}
/**
 * Renders the reviews and upserts them as the PR's sticky comment(s).
 *
 * @example
 * ```ts
 * // In a pull_request workflow with GITHUB_TOKEN set:
 * const { urls } = await publishReview(reviews, { footer: `commit ${process.env.GITHUB_SHA}` });
 * ```
 */
export declare function publishReview(reviews: readonly EnvReview[], options?: PublishOptions): Promise<StickyResult>;
