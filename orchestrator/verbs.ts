/**
 * The library API: one async function per verb, over one environment or several. Each validates
 * everything it can before any engine call (environments, dependency graph, passphrase, Pulumi CLI,
 * prod confirmation), then runs every stack in its own worker process and returns typed results.
 * Library code returns or throws; only the CLI maps results to exit codes.
 */
import * as path from "node:path";
import { PlatformError } from "../components/shared/errors";
import { Profile } from "../components/shared/profiles";
import { readStackConfig, stacksDir as defaultStacksDir } from "../programs/stack-config";
import { appendAudit, AuditEvent, auditEntry } from "./audit";
import { currentProject } from "../programs/project";
import { resolveEnvs } from "./envs";
import { readStackFile, readStackGraph, runOrder } from "./graph";
import type { JobOptions } from "./job";
import { resolveRemote } from "./remote";
import { targetsByStack } from "./targets";
import { runInProcess } from "./in-process";
import { runJobs, type RunJobsOptions } from "./runner";
import { validateIfPlatformConfig } from "./synth";
import {
  Status,
  Verb,
  type CancelOptions,
  type CommonOptions,
  type DestroyOptions,
  type OutputsOptions,
  type PreviewOptions,
  type RefreshOptions,
  type RunResult,
  type UpOptions,
} from "./types";
import {
  defaultBackendUrl,
  displayBackend,
  locatePulumi,
  resolveWorkspace,
  type WorkspaceSpec,
} from "./workspace";

/**
 * Deploys the environments: dependencies first, independent stacks in parallel, a failure skips
 * its dependents.
 *
 * @example
 * ```ts
 * const run = await up({ env: "dev,staging", waitForLockMs: 300_000 });
 * for (const r of run.results) console.log(r.env, r.status, r.changes);
 * ```
 */
export function up(options: UpOptions): Promise<RunResult> {
  return execute(Verb.up, options, {
    ...pick(options, ["target", "refresh", "message", "expectNoChanges"]),
  });
}

/**
 * Shows what `up` would change. With `expectNoChanges`, an environment that would change reports
 * `changes-detected`.
 *
 * @example
 * ```ts
 * const { results } = await preview({ env: "prod" });
 * results[0]!.changes; // { same: 40, update: 1 } or "unknown"
 * ```
 */
export function preview(options: PreviewOptions): Promise<RunResult> {
  return execute(Verb.preview, options, pick(options, ["target", "refresh", "message", "expectNoChanges"]));
}

/**
 * Reconciles state with the cloud; with `previewOnly` it only detects drift (and with
 * `expectNoChanges` reports drift as `changes-detected`).
 *
 * @example
 * ```ts
 * const drift = await refresh({ env: "all", previewOnly: true, expectNoChanges: true });
 * drift.ok; // false when any stack drifted
 * ```
 */
export function refresh(options: RefreshOptions): Promise<RunResult> {
  return execute(
    Verb.refresh,
    options,
    pick(options, ["target", "message", "previewOnly", "expectNoChanges", "clearPendingCreates"]),
  );
}

/**
 * Destroys the environments in reverse dependency order. A prod-profile stack needs its name in
 * `confirm`; protected resources are reported and never unprotected.
 *
 * @example
 * ```ts
 * await destroy({ env: "prod", confirm: "prod", excludeProtected: true });
 * ```
 */
export function destroy(options: DestroyOptions): Promise<RunResult> {
  return execute(
    Verb.destroy,
    options,
    pick(options, ["target", "refresh", "message", "excludeProtected", "remove"]),
    (envs, dir) => requireDestroyConfirmation(envs, options.confirm, dir),
  );
}

/**
 * Reads the stacks' outputs (secrets as `"[secret]"` unless `showSecrets`).
 *
 * @example
 * ```ts
 * const { results } = await outputs({ env: "dev" });
 * results[0]!.outputs?.databaseConnectionName;
 * ```
 */
export function outputs(options: OutputsOptions): Promise<RunResult> {
  return execute(Verb.outputs, options, {});
}

/**
 * Removes the lock an interrupted update left. Refuses (status `blocked`) while the lock's holder
 * is still running on this host, unless `force`. Never called by the orchestrator on its own.
 *
 * @example
 * ```ts
 * await cancel({ env: "dev" });
 * ```
 */
export function cancel(options: CancelOptions): Promise<RunResult> {
  return execute(Verb.cancel, options, pick(options, ["force"]));
}

function pick<T extends object, K extends keyof T & keyof JobOptions>(o: T, keys: readonly K[]): JobOptions {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

/**
 * The environments an option names (`"dev"`, `"dev,prod"`, `"all"`, or a list).
 *
 * @example
 * ```ts
 * selectEnvs(["dev", "prod"]); // ["dev", "prod"]
 * ```
 */
export function selectEnvs(env: string | readonly string[], dir = defaultStacksDir()): string[] {
  return resolveEnvs(typeof env === "string" ? env : env.join(","), dir);
}

/**
 * Throws unless every prod-profile stack among `envs` is named in `confirm`.
 *
 * @example
 * ```ts
 * requireDestroyConfirmation(["dev", "prod"], undefined); // PlatformError: destroying prod (profile prod) needs --confirm prod
 * ```
 */
export function requireDestroyConfirmation(
  envs: readonly string[],
  confirm: string | readonly string[] | undefined,
  dir = defaultStacksDir(),
): void {
  const confirmed = new Set(
    (typeof confirm === "string" ? confirm.split(",") : (confirm ?? [])).map((s) => s.trim()).filter(Boolean),
  );
  const missing = envs.filter((env) => profileOf(env, dir) === Profile.prod && !confirmed.has(env));
  if (missing.length > 0) {
    throw new PlatformError(
      `destroying ${missing.join(", ")} (profile prod) needs explicit confirmation: pass ${missing.map((e) => `--confirm ${e}`).join(" ")} (the stack name, typed out)`,
    );
  }
}

/** The profile a stack file declares (`platform:environment.profile`), if any. */
export function profileOf(env: string, dir = defaultStacksDir()): string | undefined {
  const config = readStackFile(env, dir)["config"] as Record<string, unknown> | undefined;
  const section = config?.["platform:environment"];
  const profile = (section as { profile?: unknown } | undefined)?.profile;
  return typeof profile === "string" ? profile : undefined;
}

/**
 * Checks the numeric options (before any engine call).
 *
 * @example
 * ```ts
 * validateCommonOptions({ env: "dev", parallel: 0 }); // PlatformError: --parallel must be a positive integer, got 0
 * ```
 */
export function validateCommonOptions(o: CommonOptions): void {
  const positiveInt = (name: string, v: number | undefined, max?: number) => {
    if (v !== undefined && (!Number.isInteger(v) || v < 1 || (max !== undefined && v > max)))
      throw new PlatformError(
        `${name} must be ${max !== undefined ? `an integer 1–${max}` : "a positive integer"}, got ${v}`,
      );
  };
  const nonNegative = (name: string, v: number | undefined) => {
    if (v !== undefined && (!Number.isFinite(v) || v < 0))
      throw new PlatformError(`${name} must be a duration ≥ 0, got ${v}`);
  };
  positiveInt("--parallel", o.parallel, MAX_PARALLEL);
  positiveInt("maxConcurrentStacks", o.maxConcurrentStacks);
  nonNegative("--wait-for-lock", o.waitForLockMs);
  if (o.timeoutMs !== undefined && !(Number.isFinite(o.timeoutMs) && o.timeoutMs >= 1000))
    throw new PlatformError(
      `--timeout must be at least 1s (e.g. 30m), got ${o.timeoutMs} ms; leave it out for no timeout`,
    );
  nonNegative("--kill-after", o.killAfterMs);
}

/**
 * The most resource operations one engine may run at once (`--parallel`): more only opens more
 * provider connections than any cloud API quota allows.
 */
export const MAX_PARALLEL = 256;

/** Verbs that run the platform program: its config is validated here first, as synth does. */
const PROGRAM_VERBS: ReadonlySet<Verb> = new Set([Verb.up, Verb.preview, Verb.refresh]);

/**
 * Validates the platform config of every environment exactly as the program and synth do, before
 * any engine call (nothing is created in the backend for a stack with a bad file). All problems
 * of all environments at once.
 *
 * @example
 * ```ts
 * validateStackConfigs(["dev"]); // ConfigError: Invalid configuration for stack "dev": …
 * ```
 */
export function validateStackConfigs(envs: readonly string[], dir = defaultStacksDir()): void {
  const errors: Error[] = [];
  for (const env of envs) {
    try {
      validateIfPlatformConfig(env, readStackConfig(env, dir));
    } catch (e) {
      if (!(e instanceof PlatformError)) throw e;
      errors.push(e);
    }
  }
  if (errors.length === 1) throw errors[0]!;
  if (errors.length > 1) throw new PlatformError(errors.map((e) => e.message).join("\n"));
}

async function execute(
  verb: Verb,
  options: CommonOptions,
  jobOptions: JobOptions,
  check?: (envs: readonly string[], dir: string) => void,
): Promise<RunResult> {
  const started = Date.now();
  validateCommonOptions(options);
  const dir = options.stacksDir ?? defaultStacksDir(options.projectDir);
  const envs = selectEnvs(options.env, dir);
  const graph = readStackGraph(dir, envs);
  const ordered = verb === Verb.up || verb === Verb.destroy;
  const waitFor = ordered
    ? runOrder(graph, envs, verb === Verb.destroy)
    : new Map(envs.map((e) => [e, [] as string[]]));
  check?.(envs, dir);
  const projectDir = currentProject(options.projectDir).dir;
  if (!options.programModule && PROGRAM_VERBS.has(verb)) validateStackConfigs(envs, dir);
  const backend = options.backend ?? defaultBackendUrl(projectDir);
  const remote = options.remote
    ? resolveRemote(options.remote, backend, { ...process.env, ...options.envVars })
    : undefined;
  const cli = locatePulumi(options.pulumiRoot ?? (process.env["PLATFORM_PULUMI_ROOT"] || undefined));
  const specs = new Map<string, WorkspaceSpec>();
  for (const env of envs)
    specs.set(
      env,
      resolveWorkspace(env, { options: { ...options, backend }, cli, ...(remote ? { remote } : {}) }),
    );
  // --target: every target a URN of a selected stack, every selected stack targeted (before any engine call).
  const targets = targetsByStack(jobOptions.target, envs, specs.get(envs[0]!)?.projectName ?? "platform");
  const auditFile =
    options.auditLog === false
      ? undefined
      : (options.auditLog ?? path.join(options.dataDir ?? path.join(projectDir, ".platform"), "audit.log"));
  const run = options.program
    ? (o: RunJobsOptions) => runInProcess({ ...o, program: options.program! })
    : runJobs;
  const results = await run({
    verb,
    envs,
    specs,
    waitFor,
    options: {
      ...jobOptions,
      ...(options.parallel ? { parallel: options.parallel } : {}),
      ...(options.showSecrets ? { showSecrets: true } : {}),
      ...(options.waitForLockMs ? { waitForLockMs: options.waitForLockMs } : {}),
    },
    ...(targets.size > 0
      ? { perEnv: new Map([...targets].map(([env, target]) => [env, { target }] as const)) }
      : {}),
    ...(options.maxConcurrentStacks ? { maxConcurrent: options.maxConcurrentStacks } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.killSignal ? { killSignal: options.killSignal } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.killAfterMs !== undefined ? { killAfterMs: options.killAfterMs } : {}),
    ...(options.timers ? { timers: options.timers } : {}),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    onResult: (r) => {
      if (auditFile) appendAudit(auditFile, auditEntry(r, { backend, remote: remote !== undefined }));
    },
    onStart: (env) => {
      if (auditFile)
        appendAudit(
          auditFile,
          auditEntry(
            {
              env,
              stack: specs.get(env)!.stackName,
              verb,
              status: "started",
              changes: "unknown",
              durationMs: 0,
            },
            { backend, remote: remote !== undefined, event: AuditEvent.start },
          ),
        );
    },
    ...(auditFile
      ? { audit: { file: auditFile, backend: displayBackend(backend), remote: remote !== undefined } }
      : {}),
  });
  return {
    verb,
    ok: results.every((r) => r.status === Status.succeeded),
    results,
    durationMs: Date.now() - started,
  };
}
