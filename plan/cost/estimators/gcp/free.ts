import { bill, free, type Estimate, type EstimateInput, type Estimator } from "../types";

/**
 * Resource types that cost nothing by themselves, with the reason shown on their cost line.
 * They are priced at exactly $0 on purpose, never by omission.
 *
 * @example
 * ```ts
 * FREE_TYPES["gcp:billing/budget:Budget"]; // "Cloud Billing budgets have no fee"
 * ```
 */
export const FREE_TYPES = {
  "gcp:billing/budget:Budget": "Cloud Billing budgets have no fee",
  "gcp:serviceaccount/account:Account": "service accounts are free",
  "gcp:serviceaccount/key:Key": "service account keys are free",
  "gcp:projects/iAMCustomRole:IAMCustomRole": "IAM roles are free",
  "gcp:projects/service:Service": "enabling an API is free",
  "gcp:kms/keyRing:KeyRing": "key rings are free (their keys are priced)",
  "gcp:sql/database:Database": "included in the Cloud SQL instance price",
  "gcp:sql/user:User": "included in the Cloud SQL instance price",
  "gcp:sql/sslCert:SslCert": "included in the Cloud SQL instance price",
  "gcp:monitoring/alertPolicy:AlertPolicy":
    "alerting is free today (Cloud Monitoring plans $0.35/month per metric reference, no sooner than 2027-09-01)",
  "gcp:monitoring/notificationChannel:NotificationChannel": "notification channels are free",
  "gcp:monitoring/dashboard:Dashboard": "dashboards are free",
  "gcp:monitoring/customService:CustomService": "Service Monitoring services are free",
  "gcp:monitoring/slo:Slo": "SLOs are free (their metrics are Google Cloud metrics, which are free)",
  "gcp:pubsub/topic:Topic":
    "a topic has no fee; messages are billed per TiB of throughput (budget notifications are a few KiB a month)",
  "gcp:pubsub/topicIAMMember:TopicIAMMember": "IAM grants are free",
  "gcp:logging/metric:Metric":
    "a log-based metric's samples are chargeable metric ingestion, far inside the first 150 MiB/month free per billing account",
  "gcp:compute/network:Network": "VPC networks are free",
  "gcp:compute/subnetwork:Subnetwork": "subnetworks are free",
  "gcp:servicenetworking/connection:Connection": "private services access peering is free",
} as const satisfies Readonly<Record<string, string>>;

/** IAM member, binding and policy resources of every service (`gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember`, …). */
const IAM_TYPE = /^gcp:[A-Za-z0-9]+\/[A-Za-z0-9]+:[A-Za-z0-9]*(IAM|Iam)(Member|Binding|Policy|AuditConfig)$/;

/**
 * Why a type is free, or undefined when it is not known to be free: the {@link FREE_TYPES} table,
 * IAM grants of any service, and the `random` provider (computed locally).
 *
 * @example
 * ```ts
 * freeReason("gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember"); // "IAM grants are free"
 * freeReason("random:index/randomPassword:RandomPassword"); // "random provider: computed locally, no cloud resource"
 * ```
 */
export function freeReason(type: string): string | undefined {
  if (Object.hasOwn(FREE_TYPES, type)) return FREE_TYPES[type as keyof typeof FREE_TYPES];
  if (IAM_TYPE.test(type)) return "IAM grants are free";
  if (type.startsWith("random:")) return "random provider: computed locally, no cloud resource";
  return undefined;
}

/**
 * A free estimator for a type, or undefined.
 *
 * @example
 * ```ts
 * freeEstimator("gcp:billing/budget:Budget")?.(input); // { baseline: 0, usage: 0, notes: ["free: …"] }
 * ```
 */
export function freeEstimator(type: string): Estimator | undefined {
  const reason = freeReason(type);
  return reason === undefined ? undefined : free(reason);
}

/**
 * Type token of a global address.
 *
 * @example
 * ```ts
 * ESTIMATORS[GLOBAL_ADDRESS_TYPE] === estimateGlobalAddress; // true
 * ```
 */
export const GLOBAL_ADDRESS_TYPE = "gcp:compute/globalAddress:GlobalAddress";

/**
 * A global address: an INTERNAL range (private services access for Cloud SQL / Memorystore) is free;
 * an external static address has no price in the table and is listed as not priced.
 *
 * @example
 * ```ts
 * estimateGlobalAddress(input); // addressType INTERNAL → $0
 * ```
 */
export function estimateGlobalAddress(input: EstimateInput): Estimate {
  const b = bill();
  const kind = input.read.str("addressType");
  if (kind === "INTERNAL") {
    b.baseline(0, "free: INTERNAL address range");
    return b.done();
  }
  b.note("external static IP addresses are not in the price table");
  return b.done({ notPriced: true });
}
