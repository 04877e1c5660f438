import { type RemoteGitProgramArgs, type RemoteWorkspaceOptions } from "@pulumi/pulumi/automation";
import type { RemoteOptions } from "./types";
import type { RemoteSpec, StackHandle, WorkspaceSpec } from "./workspace";
/** Commands a deployment runs before the operation when none are given. */
export declare const DEFAULT_PRE_RUN_COMMANDS: readonly ["npm ci"];
/** What is passed to `RemoteWorkspace.createOrSelectStack`. */
export interface RemoteRequest {
    readonly args: RemoteGitProgramArgs;
    readonly opts: RemoteWorkspaceOptions;
}
/**
 * Fills the git facts of a remote run (repository URL and branch from `git`, unless given) and
 * checks the run can work: a Pulumi Cloud backend and an access token.
 *
 * @example
 * ```ts
 * resolveRemote({ org: "acme" }, "https://api.pulumi.com", process.env); // { org: "acme", repoUrl: "https://github.com/acme/platform.git", branch: "main" }
 * ```
 */
export declare function resolveRemote(remote: RemoteOptions, backendUrl: string, env: Readonly<Record<string, string | undefined>>, git?: (args: string[]) => string): RemoteSpec;
/**
 * The request for one stack: git source (URL, branch or commit, project path), environment
 * variables (secrets marked as such, the passphrase forwarded as a secret when the stack uses the
 * passphrase provider) and pre-run commands.
 *
 * @example
 * ```ts
 * const { args, opts } = buildRemoteRequest(spec, process.env);
 * args.stackName; // "acme/platform/dev"
 * ```
 */
export declare function buildRemoteRequest(spec: WorkspaceSpec, env: Readonly<Record<string, string | undefined>>): RemoteRequest;
/**
 * Opens the stack through `RemoteWorkspace` (the local CLI talks to Pulumi Cloud, which runs the
 * deployment). Runs in the worker, whose environment carries the backend and PULUMI_HOME.
 */
export declare function createRemoteStack(spec: WorkspaceSpec): Promise<StackHandle>;
