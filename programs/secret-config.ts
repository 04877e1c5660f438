/**
 * Secret config values. `pulumi config set --secret --path platform:service.env.API_KEY …` writes
 * a `{ secure: "v1:…" }` leaf into the stack file; the engine hands the program the decrypted
 * value and marks only the top-level key (`platform:service`) secret. Which leaf is secret is
 * known from the stack file alone, so everything here reads it from there:
 *
 * - validation sees `"[secret]"` instead of the value (offline, where there is no passphrase, and
 *   at deploy time alike), so an error can never echo a secret and both validate the same way;
 * - only `platform:service.env.<NAME>` may be secret: such a value becomes a Secret Manager secret
 *   the service reads by reference; a secret anywhere else is a config error naming its path;
 * - offline commands (synth, cost, review) never decrypt and never print ciphertext.
 *
 * No Pulumi SDK here: the CLI's parent process loads this.
 */
import type { ConfigIssue } from "./schema";

/** What a secret value is shown as, and what validation and offline commands see instead of it. */
export const SECRET_MASK = "[secret]";

/** One path segment below a top-level config key. */
export type ConfigPathSegment = string | number;

/** Where a secret sits: the top-level key and the path below it (empty when the whole value is secret). */
export interface SecretPath {
  readonly key: string;
  readonly path: readonly ConfigPathSegment[];
}

/** The config section whose env values may be secrets. */
export const SECRET_ENV_KEY = "platform:service";

/**
 * True for a `{ secure: "<ciphertext>" }` leaf.
 *
 * @example
 * ```ts
 * isSecureValue({ secure: "v1:abc" }); // true
 * ```
 */
export function isSecureValue(v: unknown): v is { secure: string } {
  return (
    typeof v === "object" &&
    v !== null &&
    !Array.isArray(v) &&
    Object.keys(v).length === 1 &&
    typeof (v as { secure?: unknown }).secure === "string"
  );
}

/**
 * A secret path as config errors name it: `platform:service.env.API_KEY`, `platform:x[0]`.
 *
 * @example
 * ```ts
 * secretPathString({ key: "platform:service", path: ["env", "API_KEY"] }); // "platform:service.env.API_KEY"
 * ```
 */
export function secretPathString(p: SecretPath): string {
  let s = p.key;
  for (const seg of p.path) s += typeof seg === "number" ? `[${seg}]` : `.${seg}`;
  return s;
}

/**
 * Every `{ secure: … }` leaf of a stack file's `config:` map, in file order.
 *
 * @example
 * ```ts
 * secureLeaves({ "platform:service": { env: { API_KEY: { secure: "v1:…" } } } });
 * // [{ key: "platform:service", path: ["env", "API_KEY"] }]
 * ```
 */
export function secureLeaves(config: Readonly<Record<string, unknown>>): SecretPath[] {
  const out: SecretPath[] = [];
  const walk = (key: string, v: unknown, path: ConfigPathSegment[], depth: number) => {
    if (isSecureValue(v)) out.push({ key, path });
    else if (depth > 64)
      return; // a config this deep is reported by validation, not walked further
    else if (Array.isArray(v)) v.forEach((x, i) => walk(key, x, [...path, i], depth + 1));
    else if (typeof v === "object" && v !== null)
      for (const [k, x] of Object.entries(v)) walk(key, x, [...path, k], depth + 1);
  };
  for (const [key, v] of Object.entries(config)) walk(key, v, [], 0);
  return out;
}

/**
 * The config with the value at every secret path replaced by {@link SECRET_MASK} (copies
 * along the way; the input is not changed). Secure leaves become the placeholder as well.
 *
 * @example
 * ```ts
 * maskSecrets({ "platform:service": { env: { API_KEY: { secure: "v1:…" } } } }, [{ key: "platform:service", path: ["env", "API_KEY"] }]);
 * // { "platform:service": { env: { API_KEY: "[secret]" } } }
 * ```
 */
export function maskSecrets(
  config: Readonly<Record<string, unknown>>,
  secrets: readonly SecretPath[],
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...config };
  for (const s of secrets) {
    if (s.path.length === 0) {
      out[s.key] = SECRET_MASK;
      continue;
    }
    out[s.key] = setAt(out[s.key], s.path, SECRET_MASK);
  }
  return out;
}

function setAt(root: unknown, path: readonly ConfigPathSegment[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = [...(root as unknown[])];
    copy[head as number] = setAt(copy[head as number], rest, value);
    return copy;
  }
  if (typeof root === "object" && root !== null) {
    const copy = { ...(root as Record<string, unknown>) };
    copy[String(head)] = setAt(copy[String(head)], rest, value);
    return copy;
  }
  return root; // the path does not exist in this value: nothing to hide
}

/**
 * The value at a secret path (undefined when absent).
 *
 * @example
 * ```ts
 * valueAtSecretPath({ "platform:service": { env: { K: "v" } } }, { key: "platform:service", path: ["env", "K"] }); // "v"
 * ```
 */
export function valueAtSecretPath(config: Readonly<Record<string, unknown>>, p: SecretPath): unknown {
  let cur: unknown = config[p.key];
  for (const seg of p.path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/**
 * The env var name when a secret path is `platform:service.env.<NAME>` (the only place a secret may
 * be), else undefined.
 *
 * @example
 * ```ts
 * secretEnvName({ key: "platform:service", path: ["env", "API_KEY"] }); // "API_KEY"
 * secretEnvName({ key: "platform:database", path: ["tier"] });        // undefined
 * ```
 */
export function secretEnvName(p: SecretPath): string | undefined {
  return p.key === SECRET_ENV_KEY &&
    p.path.length === 2 &&
    p.path[0] === "env" &&
    typeof p.path[1] === "string"
    ? p.path[1]
    : undefined;
}

/**
 * Config issues for secrets where a secret cannot be kept one (anywhere but `platform:service.env`).
 * They never show the value.
 *
 * @example
 * ```ts
 * secretPlacementIssues([{ key: "platform:database", path: ["tier"] }]);
 * // [{ path: "platform:database.tier", message: "is set as a secret, but only platform:service.env.<NAME> values can be secrets …" }]
 * ```
 */
export function secretPlacementIssues(secrets: readonly SecretPath[]): ConfigIssue[] {
  return secrets
    .filter((s) => secretEnvName(s) === undefined)
    .map((s) => ({
      path: secretPathString(s),
      message:
        s.path.length === 0
          ? `is secret as a whole; only platform:service.env.<NAME> values can be secrets (set them with \`pulumi config set --secret --path '${SECRET_ENV_KEY}.env.<NAME>' …\`)`
          : `is set as a secret, but only platform:service.env.<NAME> values can be secrets (they become Secret Manager secrets the service reads by reference); keep this value in plain config`,
    }));
}

/**
 * The secret paths of a stack: the stack file's secure leaves, plus any top-level key the engine
 * marks secret under which the file shows no secure leaf (the whole value is then secret).
 *
 * @example
 * ```ts
 * secretPaths(stackFileConfig, ["platform:service"]);
 * ```
 */
export function secretPaths(
  stackFileConfig: Readonly<Record<string, unknown>>,
  secretKeys: readonly string[] = [],
): SecretPath[] {
  const leaves = secureLeaves(stackFileConfig).filter((l) => isProgramKey(l.key));
  const covered = new Set(leaves.map((l) => l.key));
  const whole = secretKeys.filter((k) => isProgramKey(k) && !covered.has(k));
  return [...leaves, ...whole.map((key) => ({ key, path: [] }))];
}

/** AWS credentials: the provider reads them; the program never does (they arrive decrypted). */
const AWS_CREDENTIAL_KEYS = ["aws:accessKey", "aws:secretKey", "aws:token"] as const;

/**
 * Keys the program reads (`platform:*`, `gcp:project`, `gcp:region`, `aws:*` but credentials);
 * other secrets (`gcp:credentials`, `aws:secretKey`) are the provider's.
 */
export function isProgramKey(key: string): boolean {
  return (
    key.startsWith("platform:") ||
    key === "gcp:project" ||
    key === "gcp:region" ||
    (key.startsWith("aws:") && !(AWS_CREDENTIAL_KEYS as readonly string[]).includes(key))
  );
}
