/**
 * Which input changes force a resource to be replaced (deleted and created again), for the offline
 * diff, which has no provider to ask. A small, deliberate table for the types this library creates.
 *
 * Source: the `ForceNew` / immutable attributes of the Terraform Google provider schema, which the
 * Pulumi GCP provider bridges, and the Cloud APIs' "Immutable" field notes. Notes per entry:
 * - Cloud SQL `databaseVersion`: only a **major** change (`POSTGRES_15` → `POSTGRES_16`) is listed;
 *   minor versions change in place. Cloud SQL can upgrade some majors in place, but this table is
 *   conservative: a major change is reported as a replacement risk for a reviewer to confirm.
 * - KMS `versionTemplate.protectionLevel` is immutable (SOFTWARE ↔ HSM means a new key);
 *   `versionTemplate.algorithm` is not listed: the API updates it in place and it only applies to new
 *   key versions.
 * - Secret Manager `replication` and Redis `transitEncryptionMode`/`customerManagedKey`/`tier` cannot
 *   be changed on an existing resource.
 *
 * A rule's path covers everything below it (`replication` covers `replication.auto.…`). Types not in
 * the table never replace offline; the real preview is the authority.
 */
import type { PlanInputs, PlanValue } from "../model";
import { type PathSegment } from "./paths";
/** One forcing property. */
export interface ReplaceRule {
    /** Property path, e.g. `versionTemplate.protectionLevel`. */
    readonly path: string;
    /** Custom change test (default: the values differ). */
    readonly changed?: (oldValue: PlanValue | undefined, newValue: PlanValue | undefined) => boolean;
    /** Why, for readers of the table. */
    readonly note?: string;
}
/**
 * The engine, major and first version number of a Cloud SQL version string (`MYSQL_8_0_31` →
 * `MYSQL_8`, `POSTGRES_15` → `POSTGRES_15`, `SQLSERVER_2019_STANDARD` → `SQLSERVER_2019`).
 *
 * @example
 * ```ts
 * sqlMajorVersion("MYSQL_8_0_31"); // "MYSQL_8"
 * ```
 */
export declare function sqlMajorVersion(version: string): string;
/**
 * Type token → properties whose change forces replacement.
 *
 * @example
 * ```ts
 * REPLACE_RULES["gcp:kms/keyRing:KeyRing"]!.map((r) => r.path); // ["name", "location", "project"]
 * ```
 */
export declare const REPLACE_RULES: Readonly<Record<string, readonly ReplaceRule[]>>;
/** A rule that fired, with its parsed path. */
export interface ForcedReplacement {
    readonly rule: ReplaceRule;
    readonly path: readonly PathSegment[];
}
/**
 * The rules of `type` whose property changed between two input objects.
 *
 * @example
 * ```ts
 * forcedReplacements("gcp:kms/keyRing:KeyRing", { location: "europe-west1" }, { location: "europe-west4" });
 * // [{ rule: { path: "location" }, path: ["location"] }]
 * ```
 */
export declare function forcedReplacements(type: string, oldInputs: PlanInputs, newInputs: PlanInputs, rules?: Readonly<Record<string, readonly ReplaceRule[]>>): ForcedReplacement[];
