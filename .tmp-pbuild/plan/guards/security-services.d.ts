import { type GuardContext, type GuardResource, type ResourceRule, type StackRule } from "./types";
/**
 * The label that marks a Cloud Run service as public on purpose. A public invoker grant or
 * `INGRESS_TRAFFIC_ALL` on such a service is reported as advisory, never blocking.
 *
 * @example
 * ```ts
 * new gcp.cloudrunv2.Service(name, { labels: { ...labels, [PUBLIC_LABEL.key]: PUBLIC_LABEL.value }, ... });
 * ```
 */
export declare const PUBLIC_LABEL: {
    readonly key: "exposure";
    readonly value: "public";
};
/** Cloud Run v2 ingress settings. */
export declare const Ingress: {
    readonly all: "INGRESS_TRAFFIC_ALL";
    readonly internalOnly: "INGRESS_TRAFFIC_INTERNAL_ONLY";
    readonly internalLoadBalancer: "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER";
};
/** A Cloud Run ingress setting. */
export type Ingress = (typeof Ingress)[keyof typeof Ingress];
/** The invoker role. */
export declare const RUN_INVOKER_ROLE = "roles/run.invoker";
/** Default service accounts that must not run workloads or receive grants. */
export declare const DEFAULT_SERVICE_ACCOUNT: RegExp;
/**
 * Whether a Cloud Run service (or the grant on it) is public on purpose: listed in
 * `publicServices`, or labelled `exposure: public`.
 *
 * @example
 * ```ts
 * isExplicitlyPublic(service, ctx); // true when service.inputs.labels.exposure === "public"
 * ```
 */
export declare function isExplicitlyPublic(service: GuardResource | undefined, ctx: Pick<GuardContext, "publicServices">, grantUrn?: string): boolean;
/**
 * The Cloud Run service an invoker grant targets: by `name` (v2) or `service` (v1), else the only
 * service under the same parent component.
 *
 * @example
 * ```ts
 * targetService(grant, resources)?.name; // "api-service"
 * ```
 */
export declare function targetService(grant: GuardResource, resources: readonly GuardResource[]): GuardResource | undefined;
/** Rows 35–36: no public invoker (advisory when the service is public on purpose). */
export declare const RUN_NO_PUBLIC_INVOKER: StackRule;
/** Row 37: ingress restricted to internal traffic or the load balancer. */
export declare const RUN_INGRESS_RESTRICTED: ResourceRule;
/** Row 47 (Cloud Run half): a dedicated, non-default service account. */
export declare const RUN_DEDICATED_SERVICE_ACCOUNT: ResourceRule;
/** Row 38: Memorystore AUTH. */
export declare const REDIS_AUTH: ResourceRule;
/** Row 39: Memorystore in-transit encryption. */
export declare const REDIS_TRANSIT_ENCRYPTION: ResourceRule;
/** Row 48 (first half): the image registry is not public. */
export declare const ARTIFACT_REGISTRY_PRIVATE: ResourceRule;
/** Row 48 (second half): the repository is encrypted with CMEK. */
export declare const ARTIFACT_REGISTRY_CMEK: ResourceRule;
/** Every Cloud Run, Memorystore and Artifact Registry rule. */
export declare const SERVICE_RULES: readonly (ResourceRule | StackRule)[];
