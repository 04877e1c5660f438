/**
 * The orchestrator: Automation-API verbs (`up`, `preview`, `refresh`, `destroy`, `outputs`,
 * `cancel`) over one or several environments, and the `platform` CLI verbs of the same names.
 *
 * - The project is the nearest Pulumi.yaml at or above the working directory (or `projectDir`):
 *   its `main` is the program (TypeScript through tsx), `stackConfigDir` holds `Pulumi.<env>.yaml`.
 * - Each stack runs in its own worker process (own process group, work dir and PULUMI_HOME) with
 *   that program inline and its stack file as its stack settings; a `program` function passed
 *   from code runs in this process instead, one stack at a time.
 * - Dependencies between environments are declared in the stack file, next to `config:`:
 *   `platform-orchestrator: { dependsOn: [shared] }`. `up` runs dependencies first and independent
 *   stacks in parallel; `destroy` runs in reverse; a failure skips its dependents only.
 * - Statuses: see {@link Status}. CLI exit codes: 0 all succeeded, 1 failed (or changes detected,
 *   or outputs unavailable), 2 bad input (before any engine call), 3 locked or blocked, 130 aborted.
 *
 * @example
 * ```ts
 * import { up } from "./orchestrator";
 * const run = await up({ env: "dev,staging", waitForLockMs: 5 * 60_000 });
 * if (!run.ok) console.error(run.results.filter((r) => r.status !== "succeeded"));
 * ```
 */
export {
  up,
  preview,
  refresh,
  destroy,
  outputs,
  cancel,
  selectEnvs,
  requireDestroyConfirmation,
  profileOf,
} from "./verbs";
export * from "./types";
export {
  readStackGraph,
  runOrder,
  topologicalOrder,
  dependenciesOf,
  ORCHESTRATOR_KEY,
  DEPENDS_ON_PATH,
  type StackGraph,
} from "./graph";
export {
  OpenMode,
  MIN_PULUMI_VERSION,
  type StackFactory,
  type StackHandle,
  type WorkspaceSpec,
} from "./workspace";
export { createLocalStack, createRemoteStack, defaultStackFactory } from "./stack-factory";
export { runOperation, maskOutputs, changesFrom, SECRET_MASK, type Job, type JobOptions } from "./operation";
export { buildRemoteRequest, resolveRemote, type RemoteRequest } from "./remote";
export { renderRun, renderSummaryTable, formatChanges } from "./summary";
export { synth, type SynthOptions, type SynthResult, type InventoryResource } from "./synth";
