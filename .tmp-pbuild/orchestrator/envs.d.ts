/**
 * Environments that have a stack file (`stacks/Pulumi.<env>.yaml`), sorted.
 *
 * @example
 * ```ts
 * availableEnvs(); // ["dev", "prod", "staging"]
 * ```
 */
export declare function availableEnvs(dir?: string): string[];
/**
 * Parses `--env dev`, `--env dev,prod` or `--env all` into stack names; an unknown name is an error
 * that lists what exists and suggests the closest.
 *
 * @example
 * ```ts
 * resolveEnvs("prd"); // PlatformError: --env: unknown environment "prd" (did you mean "prod"?); available: dev, prod, staging
 * ```
 */
export declare function resolveEnvs(spec: string | undefined, dir?: string): string[];
