/**
 * The config schema (programs/config) on first use. It imports every component's spec and, through
 * them, the provider SDKs (@pulumi/aws, @pulumi/gcp, @pulumi/pulumi: about 1 s of CPU). The
 * orchestrator's own processes (the CLI, the stack workers) need it only to report a config problem
 * or to validate a stack that reads its config through the library, so `--help`, argument errors
 * and runs of programs that do not use the library never load it.
 */
import type * as Config from "../programs/config";

/**
 * The programs/config module, loaded now.
 *
 * @example
 * ```ts
 * configModule().parseEnvironmentConfig("dev", values);
 * ```
 */
export function configModule(): typeof Config {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("../programs/config") as typeof Config;
}

/**
 * A {@link Config.ConfigError} (the class programs/config exports, so `instanceof` holds).
 *
 * @example
 * ```ts
 * throw configError("dev", [{ path: "platform-orchestrator", message: "must be a map" }]);
 * ```
 */
export function configError(env: string, issues: readonly Config.ConfigIssue[]): Config.ConfigError {
  return new (configModule().ConfigError)(env, issues);
}
