/**
 * What the parent hands a worker: the verb, the resolved workspace and the per-verb options.
 * Plain data (it crosses the process boundary).
 */
import type { Verb } from "./types";
import type { WorkspaceSpec } from "./workspace";

/** Internal verb: read pending operations and locks of a stack whose worker was killed. */
export const INSPECT = "inspect";

/** Per-verb settings of one job. */
export interface JobOptions {
  readonly target?: readonly string[];
  readonly refresh?: boolean;
  readonly parallel?: number;
  readonly message?: string;
  readonly expectNoChanges?: boolean;
  readonly previewOnly?: boolean;
  readonly clearPendingCreates?: boolean;
  readonly excludeProtected?: boolean;
  readonly remove?: boolean;
  readonly showSecrets?: boolean;
  readonly waitForLockMs?: number;
  readonly force?: boolean;
}

/** Where the worker writes an `interrupted` audit line if the orchestrator dies mid-run. */
export interface JobAudit {
  readonly file: string;
  /** The backend as the audit log shows it (no credentials). */
  readonly backend: string;
  readonly remote: boolean;
}

/** What a worker runs. */
export interface Job {
  readonly verb: Verb | typeof INSPECT;
  readonly spec: WorkspaceSpec;
  readonly options: JobOptions;
  /** Set when the run keeps an audit log. */
  readonly audit?: JobAudit;
}
