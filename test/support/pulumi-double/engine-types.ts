/**
 * Types shared by the double's engine: gRPC failures, injected faults, decoded registrations and
 * the options of one deployment.
 */
import type { Display, OperationKind } from "./display";
import type { EventSink } from "./events";
import type { Props } from "./props";
import type { PendingOperation, ResourceState } from "./state";

/** gRPC status codes the engine answers with. */
export const Status = {
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  NOT_FOUND: 5,
  UNIMPLEMENTED: 12,
  UNAVAILABLE: 14,
} as const;

/** A failure the monitor reports to the program as a gRPC error. */
export class GrpcFailure extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** A failed resource operation (provider error, protect violation). */
export class StepFailure extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Faults injected through the environment of the CLI process. */
export interface Faults {
  /** PULUMI_DOUBLE_FAIL_ON: logical name of a resource whose provider operations fail. */
  failOn?: string;
  /** PULUMI_DOUBLE_DELAY_MS: sleep per provider operation. */
  delayMs: number;
  /** PULUMI_DOUBLE_CRASH_AFTER: SIGKILL self when starting provider operation n+1. */
  crashAfter?: number;
  /**
   * PULUMI_DOUBLE_HOLD: a file path; every provider operation, once started, waits until that file
   * exists (`{stack}` in the path is replaced by the stack name). A test holds an operation in
   * flight for exactly as long as it needs (a lock held, a Ctrl-C during an operation) instead of
   * guessing a delay.
   */
  holdFile?: string;
  /**
   * PULUMI_DOUBLE_STOP_GRACE_MS: how long an inline program gets to wind down after a failure or a
   * cancel before the double finishes without it. @default 3000
   */
  stopGraceMs: number;
  /** PULUMI_DOUBLE_TRACE: a file the double appends trace lines to (see trace.ts). */
  traceFile?: string;
}

/** Reads the fault variables. */
export function faultsFromEnv(env: NodeJS.ProcessEnv): Faults {
  const n = (v: string | undefined) =>
    v !== undefined && v !== "" && !isNaN(Number(v)) ? Number(v) : undefined;
  return {
    failOn: env["PULUMI_DOUBLE_FAIL_ON"] || undefined,
    delayMs: n(env["PULUMI_DOUBLE_DELAY_MS"]) ?? 0,
    crashAfter: n(env["PULUMI_DOUBLE_CRASH_AFTER"]),
    holdFile: env["PULUMI_DOUBLE_HOLD"] || undefined,
    stopGraceMs: n(env["PULUMI_DOUBLE_STOP_GRACE_MS"]) ?? 3000,
    traceFile: env["PULUMI_DOUBLE_TRACE"] || undefined,
  };
}

/** A RegisterResource request, decoded. */
export interface RegisterRequest {
  type: string;
  name: string;
  parent: string;
  custom: boolean;
  remote: boolean;
  object: Props;
  protect?: boolean;
  dependencies: string[];
  provider: string;
  propertyDependencies: Record<string, string[]>;
  deleteBeforeReplace: boolean;
  version: string;
  ignoreChanges: string[];
  additionalSecretOutputs: string[];
  aliasURNs: string[];
  importId: string;
  replaceOnChanges: string[];
  retainOnDelete?: boolean;
  deletedWith: string;
  supportsResultReporting: boolean;
}

/** What RegisterResource answers. */
export interface RegisterResult {
  urn: string;
  id: string;
  object: Props;
  /** 0 success, 1 failed (only with result reporting and --continue-on-error). */
  result: number;
}

/** Options of one deployment. */
export interface DeploymentOptions {
  kind: OperationKind;
  dryRun: boolean;
  project: string;
  stack: string;
  olds: ResourceState[];
  pendingOperations: PendingOperation[];
  /** Plaintext runtime config (the provider reads `gcp:project` and friends). */
  config: Props;
  events: EventSink;
  display: Display;
  /** Journals the snapshot (not called in dry runs). */
  persist: (resources: ResourceState[], pending: PendingOperation[]) => void;
  parallel: number;
  targets: string[];
  replaceTargets: string[];
  excludes: string[];
  continueOnError: boolean;
  excludeProtected: boolean;
  faults: Faults;
}

export class Semaphore {
  private active = 0;
  private readonly waiters: (() => void)[] = [];
  constructor(private readonly limit: number) {}
  async acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return;
    }
    await new Promise<void>((r) => this.waiters.push(r));
    this.active++;
  }
  release(): void {
    this.active--;
    this.waiters.shift()?.();
  }
}
