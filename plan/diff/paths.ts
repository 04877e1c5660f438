/**
 * Property paths in the engine's notation: `settings.tier`, `settings.databaseFlags[3].value`,
 * `labels["app.kubernetes.io/name"]` (keys with `.`, `[`, `]`, `"`, `\` or spaces are quoted).
 */
import type { PlanValue } from "../model";

/** One path segment: an object key or an array index. */
export type PathSegment = string | number;

const NEEDS_QUOTES = /[.[\]"\\\s]|^$/;

/**
 * Formats segments as a property path.
 *
 * @example
 * ```ts
 * formatPath(["settings", "databaseFlags", 3, "value"]); // "settings.databaseFlags[3].value"
 * formatPath(["labels", "app.kubernetes.io/name"]); // 'labels["app.kubernetes.io/name"]'
 * ```
 */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = "";
  for (const seg of segments) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (NEEDS_QUOTES.test(seg)) out += `[${JSON.stringify(seg)}]`;
    else out += out.length === 0 ? seg : `.${seg}`;
  }
  return out;
}

/**
 * Parses a property path into segments; the inverse of {@link formatPath}. Malformed paths are read
 * leniently (an unterminated quote takes the rest of the string).
 *
 * @example
 * ```ts
 * parsePath('ingress[1].cidrBlocks[0]'); // ["ingress", 1, "cidrBlocks", 0]
 * ```
 */
export function parsePath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  let i = 0;
  let key = "";
  const flush = () => {
    if (key.length > 0) out.push(key);
    key = "";
  };
  while (i < path.length) {
    const c = path[i]!;
    if (c === ".") {
      flush();
      i++;
    } else if (c === "[") {
      flush();
      if (path[i + 1] === '"') {
        let j = i + 2;
        let str = "";
        while (j < path.length && path[j] !== '"') {
          if (path[j] === "\\" && j + 1 < path.length) j++;
          str += path[j];
          j++;
        }
        out.push(str);
        i = path.indexOf("]", j);
        i = i === -1 ? path.length : i + 1;
      } else {
        const end = path.indexOf("]", i);
        const inner = path.slice(i + 1, end === -1 ? path.length : end);
        out.push(/^\d+$/.test(inner) ? Number(inner) : inner);
        i = end === -1 ? path.length : end + 1;
      }
    } else {
      key += c;
      i++;
    }
  }
  flush();
  return out;
}

/**
 * The value at a path, or undefined when any segment is missing.
 *
 * @example
 * ```ts
 * valueAt({ settings: { tier: "db-f1-micro" } }, "settings.tier"); // "db-f1-micro"
 * ```
 */
export function valueAt(
  value: PlanValue | undefined,
  path: string | readonly PathSegment[],
): PlanValue | undefined {
  const segments = typeof path === "string" ? parsePath(path) : path;
  let cur: PlanValue | undefined = value;
  for (const seg of segments) {
    if (cur === null || cur === undefined || typeof cur !== "object") return undefined;
    if (Array.isArray(cur)) {
      if (typeof seg !== "number") return undefined;
      cur = cur[seg];
    } else {
      cur = cur[String(seg)];
    }
  }
  return cur;
}

/**
 * True when `prefix` is a prefix of `path` (segment-wise).
 *
 * @example
 * ```ts
 * isPathPrefix(["replication"], ["replication", "auto"]); // true
 * ```
 */
export function isPathPrefix(prefix: readonly PathSegment[], path: readonly PathSegment[]): boolean {
  if (prefix.length > path.length) return false;
  for (let i = 0; i < prefix.length; i++) if (prefix[i] !== path[i]) return false;
  return true;
}
