/**
 * Scale-out through Pulumi Deployments: the operation runs on Pulumi's runners from this
 * repository's git source (the `pulumi up` entry and the same stack files), not on this machine.
 * {@link buildRemoteRequest} builds exactly what is handed to `RemoteWorkspace`, so it is tested
 * without a network.
 */
import { execFileSync } from "node:child_process";
import type { RemoteGitProgramArgs, RemoteWorkspaceOptions } from "@pulumi/pulumi/automation";
import { PlatformError } from "../components/shared/errors";
import { findProjectDir } from "../programs/project";
import type { RemoteOptions } from "./types";
import type { RemoteSpec, WorkspaceSpec } from "./workspace";

/** Commands a deployment runs before the operation when none are given. */
export const DEFAULT_PRE_RUN_COMMANDS = ["npm ci"] as const;

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
export function resolveRemote(
  remote: RemoteOptions,
  backendUrl: string,
  env: Readonly<Record<string, string | undefined>>,
  git: (args: string[]) => string = runGit,
): RemoteSpec {
  if (!backendUrl.startsWith("https://")) {
    throw new PlatformError(
      `--remote runs through Pulumi Deployments and needs a Pulumi Cloud backend (--backend https://api.pulumi.com), not ${backendUrl}`,
    );
  }
  if (!env["PULUMI_ACCESS_TOKEN"])
    throw new PlatformError(
      "--remote needs PULUMI_ACCESS_TOKEN (a Pulumi Cloud access token) in the environment",
    );
  if (!/^[A-Za-z0-9_.-]+$/.test(remote.org))
    throw new PlatformError(`--remote-org: not an organization name: ${JSON.stringify(remote.org)}`);
  const repoUrl = remote.repoUrl ?? tryGit(git, ["remote", "get-url", "origin"]);
  if (!repoUrl)
    throw new PlatformError(
      "--remote: no git remote 'origin' to deploy from; pass the repository URL (remote.repoUrl)",
    );
  const commit = remote.commit;
  const branch = commit
    ? remote.branch
    : (remote.branch ?? tryGit(git, ["rev-parse", "--abbrev-ref", "HEAD"]));
  if (!commit && (!branch || branch === "HEAD"))
    throw new PlatformError("--remote: detached HEAD; pass a branch or a commit to deploy");
  return { ...remote, repoUrl, ...(branch ? { branch } : {}), ...(commit ? { commit } : {}) };
}

function tryGit(git: (args: string[]) => string, args: string[]): string | undefined {
  try {
    const out = git(args).trim();
    return out === "" ? undefined : out;
  } catch {
    return undefined;
  }
}

function runGit(args: string[]): string {
  return execFileSync("git", args, {
    cwd: findProjectDir() ?? process.cwd(),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
}

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
export function buildRemoteRequest(
  spec: WorkspaceSpec,
  env: Readonly<Record<string, string | undefined>>,
): RemoteRequest {
  const remote = spec.remote;
  if (!remote) throw new PlatformError(`stack ${spec.env} is not configured for a remote run`);
  const args: RemoteGitProgramArgs = {
    stackName: spec.stackName,
    url: remote.repoUrl,
    projectPath: remote.projectPath ?? ".",
    ...(remote.commit ? { commitHash: remote.commit } : { branch: `refs/heads/${remote.branch}` }),
  };
  const envVars: Record<string, string | { secret: string }> = { ...(remote.envVars ?? {}) };
  for (const [k, v] of Object.entries(remote.secretEnvVars ?? {})) envVars[k] = { secret: v };
  const usesPassphrase =
    typeof spec.stackSettings.encryptionSalt === "string" || spec.secretsProvider === "passphrase";
  const passphrase = env["PULUMI_CONFIG_PASSPHRASE"];
  if (usesPassphrase && passphrase !== undefined && !("PULUMI_CONFIG_PASSPHRASE" in envVars))
    envVars["PULUMI_CONFIG_PASSPHRASE"] = { secret: passphrase };
  const opts: RemoteWorkspaceOptions = {
    envVars,
    preRunCommands: [...(remote.preRunCommands ?? DEFAULT_PRE_RUN_COMMANDS)],
    skipInstallDependencies: true,
  };
  return { args, opts };
}
