/**
 * Posting the review to a GitHub pull request as one sticky comment (or several parts).
 */
import { renderComments, type CommentOptions } from "../render/comment";
import type { EnvReview } from "../render/types";
import { resolveGitHubTarget, type ResolveTargetOptions } from "./context";
import { upsertStickyComments, type StickyOptions, type StickyResult } from "./sticky";

export * from "./context";
export * from "./sticky";

/**
 * Options for {@link publishReview}.
 *
 * @example
 * ```ts
 * await publishReview(reviews, { key: "infra", pullNumber: 42, author: "github-actions[bot]" });
 * ```
 */
export interface PublishOptions extends ResolveTargetOptions, CommentOptions, Omit<StickyOptions, "key"> {}

/**
 * Renders the reviews and upserts them as the PR's sticky comment(s).
 *
 * @example
 * ```ts
 * // In a pull_request workflow with GITHUB_TOKEN set:
 * const { urls } = await publishReview(reviews, { footer: `commit ${process.env.GITHUB_SHA}` });
 * ```
 */
export async function publishReview(
  reviews: readonly EnvReview[],
  options: PublishOptions = {},
): Promise<StickyResult> {
  const target = resolveGitHubTarget(options);
  const bodies = renderComments(reviews, options);
  return upsertStickyComments(target, bodies, {
    ...(options.key !== undefined ? { key: options.key } : {}),
    ...(options.author !== undefined ? { author: options.author } : {}),
    ...(options.octokit !== undefined ? { octokit: options.octokit } : {}),
  });
}
