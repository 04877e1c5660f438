import * as pulumi from "@pulumi/pulumi";
import { ConfigError } from "./config";
import { platformProgram, type PlatformOutputs } from "./platform";
import { loadRuntimeConfig } from "./stack-config";

/**
 * Reads the stack config from the Pulumi runtime, validates it and builds the platform. A config
 * error ends the run with its message only (no stack trace).
 *
 * @example
 * ```ts
 * await LocalWorkspace.createOrSelectStack({ stackName: "dev", projectName: "platform", program: async () => runPlatform() });
 * ```
 */
export function runPlatform(): PlatformOutputs {
  try {
    return platformProgram(loadRuntimeConfig());
  } catch (e) {
    if (e instanceof ConfigError) throw new pulumi.RunError(e.message);
    throw e;
  }
}
