/**
 * The child process that owns one stack for one operation. Inline programs allow one update per
 * process (the SDK keeps global runtime state), so every stack runs here, in its own process group
 * (the parent can kill the whole tree), with its own work dir and PULUMI_HOME.
 *
 * Protocol (IPC, JSON): parent → `{ type: "run", job }`, `{ type: "abort" }`;
 * worker → `{ type: "event", event }` …, then `{ type: "result", result }` and exit.
 * A lost parent (the IPC channel closes, or the parent pid changes) kills the worker's whole
 * process group at once, after an `interrupted` audit line: no process outlives the orchestrator.
 */
import "./compile-cache"; // first: before the SDK is loaded
import { mkdirSync, rmSync } from "node:fs";
import type { PulumiFn } from "@pulumi/pulumi/automation";
import { compiledTwin, registerTypeScript, requireModule, runProgramFile } from "../programs/loader";
import { programEntry } from "../programs/project";
import { errorSummary } from "./errors";
import { appendAudit, AuditEvent, auditEntry } from "./audit";
import { INSPECT, runOperation, type Job } from "./operation";
import { Status, Verb, type EnvResult, type OrchestratorEvent } from "./types";
import { defaultStackFactory } from "./stack-factory";
import { PulumiCliError, type WorkspaceSpec } from "./workspace";

/** Messages the parent sends. */
export type ParentMessage = { readonly type: "run"; readonly job: Job } | { readonly type: "abort" };
/** Messages the worker sends. */
export type WorkerMessage =
  | { readonly type: "fatal"; readonly message: string }
  | { readonly type: "event"; readonly event: OrchestratorEvent }
  | { readonly type: "result"; readonly result: EnvResult };

/**
 * The inline program: the module's default/`program` export, else the project's Pulumi.yaml
 * `main` run as Pulumi's Node.js host runs it (its exports are the stack outputs), else the
 * reference platform program.
 *
 * @param mainFile The file to run for `programMain`, when the caller has decided it already
 *   ({@link programFile}). @default the `main` of `programMain`, or its compiled twin
 * @example
 * ```ts
 * const program = loadProgram(spec); // async () => runProgramFile("/src/acme-infra/index.ts")
 * ```
 */
export function loadProgram(
  spec: Pick<WorkspaceSpec, "programModule" | "programMain">,
  mainFile?: string,
): PulumiFn {
  if (spec.programModule) {
    const mod = requireModule(spec.programModule);
    const fn =
      typeof mod === "function"
        ? mod
        : ((mod as { program?: unknown; default?: unknown }).program ??
          (mod as { default?: unknown }).default);
    if (typeof fn !== "function")
      throw new Error(
        `${spec.programModule} exports no program (export = async () => …, export default, or export const program)`,
      );
    return fn as PulumiFn;
  }
  if (spec.programMain) {
    const file = mainFile ?? mainFileOf(spec.programMain);
    return async () => runProgramFile(file);
  }
  // Loaded lazily: the platform program pulls in @pulumi/gcp, which other programs do not need.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { runPlatform } = require("../programs/main") as typeof import("../programs/main");
  return async () => runPlatform();
}

/** The file a project's `main` runs as: this library's own program compiled while its build is current (as synth does). */
function mainFileOf(
  programMain: NonNullable<WorkspaceSpec["programMain"]>,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const main = programEntry(programMain);
  return compiledTwin(main, env) ?? main;
}

/** The file {@link loadProgram} will load, when it can tell without loading anything. */
function programFile(
  spec: Pick<WorkspaceSpec, "programModule" | "programMain">,
  env: NodeJS.ProcessEnv,
): string | undefined {
  if (spec.programModule) return spec.programModule;
  if (!spec.programMain) return undefined;
  try {
    return mainFileOf(spec.programMain, env);
  } catch {
    return undefined; // reported by loadProgram
  }
}

function send(message: WorkerMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send || !process.connected) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}

async function run(job: Job, controller: AbortController): Promise<void> {
  // tsx keeps its transform cache under os.tmpdir(): registered before TMPDIR points into the work
  // dir (removed at the end), so a TypeScript program is not transpiled afresh by every operation.
  // Decided once, with the stack's environment (it may ask for the sources).
  const file = programFile(job.spec, { ...process.env, ...job.spec.envVars });
  if (/\.[cm]?tsx?$/.test(file ?? "")) registerTypeScript();
  // This process exists for this stack only: its CLI environment is the process environment.
  Object.assign(process.env, job.spec.envVars);
  // os.tmpdir() follows TMPDIR: the SDK's automation-logs-* dirs land in the work dir, removed below.
  if (job.spec.envVars["TMPDIR"]) mkdirSync(job.spec.envVars["TMPDIR"], { recursive: true, mode: 0o700 });
  let result: EnvResult;
  try {
    const program =
      job.verb === Verb.up ||
      job.verb === Verb.preview ||
      job.verb === Verb.refresh ||
      job.verb === Verb.destroy
        ? loadProgram(job.spec, job.spec.programMain ? file : undefined)
        : async () => undefined;
    result = await runOperation(job, {
      factory: defaultStackFactory,
      program,
      signal: controller.signal,
      emit: (event) => void send({ type: "event", event }),
    });
  } catch (e) {
    if (e instanceof PulumiCliError) {
      rmSync(job.spec.workDir, { recursive: true, force: true });
      await send({ type: "fatal", message: e.message });
      return;
    }
    result = {
      env: job.spec.env,
      stack: job.spec.stackName,
      verb: job.verb === "inspect" ? Verb.up : job.verb,
      status: controller.signal.aborted ? Status.aborted : Status.failed,
      changes: "unknown",
      durationMs: 0,
      error: errorSummary(e),
    };
  } finally {
    rmSync(job.spec.workDir, { recursive: true, force: true });
  }
  await send({ type: "result", result });
}

/** How often the worker checks that its parent is still there (besides the IPC channel closing). */
export const PARENT_CHECK_MS = 250;

/**
 * The orchestrator process is gone (killed, crashed): record the interruption in the audit log,
 * remove the work dir (it can hold secrets) and kill this worker's whole process group — the
 * Pulumi CLI and its plugins with it — at once. Nothing survives its parent; what the engine left
 * (pending operations, the lock) is reported by the next run, with the recovery commands.
 */
function orphaned(job: Job | undefined, startedAt: number): never {
  try {
    if (job?.audit && job.verb !== INSPECT) {
      appendAudit(
        job.audit.file,
        auditEntry(
          {
            env: job.spec.env,
            stack: job.spec.stackName,
            verb: job.verb,
            status: "interrupted",
            changes: "unknown",
            durationMs: Date.now() - startedAt,
          },
          { backend: job.audit.backend, remote: job.audit.remote, event: AuditEvent.interrupted },
        ),
      );
    }
    if (job) rmSync(job.spec.workDir, { recursive: true, force: true });
  } finally {
    try {
      process.kill(-process.pid, "SIGKILL"); // the worker leads its own process group (detached)
    } catch {
      // not a group leader (started by hand): at least end this process
    }
    process.exit(1);
  }
}

function main(): void {
  const controller = new AbortController();
  let job: Job | undefined;
  let startedAt = Date.now();
  const parent = process.ppid;
  process.on("message", (msg: ParentMessage) => {
    if (msg.type === "abort") controller.abort(new Error("aborted"));
    else if (msg.type === "run" && job === undefined) {
      job = msg.job;
      startedAt = Date.now();
      void run(msg.job, controller).then(() => {
        // The SDK can leave gRPC handles open after an operation (pulumi/pulumi#13737): end here.
        process.exit(0);
      });
    }
  });
  // The IPC channel closes when the parent dies; a changed parent pid catches the rest.
  process.on("disconnect", () => orphaned(job, startedAt));
  setInterval(() => {
    if (process.ppid !== parent) orphaned(job, startedAt);
  }, PARENT_CHECK_MS).unref();
  // Our own process group never sees the terminal's Ctrl-C; the parent decides.
  process.on("SIGINT", () => controller.abort(new Error("interrupted")));
}

if (require.main === module) main();
