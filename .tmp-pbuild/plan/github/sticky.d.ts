/**
 * The sticky review comment: found by its hidden marker, updated in place, extended with extra parts
 * when the review grew past one comment, and shrunk (surplus parts deleted) when it got shorter.
 */
import { Octokit } from "@octokit/rest";
import type { GitHubTarget } from "./context";
/** The comment fields the publisher reads. */
export interface IssueComment {
    readonly id: number;
    readonly body?: string | null;
    readonly user?: {
        readonly login: string;
    } | null;
    readonly html_url?: string;
}
/** What {@link upsertStickyComments} did. */
export interface StickyResult {
    /** Comment ids in part order. */
    readonly ids: number[];
    readonly urls: string[];
    readonly created: number[];
    readonly updated: number[];
    /** Parts whose body was already identical (no request sent). */
    readonly unchanged: number[];
    readonly deleted: number[];
}
/** Options for {@link upsertStickyComments}. */
export interface StickyOptions {
    /** Review key: only comments whose marker has this key are touched. @default none */
    readonly key?: string;
    /** Only touch comments by this login (e.g. `github-actions[bot]`). @default any author */
    readonly author?: string;
    /** A ready client (tests, custom retry plugins). @default a new Octokit for the target */
    readonly octokit?: Octokit;
}
/**
 * A REST client for a target.
 *
 * @example
 * ```ts
 * const octokit = createOctokit(resolveGitHubTarget());
 * ```
 */
export declare function createOctokit(target: Pick<GitHubTarget, "token" | "baseUrl">): Octokit;
/**
 * Writes `bodies` (each starting with its marker line, see `renderComments`) as the PR's review
 * comments. Each part updates the oldest existing comment with the same key and part number (no
 * request when the body is identical); parts without one reuse leftover comments, then new ones are
 * created; surplus comments, including duplicates left by concurrent runs, are deleted.
 *
 * @example
 * ```ts
 * const target = resolveGitHubTarget();
 * await upsertStickyComments(target, renderComments(reviews));
 * ```
 */
export declare function upsertStickyComments(target: GitHubTarget, bodies: readonly string[], options?: StickyOptions): Promise<StickyResult>;
