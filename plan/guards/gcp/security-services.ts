/**
 * Cloud Run, Memorystore and Artifact Registry rules: reference table §1a rows 35–39 and 48, plus
 * the Cloud Run service-account half of row 47.
 */
import { Severity } from "../../model";
import { ARTIFACT_IAM_TYPES, GCP, RUN_IAM_TYPES } from "./tokens";
import {
  Category,
  Level,
  Scope,
  expectValue,
  unverified,
  type GuardContext,
  type GuardResource,
  type ResourceRule,
  type RuleHit,
  type StackRule,
} from "../types";
import { IAM_GRANT_KEYS, iamGrants, isPublicMember, matchesUrn, read, valueAt } from "../values";

/**
 * The label that marks a Cloud Run service as public on purpose. A public invoker grant or
 * `INGRESS_TRAFFIC_ALL` on such a service is reported as advisory, never blocking.
 *
 * @example
 * ```ts
 * new gcp.cloudrunv2.Service(name, { labels: { ...labels, [PUBLIC_LABEL.key]: PUBLIC_LABEL.value }, ... });
 * ```
 */
export { PUBLIC_LABEL } from "../../../components/shared/labels";
import { PUBLIC_LABEL } from "../../../components/shared/labels";

/**
 * Cloud Run v2 ingress settings.
 *
 * @example
 * ```ts
 * new gcp.cloudrunv2.Service(name, { ingress: Ingress.internalLoadBalancer, ... });
 * ```
 */
export const Ingress = {
  all: "INGRESS_TRAFFIC_ALL",
  internalOnly: "INGRESS_TRAFFIC_INTERNAL_ONLY",
  internalLoadBalancer: "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER",
} as const;
/** A Cloud Run ingress setting. */
export type Ingress = (typeof Ingress)[keyof typeof Ingress];

/**
 * The invoker role.
 *
 * @example
 * ```ts
 * new gcp.cloudrunv2.ServiceIamMember(name, { name: service.name, role: RUN_INVOKER_ROLE, member });
 * ```
 */
export const RUN_INVOKER_ROLE = "roles/run.invoker";

/**
 * Default service accounts that must not run workloads or receive grants.
 *
 * @example
 * ```ts
 * DEFAULT_SERVICE_ACCOUNT.test("serviceAccount:123-compute@developer.gserviceaccount.com"); // true
 * ```
 */
export const DEFAULT_SERVICE_ACCOUNT =
  /(^|:)(\d+-compute@developer\.gserviceaccount\.com|[^@]+@appspot\.gserviceaccount\.com)$/;

const label = (r: GuardResource) => `${r.type.slice(r.type.lastIndexOf(":") + 1)} "${r.name}"`;
const lastSegment = (s: string) => s.slice(s.lastIndexOf("/") + 1);

/**
 * Whether a Cloud Run service (or the grant on it) is public on purpose: listed in
 * `publicServices`, or labelled `exposure: public`.
 *
 * @example
 * ```ts
 * isExplicitlyPublic(service, ctx); // true when service.inputs.labels.exposure === "public"
 * ```
 */
export function isExplicitlyPublic(
  service: GuardResource | undefined,
  ctx: Pick<GuardContext, "publicServices">,
  grantUrn?: string,
): boolean {
  if (grantUrn !== undefined && matchesUrn(grantUrn, ctx.publicServices)) return true;
  if (!service) return false;
  if (matchesUrn(service.urn, ctx.publicServices)) return true;
  return valueAt(service.inputs, `labels.${PUBLIC_LABEL.key}`) === PUBLIC_LABEL.value;
}

/**
 * The Cloud Run service an invoker grant targets: by `name` (v2) or `service` (v1), else the only
 * service under the same parent component.
 *
 * @example
 * ```ts
 * targetService(grant, resources)?.name; // "api-service"
 * ```
 */
export function targetService(
  grant: GuardResource,
  resources: readonly GuardResource[],
): GuardResource | undefined {
  const services = resources.filter((r) => r.type === GCP.runService || r.type === GCP.runV1Service);
  const ref = valueAt(grant.inputs, grant.type.startsWith("gcp:cloudrun/") ? "service" : "name");
  if (typeof ref === "string") {
    const wanted = lastSegment(ref);
    const byName = services.filter((s) => {
      const n = valueAt(s.inputs, "name");
      return (typeof n === "string" && lastSegment(n) === wanted) || s.name === wanted;
    });
    if (byName.length === 1) return byName[0];
  }
  if (grant.parent === undefined) return undefined;
  const siblings = services.filter((s) => s.parent === grant.parent);
  return siblings.length === 1 ? siblings[0] : undefined;
}

/**
 * Rows 35–36: no public invoker (advisory when the service is public on purpose).
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: [RUN_NO_PUBLIC_INVOKER] });
 * ```
 */
export const RUN_NO_PUBLIC_INVOKER: StackRule = {
  scope: Scope.stack,
  category: Category.security,
  id: "gcp/run-no-public-invoker",
  refs: ["CKV_GCP_102", "KICS 07a27a3b"],
  level: Level.L1,
  critical: true,
  severity: Severity.high,
  description:
    "No Cloud Run service (v1 or v2) grants a role to allUsers/allAuthenticatedUsers or disables invoker IAM, unless the service is public on purpose (labelled exposure: public or listed in publicServices), which is advisory.",
  remediation:
    "Grant roles/run.invoker to named service accounts (or the load balancer's), or label the service exposure: public when it is a public website.",
  appliesTo: [...RUN_IAM_TYPES, GCP.runService],
  // The grants, the service a grant names, and a service's exposure label (targetService, isExplicitlyPublic).
  reads: {
    ...Object.fromEntries(RUN_IAM_TYPES.map((t) => [t, [...IAM_GRANT_KEYS, "name", "service"]])),
    [GCP.runService]: ["invokerIamDisabled", "labels", "name"],
    [GCP.runV1Service]: ["labels", "name"],
  },
  check(resources, ctx) {
    const hits: RuleHit[] = [];
    for (const r of resources) {
      if (r.type === GCP.runService) {
        const disabled = read(r.inputs, "invokerIamDisabled");
        if (disabled.kind === "opaque") hits.push({ ...unverified(disabled.path), urn: r.urn, type: r.type });
        if (disabled.kind === "set" && disabled.value === true) {
          const explicit = isExplicitlyPublic(r, ctx);
          hits.push({
            message: `${label(r)}: invokerIamDisabled is true, so anyone on the internet can invoke it${explicit ? " (public on purpose: advisory)" : "; remove it and grant roles/run.invoker to named identities, or label the service exposure: public"}.`,
            urn: r.urn,
            type: r.type,
            ...(explicit ? { advisory: true } : {}),
          });
        }
        continue;
      }
      if (!(RUN_IAM_TYPES as readonly string[]).includes(r.type)) continue;
      const { grants, opaque } = iamGrants(r.inputs);
      for (const p of opaque) hits.push({ ...unverified(p), urn: r.urn, type: r.type });
      for (const g of grants.filter((x) => isPublicMember(x.member))) {
        const service = targetService(r, resources);
        const explicit = g.role === RUN_INVOKER_ROLE && isExplicitlyPublic(service, ctx, r.urn);
        const target = service ? ` on service "${service.name}"` : "";
        hits.push({
          message: explicit
            ? `${label(r)}: ${g.role} for ${g.member}${target}: the service is public on purpose (advisory).`
            : `${label(r)}: ${g.role} is granted to ${g.member}${target}, so anyone can call it; grant it to named service accounts, or label the service exposure: public if it is a public website.`,
          urn: r.urn,
          type: r.type,
          ...(explicit ? { advisory: true } : {}),
        });
      }
    }
    return hits;
  },
};

/**
 * Row 37: ingress restricted to internal traffic or the load balancer.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: [RUN_INGRESS_RESTRICTED] });
 * ```
 */
export const RUN_INGRESS_RESTRICTED: ResourceRule = {
  scope: Scope.resource,
  category: Category.security,
  id: "gcp/run-ingress-restricted",
  refs: [],
  url: "https://docs.cloud.google.com/run/docs/securing/ingress",
  level: Level.L2,
  severity: Severity.medium,
  description:
    "Cloud Run v2 ingress is INGRESS_TRAFFIC_INTERNAL_ONLY or INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER (no scanner covers this; Google's guidance). INGRESS_TRAFFIC_ALL on a service that is public on purpose is advisory.",
  remediation:
    'Set ingress: "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER" and front the service with the HTTPS load balancer (Cloud Armor), or label it exposure: public.',
  appliesTo: [GCP.runService],
  check(r, ctx) {
    const explicit = isExplicitlyPublic(r, ctx);
    const hits = expectValue(
      r.inputs,
      "ingress",
      (v) => v === Ingress.internalOnly || v === Ingress.internalLoadBalancer,
      (got) =>
        `${label(r)}: ingress is ${got === "(unset)" ? "unset (INGRESS_TRAFFIC_ALL)" : got}, so the run.app URL is reachable from the internet${explicit ? " (public on purpose: advisory)" : '; set ingress: "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER" behind the load balancer, or label the service exposure: public'}.`,
    );
    return explicit ? hits.map((h) => (h.unverified ? h : { ...h, advisory: true })) : hits;
  },
};

/**
 * Row 47 (Cloud Run half): a dedicated, non-default service account.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: [RUN_DEDICATED_SERVICE_ACCOUNT] });
 * ```
 */
export const RUN_DEDICATED_SERVICE_ACCOUNT: ResourceRule = {
  scope: Scope.resource,
  category: Category.security,
  id: "gcp/run-dedicated-service-account",
  refs: [],
  level: Level.L1,
  critical: true,
  severity: Severity.high,
  description:
    "Cloud Run v2 services run as a dedicated service account (template.serviceAccount set, not the Compute Engine default, which holds Editor).",
  remediation: "Create a service account per service and set template.serviceAccount to its email.",
  appliesTo: [GCP.runService],
  check(r) {
    return expectValue(
      r.inputs,
      "template.serviceAccount",
      (v) => typeof v === "string" && v.length > 0 && !DEFAULT_SERVICE_ACCOUNT.test(v),
      (got) =>
        `${label(r)}: template.serviceAccount is ${got === "(unset)" ? "unset (the Compute Engine default account, which holds Editor)" : `${got}, a default account`}; set it to a dedicated least-privilege service account.`,
    );
  },
};

/**
 * Row 38: Memorystore AUTH.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: [REDIS_AUTH] });
 * ```
 */
export const REDIS_AUTH: ResourceRule = {
  scope: Scope.resource,
  category: Category.security,
  id: "gcp/redis-auth",
  refs: ["CKV_GCP_95"],
  level: Level.L1,
  critical: true,
  severity: Severity.high,
  description: "Memorystore for Redis requires AUTH (authEnabled true).",
  remediation: "Set authEnabled: true and hand the AUTH string to clients through Secret Manager.",
  appliesTo: [GCP.redis],
  check(r) {
    return expectValue(
      r.inputs,
      "authEnabled",
      (v) => v === true,
      (got) =>
        `${label(r)}: authEnabled is ${got === "(unset)" ? "unset (false)" : got}; set authEnabled: true.`,
    );
  },
};

/**
 * Row 39: Memorystore in-transit encryption.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: [REDIS_TRANSIT_ENCRYPTION] });
 * ```
 */
export const REDIS_TRANSIT_ENCRYPTION: ResourceRule = {
  scope: Scope.resource,
  category: Category.security,
  id: "gcp/redis-transit-encryption",
  refs: ["CKV_GCP_97"],
  level: Level.L1,
  critical: true,
  severity: Severity.high,
  description: "Memorystore for Redis encrypts traffic (transitEncryptionMode SERVER_AUTHENTICATION).",
  remediation:
    'Set transitEncryptionMode: "SERVER_AUTHENTICATION" (this replaces the instance) and give clients the server CA.',
  appliesTo: [GCP.redis],
  check(r) {
    return expectValue(
      r.inputs,
      "transitEncryptionMode",
      (v) => v === "SERVER_AUTHENTICATION",
      (got) =>
        `${label(r)}: transitEncryptionMode is ${got === "(unset)" ? "unset (DISABLED)" : got}; set "SERVER_AUTHENTICATION".`,
    );
  },
};

/**
 * Row 48 (first half): the image registry is not public.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: [ARTIFACT_REGISTRY_PRIVATE] });
 * ```
 */
export const ARTIFACT_REGISTRY_PRIVATE: ResourceRule = {
  scope: Scope.resource,
  category: Category.security,
  id: "gcp/artifact-registry-private",
  refs: ["CKV_GCP_101"],
  level: Level.L1,
  critical: true,
  severity: Severity.high,
  description: "No Artifact Registry repository grants a role to allUsers or allAuthenticatedUsers.",
  remediation: "Grant roles/artifactregistry.reader to the runtime service accounts only.",
  appliesTo: [...ARTIFACT_IAM_TYPES],
  check(r) {
    const { grants, opaque } = iamGrants(r.inputs);
    return [
      ...grants
        .filter((g) => isPublicMember(g.member))
        .map((g) => ({
          message: `${label(r)}: ${g.role} is granted to ${g.member}, so anyone can pull the images; grant it to named service accounts.`,
        })),
      ...opaque.map((p) => unverified(p)),
    ];
  },
};

/**
 * Row 48 (second half): the repository is encrypted with CMEK.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: [ARTIFACT_REGISTRY_CMEK] });
 * ```
 */
export const ARTIFACT_REGISTRY_CMEK: ResourceRule = {
  scope: Scope.resource,
  category: Category.security,
  id: "gcp/artifact-registry-cmek",
  refs: ["CKV_GCP_84"],
  level: Level.L2,
  severity: Severity.medium,
  description: "Artifact Registry repositories are encrypted with a customer-managed key (kmsKeyName).",
  remediation: "Set kmsKeyName to a KmsKeyRing key (replaces the repository: create it that way).",
  appliesTo: [GCP.artifactRepository],
  check(r) {
    return expectValue(
      r.inputs,
      "kmsKeyName",
      (v) => typeof v === "string" && v.length > 0,
      () =>
        `${label(r)}: kmsKeyName is not set; create the repository with kmsKeyName set to a KmsKeyRing key.`,
    );
  },
};

/**
 * Every Cloud Run, Memorystore and Artifact Registry rule.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: SERVICE_RULES });
 * ```
 */
export const SERVICE_RULES: readonly (ResourceRule | StackRule)[] = [
  RUN_NO_PUBLIC_INVOKER,
  RUN_INGRESS_RESTRICTED,
  RUN_DEDICATED_SERVICE_ACCOUNT,
  REDIS_AUTH,
  REDIS_TRANSIT_ENCRYPTION,
  ARTIFACT_REGISTRY_PRIVATE,
  ARTIFACT_REGISTRY_CMEK,
];
