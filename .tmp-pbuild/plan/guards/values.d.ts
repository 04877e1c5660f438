/** How the synth recorder and some renderers print an unknown value. */
export declare const UNKNOWN_TEXT = "[unknown]";
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
export declare function isOpaque(value: unknown): boolean;
/** The result of reading one input path. */
export type Read = {
    readonly kind: "set";
    readonly value: unknown;
} | {
    readonly kind: "absent";
} | {
    readonly kind: "opaque";
    readonly path: string;
};
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
export declare function read(inputs: unknown, path: string): Read;
/**
 * The set value at a path, or undefined when absent or opaque (for lookups, not verdicts).
 *
 * @example
 * ```ts
 * valueAt({ tier: "STANDARD_HA" }, "tier"); // "STANDARD_HA"
 * ```
 */
export declare function valueAt(inputs: unknown, path: string): unknown;
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
export declare function readFlag(inputs: unknown, flag: string): Read;
/**
 * Seconds in a protobuf Duration string or number of seconds; undefined when not a duration.
 *
 * @example
 * ```ts
 * seconds("7776000s"); // 7776000
 * ```
 */
export declare function seconds(value: unknown): number | undefined;
/** Identities that make a grant public. */
export declare const PUBLIC_MEMBERS: readonly ["allUsers", "allAuthenticatedUsers", "principalSet://goog/public:all"];
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
export declare function isPublicMember(member: string): boolean;
/** One role granted to one member, as read from an IAM member, binding or policy resource. */
export interface Grant {
    readonly role: string;
    readonly member: string;
}
/** Grants a resource makes, plus the input paths that were opaque. */
export interface GrantRead {
    readonly grants: readonly Grant[];
    readonly opaque: readonly string[];
}
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
export declare function iamGrants(inputs: unknown): GrantRead;
/**
 * True when `urn` matches one of the patterns: an exact URN, or a prefix ending in `*`.
 *
 * @example
 * ```ts
 * matchesUrn("urn:pulumi:prod::platform::gcp:sql/database:Database::app", ["urn:pulumi:prod::platform::*"]); // true
 * ```
 */
export declare function matchesUrn(urn: string, patterns: readonly string[] | undefined): boolean;
/**
 * Renders a value for a message: strings quoted, opaque values as `(unknown)`.
 *
 * @example
 * ```ts
 * showValue("ZONAL"); // "\"ZONAL\""
 * ```
 */
export declare function showValue(value: unknown): string;
