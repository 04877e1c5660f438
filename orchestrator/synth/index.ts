import { execFile } from "node:child_process";
import type { ConfigError, ConfigIssue } from "../../programs/config";
import { readStackConfig } from "../../programs/stack-config";
import { currentProject, programEntry } from "../../programs/project";
import { compiledTwin } from "../../programs/loader";
import { childEntry } from "../child-entry";
import { configError, configModule } from "../lazy-config";
import type { RecordedResource } from "./recorder";
import { cachedSynth, synthCacheDir, synthKey, type SynthRun } from "./cache";
import type { Depfile } from "./depfile";

/** One resource of the synth inventory (the documented `--json` shape). */
export interface InventoryResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly parent: string;
  readonly inputs: Record<string, unknown>;
  readonly protect: boolean;
}

/**
 * What `npx platform synth --env <env> --json` prints: every resource the program registers, with
 * inputs exactly as passed and secrets as "[secret]".
 */
export interface SynthResult {
  readonly env: string;
  readonly stack: string;
  readonly resources: InventoryResource[];
  /** Stack outputs as the mock runtime resolved them (secrets as "[secret]"). */
  readonly outputs: Record<string, unknown>;
}

/** Options for {@link synth}. */
export interface SynthOptions {
  /** Directory holding Pulumi.yaml. @default the nearest Pulumi.yaml at or above the working directory */
  readonly projectDir?: string;
  /** Directory holding Pulumi.<env>.yaml. @default the project's `stackConfigDir` */
  readonly stacksDir?: string;
  /** Pulumi project name (part of every URN). @default the project's `name` */
  readonly project?: string;
  /**
   * The program file to run (TypeScript or JavaScript; its exports, or what its exported function
   * returns, are the stack outputs). @default the project's `main`
   */
  readonly program?: string;
  /**
   * Reuse a previous synth whose inputs are unchanged, and keep this one for later (see
   * ./cache.ts; `PLATFORM_SYNTH_CACHE` names the directory or turns the cache off). @default true
   */
  readonly cache?: boolean;
  /** Called once before the result is read from the cache (`true`) or a worker starts (`false`). */
  readonly onStart?: (cached: boolean) => void;
  /**
   * Receives what the program printed on stderr (warnings), the same from the cache as from a
   * run. @default written to this process's stderr
   */
  readonly onStderr?: (text: string) => void;
}

/**
 * Runs the project's program (Pulumi.yaml `main`, the very entry `pulumi up` runs) for one
 * environment under Pulumi's mock runtime, in a child process (a clean runtime per environment),
 * with the stack config `pulumi up` would read. No cloud, no CLI. Throws {@link ConfigError} for
 * invalid config read through the library. A synth whose inputs (the stack file, every source file
 * the program loaded, the environment variables it read, the installed packages) are unchanged is
 * read from the synth cache instead (./cache.ts; `cache: false` runs afresh).
 *
 * @example
 * ```ts
 * const inv = await synth("prod");
 * inv.resources.filter((r) => r.type === "gcp:sql/databaseInstance:DatabaseInstance").length; // 2
 * ```
 */
export async function synth(env: string, options: SynthOptions = {}): Promise<SynthResult> {
  const worker = childEntry("orchestrator/synth/worker", __filename);
  const pulumiProject = currentProject(options.projectDir);
  const dir = options.stacksDir ?? process.env["PLATFORM_STACKS_DIR"] ?? pulumiProject.stacksDir;
  const project = options.project ?? pulumiProject.name;
  const program = options.program ?? programEntry(pulumiProject);
  // A missing or unreadable stack file is a one-line PlatformError here, before any child starts.
  // The worker then validates the values as the program would (only where it reads its config
  // through the library: the stack file has platform: keys) and returns every problem with its path.
  readStackConfig(env, dir);
  const childEnv = { ...process.env, PULUMI_NODEJS_STACK: env };
  // Decided here, once, so that the key names what the worker runs (this library's own program
  // runs compiled while its build is current; the depfile records its sources either way).
  const run = compiledTwin(program, childEnv) ?? program;
  const { result, stderr } = await cachedSynth(
    {
      dir: options.cache === false ? undefined : synthCacheDir(pulumiProject.dir),
      key: () => synthKey({ env, stacksDir: dir, project, program, run, worker, childEnv }),
      childEnv,
    },
    options.onStart ?? (() => undefined),
    () => runWorker(env, [...worker.execArgv, worker.file, env, dir, project, run], childEnv),
  );
  if (stderr) (options.onStderr ?? ((t: string) => process.stderr.write(t)))(stderr);
  return result;
}

/** One worker run: its inventory, stderr and depfile; config problems are thrown as {@link ConfigError}. */
async function runWorker(env: string, args: string[], childEnv: NodeJS.ProcessEnv): Promise<SynthRun> {
  const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 256 * 1024 * 1024, env: childEnv }, (err, out, errOut) => {
      if (err) reject(new Error(`synth of "${env}" failed:\n${errOut || err.message}`));
      else resolve({ stdout: out, stderr: errOut });
    });
  });
  const parsed = JSON.parse(stdout) as {
    configIssues?: ConfigIssue[];
    configError?: string;
    resources?: RecordedResource[];
    outputs?: Record<string, unknown>;
    deps?: Depfile;
  };
  if (parsed.configIssues !== undefined) throw configError(env, parsed.configIssues);
  if (parsed.configError !== undefined) throw configErrorFromText(env, parsed.configError);
  const result: SynthResult = {
    env,
    stack: env,
    resources: (parsed.resources ?? []).map(({ urn, type, name, parent, inputs, protect }) => ({
      urn,
      type,
      name,
      parent,
      inputs,
      protect,
    })),
    outputs: parsed.outputs ?? {},
  };
  return { result, stderr, deps: parsed.deps };
}

/**
 * Validates a stack's config with the library's schema when the program reads its config through
 * the library (the stack file has `platform:` keys); another program's config is its own business.
 *
 * @example
 * ```ts
 * validateIfPlatformConfig("dev", readStackConfig("dev")); // throws ConfigError listing every problem
 * ```
 */
export function validateIfPlatformConfig(env: string, values: Readonly<Record<string, unknown>>): void {
  if (Object.keys(values).some((k) => k.startsWith("platform:")))
    configModule().parseEnvironmentConfig(env, values);
}

function configErrorFromText(env: string, text: string): ConfigError {
  const issues: ConfigIssue[] = [];
  for (const line of text.split("\n").slice(1)) {
    const m = /^\s+(\S+?): (.*)$/.exec(line);
    if (m) issues.push({ path: m[1]!, message: m[2]! });
  }
  return configError(env, issues.length ? issues : [{ path: "config", message: text }]);
}
