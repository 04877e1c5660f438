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
import { parsePath, valueAt, type PathSegment } from "./paths";
import { planValueEqual } from "./properties";

/**
 * One forcing property.
 *
 * @example
 * ```ts
 * const rule: ReplaceRule = { path: "databaseVersion", changed: (a, b) => a !== b, note: "any change" };
 * ```
 */
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
export function sqlMajorVersion(version: string): string {
  const m = /^([A-Z]+)_(\d+)/.exec(version);
  return m ? `${m[1]}_${m[2]}` : version;
}

function majorChanged(a: PlanValue | undefined, b: PlanValue | undefined): boolean {
  if (typeof a === "string" && typeof b === "string") return sqlMajorVersion(a) !== sqlMajorVersion(b);
  return !planValueEqual(a, b);
}

/**
 * Type token → properties whose change forces replacement.
 *
 * @example
 * ```ts
 * REPLACE_RULES["gcp:kms/keyRing:KeyRing"]!.map((r) => r.path); // ["name", "location", "project"]
 * ```
 */
export const REPLACE_RULES: Readonly<Record<string, readonly ReplaceRule[]>> = {
  "gcp:sql/databaseInstance:DatabaseInstance": [
    { path: "name" },
    { path: "region" },
    { path: "project" },
    { path: "encryptionKeyName", note: "CMEK key is fixed at creation" },
    { path: "masterInstanceName" },
    { path: "databaseVersion", changed: majorChanged, note: "major version only" },
  ],
  "gcp:sql/database:Database": [{ path: "name" }, { path: "instance" }, { path: "project" }],
  "gcp:kms/keyRing:KeyRing": [{ path: "name" }, { path: "location" }, { path: "project" }],
  "gcp:kms/cryptoKey:CryptoKey": [
    { path: "name" },
    { path: "keyRing" },
    { path: "purpose" },
    { path: "versionTemplate.protectionLevel", note: "immutable" },
    { path: "importOnly" },
    { path: "skipInitialVersionCreation" },
    { path: "destroyScheduledDuration" },
  ],
  "gcp:redis/instance:Instance": [
    { path: "name" },
    { path: "region" },
    { path: "project" },
    { path: "tier" },
    { path: "locationId" },
    { path: "alternativeLocationId" },
    { path: "authorizedNetwork" },
    { path: "connectMode" },
    { path: "reservedIpRange" },
    { path: "customerManagedKey" },
    { path: "transitEncryptionMode" },
  ],
  "gcp:secretmanager/secret:Secret": [{ path: "secretId" }, { path: "project" }, { path: "replication" }],
  "gcp:secretmanager/secretVersion:SecretVersion": [
    { path: "secret" },
    { path: "secretData", note: "a new value is a new version" },
  ],
  "gcp:cloudrunv2/service:Service": [{ path: "name" }, { path: "location" }, { path: "project" }],
  "gcp:storage/bucket:Bucket": [{ path: "name" }, { path: "location" }, { path: "project" }],
  "gcp:serviceaccount/account:Account": [{ path: "accountId" }, { path: "project" }],
};

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
export function forcedReplacements(
  type: string,
  oldInputs: PlanInputs,
  newInputs: PlanInputs,
  rules: Readonly<Record<string, readonly ReplaceRule[]>> = REPLACE_RULES,
): ForcedReplacement[] {
  const out: ForcedReplacement[] = [];
  for (const rule of rules[type] ?? []) {
    const path = parsePath(rule.path);
    const a = valueAt(oldInputs, path);
    const b = valueAt(newInputs, path);
    const changed = rule.changed ? rule.changed(a, b) : !planValueEqual(a, b);
    if (changed) out.push({ rule, path });
  }
  return out;
}
