/**
 * Stack configuration values as the stack settings file stores them: plain YAML values, with secret
 * leaves written as `{secure: "v1:…"}`. Keys are namespaced (`<ns>:<name>`); a key without a
 * namespace belongs to the project. Structured values are set with `--path`.
 */
import type { Crypter } from "./crypto";
import { CliError } from "./errors";
import type { Project } from "./workspace";

/** One path segment of a `--path` key. */
export type PathSegment = string | number;

/** Namespaced form of a key (`name` → `<project>:name`). */
export function namespacedKey(key: string, project: Project): string {
  return key.includes(":") ? key : `${project.name}:${key}`;
}

/** Splits a `--path` key (`ns:a.b[0]["c.d"]`) into the top-level key and the path below it. */
export function parseConfigPath(key: string, project: Project): { top: string; path: PathSegment[] } {
  const segs: PathSegment[] = [];
  let i = 0;
  let cur = "";
  const push = () => {
    if (cur !== "") segs.push(cur);
    cur = "";
  };
  while (i < key.length) {
    const c = key[i]!;
    if (c === ".") {
      push();
      i++;
    } else if (c === "[") {
      push();
      const end = key.indexOf("]", i);
      if (end < 0) throw new CliError(`invalid config path '${key}': missing ']'`);
      const inner = key.slice(i + 1, end);
      if (/^\d+$/.test(inner)) segs.push(Number(inner));
      else if (/^".*"$/.test(inner)) segs.push(inner.slice(1, -1));
      else throw new CliError(`invalid config path '${key}': bad index '${inner}'`);
      i = end + 1;
    } else {
      cur += c;
      i++;
    }
  }
  push();
  const first = segs.shift();
  if (typeof first !== "string") throw new CliError(`invalid config path '${key}'`);
  return { top: namespacedKey(first, project), path: segs };
}

/** True for a `{secure: "<ciphertext>"}` leaf. */
export function isSecure(v: unknown): v is { secure: string } {
  return (
    typeof v === "object" &&
    v !== null &&
    !Array.isArray(v) &&
    Object.keys(v).length === 1 &&
    typeof (v as { secure?: unknown }).secure === "string"
  );
}

/** True when any leaf of the value is secure. */
export function hasSecure(v: unknown): boolean {
  if (isSecure(v)) return true;
  if (Array.isArray(v)) return v.some(hasSecure);
  if (typeof v === "object" && v !== null) return Object.values(v).some(hasSecure);
  return false;
}

/** Deep-maps secure leaves. */
export function mapSecure(v: unknown, fn: (ciphertext: string) => unknown): unknown {
  if (isSecure(v)) return fn(v.secure);
  if (Array.isArray(v)) return v.map((x) => mapSecure(x, fn));
  if (typeof v === "object" && v !== null) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapSecure(x, fn)]));
  }
  return v;
}

/** The value with secure leaves decrypted. */
export function decryptConfig(v: unknown, crypter: Crypter): unknown {
  return mapSecure(v, (ct) => crypter.decrypt(ct));
}

/** The value with secure leaves shown as "[secret]". */
export function blindConfig(v: unknown): unknown {
  return mapSecure(v, () => "[secret]");
}

/** The string a program receives for a config value (objects and arrays as JSON). */
export function configString(v: unknown): string {
  if (typeof v === "string") return v;
  if (typeof v === "object" && v !== null) return JSON.stringify(v);
  return String(v);
}

/** `pulumi config --json` / `config get --json` entry. */
export interface ConfigJson {
  value?: string;
  objectValue?: unknown;
  secret: boolean;
}

/** The JSON form of one config value, with or without secrets. */
export function configJson(raw: unknown, crypter: Crypter | undefined, showSecrets: boolean): ConfigJson {
  const secret = hasSecure(raw);
  const isObject = typeof raw === "object" && raw !== null && !isSecure(raw);
  if (secret && !showSecrets) {
    return isObject ? { objectValue: blindConfig(raw), secret } : { secret };
  }
  if (secret && !crypter) throw new CliError("cannot decrypt secret config: no secrets provider");
  const plain = secret ? decryptConfig(raw, crypter!) : raw;
  return isObject
    ? { value: JSON.stringify(plain), objectValue: plain, secret }
    : { value: configString(plain), secret };
}

/** Sets `value` at `path` inside `root` (creating maps and lists on the way); returns the new root. */
export function setAtPath(root: unknown, path: readonly PathSegment[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (typeof head === "number") {
    const list = Array.isArray(root) ? [...(root as unknown[])] : [];
    if (head > list.length) throw new CliError(`config path index ${head} is out of range`);
    list[head] = setAtPath(list[head], rest, value);
    return list;
  }
  const obj =
    typeof root === "object" && root !== null && !Array.isArray(root) && !isSecure(root)
      ? { ...(root as Record<string, unknown>) }
      : {};
  obj[head!] = setAtPath(obj[head!], rest, value);
  return obj;
}

/** Reads the value at `path` (undefined when absent). */
export function getAtPath(root: unknown, path: readonly PathSegment[]): unknown {
  let cur = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/** Removes the value at `path`; returns the new root (undefined when the whole value goes). */
export function removeAtPath(root: unknown, path: readonly PathSegment[]): unknown {
  if (path.length === 0) return undefined;
  const [head, ...rest] = path;
  if (Array.isArray(root) && typeof head === "number") {
    const list = [...(root as unknown[])];
    if (rest.length === 0) list.splice(head, 1);
    else list[head] = removeAtPath(list[head], rest);
    return list;
  }
  if (typeof root === "object" && root !== null) {
    const obj = { ...(root as Record<string, unknown>) };
    if (rest.length === 0) delete obj[String(head)];
    else obj[String(head)] = removeAtPath(obj[String(head)], rest);
    return obj;
  }
  return root;
}

/**
 * Project-level config from `Pulumi.yaml` (`config:`): literal values, or declarations with a
 * `value`/`default`. Returned with namespaced keys; the stack's own values take precedence.
 */
export function projectConfig(project: Project): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(project.config ?? {})) {
    const key = namespacedKey(k, project);
    const isDecl =
      typeof v === "object" &&
      v !== null &&
      !Array.isArray(v) &&
      Object.keys(v).some((x) => ["type", "description", "default", "value", "secret", "items"].includes(x));
    if (!isDecl) out[key] = v;
    else {
      const d = v as { value?: unknown; default?: unknown };
      if (d.value !== undefined) out[key] = d.value;
      else if (d.default !== undefined) out[key] = d.default;
    }
  }
  return out;
}
