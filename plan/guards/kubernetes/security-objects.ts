/**
 * Object and stack rules (`k8s/*`): the namespace's Pod Security label, network-policy coverage
 * (CKV2_K8S_6, kube-score pod-networkpolicy), service-account tokens (CKV_K8S_38/41/42),
 * kube-score hygiene (HPA without replicas, PDB policy, selectors, Service type, stable API
 * versions) and the platform's operator rules (CloudNativePG, cert-manager, Prometheus Operator).
 */
import { Severity } from "../../model";
import {
  Category,
  Level,
  Scope,
  type GuardResource,
  type ResourceRule,
  type RuleHit,
  type StackRule,
} from "../types";
import { parseHumanDuration } from "../../../components/shared/durations";
import { isOpaque } from "../values";
import {
  K8S,
  WORKLOAD_TYPES,
  at,
  k8sLabel,
  list,
  obj,
  objectName,
  podLabels,
  podSpec,
  sameNamespace,
  selects,
} from "./tokens";

const security = { category: Category.security } as const;
const hit = (r: GuardResource, message: string): RuleHit => ({
  message: `${k8sLabel(r)}: ${message}`,
  urn: r.urn,
  type: r.type,
});

export const K8S_NAMESPACE_PSS: ResourceRule = {
  ...security,
  scope: Scope.resource,
  id: "k8s/namespace-pod-security",
  refs: ["PSS restricted (namespace label pod-security.kubernetes.io/enforce)"],
  severity: Severity.high,
  level: Level.L1,
  critical: true,
  description:
    'Every Namespace enforces Pod Security "restricted" (label pod-security.kubernetes.io/enforce: restricted).',
  remediation:
    "Label the namespace pod-security.kubernetes.io/enforce: restricted (the Network component does).",
  appliesTo: [K8S.namespace],
  url: "https://kubernetes.io/docs/concepts/security/pod-security-admission/",
  check(r) {
    const enforce = obj(at(r.inputs, "metadata.labels"))?.["pod-security.kubernetes.io/enforce"];
    if (isOpaque(enforce))
      return [{ message: `${k8sLabel(r)}: cannot verify until apply`, unverified: true }];
    return enforce === "restricted"
      ? []
      : [
          {
            message: `${k8sLabel(r)}: pod-security.kubernetes.io/enforce is ${JSON.stringify(enforce ?? null)}, not "restricted"`,
          },
        ];
  },
};

/** Kinds that live in a namespace (the ones the platform creates). */
const NAMESPACED = [
  ...WORKLOAD_TYPES,
  K8S.service,
  K8S.serviceAccount,
  K8S.pvc,
  K8S.pdb,
  K8S.hpa,
  K8S.networkPolicy,
  K8S.roleBinding,
  "kubernetes:core/v1:ConfigMap",
  "kubernetes:core/v1:Secret",
  K8S.cnpgCluster,
];

export const K8S_NOT_DEFAULT_NAMESPACE: ResourceRule = {
  ...security,
  scope: Scope.resource,
  id: "k8s/not-default-namespace",
  refs: ["CKV_K8S_21"],
  severity: Severity.medium,
  level: Level.L1,
  description:
    "Objects name their namespace, and it is not `default` (which no Pod Security or quota guards).",
  remediation: "Set metadata.namespace to the environment's namespace.",
  appliesTo: NAMESPACED,
  check(r) {
    const ns = at(r.inputs, "metadata.namespace");
    if (isOpaque(ns)) return [];
    if (ns === undefined)
      return [
        {
          message: `${k8sLabel(r)}: metadata.namespace is unset (the provider's default applies, often "default")`,
        },
      ];
    return ns === "default" ? [{ message: `${k8sLabel(r)}: lives in the default namespace` }] : [];
  },
};

/** Workloads whose pods network policies must cover (CNPG instances included). */
const POD_OWNERS = [...WORKLOAD_TYPES, K8S.cnpgCluster];

export const K8S_NETWORK_POLICY: StackRule = {
  ...security,
  scope: Scope.stack,
  id: "k8s/network-policy",
  refs: ["CKV2_K8S_6", "kube-score pod-networkpolicy", "Polaris missingNetworkPolicy"],
  severity: Severity.medium,
  level: Level.L1,
  description:
    "Every workload's pods are selected by a NetworkPolicy with both Ingress and Egress in the same namespace.",
  remediation:
    "Add a NetworkPolicy for the pods (the components add one per workload, plus the namespace default-deny).",
  appliesTo: [...POD_OWNERS, K8S.networkPolicy],
  check(resources) {
    const policies = resources.filter((p) => p.type === K8S.networkPolicy);
    return resources
      .filter((r) => POD_OWNERS.includes(r.type))
      .flatMap((r) => {
        const labels = podLabels(r);
        const covering = policies.filter(
          (p) => sameNamespace(p, r) && selects(at(p.inputs, "spec.podSelector"), labels),
        );
        const types = new Set(covering.flatMap((p) => list(at(p.inputs, "spec.policyTypes"))));
        const missing = ["Ingress", "Egress"].filter((t) => !types.has(t));
        return missing.length > 0
          ? [hit(r, `no NetworkPolicy restricts ${missing.join(" and ")} of its pods`)]
          : [];
      });
  },
};

export const K8S_DEFAULT_DENY: StackRule = {
  ...security,
  scope: Scope.stack,
  existence: true,
  id: "k8s/default-deny",
  refs: ["kube-score networkpolicy-targets-pod", "NSA/CISA Kubernetes Hardening: default-deny"],
  severity: Severity.medium,
  level: Level.L1,
  description:
    "Every Namespace has a default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no rules).",
  remediation: "Add a NetworkPolicy with podSelector: {} and policyTypes [Ingress, Egress] and no rules.",
  appliesTo: [K8S.namespace, K8S.networkPolicy],
  check(resources) {
    return resources
      .filter((r) => r.type === K8S.namespace)
      .flatMap((ns) => {
        const name = objectName(ns);
        const deny = resources.some(
          (p) =>
            p.type === K8S.networkPolicy &&
            (at(p.inputs, "metadata.namespace") === name || isOpaque(at(p.inputs, "metadata.namespace"))) &&
            Object.keys(obj(at(p.inputs, "spec.podSelector")) ?? { x: 1 }).length === 0 &&
            ["Ingress", "Egress"].every((t) => list(at(p.inputs, "spec.policyTypes")).includes(t)) &&
            list(at(p.inputs, "spec.ingress")).length === 0 &&
            list(at(p.inputs, "spec.egress")).length === 0,
        );
        return deny ? [] : [hit(ns, "no default-deny NetworkPolicy in the namespace")];
      });
  },
};

/** Service accounts bound by a RoleBinding or ClusterRoleBinding in the stack (they need API access). */
function boundAccounts(resources: readonly GuardResource[]): Set<string> {
  const out = new Set<string>();
  for (const b of resources.filter((x) => x.type === K8S.roleBinding || x.type === K8S.clusterRoleBinding))
    for (const s of list(at(b.inputs, "subjects")))
      if (at(s, "kind") === "ServiceAccount") out.add(String(at(s, "name")));
  return out;
}

export const K8S_SA_TOKEN: StackRule = {
  ...security,
  scope: Scope.stack,
  id: "k8s/service-account-token",
  refs: ["CKV_K8S_38", "Polaris automountServiceAccountToken"],
  severity: Severity.medium,
  level: Level.L1,
  description:
    "Pods mount a service-account token only where needed: automountServiceAccountToken is false unless the pod's service account is bound to a Role (it calls the API).",
  remediation: "Set automountServiceAccountToken: false on the pod (or its ServiceAccount).",
  appliesTo: [...WORKLOAD_TYPES, K8S.serviceAccount, K8S.roleBinding],
  check(resources) {
    const bound = boundAccounts(resources);
    return resources
      .filter((r) => WORKLOAD_TYPES.includes(r.type))
      .flatMap((r) => {
        const pod = podSpec(r);
        if (!pod) return [];
        const sa = typeof pod["serviceAccountName"] === "string" ? pod["serviceAccountName"] : "default";
        const account = resources.find(
          (x) => x.type === K8S.serviceAccount && objectName(x) === sa && sameNamespace(x, r),
        );
        const mount =
          pod["automountServiceAccountToken"] ??
          (account ? at(account.inputs, "automountServiceAccountToken") : undefined);
        if (isOpaque(mount)) return [];
        if (mount === false) return [];
        if (bound.has(sa)) return [];
        return [
          hit(
            r,
            `mounts the ${sa} service-account token (automountServiceAccountToken ${mount === undefined ? "unset: true" : JSON.stringify(mount)}) but the account is bound to no Role`,
          ),
        ];
      });
  },
};

export const K8S_DEFAULT_SA: ResourceRule = {
  ...security,
  scope: Scope.resource,
  id: "k8s/default-service-account",
  refs: ["CKV_K8S_41", "CKV_K8S_42"],
  severity: Severity.medium,
  level: Level.L1,
  description:
    "The default service account is not used: it mounts no token, and no (Cluster)RoleBinding grants it anything.",
  remediation: "Create a ServiceAccount per workload; bind roles to it, never to `default`.",
  appliesTo: [K8S.serviceAccount, K8S.roleBinding, K8S.clusterRoleBinding],
  check(r) {
    if (r.type === K8S.serviceAccount)
      return objectName(r) === "default" && at(r.inputs, "automountServiceAccountToken") !== false
        ? [
            {
              message: `${k8sLabel(r)}: the default service account mounts its token (set automountServiceAccountToken: false)`,
            },
          ]
        : [];
    const bad = list(at(r.inputs, "subjects")).filter(
      (s) => at(s, "kind") === "ServiceAccount" && at(s, "name") === "default",
    );
    return bad.length > 0 ? [{ message: `${k8sLabel(r)}: binds the default service account` }] : [];
  },
};

export const K8S_HPA_NO_REPLICAS: StackRule = {
  ...security,
  scope: Scope.stack,
  id: "k8s/hpa-owns-replicas",
  refs: ["kube-score deployment-targeted-by-hpa-does-not-have-replicas-configured"],
  severity: Severity.medium,
  level: Level.L1,
  description:
    "A Deployment or StatefulSet scaled by an HPA sets no spec.replicas (every deploy would reset the HPA's scale).",
  remediation:
    "Leave spec.replicas unset when an HPA targets the workload (the CloudRunService component does).",
  appliesTo: [K8S.hpa, K8S.deployment, K8S.statefulSet],
  check(resources) {
    return resources
      .filter((h) => h.type === K8S.hpa)
      .flatMap((h) => {
        const kind = at(h.inputs, "spec.scaleTargetRef.kind");
        const name = at(h.inputs, "spec.scaleTargetRef.name");
        const target = resources.find(
          (r) =>
            r.type === (kind === "StatefulSet" ? K8S.statefulSet : K8S.deployment) &&
            objectName(r) === name &&
            sameNamespace(r, h),
        );
        return target && at(target.inputs, "spec.replicas") !== undefined
          ? [
              hit(
                target,
                `sets spec.replicas ${JSON.stringify(at(target.inputs, "spec.replicas"))} although ${k8sLabel(h)} scales it`,
              ),
            ]
          : [];
      });
  },
};

export const K8S_PDB_POLICY: ResourceRule = {
  ...security,
  scope: Scope.resource,
  id: "k8s/pdb-allows-disruption",
  refs: ["kube-score poddisruptionbudget-has-policy", "Polaris pdbDisruptionsIsZero"],
  severity: Severity.medium,
  level: Level.L1,
  description:
    "A PodDisruptionBudget sets minAvailable or maxUnavailable and still lets a node drain (not maxUnavailable 0 nor minAvailable 100%).",
  remediation: "Use maxUnavailable: 1 (or minAvailable below the replica count).",
  appliesTo: [K8S.pdb],
  check(r) {
    const min = at(r.inputs, "spec.minAvailable");
    const max = at(r.inputs, "spec.maxUnavailable");
    if (isOpaque(min) || isOpaque(max)) return [];
    if (min === undefined && max === undefined)
      return [{ message: `${k8sLabel(r)}: sets neither minAvailable nor maxUnavailable` }];
    if (max === 0 || max === "0%" || min === "100%")
      return [{ message: `${k8sLabel(r)}: allows no voluntary disruption (node drains hang)` }];
    return [];
  },
};

export const K8S_SELECTOR_MATCHES: ResourceRule = {
  ...security,
  scope: Scope.resource,
  id: "k8s/selector-matches-template",
  refs: [
    "kube-score deployment-pod-selector-labels-match-template-metadata-labels",
    "kube-score statefulset-pod-selector-labels-match-template-metadata-labels",
  ],
  severity: Severity.high,
  level: Level.L1,
  description: "A Deployment's or StatefulSet's selector matches its own pod template's labels.",
  remediation: "Use the same selector labels in spec.selector.matchLabels and spec.template.metadata.labels.",
  appliesTo: [K8S.deployment, K8S.statefulSet],
  check(r) {
    const selector = at(r.inputs, "spec.selector");
    if (isOpaque(selector)) return [];
    return selects(selector, podLabels(r))
      ? []
      : [{ message: `${k8sLabel(r)}: spec.selector does not select its template's labels` }];
  },
};

export const K8S_STATEFULSET_SERVICE: ResourceRule = {
  ...security,
  scope: Scope.resource,
  id: "k8s/statefulset-service-name",
  refs: ["kube-score statefulset-has-servicename"],
  severity: Severity.medium,
  level: Level.L1,
  description: "A StatefulSet names its governing (headless) Service.",
  remediation: "Set spec.serviceName to the headless Service.",
  appliesTo: [K8S.statefulSet],
  check(r) {
    const s = at(r.inputs, "spec.serviceName");
    return typeof s === "string" && s !== ""
      ? []
      : isOpaque(s)
        ? []
        : [{ message: `${k8sLabel(r)}: spec.serviceName is unset` }];
  },
};

export const K8S_SERVICE_TYPE: ResourceRule = {
  ...security,
  scope: Scope.resource,
  id: "k8s/service-type",
  refs: ["kube-score service-type"],
  severity: Severity.low,
  level: Level.L2,
  description: "Services are not NodePort (it opens a port on every node).",
  remediation: "Use ClusterIP behind the ingress controller (or LoadBalancer where one is meant).",
  appliesTo: [K8S.service],
  check(r) {
    return at(r.inputs, "spec.type") === "NodePort" ? [{ message: `${k8sLabel(r)}: type NodePort` }] : [];
  },
};

export const K8S_STABLE_VERSION: ResourceRule = {
  ...security,
  scope: Scope.resource,
  id: "k8s/stable-api-version",
  refs: ["kube-score stable-version"],
  severity: Severity.low,
  level: Level.L2,
  description:
    "Core kinds use their stable API version (no alpha/beta; beta versions are removed after a few releases).",
  remediation: "Use apps/v1, batch/v1, autoscaling/v2, policy/v1, networking.k8s.io/v1.",
  appliesTo: [
    "kubernetes:apps/v1beta1:Deployment",
    "kubernetes:apps/v1beta2:Deployment",
    "kubernetes:extensions/v1beta1:Deployment",
    "kubernetes:batch/v1beta1:CronJob",
    "kubernetes:autoscaling/v2beta2:HorizontalPodAutoscaler",
    "kubernetes:autoscaling/v2beta1:HorizontalPodAutoscaler",
    "kubernetes:policy/v1beta1:PodDisruptionBudget",
    "kubernetes:extensions/v1beta1:NetworkPolicy",
  ],
  check(r) {
    return [{ message: `${r.type}: a beta API version; use the stable one` }];
  },
};

export const K8S_CNPG_SUPERUSER: ResourceRule = {
  ...security,
  scope: Scope.resource,
  id: "k8s/cnpg-no-superuser-access",
  refs: ["CIS PostgreSQL: restrict superuser"],
  severity: Severity.high,
  level: Level.L1,
  description:
    "CloudNativePG Clusters keep superuser access off (enableSuperuserAccess false: no postgres password Secret).",
  remediation: "Set spec.enableSuperuserAccess: false; applications use the owner role from the -app Secret.",
  appliesTo: [K8S.cnpgCluster],
  check(r) {
    return at(r.inputs, "spec.enableSuperuserAccess") === true
      ? [{ message: `${k8sLabel(r)}: enableSuperuserAccess is true` }]
      : [];
  },
};

export const K8S_CNPG_PLUGIN_BACKUPS: ResourceRule = {
  ...security,
  scope: Scope.resource,
  id: "k8s/cnpg-no-deprecated-backup",
  refs: ["CloudNativePG ≥ 1.26: barmanObjectStore deprecated"],
  severity: Severity.medium,
  level: Level.L1,
  description:
    "CloudNativePG Clusters archive through the Barman Cloud plugin, not the deprecated in-tree spec.backup.barmanObjectStore.",
  remediation: "Move the object store to a barmancloud.cnpg.io ObjectStore and reference it in spec.plugins.",
  appliesTo: [K8S.cnpgCluster],
  check(r) {
    return at(r.inputs, "spec.backup.barmanObjectStore") !== undefined
      ? [{ message: `${k8sLabel(r)}: uses the deprecated spec.backup.barmanObjectStore` }]
      : [];
  },
};

/** A Go duration (`2160h`, `1h30m`) in ms, or undefined. */
function safeDuration(value: string): number | undefined {
  try {
    return parseHumanDuration(value);
  } catch {
    return undefined;
  }
}

/** Longest certificate lifetime the platform allows (rotation ≤ 90 days). */
export const MAX_CERT_DAYS = 90;

export const K8S_CERT_ROTATION: ResourceRule = {
  ...security,
  scope: Scope.resource,
  id: "k8s/certificate-rotation",
  refs: ["platform: rotation ≤ 90 days"],
  severity: Severity.medium,
  level: Level.L1,
  description: `cert-manager Certificates live at most ${MAX_CERT_DAYS} days (duration) and get a new private key on renewal (rotationPolicy Always).`,
  remediation: `Set spec.duration ≤ ${MAX_CERT_DAYS * 24}h and spec.privateKey.rotationPolicy: Always (CA certificates may live longer only if rotated by hand).`,
  appliesTo: [K8S.certificate],
  check(r) {
    const hits: RuleHit[] = [];
    const duration = at(r.inputs, "spec.duration");
    const ms = typeof duration === "string" ? safeDuration(duration) : undefined;
    const seconds = ms === undefined ? undefined : ms / 1000;
    // cert-manager's default duration is 90 days.
    if (
      duration !== undefined &&
      !isOpaque(duration) &&
      (seconds === undefined || seconds > MAX_CERT_DAYS * 86400)
    )
      hits.push({
        message: `${k8sLabel(r)}: duration ${JSON.stringify(duration)} is longer than ${MAX_CERT_DAYS} days`,
      });
    if (at(r.inputs, "spec.isCA") !== true && at(r.inputs, "spec.privateKey.rotationPolicy") !== "Always")
      hits.push({
        message: `${k8sLabel(r)}: privateKey.rotationPolicy is not Always (the key is reused on renewal)`,
      });
    return hits;
  },
};

export const K8S_MONITORING_RELEASE: ResourceRule = {
  ...security,
  scope: Scope.resource,
  id: "k8s/monitoring-release-label",
  refs: ["kube-prometheus-stack *SelectorNilUsesHelmValues"],
  severity: Severity.low,
  level: Level.L2,
  description:
    "ServiceMonitors, PodMonitors, PrometheusRules and Probes carry the `release` label kube-prometheus-stack selects by (else Prometheus ignores them).",
  remediation: "Label them release: <the kube-prometheus-stack Helm release> (the components do).",
  appliesTo: [K8S.serviceMonitor, K8S.podMonitor, K8S.prometheusRule, K8S.probe],
  check(r) {
    const release = obj(at(r.inputs, "metadata.labels"))?.["release"];
    return typeof release === "string" && release !== ""
      ? []
      : [
          {
            message: `${k8sLabel(r)}: no release label; kube-prometheus-stack's Prometheus will not select it`,
          },
        ];
  },
};

/**
 * The object and stack rules.
 *
 * @example
 * ```ts
 * K8S_OBJECT_RULES.map((r) => r.id);
 * ```
 */
export const K8S_OBJECT_RULES = [
  K8S_NAMESPACE_PSS,
  K8S_NOT_DEFAULT_NAMESPACE,
  K8S_NETWORK_POLICY,
  K8S_DEFAULT_DENY,
  K8S_SA_TOKEN,
  K8S_DEFAULT_SA,
  K8S_HPA_NO_REPLICAS,
  K8S_PDB_POLICY,
  K8S_SELECTOR_MATCHES,
  K8S_STATEFULSET_SERVICE,
  K8S_SERVICE_TYPE,
  K8S_STABLE_VERSION,
  K8S_CNPG_SUPERUSER,
  K8S_CNPG_PLUGIN_BACKUPS,
  K8S_CERT_ROTATION,
  K8S_MONITORING_RELEASE,
] as const;
