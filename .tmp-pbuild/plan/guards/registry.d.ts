import type { Rule } from "./types";
/**
 * Security rules from the reference table §1a (41 rule ids covering its 48 rows).
 *
 * @example
 * ```ts
 * SECURITY_RULES.filter((r) => r.level === "L1").length;
 * ```
 */
export declare const SECURITY_RULES: readonly Rule[];
/**
 * Every rule: data loss, prod profile, security.
 *
 * @example
 * ```ts
 * RULES.map((r) => r.id); // ["platform/data-loss", …, "gcp/log-alert-sql-config-changes"]
 * ```
 */
export declare const RULES: readonly Rule[];
/**
 * Rules by id.
 *
 * @example
 * ```ts
 * RULES_BY_ID.get("gcp/redis-auth")?.refs; // ["CKV_GCP_95"]
 * ```
 */
export declare const RULES_BY_ID: ReadonlyMap<string, Rule>;
