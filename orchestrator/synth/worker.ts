// Child process for one environment's synth: a fresh Pulumi runtime per environment.
// Reads the stack file, installs the recording mock runtime with that config, runs the very
// entry `pulumi up` runs (the project's Pulumi.yaml `main`), and writes the inventory as JSON to stdout.
import { collectDependencies } from "./worker-deps"; // first: records what everything after reads
import "../compile-cache"; // before the SDK is loaded
import * as pulumi from "@pulumi/pulumi";
import { ConfigError } from "../../programs/config";
import { maskSecrets, secretPaths } from "../../programs/secret-config";
import { runProgramFile } from "../../programs/loader";
import { readStackConfig, toRuntimeConfig } from "../../programs/stack-config";
import { installRecordingMocks } from "./recorder";
import { validateIfPlatformConfig } from "./index";
import { MOCK_INVOKES, mockState } from "./mock-cloud";

async function main(): Promise<void> {
  const [env, stacksDir, project, program] = process.argv.slice(2) as [string, string, string, string];
  const values = readStackConfig(env, stacksDir);
  // The same validation as the program's, on the raw values first (YAML's .nan stays NaN here):
  // every problem with its path, not a trace. Here rather than in the parent, which would load the
  // config schema (and with it the provider SDKs) only for this.
  try {
    validateIfPlatformConfig(env, values);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stdout.write(JSON.stringify({ configIssues: e.issues }));
    return;
  }
  // The program finds which leaves are secret in the same stack file `pulumi up` would use.
  process.env["PLATFORM_STACKS_DIR"] = stacksDir;
  const rec = await installRecordingMocks({ project, stack: env, invokes: MOCK_INVOKES, state: mockState });
  // Offline there is no passphrase: secure values reach the program as "[secret]", marked secret.
  const secrets = secretPaths(values);
  pulumi.runtime.setAllConfig(toRuntimeConfig(maskSecrets(values, secrets)), [
    ...new Set(secrets.map((s) => s.key)),
  ]);
  let outputs: Record<string, unknown>;
  try {
    // Loaded as Pulumi's language host loads Pulumi.yaml `main` (TypeScript through tsx), or its
    // compiled twin when the parent chose that (./index.ts).
    outputs = await runProgramFile(program);
  } catch (e) {
    const err = (e as { message?: string }).message ?? String(e);
    // RunError (from a ConfigError) carries only the message the user must see.
    // By name as well: a program from a source checkout has its own copy of the class.
    if (e instanceof pulumi.RunError || e instanceof ConfigError || (e as Error).name === "ConfigError") {
      process.stdout.write(JSON.stringify({ configError: err }));
      return;
    }
    throw e;
  }
  await rec.settled();
  const stackOutputs = await resolveOutputs(outputs);
  // What the synth read, for the cache (./cache.ts): absent when it cannot be checked.
  const deps = collectDependencies(program);
  process.stdout.write(JSON.stringify({ resources: rec.resources, outputs: stackOutputs, deps }));
}

async function resolveOutputs(outputs: Record<string, unknown>): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(outputs)) {
    const o: pulumi.Output<unknown> = pulumi.output(v);
    const secret = await (o as unknown as { isSecret: Promise<boolean> }).isSecret;
    const value = await new Promise((resolve) => {
      o.apply((x: unknown) => {
        resolve(x);
        return x;
      });
    });
    out[k] = secret ? "[secret]" : value;
  }
  return out;
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
