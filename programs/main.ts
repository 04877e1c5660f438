import * as pulumi from "@pulumi/pulumi";
import { ConfigError, parseEnvironmentConfig, type EnvironmentConfig } from "./config";
import { awsPlatformProgram, type AwsPlatformOutputs } from "./aws";
import { platformProgram, type PlatformOutputs } from "./platform";
import { parseJsonish } from "./stack-config";

/**
 * Reads the stack config from the Pulumi runtime, validates it and builds the platform. A config
 * error ends the run with its message only (no stack trace).
 *
 * @example
 * ```ts
 * await LocalWorkspace.createOrSelectStack({ stackName: "dev", projectName: "platform", program: async () => runPlatform() });
 * ```
 */
export function runPlatform(): PlatformOutputs | AwsPlatformOutputs {
  try {
    const cfg = loadRuntimeConfig();
    // One program per concept set; the cloud picks the implementations.
    return cfg.cloud === "aws" ? awsPlatformProgram(cfg) : platformProgram(cfg);
  } catch (e) {
    if (e instanceof ConfigError) throw new pulumi.RunError(e.message);
    throw e;
  }
}

/**
 * Reads the running stack's config from the Pulumi runtime (what `pulumi up` and the Automation
 * API provide) and validates it.
 */
export function loadRuntimeConfig(): EnvironmentConfig {
  const RUNTIME_SKIPPED = ["aws:accessKey", "aws:secretKey", "aws:token"];
  const all = pulumi.runtime.allConfig();
  const values: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(all)) {
    if (!k.startsWith("platform:") && !k.startsWith("gcp:") && !k.startsWith("aws:")) continue;
    // Credentials are the provider's business; the program never reads them (and they arrive decrypted here).
    if (RUNTIME_SKIPPED.includes(k)) continue;
    values[k] = k.startsWith("gcp:") || k === "aws:region" || k === "aws:profile" ? v : parseJsonish(v);
  }
  return parseEnvironmentConfig(pulumi.getStack(), values);
}
