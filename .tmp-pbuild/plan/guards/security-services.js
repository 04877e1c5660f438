"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SERVICE_RULES = exports.ARTIFACT_REGISTRY_CMEK = exports.ARTIFACT_REGISTRY_PRIVATE = exports.REDIS_TRANSIT_ENCRYPTION = exports.REDIS_AUTH = exports.RUN_DEDICATED_SERVICE_ACCOUNT = exports.RUN_INGRESS_RESTRICTED = exports.RUN_NO_PUBLIC_INVOKER = exports.DEFAULT_SERVICE_ACCOUNT = exports.RUN_INVOKER_ROLE = exports.Ingress = exports.PUBLIC_LABEL = void 0;
exports.isExplicitlyPublic = isExplicitlyPublic;
exports.targetService = targetService;
/**
 * Cloud Run, Memorystore and Artifact Registry rules: reference table §1a rows 35–39 and 48, plus
 * the Cloud Run service-account half of row 47.
 */
const model_1 = require("../model");
const tokens_1 = require("./tokens");
const types_1 = require("./types");
const values_1 = require("./values");
/**
 * The label that marks a Cloud Run service as public on purpose. A public invoker grant or
 * `INGRESS_TRAFFIC_ALL` on such a service is reported as advisory, never blocking.
 *
 * @example
 * ```ts
 * new gcp.cloudrunv2.Service(name, { labels: { ...labels, [PUBLIC_LABEL.key]: PUBLIC_LABEL.value }, ... });
 * ```
 */
exports.PUBLIC_LABEL = { key: "exposure", value: "public" };
/** Cloud Run v2 ingress settings. */
exports.Ingress = {
    all: "INGRESS_TRAFFIC_ALL",
    internalOnly: "INGRESS_TRAFFIC_INTERNAL_ONLY",
    internalLoadBalancer: "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER",
};
/** The invoker role. */
exports.RUN_INVOKER_ROLE = "roles/run.invoker";
/** Default service accounts that must not run workloads or receive grants. */
exports.DEFAULT_SERVICE_ACCOUNT = /(^|:)(\d+-compute@developer\.gserviceaccount\.com|[^@]+@appspot\.gserviceaccount\.com)$/;
const label = (r) => `${r.type.slice(r.type.lastIndexOf(":") + 1)} "${r.name}"`;
const lastSegment = (s) => s.slice(s.lastIndexOf("/") + 1);
/**
 * Whether a Cloud Run service (or the grant on it) is public on purpose: listed in
 * `publicServices`, or labelled `exposure: public`.
 *
 * @example
 * ```ts
 * isExplicitlyPublic(service, ctx); // true when service.inputs.labels.exposure === "public"
 * ```
 */
function isExplicitlyPublic(service, ctx, grantUrn) {
    if (grantUrn !== undefined && (0, values_1.matchesUrn)(grantUrn, ctx.publicServices))
        return true;
    if (!service)
        return false;
    if ((0, values_1.matchesUrn)(service.urn, ctx.publicServices))
        return true;
    return (0, values_1.valueAt)(service.inputs, `labels.${exports.PUBLIC_LABEL.key}`) === exports.PUBLIC_LABEL.value;
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
function targetService(grant, resources) {
    const services = resources.filter((r) => r.type === tokens_1.GCP.runService || r.type === tokens_1.GCP.runV1Service);
    const ref = (0, values_1.valueAt)(grant.inputs, grant.type.startsWith("gcp:cloudrun/") ? "service" : "name");
    if (typeof ref === "string") {
        const wanted = lastSegment(ref);
        const byName = services.filter((s) => {
            const n = (0, values_1.valueAt)(s.inputs, "name");
            return (typeof n === "string" && lastSegment(n) === wanted) || s.name === wanted;
        });
        if (byName.length === 1)
            return byName[0];
    }
    if (grant.parent === undefined)
        return undefined;
    const siblings = services.filter((s) => s.parent === grant.parent);
    return siblings.length === 1 ? siblings[0] : undefined;
}
/** Rows 35–36: no public invoker (advisory when the service is public on purpose). */
exports.RUN_NO_PUBLIC_INVOKER = {
    scope: types_1.Scope.stack,
    category: types_1.Category.security,
    id: "gcp/run-no-public-invoker",
    refs: ["CKV_GCP_102", "KICS 07a27a3b"],
    level: types_1.Level.L1,
    critical: true,
    severity: model_1.Severity.high,
    description: "No Cloud Run service (v1 or v2) grants a role to allUsers/allAuthenticatedUsers or disables invoker IAM, unless the service is public on purpose (labelled exposure: public or listed in publicServices), which is advisory.",
    remediation: "Grant roles/run.invoker to named service accounts (or the load balancer's), or label the service exposure: public when it is a public website.",
    appliesTo: [...tokens_1.RUN_IAM_TYPES, tokens_1.GCP.runService],
    check(resources, ctx) {
        const hits = [];
        for (const r of resources) {
            if (r.type === tokens_1.GCP.runService) {
                const disabled = (0, values_1.read)(r.inputs, "invokerIamDisabled");
                if (disabled.kind === "opaque")
                    hits.push({ ...(0, types_1.unverified)(disabled.path), urn: r.urn, type: r.type });
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
            if (!tokens_1.RUN_IAM_TYPES.includes(r.type))
                continue;
            const { grants, opaque } = (0, values_1.iamGrants)(r.inputs);
            for (const p of opaque)
                hits.push({ ...(0, types_1.unverified)(p), urn: r.urn, type: r.type });
            for (const g of grants.filter((x) => (0, values_1.isPublicMember)(x.member))) {
                const service = targetService(r, resources);
                const explicit = g.role === exports.RUN_INVOKER_ROLE && isExplicitlyPublic(service, ctx, r.urn);
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
/** Row 37: ingress restricted to internal traffic or the load balancer. */
exports.RUN_INGRESS_RESTRICTED = {
    scope: types_1.Scope.resource,
    category: types_1.Category.security,
    id: "gcp/run-ingress-restricted",
    refs: [],
    url: "https://docs.cloud.google.com/run/docs/securing/ingress",
    level: types_1.Level.L2,
    severity: model_1.Severity.medium,
    description: "Cloud Run v2 ingress is INGRESS_TRAFFIC_INTERNAL_ONLY or INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER (no scanner covers this; Google's guidance). INGRESS_TRAFFIC_ALL on a service that is public on purpose is advisory.",
    remediation: 'Set ingress: "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER" and front the service with the HTTPS load balancer (Cloud Armor), or label it exposure: public.',
    appliesTo: [tokens_1.GCP.runService],
    check(r, ctx) {
        const explicit = isExplicitlyPublic(r, ctx);
        const hits = (0, types_1.expectValue)(r.inputs, "ingress", (v) => v === exports.Ingress.internalOnly || v === exports.Ingress.internalLoadBalancer, (got) => `${label(r)}: ingress is ${got === "(unset)" ? "unset (INGRESS_TRAFFIC_ALL)" : got}, so the run.app URL is reachable from the internet${explicit ? " (public on purpose: advisory)" : '; set ingress: "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER" behind the load balancer, or label the service exposure: public'}.`);
        return explicit ? hits.map((h) => (h.unverified ? h : { ...h, advisory: true })) : hits;
    },
};
/** Row 47 (Cloud Run half): a dedicated, non-default service account. */
exports.RUN_DEDICATED_SERVICE_ACCOUNT = {
    scope: types_1.Scope.resource,
    category: types_1.Category.security,
    id: "gcp/run-dedicated-service-account",
    refs: [],
    level: types_1.Level.L1,
    critical: true,
    severity: model_1.Severity.high,
    description: "Cloud Run v2 services run as a dedicated service account (template.serviceAccount set, not the Compute Engine default, which holds Editor).",
    remediation: "Create a service account per service and set template.serviceAccount to its email.",
    appliesTo: [tokens_1.GCP.runService],
    check(r) {
        return (0, types_1.expectValue)(r.inputs, "template.serviceAccount", (v) => typeof v === "string" && v.length > 0 && !exports.DEFAULT_SERVICE_ACCOUNT.test(v), (got) => `${label(r)}: template.serviceAccount is ${got === "(unset)" ? "unset (the Compute Engine default account, which holds Editor)" : `${got}, a default account`}; set it to a dedicated least-privilege service account.`);
    },
};
/** Row 38: Memorystore AUTH. */
exports.REDIS_AUTH = {
    scope: types_1.Scope.resource,
    category: types_1.Category.security,
    id: "gcp/redis-auth",
    refs: ["CKV_GCP_95"],
    level: types_1.Level.L1,
    critical: true,
    severity: model_1.Severity.high,
    description: "Memorystore for Redis requires AUTH (authEnabled true).",
    remediation: "Set authEnabled: true and hand the AUTH string to clients through Secret Manager.",
    appliesTo: [tokens_1.GCP.redis],
    check(r) {
        return (0, types_1.expectValue)(r.inputs, "authEnabled", (v) => v === true, (got) => `${label(r)}: authEnabled is ${got === "(unset)" ? "unset (false)" : got}; set authEnabled: true.`);
    },
};
/** Row 39: Memorystore in-transit encryption. */
exports.REDIS_TRANSIT_ENCRYPTION = {
    scope: types_1.Scope.resource,
    category: types_1.Category.security,
    id: "gcp/redis-transit-encryption",
    refs: ["CKV_GCP_97"],
    level: types_1.Level.L1,
    critical: true,
    severity: model_1.Severity.high,
    description: "Memorystore for Redis encrypts traffic (transitEncryptionMode SERVER_AUTHENTICATION).",
    remediation: 'Set transitEncryptionMode: "SERVER_AUTHENTICATION" (this replaces the instance) and give clients the server CA.',
    appliesTo: [tokens_1.GCP.redis],
    check(r) {
        return (0, types_1.expectValue)(r.inputs, "transitEncryptionMode", (v) => v === "SERVER_AUTHENTICATION", (got) => `${label(r)}: transitEncryptionMode is ${got === "(unset)" ? "unset (DISABLED)" : got}; set "SERVER_AUTHENTICATION".`);
    },
};
/** Row 48 (first half): the image registry is not public. */
exports.ARTIFACT_REGISTRY_PRIVATE = {
    scope: types_1.Scope.resource,
    category: types_1.Category.security,
    id: "gcp/artifact-registry-private",
    refs: ["CKV_GCP_101"],
    level: types_1.Level.L1,
    critical: true,
    severity: model_1.Severity.high,
    description: "No Artifact Registry repository grants a role to allUsers or allAuthenticatedUsers.",
    remediation: "Grant roles/artifactregistry.reader to the runtime service accounts only.",
    appliesTo: [...tokens_1.ARTIFACT_IAM_TYPES],
    check(r) {
        const { grants, opaque } = (0, values_1.iamGrants)(r.inputs);
        return [
            ...grants
                .filter((g) => (0, values_1.isPublicMember)(g.member))
                .map((g) => ({
                message: `${label(r)}: ${g.role} is granted to ${g.member}, so anyone can pull the images; grant it to named service accounts.`,
            })),
            ...opaque.map((p) => (0, types_1.unverified)(p)),
        ];
    },
};
/** Row 48 (second half): the repository is encrypted with CMEK. */
exports.ARTIFACT_REGISTRY_CMEK = {
    scope: types_1.Scope.resource,
    category: types_1.Category.security,
    id: "gcp/artifact-registry-cmek",
    refs: ["CKV_GCP_84"],
    level: types_1.Level.L2,
    severity: model_1.Severity.medium,
    description: "Artifact Registry repositories are encrypted with a customer-managed key (kmsKeyName).",
    remediation: "Set kmsKeyName to a KmsKeyRing key (replaces the repository: create it that way).",
    appliesTo: [tokens_1.GCP.artifactRepository],
    check(r) {
        return (0, types_1.expectValue)(r.inputs, "kmsKeyName", (v) => typeof v === "string" && v.length > 0, () => `${label(r)}: kmsKeyName is not set; create the repository with kmsKeyName set to a KmsKeyRing key.`);
    },
};
/** Every Cloud Run, Memorystore and Artifact Registry rule. */
exports.SERVICE_RULES = [
    exports.RUN_NO_PUBLIC_INVOKER,
    exports.RUN_INGRESS_RESTRICTED,
    exports.RUN_DEDICATED_SERVICE_ACCOUNT,
    exports.REDIS_AUTH,
    exports.REDIS_TRANSIT_ENCRYPTION,
    exports.ARTIFACT_REGISTRY_PRIVATE,
    exports.ARTIFACT_REGISTRY_CMEK,
];
//# sourceMappingURL=security-services.js.map