/**
 * Namespace and access rules (`k8s/*`): the namespace's Pod Security label, the namespace every
 * object lives in, network-policy coverage and default-deny (CKV2_K8S_6, kube-score
 * pod-networkpolicy), service-account tokens and the default service account (CKV_K8S_38/41/42).
 */
import { Severity } from "../../model";
import { Category, Level, Scope, type GuardResource, type ResourceRule, type StackRule } from "../types";
import { isOpaque } from "../values";
import {
  K8S,
  WORKLOAD_TYPES,
  at,
  k8sHit,
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
          ? [k8sHit(r, `no NetworkPolicy restricts ${missing.join(" and ")} of its pods`)]
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
        return deny ? [] : [k8sHit(ns, "no default-deny NetworkPolicy in the namespace")];
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
          k8sHit(
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

/**
 * The namespace and access rules.
 *
 * @example
 * ```ts
 * K8S_ACCESS_RULES.map((r) => r.id);
 * ```
 */
export const K8S_ACCESS_RULES = [
  K8S_NAMESPACE_PSS,
  K8S_NOT_DEFAULT_NAMESPACE,
  K8S_NETWORK_POLICY,
  K8S_DEFAULT_DENY,
  K8S_SA_TOKEN,
  K8S_DEFAULT_SA,
] as const;
