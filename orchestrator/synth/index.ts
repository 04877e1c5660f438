import { execFile } from "node:child_process";
import * as path from "node:path";
import { ConfigError, parseEnvironmentConfig, type ConfigIssue } from "../../programs/config";
import { readStackConfig, repoRoot, stacksDir } from "../../programs/stack-config";
import type { RecordedResource } from "./recorder";

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
  /** Directory holding Pulumi.<env>.yaml. @default <repo>/stacks */
  readonly stacksDir?: string;
  /** Pulumi project name. @default "platform" */
  readonly project?: string;
}

/**
 * Runs the real program for one environment under Pulumi's mock runtime, in a child process (a
 * clean runtime per environment), with the stack config `pulumi up` would read. No cloud, no CLI.
 * Throws {@link ConfigError} for invalid config.
 *
 * @example
 * ```ts
 * const inv = await synth("prod");
 * inv.resources.filter((r) => r.type === "gcp:sql/databaseInstance:DatabaseInstance").length; // 2
 * ```
 */
export async function synth(env: string, options: SynthOptions = {}): Promise<SynthResult> {
  const worker = path.join(repoRoot(), "dist", "orchestrator", "synth", "worker.js");
  const dir = options.stacksDir ?? stacksDir();
  const project = options.project ?? "platform";
  // The same validation as the program's, in this process first: a bad stack file is a one-line
  // PlatformError or a ConfigError listing every problem (YAML's .nan stays NaN here), not a trace.
  parseEnvironmentConfig(env, readStackConfig(env, dir));
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      process.execPath,
      [worker, env, dir, project],
      { maxBuffer: 256 * 1024 * 1024, env: { ...process.env, PULUMI_NODEJS_STACK: env } },
      (err, out, errOut) => {
        if (err) reject(new Error(`synth of "${env}" failed:\n${errOut || err.message}`));
        else resolve(out);
      },
    );
  });
  const parsed = JSON.parse(stdout) as {
    configError?: string;
    resources?: RecordedResource[];
    outputs?: Record<string, unknown>;
  };
  if (parsed.configError !== undefined) throw configErrorFromText(env, parsed.configError);
  return {
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
}

function configErrorFromText(env: string, text: string): ConfigError {
  const issues: ConfigIssue[] = [];
  for (const line of text.split("\n").slice(1)) {
    const m = /^\s+(\S+?): (.*)$/.exec(line);
    if (m) issues.push({ path: m[1]!, message: m[2]! });
  }
  return new ConfigError(env, issues.length ? issues : [{ path: "config", message: text }]);
}
