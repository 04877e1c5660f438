/**
 * The sticky review comment: found by its hidden marker, updated in place, extended with extra parts
 * when the review grew past one comment, and shrunk (surplus parts deleted) when it got shorter.
 */
import { Octokit } from "@octokit/rest";
import { PlatformError } from "../../components/shared/errors";
import { parseReviewMarker } from "../render/comment";
import type { GitHubTarget } from "./context";

/** The comment fields the publisher reads. */
export interface IssueComment {
  readonly id: number;
  readonly body?: string | null;
  readonly user?: { readonly login: string } | null;
  readonly html_url?: string;
}

/**
 * What {@link upsertStickyComments} did.
 *
 * @example
 * ```ts
 * const { urls, created, deleted } = await upsertStickyComments(target, bodies);
 * ```
 */
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

/**
 * Options for {@link upsertStickyComments}.
 *
 * @example
 * ```ts
 * await upsertStickyComments(target, bodies, { key: "infra", author: "github-actions[bot]" });
 * ```
 */
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
export function createOctokit(target: Pick<GitHubTarget, "token" | "baseUrl">): Octokit {
  return new Octokit({
    auth: target.token,
    baseUrl: target.baseUrl,
    userAgent: "platform-review",
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
}

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
export async function upsertStickyComments(
  target: GitHubTarget,
  bodies: readonly string[],
  options: StickyOptions = {},
): Promise<StickyResult> {
  if (bodies.length === 0) throw new PlatformError("GitHub comment: nothing to post (no comment bodies)");
  for (const [i, body] of bodies.entries()) {
    const marker = parseReviewMarker(body);
    if (!marker || marker.key !== options.key || marker.part !== i + 1)
      throw new PlatformError(
        `GitHub comment: body ${i + 1} does not start with the marker for key ${options.key ?? "(none)"} part ${i + 1}; build bodies with renderComments()`,
      );
  }
  const octokit = options.octokit ?? createOctokit(target);
  const { owner, repo, issueNumber } = target;
  const where = `${owner}/${repo}#${issueNumber}`;

  const all = await call(`list comments on ${where}`, () =>
    octokit.paginate(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: issueNumber,
      per_page: 100,
    }),
  );
  const ours = (all as IssueComment[])
    .map((c) => ({ comment: c, part: parseReviewMarker(c.body ?? "") }))
    .filter((x) => x.part !== undefined && x.part.key === options.key)
    .filter((x) => options.author === undefined || x.comment.user?.login === options.author)
    .sort((a, b) => a.part!.part - b.part!.part || a.comment.id - b.comment.id);
  // Part n goes to the oldest comment marked part n; parts without one reuse leftover comments
  // (oldest first) before new ones are created; what is left over is deleted.
  const assigned: Array<IssueComment | undefined> = bodies.map((_, i) => {
    const at = ours.findIndex((x) => x.part!.part === i + 1);
    return at >= 0 ? ours.splice(at, 1)[0]!.comment : undefined;
  });
  const spare = ours.map((x) => x.comment).sort((a, b) => a.id - b.id);
  for (let i = 0; i < assigned.length; i++) assigned[i] ??= spare.shift();

  const result: StickyResult = { ids: [], urls: [], created: [], updated: [], unchanged: [], deleted: [] };
  for (const [i, body] of bodies.entries()) {
    const existing = assigned[i];
    if (existing && existing.body === body) {
      result.unchanged.push(existing.id);
      result.ids.push(existing.id);
      result.urls.push(existing.html_url ?? "");
      continue;
    }
    const res = existing
      ? await call(`update comment ${existing.id} on ${where}`, () =>
          octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body }),
        )
      : await call(`create a comment on ${where}`, () =>
          octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body }),
        );
    (existing ? result.updated : result.created).push(res.data.id);
    result.ids.push(res.data.id);
    result.urls.push(res.data.html_url);
  }
  for (const surplus of spare) {
    await call(`delete comment ${surplus.id} on ${where}`, () =>
      octokit.rest.issues.deleteComment({ owner, repo, comment_id: surplus.id }),
    );
    result.deleted.push(surplus.id);
  }
  return result;
}

/** Runs one API call, turning a failure into an error that says what was being done and what to check. */
async function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const e = err as { status?: number; message?: string };
    const hint =
      e.status === 401
        ? " (the token is invalid or expired)"
        : e.status === 403
          ? " (the token lacks `pull-requests: write`/`issues: write`, or a fork PR's token is read-only)"
          : e.status === 404
            ? " (wrong repository or PR number, or the token cannot see the repository)"
            : e.status === 422
              ? " (GitHub rejected the body; is it over 65,536 characters?)"
              : "";
    throw new PlatformError(
      `GitHub comment: could not ${what}: ${e.status !== undefined ? `HTTP ${e.status} ` : ""}${e.message ?? String(err)}${hint}`,
    );
  }
}
