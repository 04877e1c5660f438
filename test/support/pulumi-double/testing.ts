/**
 * Test helpers around the Pulumi CLI double: a per-test environment (CLI root, backend dir,
 * PULUMI_HOME), inline stacks through the real Automation API, and state inspection.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  LocalWorkspace,
  PulumiCommand,
  type LocalWorkspaceOptions,
  type PulumiFn,
  type Stack,
} from "@pulumi/pulumi/automation";
import { makePulumiRoot } from "./install";
import { readTrace, type TraceLine } from "./trace";

/** One isolated double installation: CLI root, backend directory and PULUMI_HOME. */
export interface DoubleEnv {
  /** Directory holding `bin/pulumi`. */
  readonly root: string;
  /** Scratch directory: backend (`file://<dir>/backend`), home and workspaces live under it. */
  readonly dir: string;
  readonly backendDir: string;
  readonly cmd: PulumiCommand;
  /** Environment for the CLI (passphrase, backend URL, PULUMI_HOME). */
  readonly env: Record<string, string>;
}

/** Creates a fresh double environment. */
export async function doubleEnv(): Promise<DoubleEnv> {
  const root = await makePulumiRoot();
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "pulumi-double-test-"));
  const backendDir = path.join(dir, "backend");
  fs.mkdirSync(backendDir);
  const cmd = await PulumiCommand.get({ root, skipVersionCheck: true });
  const env = {
    PULUMI_CONFIG_PASSPHRASE: "test",
    PULUMI_BACKEND_URL: `file://${backendDir}`,
    PULUMI_HOME: path.join(dir, "home"),
  };
  return { root, dir, backendDir, cmd, env };
}

/** Removes the environment's temporary directories. */
export async function removeDoubleEnv(de: DoubleEnv): Promise<void> {
  await fs.promises.rm(de.dir, { recursive: true, force: true });
  await fs.promises.rm(de.root, { recursive: true, force: true });
}

/** Selects or creates an inline-program stack in `<dir>/<project>` through the real Automation API. */
export async function inlineStack(
  de: DoubleEnv,
  args: { project: string; stack: string; program: PulumiFn; env?: Record<string, string> },
): Promise<Stack> {
  const workDir = path.join(de.dir, args.project);
  fs.mkdirSync(workDir, { recursive: true });
  const opts: LocalWorkspaceOptions = {
    workDir,
    pulumiCommand: de.cmd,
    envVars: { ...de.env, ...args.env },
    projectSettings: { name: args.project, runtime: "nodejs", backend: { url: `file://${de.backendDir}` } },
  };
  return LocalWorkspace.createOrSelectStack(
    { stackName: args.stack, projectName: args.project, program: args.program },
    opts,
  );
}

/** Runs `fn` with extra environment variables set for the stack's CLI invocations. */
export async function withEnv<T>(
  stack: Stack,
  vars: Record<string, string>,
  fn: () => Promise<T>,
): Promise<T> {
  const env = (stack.workspace as LocalWorkspace).envVars;
  const saved = { ...env };
  Object.assign(env, vars);
  try {
    return await fn();
  } finally {
    for (const k of Object.keys(env)) delete env[k];
    Object.assign(env, saved);
  }
}

/** Lock files of a stack in the double's backend. */
export function lockFiles(de: DoubleEnv, project: string, stack: string): string[] {
  const dir = path.join(de.backendDir, ".pulumi", "locks", "organization", project, stack);
  return fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => path.join(dir, f)) : [];
}

/** The raw checkpoint file of a stack. */
export function readCheckpoint(de: DoubleEnv, project: string, stack: string): any {
  const file = path.join(de.backendDir, ".pulumi", "stacks", project, `${stack}.json`);
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

/** True while a process with this pid exists (zombies included). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits until `pred` holds (polling every 25 ms), failing after `timeoutMs`. */
export async function waitFor(pred: () => boolean, timeoutMs = 20_000, what = "condition"): Promise<void> {
  const start = Date.now();
  while (!pred()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Runs the double's CLI directly; resolves with exit code and output (never rejects). An env value of undefined unsets the variable. */
export function runCli(
  de: DoubleEnv,
  args: readonly string[],
  opts: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: Record<string, string | undefined> = { ...process.env, ...de.env, ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return new Promise((resolve) => {
    execFile(
      path.join(de.root, "bin", "pulumi"),
      [...args],
      { cwd: opts.cwd ?? de.dir, env, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === "number" ? err.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/**
 * Holds the double's provider operations in flight until the test opens the gate of their stack,
 * and shows what the double did (trace lines), so a test waits for events, never for a guessed
 * time. Pass `env` to the CLI's environment.
 *
 * @example
 * ```ts
 * const gate = new Gate(dir);
 * const update = up({ ...base, env: "dev", envVars: { ...base.envVars, ...gate.env } });
 * await gate.until((l) => l.event === "op-held", "an operation in flight");
 * gate.open("dev");
 * ```
 */
export class Gate {
  /** Where the double looks (`{stack}` stands for the stack name). */
  readonly holdFile: string;
  readonly traceFile: string;

  /** `name` keeps several gates in one directory apart. */
  constructor(dir: string, name = "gate") {
    this.holdFile = path.join(dir, `${name}.{stack}.open`);
    this.traceFile = path.join(dir, `${name}.trace`);
    fs.rmSync(this.traceFile, { force: true });
    for (const f of fs.readdirSync(dir))
      if (f.startsWith(`${name}.`) && f.endsWith(".open")) fs.rmSync(path.join(dir, f));
  }

  /** PULUMI_DOUBLE_HOLD and PULUMI_DOUBLE_TRACE for the CLI. */
  get env(): Record<string, string> {
    return { PULUMI_DOUBLE_HOLD: this.holdFile, PULUMI_DOUBLE_TRACE: this.traceFile };
  }

  /** Lets every held and future provider operation of these stacks go on. */
  open(...stacks: string[]): void {
    for (const stack of stacks) fs.writeFileSync(this.holdFile.replace("{stack}", stack), "");
  }

  /** The trace so far. */
  lines(): TraceLine[] {
    return readTrace(this.traceFile);
  }

  /** Waits until a trace line matches (polling every 25 ms) and returns it. */
  async until(match: (line: TraceLine) => boolean, what: string, timeoutMs = 60_000): Promise<TraceLine> {
    let found: TraceLine | undefined;
    await waitFor(() => (found = this.lines().find(match)) !== undefined, timeoutMs, what);
    return found!;
  }
}
