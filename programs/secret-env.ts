/**
 * Secret `platform:service.env` values, shared by every cloud's program: which values the program
 * received and how each becomes one stored secret the service reads by reference.
 */
import type * as pulumi from "@pulumi/pulumi";
import { PlatformError } from "../components/shared/errors";
import type { Link } from "../components/shared/link";
import type { EnvironmentConfig } from "./config";

/**
 * Stores each secret env value with the cloud's `store` (one secret per env var, role
 * `env-<name>`) and links the service to them by reference: env name → secret id or ARN.
 *
 * @example
 * ```ts
 * storeSecretEnv({ API_KEY: key }, (role, data) => createAwsSecret({ ... role, data }).secret.arn);
 * // { secretEnv: { API_KEY: <arn> }, secretIds: [<arn>] }
 * ```
 */
export function storeSecretEnv(
  values: Readonly<Record<string, pulumi.Input<string>>>,
  store: (role: string, data: pulumi.Input<string>) => pulumi.Input<string>,
): Link {
  const secretEnv: Record<string, pulumi.Input<string>> = {};
  for (const [env, data] of Object.entries(values))
    secretEnv[env] = store(`env-${env.toLowerCase().replaceAll("_", "-")}`, data);
  return { secretEnv, secretIds: Object.values(secretEnv) };
}

/**
 * The values of the env vars the stack file sets with `--secret`, by name. A name marked secret
 * whose value the program did not receive is an error naming it: never an empty or masked env var.
 *
 * @example
 * ```ts
 * secretEnvValues(cfg, secrets.secretEnv); // { API_KEY: <secret output> }
 * ```
 */
export function secretEnvValues(
  cfg: Pick<EnvironmentConfig, "secretEnvNames">,
  received: Readonly<Record<string, pulumi.Input<string>>> | undefined,
): Record<string, pulumi.Input<string>> {
  const values: Record<string, pulumi.Input<string>> = {};
  for (const name of cfg.secretEnvNames) {
    const data = received?.[name];
    if (data === undefined)
      throw new PlatformError(
        `platform:service.env.${name}: set as a secret in the stack file, but the program received no value for it`,
      );
    values[name] = data;
  }
  return values;
}
