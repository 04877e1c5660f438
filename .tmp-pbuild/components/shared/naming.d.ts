/**
 * Child logical name: `${parent}-${role}`. Every child of a component is named through this, so
 * URNs are predictable and stable across runs.
 *
 * @example
 * ```ts
 * childName("db", "instance"); // "db-instance"
 * ```
 */
export declare function childName(parent: string, ...roles: string[]): string;
/** Options for {@link physicalName}. */
export interface PhysicalNameOptions {
    /** Maximum length of the result (the cloud's limit for this resource type). @default 63 */
    readonly maxLength?: number;
    /** Allowed character set; anything else becomes `-`. @default "lower" (a-z, 0-9, -) */
    readonly charset?: "lower" | "lower-underscore";
    /** The name must start with a letter (most GCP names). @default true */
    readonly startWithLetter?: boolean;
}
/**
 * Deterministic physical (cloud-visible) name from progressively more specific parts, e.g.
 * `shop-prod-db`. Never random: when the joined name is too long it is cut and given a
 * 6-character hash of the full name, so distinct inputs stay distinct.
 *
 * @example
 * ```ts
 * physicalName(["shop", "prod", "db"]); // "shop-prod-db"
 * physicalName(["a-very-long-application-name", "staging", "postgres-replica-1"], { maxLength: 30 });
 * // "a-very-long-application-b1c2d3" (stable for the same input)
 * ```
 */
export declare function physicalName(parts: readonly string[], options?: PhysicalNameOptions): string;
