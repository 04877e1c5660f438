import { readdirSync } from "node:fs";
import { hint, PlatformError } from "../components/shared/errors";
import { stacksDir } from "../programs/stack-config";

/**
 * Environments that have a stack file (`stacks/Pulumi.<env>.yaml`), sorted.
 *
 * @example
 * ```ts
 * availableEnvs(); // ["dev", "prod", "staging"]
 * ```
 */
export function availableEnvs(dir = stacksDir()): string[] {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new PlatformError(
      `stacks directory ${dir} ${code === "ENOENT" ? "does not exist" : code === "ENOTDIR" ? "is not a directory" : `cannot be read (${code ?? "error"})`}: ` +
        "it holds one Pulumi.<env>.yaml per environment (set it with --stacks-dir or PLATFORM_STACKS_DIR)",
    );
  }
  return files
    .map((f) => /^Pulumi\.([A-Za-z0-9_.-]+)\.yaml$/.exec(f)?.[1])
    .filter((e): e is string => e !== undefined)
    .sort();
}

/**
 * Parses `--env dev`, `--env dev,prod` or `--env all` into stack names; an unknown name is an error
 * that lists what exists and suggests the closest.
 *
 * @example
 * ```ts
 * resolveEnvs("prd"); // PlatformError: --env: unknown environment "prd" (did you mean "prod"?); available: dev, prod, staging
 * ```
 */
export function resolveEnvs(spec: string | undefined, dir = stacksDir()): string[] {
  const available = availableEnvs(dir);
  if (spec === undefined || spec.trim() === "") {
    throw new PlatformError(
      `--env is required: one of ${available.join(", ")}, a comma-separated list, or all`,
    );
  }
  if (spec.trim() === "all") return available;
  const out: string[] = [];
  for (const raw of spec.split(",")) {
    const env = raw.trim();
    if (!available.includes(env)) {
      throw new PlatformError(
        `--env: unknown environment ${JSON.stringify(env)}${hint(env, available)}; available: ${available.join(", ")}, all`,
      );
    }
    if (!out.includes(env)) out.push(env);
  }
  return out;
}
