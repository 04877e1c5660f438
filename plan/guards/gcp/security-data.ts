/**
 * Pub/Sub topics and log sinks: topics encrypted with a customer-managed key and not public
 * (Checkov CKV_GCP_83, CKV_GCP_99), log sinks into Cloud Storage only into locked buckets
 * (CKV2_GCP_4, CIS 2.3).
 */
import { Severity } from "../../model";
import { GCP, LOG_SINK_TYPES, PUBSUB_IAM_TYPES } from "./tokens";
import {
  Category,
  Level,
  Scope,
  expectValue,
  unverified,
  type GuardResource,
  type ResourceRule,
  type RuleHit,
  type StackRule,
} from "../types";
import { iamGrants, isPublicMember, read } from "../values";

const label = (r: GuardResource) => `${r.type.slice(r.type.lastIndexOf(":") + 1)} "${r.name}"`;

/**
 * CKV_GCP_83: Pub/Sub topics are encrypted with a customer-managed key (kmsKeyName).
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: [PUBSUB_CMEK] });
 * ```
 */
export const PUBSUB_CMEK: ResourceRule = {
  scope: Scope.resource,
  category: Category.security,
  id: "gcp/pubsub-cmek",
  refs: ["CKV_GCP_83"],
  level: Level.L2,
  severity: Severity.medium,
  description: "Pub/Sub topics are encrypted with a customer-managed key (kmsKeyName is set).",
  remediation:
    "Set kmsKeyName to a Cloud KMS key and grant the Pub/Sub service agent encrypterDecrypter on it (KmsKeyRing serviceAgents: pubsub).",
  appliesTo: [GCP.pubsubTopic],
  check(r) {
    return expectValue(
      r.inputs,
      "kmsKeyName",
      (v) => typeof v === "string" && v.length > 0,
      (got) =>
        `${label(r)}: kmsKeyName is ${got === "(unset)" ? "unset (Google-managed encryption)" : got}; set a customer-managed key.`,
    );
  },
};

/**
 * CKV_GCP_99: no Pub/Sub topic grants a role to allUsers or allAuthenticatedUsers.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: [PUBSUB_NOT_PUBLIC] });
 * ```
 */
export const PUBSUB_NOT_PUBLIC: ResourceRule = {
  scope: Scope.resource,
  category: Category.security,
  id: "gcp/pubsub-not-public",
  refs: ["CKV_GCP_99"],
  level: Level.L1,
  critical: true,
  severity: Severity.high,
  description: "No Pub/Sub topic grants a role to allUsers or allAuthenticatedUsers.",
  remediation: "Grant the role to named service accounts only.",
  appliesTo: [...PUBSUB_IAM_TYPES],
  check(r) {
    const { grants, opaque } = iamGrants(r.inputs);
    return [
      ...grants
        .filter((g) => isPublicMember(g.member))
        .map((g) => ({
          message: `${label(r)}: ${g.role} is granted to ${g.member}, so anyone can publish or read; grant it to named service accounts.`,
        })),
      ...opaque.map((p) => unverified(p)),
    ];
  },
};

const STORAGE_PREFIX = "storage.googleapis.com/";

/**
 * CKV2_GCP_4 / CIS 2.3: a log sink into Cloud Storage writes into a bucket whose retention policy
 * is locked (Bucket Lock), so exported logs cannot be deleted or shortened.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: [LOG_SINK_BUCKET_LOCKED] });
 * ```
 */
export const LOG_SINK_BUCKET_LOCKED: StackRule = {
  scope: Scope.stack,
  category: Category.security,
  id: "gcp/log-sink-bucket-locked",
  refs: ["CKV2_GCP_4", "CIS 2.3"],
  level: Level.L1,
  severity: Severity.medium,
  description:
    "Log sinks into Cloud Storage write into buckets with a locked retention policy (retentionPolicy.isLocked true).",
  remediation:
    "Give the destination bucket retentionPolicy { retentionPeriod, isLocked: true } (locking is irreversible: choose the period first).",
  appliesTo: [...LOG_SINK_TYPES, GCP.bucket],
  reads: { [GCP.bucket]: ["name", "retentionPolicy"] },
  check(resources) {
    const buckets = new Map<string, GuardResource>();
    for (const b of resources.filter((r) => r.type === GCP.bucket)) {
      const name = read(b.inputs, "name");
      if (name.kind === "set" && typeof name.value === "string") buckets.set(name.value, b);
    }
    const hits: RuleHit[] = [];
    for (const sink of resources.filter((r) => (LOG_SINK_TYPES as readonly string[]).includes(r.type))) {
      const dest = read(sink.inputs, "destination");
      if (dest.kind === "opaque") {
        hits.push({ ...unverified("destination", "the sink destination"), urn: sink.urn, type: sink.type });
        continue;
      }
      if (dest.kind !== "set" || typeof dest.value !== "string" || !dest.value.startsWith(STORAGE_PREFIX))
        continue;
      const bucketName = dest.value.slice(STORAGE_PREFIX.length);
      const bucket = buckets.get(bucketName);
      if (!bucket) {
        hits.push({
          ...unverified("destination", `the lock of bucket ${bucketName} (not in this stack)`),
          urn: sink.urn,
          type: sink.type,
        });
        continue;
      }
      const locked = read(bucket.inputs, "retentionPolicy.isLocked");
      if (locked.kind === "opaque") {
        hits.push({ ...unverified(locked.path), urn: bucket.urn, type: bucket.type });
        continue;
      }
      if (locked.kind === "set" && locked.value === true) continue;
      hits.push({
        message: `${label(sink)} exports logs to bucket ${bucketName}, whose retention policy is not locked; set retentionPolicy { retentionPeriod, isLocked: true } on ${label(bucket)}.`,
        urn: bucket.urn,
        type: bucket.type,
      });
    }
    return hits;
  },
};

/**
 * Every Pub/Sub and log-sink rule.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: DATA_RULES });
 * ```
 */
export const DATA_RULES: readonly (ResourceRule | StackRule)[] = [
  PUBSUB_CMEK,
  PUBSUB_NOT_PUBLIC,
  LOG_SINK_BUCKET_LOCKED,
];
