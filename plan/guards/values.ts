/**
 * Reading resource inputs the way guards need: a value is either set, absent, or opaque (unknown
 * until apply, or a secret). Opaque values are never reported as violations.
 */
import { durationSeconds } from "../../components/shared/durations";
import { SECRET, SECRET_TEXT, UNKNOWN, UNKNOWN_SENTINEL } from "../model";
import type { GuardContext, GuardResource } from "./types";

/**
 * How the synth recorder and some renderers print an unknown value.
 *
 * @example
 * ```ts
 * isOpaque(UNKNOWN_TEXT); // true
 * ```
 */
export const UNKNOWN_TEXT = "[unknown]";

/**
 * True when a value cannot be inspected: the UNKNOWN/SECRET markers, the engine's unknown
 * sentinel, or the display strings `"[unknown]"` / `"[secret]"`.
 *
 * @example
 * ```ts
 * isOpaque(UNKNOWN); // true
 * isOpaque("[secret]"); // true
 * isOpaque("REGIONAL"); // false
 * ```
 */
export function isOpaque(value: unknown): boolean {
  return (
    value === UNKNOWN ||
    value === SECRET ||
    value === UNKNOWN_SENTINEL ||
    value === SECRET_TEXT ||
    value === UNKNOWN_TEXT
  );
}

/**
 * The result of reading one input path.
 *
 * @example
 * ```ts
 * const r: Read = read(inputs, "tier");
 * if (r.kind === "set") console.log(r.value);
 * ```
 */
export type Read =
  | { readonly kind: "set"; readonly value: unknown }
  | { readonly kind: "absent" }
  | { readonly kind: "opaque"; readonly path: string };

const ABSENT: Read = { kind: "absent" };

/**
 * Reads a dotted path (`settings.ipConfiguration.sslMode`, `template.containers.0.image`) from
 * inputs. `null` counts as absent; an opaque value anywhere on the path makes the read opaque.
 *
 * @example
 * ```ts
 * read({ settings: { availabilityType: "REGIONAL" } }, "settings.availabilityType"); // { kind: "set", value: "REGIONAL" }
 * read({ settings: UNKNOWN }, "settings.availabilityType"); // { kind: "opaque", path: "settings" }
 * ```
 */
export function read(inputs: unknown, path: string): Read {
  let current: unknown = inputs;
  const parts = path.split(".");
  for (let i = 0; i < parts.length; i++) {
    if (isOpaque(current)) return { kind: "opaque", path: parts.slice(0, i).join(".") || path };
    if (current === null || current === undefined || typeof current !== "object") return ABSENT;
    current = (current as Record<string, unknown>)[parts[i]!];
  }
  if (isOpaque(current)) return { kind: "opaque", path };
  if (current === null || current === undefined) return ABSENT;
  return { kind: "set", value: current };
}

/**
 * The set value at a path, or undefined when absent or opaque (for lookups, not verdicts).
 *
 * @example
 * ```ts
 * valueAt({ tier: "STANDARD_HA" }, "tier"); // "STANDARD_HA"
 * ```
 */
export function valueAt(inputs: unknown, path: string): unknown {
  const r = read(inputs, path);
  return r.kind === "set" ? r.value : undefined;
}

/**
 * Reads a Cloud SQL database flag from `settings.databaseFlags[{ name, value }]`. Opaque when the
 * list, or an entry that could be the flag, is unknown.
 *
 * @example
 * ```ts
 * readFlag({ settings: { databaseFlags: [{ name: "log_connections", value: "on" }] } }, "log_connections");
 * // { kind: "set", value: "on" }
 * ```
 */
export function readFlag(inputs: unknown, flag: string): Read {
  const list = read(inputs, "settings.databaseFlags");
  if (list.kind !== "set") return list.kind === "opaque" ? { kind: "opaque", path: list.path } : ABSENT;
  if (!Array.isArray(list.value)) return ABSENT;
  let someOpaque = false;
  for (const entry of list.value as unknown[]) {
    const name = read(entry, "name");
    if (isOpaque(entry) || name.kind === "opaque") {
      someOpaque = true;
      continue;
    }
    if (name.kind === "set" && name.value === flag) {
      const value = read(entry, "value");
      if (value.kind === "opaque") return { kind: "opaque", path: `settings.databaseFlags[${flag}]` };
      return value.kind === "set" ? { kind: "set", value: String(value.value) } : ABSENT;
    }
  }
  return someOpaque ? { kind: "opaque", path: "settings.databaseFlags" } : ABSENT;
}

/**
 * Seconds in a protobuf Duration string or number of seconds; undefined when not a duration.
 *
 * @example
 * ```ts
 * seconds("7776000s"); // 7776000
 * ```
 */
export function seconds(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string") return durationSeconds(value);
  return undefined;
}

/**
 * Identities that make a grant public.
 *
 * @example
 * ```ts
 * (PUBLIC_MEMBERS as readonly string[]).includes("allUsers"); // true
 * ```
 */
export const PUBLIC_MEMBERS = [
  "allUsers",
  "allAuthenticatedUsers",
  "principalSet://goog/public:all",
] as const;
/** A public identity. */
export type PublicMember = (typeof PUBLIC_MEMBERS)[number];

/**
 * True for `allUsers`, `allAuthenticatedUsers` and the `principalSet://goog/public:all` principal.
 *
 * @example
 * ```ts
 * isPublicMember("allUsers"); // true
 * ```
 */
export function isPublicMember(member: string): boolean {
  return (PUBLIC_MEMBERS as readonly string[]).includes(member.trim());
}

/**
 * One role granted to one member, as read from an IAM member, binding or policy resource.
 *
 * @example
 * ```ts
 * const g: Grant = { role: "roles/run.invoker", member: "allUsers" };
 * ```
 */
export interface Grant {
  readonly role: string;
  readonly member: string;
}

/**
 * Grants a resource makes, plus the input paths that were opaque.
 *
 * @example
 * ```ts
 * const { grants, opaque }: GrantRead = iamGrants(resource.inputs);
 * ```
 */
export interface GrantRead {
  readonly grants: readonly Grant[];
  readonly opaque: readonly string[];
}

/**
 * The input keys {@link iamGrants} reads (for rules that declare what they read).
 *
 * @example
 * ```ts
 * const reads = { "gcp:projects/iAMMember:IAMMember": IAM_GRANT_KEYS };
 * ```
 */
export const IAM_GRANT_KEYS = ["policyData", "role", "member", "members"] as const;

/**
 * Reads the grants of an IAM resource, whatever its flavour: `*IamMember`/`*IAMMember` (`role` +
 * `member`), `*IamBinding`/`*IAMBinding` (`role` + `members`) or `*IamPolicy`/`*IAMPolicy`
 * (`policyData` JSON with `bindings`).
 *
 * @example
 * ```ts
 * iamGrants({ role: "roles/run.invoker", member: "allUsers" }).grants; // [{ role: "roles/run.invoker", member: "allUsers" }]
 * ```
 */
export function iamGrants(inputs: unknown): GrantRead {
  const grants: Grant[] = [];
  const opaque: string[] = [];
  const policy = read(inputs, "policyData");
  if (policy.kind === "opaque") opaque.push("policyData");
  if (policy.kind === "set" && typeof policy.value === "string") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(policy.value);
    } catch {
      parsed = undefined;
    }
    const bindings = valueAt(parsed, "bindings");
    if (Array.isArray(bindings)) {
      for (const b of bindings as unknown[]) {
        const role = valueAt(b, "role");
        const members = valueAt(b, "members");
        if (typeof role === "string" && Array.isArray(members))
          for (const m of members) if (typeof m === "string") grants.push({ role, member: m });
      }
    }
  }
  const role = read(inputs, "role");
  if (role.kind === "opaque") opaque.push("role");
  const member = read(inputs, "member");
  const members = read(inputs, "members");
  if (member.kind === "opaque") opaque.push("member");
  if (members.kind === "opaque") opaque.push("members");
  const list: unknown[] = [];
  if (member.kind === "set") list.push(member.value);
  if (members.kind === "set" && Array.isArray(members.value)) list.push(...(members.value as unknown[]));
  for (const m of list) {
    if (isOpaque(m)) {
      opaque.push(member.kind === "set" ? "member" : "members");
      continue;
    }
    if (typeof m === "string" && role.kind === "set" && typeof role.value === "string")
      grants.push({ role: role.value, member: m });
  }
  return { grants, opaque: [...new Set(opaque)] };
}

/**
 * The resources of one type, in stack order. Several stack rules pick the same types out of the
 * same stack (the log-alert rules, on the state before and after the change): of a frozen stack
 * (runGuards freezes the states it judges), each type is picked once.
 *
 * @example
 * ```ts
 * ofType(resources, "gcp:monitoring/alertPolicy:AlertPolicy").length; // alert policies in the stack
 * ```
 */
export function ofType(resources: readonly GuardResource[], type: string): readonly GuardResource[] {
  // Only a frozen array cannot change under the remembered lists.
  if (!Object.isFrozen(resources)) return resources.filter((r) => r.type === type);
  let byType = OF_TYPE.get(resources);
  if (!byType) {
    byType = new Map();
    for (const r of resources) {
      const list = byType.get(r.type);
      if (list) list.push(r);
      else byType.set(r.type, [r]);
    }
    OF_TYPE.set(resources, byType);
  }
  return byType.get(type) ?? [];
}

const OF_TYPE = new WeakMap<readonly GuardResource[], Map<string, GuardResource[]>>();

/**
 * True when `urn` matches one of the patterns: an exact URN, or a prefix ending in `*`.
 *
 * @example
 * ```ts
 * matchesUrn("urn:pulumi:prod::platform::gcp:sql/database:Database::app", ["urn:pulumi:prod::platform::*"]); // true
 * ```
 */
export function matchesUrn(urn: string, patterns: readonly string[] | undefined): boolean {
  if (!patterns) return false;
  return patterns.some((p) => {
    const pattern = p.trim();
    if (pattern === "*") return true;
    return pattern.endsWith("*") ? urn.startsWith(pattern.slice(0, -1)) : urn === pattern;
  });
}

/**
 * Renders a value for a message: strings quoted, opaque values as `(unknown)`.
 *
 * @example
 * ```ts
 * showValue("ZONAL"); // "\"ZONAL\""
 * ```
 */
export function showValue(value: unknown): string {
  if (isOpaque(value)) return "(unknown)";
  if (value === undefined) return "(unset)";
  if (typeof value === "string") return JSON.stringify(value);
  return JSON.stringify(value) ?? Object.prototype.toString.call(value);
}

/**
 * Whether the state holds a resource of this provider (`aws`, `gcp`, `kubernetes`): the whole
 * state's, when a stack rule is given only the part of it that stack rules read
 * ({@link GuardContext.whole}).
 *
 * @example
 * ```ts
 * if (!stateHasProvider(resources, ctx, "aws")) return [];
 * ```
 */
export function stateHasProvider(
  resources: readonly GuardResource[],
  ctx: Pick<GuardContext, "whole">,
  provider: string,
): boolean {
  if (ctx.whole) return ctx.whole.providers.has(provider);
  return resources.some((r) => r.type.startsWith(`${provider}:`));
}
