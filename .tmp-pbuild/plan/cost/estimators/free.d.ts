import { type Estimate, type EstimateInput, type Estimator } from "./types";
/**
 * Resource types that cost nothing by themselves, with the reason shown on their cost line.
 * They are priced at exactly $0 on purpose, never by omission.
 *
 * @example
 * ```ts
 * FREE_TYPES["gcp:billing/budget:Budget"]; // "Cloud Billing budgets have no fee"
 * ```
 */
export declare const FREE_TYPES: {
    readonly "gcp:billing/budget:Budget": "Cloud Billing budgets have no fee";
    readonly "gcp:serviceaccount/account:Account": "service accounts are free";
    readonly "gcp:serviceaccount/key:Key": "service account keys are free";
    readonly "gcp:projects/iAMCustomRole:IAMCustomRole": "IAM roles are free";
    readonly "gcp:projects/service:Service": "enabling an API is free";
    readonly "gcp:kms/keyRing:KeyRing": "key rings are free (their keys are priced)";
    readonly "gcp:sql/database:Database": "included in the Cloud SQL instance price";
    readonly "gcp:sql/user:User": "included in the Cloud SQL instance price";
    readonly "gcp:sql/sslCert:SslCert": "included in the Cloud SQL instance price";
    readonly "gcp:monitoring/alertPolicy:AlertPolicy": "alerting is free today (Cloud Monitoring plans $0.35/month per metric reference, no sooner than 2027-09-01)";
    readonly "gcp:monitoring/notificationChannel:NotificationChannel": "notification channels are free";
    readonly "gcp:monitoring/dashboard:Dashboard": "dashboards are free";
    readonly "gcp:logging/metric:Metric": "a log-based metric's samples are chargeable metric ingestion, far inside the first 150 MiB/month free per billing account";
    readonly "gcp:compute/network:Network": "VPC networks are free";
    readonly "gcp:compute/subnetwork:Subnetwork": "subnetworks are free";
    readonly "gcp:servicenetworking/connection:Connection": "private services access peering is free";
};
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
export declare function freeReason(type: string): string | undefined;
/**
 * A free estimator for a type, or undefined.
 *
 * @example
 * ```ts
 * freeEstimator("gcp:billing/budget:Budget")?.(input); // { baseline: 0, usage: 0, notes: ["free: …"] }
 * ```
 */
export declare function freeEstimator(type: string): Estimator | undefined;
/**
 * Type token of a global address.
 *
 * @example
 * ```ts
 * ESTIMATORS[GLOBAL_ADDRESS_TYPE] === estimateGlobalAddress; // true
 * ```
 */
export declare const GLOBAL_ADDRESS_TYPE = "gcp:compute/globalAddress:GlobalAddress";
/**
 * A global address: an INTERNAL range (private services access for Cloud SQL / Memorystore) is free;
 * an external static address has no price in the table and is listed as not priced.
 *
 * @example
 * ```ts
 * estimateGlobalAddress(input); // addressType INTERNAL → $0
 * ```
 */
export declare function estimateGlobalAddress(input: EstimateInput): Estimate;
