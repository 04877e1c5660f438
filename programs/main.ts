import * as pulumi from "@pulumi/pulumi";
import { ConfigError, parseEnvironmentConfig, type EnvironmentConfig } from "./config";
import type { AwsPlatformOutputs } from "./aws";
import type { K8sPlatformOutputs } from "./kubernetes";
import { platformProgram, type PlatformOutputs } from "./platform";
import { secretEnvName, secretPaths, valueAtSecretPath, isProgramKey } from "./secret-config";
import { parseJsonish, readStackConfig, stacksDir } from "./stack-config";

/**
 * Reads the stack config from the Pulumi runtime, validates it and builds the platform. A config
 * error ends the run with its message only (no stack trace).
 *
 * @example
 * ```ts
 * await LocalWorkspace.createOrSelectStack({ stackName: "dev", projectName: "platform", program: async () => runPlatform() });
 * ```
 */
export function runPlatform(): PlatformOutputs | AwsPlatformOutputs | K8sPlatformOutputs {
  try {
    const { config, secretEnv } = loadRuntimeConfig();
    // One program per concept set; the cloud picks the implementations.
    // The AWS and Kubernetes programs are required for their stacks only: each loads its provider
    // SDK, which a GCP stack (synth, deploy) would otherwise load for nothing.
    /* eslint-disable @typescript-eslint/no-require-imports */
    if (config.cloud === "aws")
      return (require("./aws") as typeof import("./aws")).awsPlatformProgram(config, { secretEnv });
    if (config.cloud === "kubernetes")
      return (require("./kubernetes") as typeof import("./kubernetes")).kubernetesPlatformProgram(config, {
        secretEnv,
      });
    /* eslint-enable @typescript-eslint/no-require-imports */
    return platformProgram(config, { secretEnv });
  } catch (e) {
    if (e instanceof ConfigError) throw new pulumi.RunError(e.message);
    throw e;
  }
}

/** The validated config and the secret values the program keeps secret. */
export interface RuntimeConfig {
  readonly config: EnvironmentConfig;
  /** `platform:service.env` values set with `--secret`: env name → the value, as a secret output. */
  readonly secretEnv: Readonly<Record<string, pulumi.Output<string>>>;
}

/** `pulumi.runtime.isConfigSecret` (exported by the SDK, missing from its type declarations). */
function isConfigSecret(key: string): boolean {
  const fn = (pulumi.runtime as unknown as { isConfigSecret?: (k: string) => boolean }).isConfigSecret;
  return typeof fn === "function" ? fn(key) : false;
}

/**
 * The secure leaves of the running stack's file (`stacks/Pulumi.<stack>.yaml`, or the
 * orchestrator's `PLATFORM_STACKS_DIR`): the engine marks only top-level keys secret, the file
 * says which leaf. An unreadable file yields none (then a secret key counts as secret as a whole).
 */
function stackFileConfig(stack: string): Record<string, unknown> {
  try {
    return readStackConfig(stack, stacksDir());
  } catch {
    return {};
  }
}

/**
 * Reads the running stack's config from the Pulumi runtime (what `pulumi up` and the Automation
 * API provide), validates it, and returns the secret env values wrapped as secrets
 * (`pulumi.secret`), so they stay secret in state, events and previews.
 */
export function loadRuntimeConfig(): RuntimeConfig {
  const all = pulumi.runtime.allConfig();
  const values: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(all)) {
    // Credentials (aws:accessKey, …) are the provider's business: the program never reads them.
    if (!isProgramKey(k)) continue;
    values[k] = k.startsWith("gcp:") || k === "aws:region" || k === "aws:profile" ? v : parseJsonish(v);
  }
  const stack = pulumi.getStack();
  const secrets = secretPaths(
    stackFileConfig(stack),
    Object.keys(values).filter((k) => isConfigSecret(k)),
  );
  const config = parseEnvironmentConfig(stack, values, { secrets });
  const secretEnv: Record<string, pulumi.Output<string>> = {};
  for (const s of secrets) {
    const name = secretEnvName(s);
    const value = valueAtSecretPath(values, s);
    if (name === undefined || value === undefined || value === null) continue;
    secretEnv[name] = pulumi.secret(typeof value === "string" ? value : JSON.stringify(value));
  }
  return { config, secretEnv };
}

export { platformProgram, REQUIRED_APIS, type PlatformOutputs } from "./platform";
