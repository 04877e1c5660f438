/**
 * The orchestrator: Automation-API verbs over one or several environments.
 *
 * @example
 * ```ts
 * import { up, preview, destroy } from "./orchestrator";
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
export { synth, type SynthResult, type InventoryResource } from "./synth";
