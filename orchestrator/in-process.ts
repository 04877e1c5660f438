/**
 * Runs the jobs of a verb in this process, one stack at a time, for a program passed from code as a
 * function (`up({ env, program: async () => { … } })`): a function cannot cross into a worker
 * process. Same dependency order and skip rules as the worker runner; the Automation API runs the
 * function here. A graceful abort reaches the engine through the AbortSignal; there is no process
 * tree of our own to kill, so `killSignal` stops only the stacks not yet started.
 */
import { rmSync } from "node:fs";
import type { PulumiFn } from "@pulumi/pulumi/automation";
import { errorSummary } from "./errors";
import type { JobOptions } from "./job";
import { Status, SUCCESS_STATUSES, type EnvResult, type OrchestratorEvent, type Verb } from "./types";
import { PulumiCliError, type WorkspaceSpec } from "./workspace";

/** Inputs of {@link runInProcess}. */
export interface InProcessOptions {
  readonly verb: Verb;
  readonly envs: readonly string[];
  readonly specs: ReadonlyMap<string, WorkspaceSpec>;
  /** env → environments that must succeed first (`envs` is already in a valid order for them). */
  readonly waitFor: ReadonlyMap<string, readonly string[]>;
  readonly options: JobOptions;
  readonly program: PulumiFn;
  readonly signal?: AbortSignal;
  readonly killSignal?: AbortSignal;
  /** Abort the whole run (gracefully) after this long. */
  readonly timeoutMs?: number;
  readonly onEvent?: (e: OrchestratorEvent) => void;
  readonly onResult?: (r: EnvResult) => void;
}

/**
 * One result per environment, in `envs` order. Throws what the worker runner throws for a missing
 * or too-old Pulumi CLI.
 *
 * @example
 * ```ts
 * const results = await runInProcess({ verb: "preview", envs: ["dev"], specs, waitFor, options: {}, program });
 * ```
 */
export async function runInProcess(o: InProcessOptions): Promise<EnvResult[]> {
  // Loaded here: the Automation API is heavy and the CLI never needs it in its own process.
  const { runOperation } = await import("./operation.js");
  const { defaultStackFactory } = await import("./stack-factory.js");
  const emit = (e: OrchestratorEvent) => o.onEvent?.(e);
  const results = new Map<string, EnvResult>();
  const pending = [...o.envs];
  const signals = [o.signal, o.timeoutMs ? AbortSignal.timeout(o.timeoutMs) : undefined];
  const signal = AbortSignal.any(signals.filter((x): x is AbortSignal => x !== undefined));
  while (pending.length > 0) {
    const index = pending.findIndex((env) => (o.waitFor.get(env) ?? []).every((d) => results.has(d)));
    const env = pending.splice(index === -1 ? 0 : index, 1)[0]!;
    const spec = o.specs.get(env)!;
    const failedDep = (o.waitFor.get(env) ?? []).find((d) => !SUCCESS_STATUSES.has(results.get(d)!.status));
    const stopped = signal.aborted || o.killSignal?.aborted === true;
    let result: EnvResult;
    if (failedDep !== undefined || stopped) {
      result = {
        env,
        stack: spec.stackName,
        verb: o.verb,
        status: Status.skipped,
        changes: "unknown",
        durationMs: 0,
        ...(failedDep !== undefined
          ? { skippedBecause: failedDep, error: `skipped: dependency ${failedDep} did not succeed` }
          : { error: "skipped: run aborted" }),
      };
    } else {
      emit({ type: "start", env, verb: o.verb, time: new Date().toISOString() });
      try {
        result = await runOperation(
          { verb: o.verb, spec, options: o.options },
          { factory: defaultStackFactory, program: o.program, signal, emit },
        );
      } catch (e) {
        if (e instanceof PulumiCliError) throw e;
        result = {
          env,
          stack: spec.stackName,
          verb: o.verb,
          status: signal.aborted ? Status.aborted : Status.failed,
          changes: "unknown",
          durationMs: 0,
          error: errorSummary(e),
        };
      } finally {
        rmSync(spec.workDir, { recursive: true, force: true });
      }
    }
    results.set(env, result);
    emit({ type: "done", env, result });
    o.onResult?.(result);
  }
  return o.envs.map((e) => results.get(e)!);
}
