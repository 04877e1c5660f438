/** A resolved comment target. */
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
export declare const DEFAULT_GITHUB_API_URL = "https://api.github.com";
/**
 * Resolves the target, with an error naming the missing setting and how to provide it.
 *
 * @example
 * ```ts
 * const target = resolveGitHubTarget(); // in a pull_request workflow
 * const target2 = resolveGitHubTarget({ pullNumber: 42, repository: "acme/infra", token });
 * ```
 */
export declare function resolveGitHubTarget(options?: ResolveTargetOptions): GitHubTarget;
/**
 * Reads the pull-request number from an Actions event payload: `pull_request.number`
 * (`pull_request`, `pull_request_target`), or `issue.number` of an `issue_comment` on a PR.
 *
 * @example
 * ```ts
 * pullNumberFromEvent(process.env.GITHUB_EVENT_PATH); // 42
 * ```
 */
export declare function pullNumberFromEvent(eventPath: string | undefined): number;
