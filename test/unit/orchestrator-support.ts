/**
 * Shared setup of the orchestrator tests that run against the Pulumi CLI double through the real
 * Automation API: a CLI root, a scratch backend, stack files, the double's fixture program as the
 * inline program, a marker to find leftover processes, and a CLI runner.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { makePulumiRoot } from "../support/pulumi-double/install";
import { strayProcesses, waitForNoStrayProcesses } from "../support/processes";
import { tempDir } from "../support/temp";
import type { CommonOptions } from "../../orchestrator/types";

export const REPO = path.resolve(__dirname, "..", "..");
export const CLI = path.join(REPO, "dist", "orchestrator", "cli.js");

/** Every process started by a test file carries this marker (workers, CLIs, the double). */
export { MARKER } from "../support/processes";

/** A stack file for the double's fixture program (`platform:size` etc. are its config). */
export function fixtureStack(
  opts: { dependsOn?: string[]; size?: number; protect?: boolean; profile?: string } = {},
): string {
  const lines: string[] = [];
  if (opts.dependsOn) lines.push("platform-orchestrator:", `  dependsOn: [${opts.dependsOn.join(", ")}]`);
  lines.push("config:", `  platform:size: ${opts.size ?? 1}`);
  if (opts.protect) lines.push("  platform:protectBucket: true");
  if (opts.profile) lines.push(`  platform:environment: { profile: ${opts.profile}, app: shop }`);
  return `${lines.join("\n")}\n`;
}

/** One isolated setup. */
export interface Setup {
  readonly dir: string;
  readonly root: string;
  readonly stacksDir: string;
  readonly backendDir: string;
  readonly dataDir: string;
  readonly auditLog: string;
  readonly programModule: string;
  /** Library options pointing at all of the above. */
  readonly base: Omit<CommonOptions, "env">;
  /** Environment for CLI subprocesses. */
  readonly cliEnv: NodeJS.ProcessEnv;
  /** CLI flags pointing at the backend, stacks, data dir and program. */
  readonly cliFlags: string[];
  writeStack(env: string, text: string): void;
}

const created: string[] = [];

/** Removes every directory {@link setup} created (call in `afterAll`). */
export function removeSetups(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Creates a setup with the given stack files; `program: "platform"` uses the real platform program. */
export async function setup(
  stacks: Record<string, string>,
  { program = "fixture" }: { program?: "fixture" | "platform" } = {},
): Promise<Setup> {
  const dir = tempDir("orch-"); // removed after the file even without removeSetups()
  created.push(dir);
  const root = await makePulumiRoot(path.join(dir, "cli"));
  const stacksDir = path.join(dir, "stacks");
  const backendDir = path.join(dir, "state");
  const dataDir = path.join(dir, "data");
  fs.mkdirSync(stacksDir);
  const writeStack = (env: string, text: string) =>
    fs.writeFileSync(path.join(stacksDir, `Pulumi.${env}.yaml`), text);
  for (const [env, text] of Object.entries(stacks)) writeStack(env, text);
  const programModule = path.join(dir, "program.js");
  const fixture = path.join(REPO, "dist", "test", "support", "pulumi-double", "fixture-program.js");
  fs.writeFileSync(programModule, `module.exports = require(${JSON.stringify(fixture)}).bundleProgram;\n`);
  const auditLog = path.join(dataDir, "audit.log");
  const base = {
    stacksDir,
    backend: `file://${backendDir}`,
    pulumiRoot: root,
    dataDir,
    auditLog,
    envVars: { PULUMI_CONFIG_PASSPHRASE: "orchestrator-test" },
    ...(program === "fixture" ? { programModule } : {}),
  };
  const cliEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PLATFORM_PULUMI_ROOT: root,
    PULUMI_CONFIG_PASSPHRASE: "orchestrator-test",
  };
  const cliFlags = [
    "--backend",
    `file://${backendDir}`,
    "--stacks-dir",
    stacksDir,
    "--data-dir",
    dataDir,
    ...(program === "fixture" ? ["--program", programModule] : []),
  ];
  return {
    dir,
    root,
    stacksDir,
    backendDir,
    dataDir,
    auditLog,
    programModule,
    base,
    cliEnv,
    cliFlags,
    writeStack,
  };
}

/** Resources in the double's checkpoint of a stack. */
export function stateResources(s: Setup, stack: string): { urn: string; type: string; protect?: boolean }[] {
  const file = path.join(s.backendDir, ".pulumi", "stacks", "platform", `${stack}.json`);
  if (!fs.existsSync(file)) return [];
  const doc = JSON.parse(fs.readFileSync(file, "utf8")) as {
    checkpoint: { latest?: { resources?: { urn: string; type: string; protect?: boolean }[] } };
  };
  return doc.checkpoint.latest?.resources ?? [];
}

/** Lock files of a stack in the double's backend. */
export function lockFiles(s: Setup, stack: string): string[] {
  const dir = path.join(s.backendDir, ".pulumi", "locks", "organization", "platform", stack);
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
}

/** PIDs of live processes this file started (descendants, or carrying its marker), other than this process. */
export const leftoverProcesses = strayProcesses;

/** Waits until no process this file started is left (or the time runs out) and returns what is left. */
export const waitForNoLeftovers = waitForNoStrayProcesses;

/** A finished CLI run. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A CLI process in flight. */
export interface CliProcess {
  readonly pid: number;
  readonly done: Promise<CliRun>;
  /** Resolves once stdout contains the text. */
  waitFor(text: string | RegExp, ms?: number): Promise<void>;
  signal(sig: NodeJS.Signals): void;
}

/** Starts `node dist/orchestrator/cli.js <args>` (stdin closed: no terminal). */
export function startCli(args: readonly string[], env: NodeJS.ProcessEnv): CliProcess {
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  const waiters: { test: (s: string) => boolean; resolve: () => void }[] = [];
  child.stdout.on("data", (d: Buffer) => {
    stdout += d.toString();
    for (const w of [...waiters]) if (w.test(stdout)) w.resolve();
  });
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<CliRun>((resolve) =>
    child.on("close", (code) => resolve({ code, stdout, stderr })),
  );
  return {
    pid: child.pid!,
    done,
    waitFor(text, ms = 60_000) {
      const test = (s: string) => (typeof text === "string" ? s.includes(text) : text.test(s));
      if (test(stdout)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `timed out waiting for ${String(text)}; stdout so far:\n${stdout}\nstderr:\n${stderr}`,
              ),
            ),
          ms,
        );
        waiters.push({
          test,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
        void done.then(() => {
          clearTimeout(timer);
          if (!test(stdout))
            reject(new Error(`CLI exited before ${String(text)}; stdout:\n${stdout}\nstderr:\n${stderr}`));
        });
      });
    },
    signal: (sig) => child.kill(sig),
  };
}

/** Runs the CLI to completion. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return startCli(args, env).done;
}

/** The JSON lines a `--json` run printed, and its final result object. */
export function jsonLines(stdout: string): {
  events: Record<string, any>[];
  result: Record<string, any> | undefined;
} {
  const events = stdout
    .split("\n")
    .filter((l) => l.trim().startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, any>);
  return { events, result: events.find((e) => e["type"] === "result") };
}
