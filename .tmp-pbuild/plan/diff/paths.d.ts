/**
 * Property paths in the engine's notation: `settings.tier`, `settings.databaseFlags[3].value`,
 * `labels["app.kubernetes.io/name"]` (keys with `.`, `[`, `]`, `"`, `\` or spaces are quoted).
 */
import type { PlanValue } from "../model";
/** One path segment: an object key or an array index. */
export type PathSegment = string | number;
/**
 * Formats segments as a property path.
 *
 * @example
 * ```ts
 * formatPath(["settings", "databaseFlags", 3, "value"]); // "settings.databaseFlags[3].value"
 * formatPath(["labels", "app.kubernetes.io/name"]); // 'labels["app.kubernetes.io/name"]'
 * ```
 */
export declare function formatPath(segments: readonly PathSegment[]): string;
/**
 * Parses a property path into segments; the inverse of {@link formatPath}. Malformed paths are read
 * leniently (an unterminated quote takes the rest of the string).
 *
 * @example
 * ```ts
 * parsePath('ingress[1].cidrBlocks[0]'); // ["ingress", 1, "cidrBlocks", 0]
 * ```
 */
export declare function parsePath(path: string): PathSegment[];
/**
 * The value at a path, or undefined when any segment is missing.
 *
 * @example
 * ```ts
 * valueAt({ settings: { tier: "db-f1-micro" } }, "settings.tier"); // "db-f1-micro"
 * ```
 */
export declare function valueAt(value: PlanValue | undefined, path: string | readonly PathSegment[]): PlanValue | undefined;
/**
 * True when `prefix` is a prefix of `path` (segment-wise).
 *
 * @example
 * ```ts
 * isPathPrefix(["replication"], ["replication", "auto"]); // true
 * ```
 */
export declare function isPathPrefix(prefix: readonly PathSegment[], path: readonly PathSegment[]): boolean;
