import { type PlatformOutputs } from "./platform";
/**
 * Reads the stack config from the Pulumi runtime, validates it and builds the platform. A config
 * error ends the run with its message only (no stack trace).
 *
 * @example
 * ```ts
 * await LocalWorkspace.createOrSelectStack({ stackName: "dev", projectName: "platform", program: async () => runPlatform() });
 * ```
 */
export declare function runPlatform(): PlatformOutputs;
