import type { SynthResult } from "../synth";
/**
 * Synthesizes environments as they were at a git ref (the pull request's base), for the offline
 * review of pull requests from forks, which get no cloud credentials. The ref is checked out in a
 * temporary git worktree that shares this checkout's node_modules, built with its own sources, and
 * its own synth runs with its own stack files. The worktree is removed afterwards.
 *
 * An environment that does not exist at the base ref yields an empty inventory (everything is a
 * create); a base whose config is invalid is an error naming the ref.
 *
 * @example
 * ```ts
 * const base = await synthAtRef("origin/main", ["dev", "prod"]);
 * ```
 */
export declare function synthAtRef(ref: string, envs: readonly string[], root?: string): Promise<Map<string, SynthResult>>;
