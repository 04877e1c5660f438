/**
 * `--target` URNs: checked before any engine call (each must be a URN of a selected stack of this
 * project, and every selected stack must get at least one, else an untargeted stack would run in
 * full), split per stack, and compared afterwards with what the engine saw: a target that matched
 * no resource is an error, never "no changes".
 */
import { PlatformError } from "../components/shared/errors";

/**
 * True when a URN matches a target (`*` matches within one URN part, `**` across parts).
 *
 * @example
 * ```ts
 * targetMatches("urn:pulumi:dev::platform::**::db-instance", "urn:pulumi:dev::platform::gcp:sql/databaseInstance:DatabaseInstance::db-instance"); // true
 * ```
 */
export function targetMatches(target: string, urn: string): boolean {
  if (!target.includes("*")) return target === urn;
  const esc = (x: string) => x.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
  const re = target
    .split("**")
    .map((p) => p.split("*").map(esc).join("[^:]*"))
    .join(".*");
  return new RegExp(`^${re}$`).test(urn);
}

/**
 * Splits targets per stack after checking them: each must start with `urn:pulumi:<stack>::<project>::`
 * for a selected stack, and each selected stack must be named by one. Returns stack → its targets
 * (an empty map without targets).
 *
 * @example
 * ```ts
 * targetsByStack(["urn:pulumi:dev::platform::gcp:sql/databaseInstance:DatabaseInstance::db"], ["dev"], "platform");
 * // Map { "dev" => ["urn:pulumi:dev::platform::…::db"] }
 * ```
 */
export function targetsByStack(
  targets: readonly string[] | undefined,
  envs: readonly string[],
  project: string,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!targets || targets.length === 0) return out;
  const bad: string[] = [];
  for (const t of targets) {
    const m = /^urn:pulumi:([^:]+)::([^:]+)::./.exec(t);
    if (!m) {
      bad.push(`${JSON.stringify(t)} is not a URN (urn:pulumi:<stack>::${project}::<type>::<name>)`);
      continue;
    }
    const [, stack, proj] = m as unknown as [string, string, string];
    if (proj !== project) bad.push(`${t} is of project "${proj}", not "${project}"`);
    else if (!envs.includes(stack))
      bad.push(`${t} is a URN of stack "${stack}", which is not among --env ${envs.join(",")}`);
    else out.set(stack, [...(out.get(stack) ?? []), t]);
  }
  const untargeted = envs.filter((e) => !out.has(e));
  if (bad.length === 0 && untargeted.length > 0)
    bad.push(
      `no target names a resource of ${untargeted.join(", ")}; with --target every selected stack needs one (or leave it out of --env)`,
    );
  if (bad.length > 0) throw new PlatformError(`--target: ${bad.join("; ")}`);
  return out;
}

/**
 * The targets no URN matched.
 *
 * @example
 * ```ts
 * unmatchedTargets(["urn:pulumi:dev::platform::x:y:Z::gone"], ["urn:pulumi:dev::platform::x:y:Z::here"]); // ["urn:…::gone"]
 * ```
 */
export function unmatchedTargets(targets: readonly string[], urns: Iterable<string>): string[] {
  const seen = [...urns];
  return targets.filter((t) => !seen.some((u) => targetMatches(t, u)));
}
