/**
 * Where the review comment goes: token, repository, pull-request number and API URL, from explicit
 * options or the GitHub Actions environment (`GITHUB_TOKEN`, `GITHUB_REPOSITORY`,
 * `GITHUB_EVENT_PATH`, `GITHUB_API_URL`).
 */
import { readFileSync } from "node:fs";
import { PlatformError } from "../../components/shared/errors";

/**
 * A resolved comment target.
 *
 * @example
 * ```ts
 * const target: GitHubTarget = { owner: "acme", repo: "infra", issueNumber: 42, token, baseUrl: "https://api.github.com" };
 * ```
 */
export interface GitHubTarget {
  readonly owner: string;
  readonly repo: string;
  /** Pull-request (issue) number. */
  readonly issueNumber: number;
  readonly token: string;
  /** REST API root, e.g. `https://api.github.com` or `https://ghe.example.com/api/v3`. */
  readonly baseUrl: string;
}

/** Options for {@link resolveGitHubTarget}; each wins over its environment variable. */
export interface ResolveTargetOptions {
  /** @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Overrides `GITHUB_TOKEN`. */
  readonly token?: string;
  /** `owner/name`; overrides `GITHUB_REPOSITORY`. */
  readonly repository?: string;
  /** Overrides the number read from the event payload. */
  readonly pullNumber?: number;
  /** Overrides `GITHUB_API_URL`. */
  readonly apiUrl?: string;
}

/** The public API root, when `GITHUB_API_URL` is not set. */
export const DEFAULT_GITHUB_API_URL = "https://api.github.com";

/**
 * Resolves the target, with an error naming the missing setting and how to provide it.
 *
 * @example
 * ```ts
 * const target = resolveGitHubTarget(); // in a pull_request workflow
 * const target2 = resolveGitHubTarget({ pullNumber: 42, repository: "acme/infra", token });
 * ```
 */
export function resolveGitHubTarget(options: ResolveTargetOptions = {}): GitHubTarget {
  const env = options.env ?? process.env;
  const token = options.token ?? env.GITHUB_TOKEN;
  if (!token)
    throw new PlatformError(
      "GitHub comment: no token: set GITHUB_TOKEN (in Actions: `env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}` with `permissions: pull-requests: write`) or pass a token",
    );
  const repository = options.repository ?? env.GITHUB_REPOSITORY;
  if (!repository)
    throw new PlatformError(
      "GitHub comment: no repository: set GITHUB_REPOSITORY=owner/name or pass a repository",
    );
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repository);
  if (!m)
    throw new PlatformError(
      `GitHub comment: repository must be "owner/name", got ${JSON.stringify(repository)}`,
    );
  const issueNumber = options.pullNumber ?? pullNumberFromEvent(env.GITHUB_EVENT_PATH);
  if (!Number.isInteger(issueNumber) || issueNumber < 1)
    throw new PlatformError(
      `GitHub comment: pull-request number must be a positive integer, got ${issueNumber}`,
    );
  const baseUrl = (options.apiUrl ?? env.GITHUB_API_URL ?? DEFAULT_GITHUB_API_URL).replace(/\/+$/, "");
  return { owner: m[1]!, repo: m[2]!, issueNumber, token, baseUrl };
}

/**
 * Reads the pull-request number from an Actions event payload: `pull_request.number`
 * (`pull_request`, `pull_request_target`), or `issue.number` of an `issue_comment` on a PR.
 *
 * @example
 * ```ts
 * pullNumberFromEvent(process.env.GITHUB_EVENT_PATH); // 42
 * ```
 */
export function pullNumberFromEvent(eventPath: string | undefined): number {
  if (!eventPath)
    throw new PlatformError(
      "GitHub comment: no pull-request number: GITHUB_EVENT_PATH is not set; pass the number explicitly (--pr <number>)",
    );
  let payload: any;
  try {
    payload = JSON.parse(readFileSync(eventPath, "utf8"));
  } catch (err) {
    throw new PlatformError(
      `GitHub comment: cannot read the event payload ${eventPath}: ${(err as Error).message}; pass the number explicitly (--pr <number>)`,
    );
  }
  const n =
    payload?.pull_request?.number ?? (payload?.issue?.pull_request ? payload.issue.number : undefined);
  if (typeof n !== "number")
    throw new PlatformError(
      `GitHub comment: the event payload ${eventPath} has no pull_request.number (is the workflow triggered by pull_request?); pass the number explicitly (--pr <number>)`,
    );
  return n;
}
