/**
 * The real {@link StackFactory}s: `LocalWorkspace` with an inline program, or `RemoteWorkspace`
 * for Pulumi Deployments. Loaded only by the worker process (it pulls in the Automation API).
 */
import { existsSync, mkdirSync } from "node:fs";
import * as path from "node:path";
import { LocalWorkspace, PulumiCommand, RemoteWorkspace } from "@pulumi/pulumi/automation";
import { buildRemoteRequest } from "./remote";
import { errorSummary } from "./errors";
import {
  checkPulumiVersion,
  INSTALL_HINT,
  OpenMode,
  PulumiCliError,
  type StackFactory,
  type StackHandle,
  type WorkspaceSpec,
} from "./workspace";

/**
 * The Pulumi CLI for a spec, its version checked against `MIN_PULUMI_VERSION` (the
 * `pulumi version` call the Automation API makes anyway, before anything else): throws
 * {@link PulumiCliError}, which stops the whole run.
 *
 * @example
 * ```ts
 * const cmd = await checkedPulumiCommand(spec); // PulumiCliError: Pulumi CLI v3.100.0 (…) is too old: …
 * ```
 */
export async function checkedPulumiCommand(spec: Pick<WorkspaceSpec, "pulumiRoot">): Promise<PulumiCommand> {
  let cmd: PulumiCommand;
  try {
    cmd = await PulumiCommand.get({
      ...(spec.pulumiRoot ? { root: spec.pulumiRoot } : {}),
      skipVersionCheck: true,
    });
  } catch (e) {
    throw new PulumiCliError(`\`pulumi version\` failed: ${errorSummary(e)}; ${INSTALL_HINT}`);
  }
  checkPulumiVersion(cmd.version?.toString() ?? "", cmd.command);
  return cmd;
}

/**
 * Opens a stack through `LocalWorkspace` with an inline program, the repository's project
 * settings, the stack file as stack settings, its own work dir and PULUMI_HOME.
 *
 * @example
 * ```ts
 * const stack = await createLocalStack(spec, async () => runPlatform(), OpenMode.createOrSelect);
 * await stack.up({ onEvent: console.log });
 * ```
 */
export const createLocalStack: StackFactory = async (spec, program, mode) => {
  const pulumiCommand = await checkedPulumiCommand(spec);
  mkdirSync(spec.workDir, { recursive: true });
  mkdirSync(spec.pulumiHome, { recursive: true });
  if (spec.backendUrl.startsWith("file://")) {
    const dir = spec.backendUrl.slice("file://".length).replace(/\?.*$/, "");
    if (dir && !existsSync(dir)) mkdirSync(dir, { recursive: true });
  }
  const args = { stackName: spec.stackName, projectName: spec.projectName, program };
  const opts = {
    workDir: spec.workDir,
    pulumiHome: spec.pulumiHome,
    pulumiCommand,
    envVars: { ...spec.envVars },
    projectSettings: {
      name: spec.projectName,
      runtime: spec.runtime as "nodejs",
      backend: { url: spec.backendUrl },
    },
    stackSettings: { [spec.stackName]: spec.stackSettings },
    ...(spec.secretsProvider ? { secretsProvider: spec.secretsProvider } : {}),
  };
  return mode === OpenMode.select
    ? LocalWorkspace.selectStack(args, opts)
    : LocalWorkspace.createOrSelectStack(args, opts);
};

/**
 * Opens the stack through `RemoteWorkspace` (the local CLI talks to Pulumi Cloud, which runs the
 * deployment). Runs in the worker, whose environment carries the backend and PULUMI_HOME.
 */
export async function createRemoteStack(spec: WorkspaceSpec): Promise<StackHandle> {
  process.env["PULUMI_BACKEND_URL"] = spec.backendUrl;
  process.env["PULUMI_HOME"] = spec.pulumiHome;
  for (const [k, v] of Object.entries(spec.envVars)) process.env[k] = v;
  if (spec.pulumiRoot)
    process.env["PATH"] = `${path.join(spec.pulumiRoot, "bin")}${path.delimiter}${process.env["PATH"] ?? ""}`;
  await checkedPulumiCommand(spec);
  const { args, opts } = buildRemoteRequest(spec, process.env);
  return RemoteWorkspace.createOrSelectStack(args, opts);
}

/**
 * The factory workers use: remote specs through Pulumi Deployments, the rest locally.
 *
 * @example
 * ```ts
 * const stack = await defaultStackFactory(spec, program, OpenMode.select);
 * ```
 */
export const defaultStackFactory: StackFactory = (spec, program, mode) =>
  spec.remote ? createRemoteStack(spec) : createLocalStack(spec, program, mode);
