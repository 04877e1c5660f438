/**
 * Traceability from the Kubernetes security references (kubernetes-anchors.md §9: Checkov
 * CKV_K8S_*, kube-score, Polaris) to our rule ids. Rows the platform does not adopt say why.
 */

/**
 * One reference row: its external ids, and the rules that implement it or why none does.
 *
 * @example
 * ```ts
 * const row: K8sTableRow = { ids: ["CKV_K8S_16"], rules: ["k8s/no-privileged"] };
 * ```
 */
export interface K8sTableRow {
  readonly ids: readonly string[];
  readonly rules: readonly string[];
  /** Why no rule implements the row. */
  readonly notApplicable?: string;
}

/**
 * The §9 rows.
 *
 * @example
 * ```ts
 * TABLE_K8S.find((r) => r.ids.includes("CKV_K8S_31"))?.rules; // ["k8s/seccomp"]
 * ```
 */
export const TABLE_K8S: readonly K8sTableRow[] = [
  { ids: ["CKV_K8S_8"], rules: ["k8s/liveness-probe"] },
  { ids: ["CKV_K8S_9"], rules: ["k8s/readiness-probe"] },
  { ids: ["CKV_K8S_10", "CKV_K8S_11", "CKV_K8S_12", "CKV_K8S_13"], rules: ["k8s/container-resources"] },
  { ids: ["CKV_K8S_14"], rules: ["k8s/image-tag-fixed"] },
  { ids: ["CKV_K8S_43"], rules: ["k8s/image-digest"] },
  { ids: ["CKV_K8S_15"], rules: ["k8s/image-pull-always"] },
  { ids: ["CKV_K8S_16"], rules: ["k8s/no-privileged"] },
  { ids: ["CKV_K8S_17", "CKV_K8S_18", "CKV_K8S_19"], rules: ["k8s/no-host-namespaces"] },
  { ids: ["CKV_K8S_20"], rules: ["k8s/no-privilege-escalation"] },
  { ids: ["CKV_K8S_21"], rules: ["k8s/not-default-namespace"] },
  { ids: ["CKV_K8S_22"], rules: ["k8s/read-only-root-filesystem"] },
  { ids: ["CKV_K8S_23"], rules: ["k8s/run-as-non-root"] },
  { ids: ["CKV_K8S_40"], rules: ["k8s/high-uid"] },
  { ids: ["CKV_K8S_25", "CKV_K8S_39"], rules: ["k8s/no-added-capabilities"] },
  { ids: ["CKV_K8S_28", "CKV_K8S_37"], rules: ["k8s/drop-all-capabilities"] },
  { ids: ["CKV_K8S_26"], rules: ["k8s/no-host-port"] },
  { ids: ["CKV_K8S_29", "CKV_K8S_30"], rules: ["k8s/security-context"] },
  { ids: ["CKV_K8S_31"], rules: ["k8s/seccomp"] },
  {
    ids: ["CKV_K8S_35"],
    rules: [],
    notApplicable:
      "the platform's link contract passes secrets as env secretKeyRef references (issue 12: 'env from Secret references, never literal secret values'); literal secrets are refused by k8s/no-literal-secret-env instead",
  },
  { ids: ["CKV_K8S_38"], rules: ["k8s/service-account-token"] },
  { ids: ["CKV_K8S_41", "CKV_K8S_42"], rules: ["k8s/default-service-account"] },
  { ids: ["CKV2_K8S_6"], rules: ["k8s/network-policy"] },
  { ids: ["kube-score container-resources"], rules: ["k8s/container-resources"] },
  { ids: ["kube-score container-ephemeral-storage-request-and-limit"], rules: ["k8s/ephemeral-storage"] },
  { ids: ["kube-score container-security-context-user-group-id"], rules: ["k8s/high-uid"] },
  { ids: ["kube-score container-security-context-privileged"], rules: ["k8s/no-privileged"] },
  {
    ids: ["kube-score container-security-context-readonlyrootfilesystem"],
    rules: ["k8s/read-only-root-filesystem"],
  },
  { ids: ["kube-score container-seccomp-profile"], rules: ["k8s/seccomp"] },
  { ids: ["kube-score pod-probes"], rules: ["k8s/readiness-probe"] },
  { ids: ["kube-score pod-probes-identical"], rules: ["k8s/probes-distinct"] },
  { ids: ["kube-score pod-networkpolicy"], rules: ["k8s/network-policy"] },
  { ids: ["kube-score networkpolicy-targets-pod"], rules: ["k8s/default-deny"] },
  {
    ids: ["kube-score deployment-has-poddisruptionbudget", "kube-score statefulset-has-poddisruptionbudget"],
    rules: ["k8s/prod-pdb"],
  },
  { ids: ["kube-score poddisruptionbudget-has-policy"], rules: ["k8s/pdb-allows-disruption"] },
  {
    ids: [
      "kube-score deployment-has-host-podantiaffinity",
      "kube-score statefulset-has-host-podantiaffinity",
      "kube-score pod-topology-spread-constraints",
    ],
    rules: ["k8s/prod-spread"],
  },
  {
    ids: ["kube-score deployment-replicas", "kube-score horizontalpodautoscaler-replicas"],
    rules: ["k8s/prod-replicas"],
  },
  {
    ids: ["kube-score deployment-targeted-by-hpa-does-not-have-replicas-configured"],
    rules: ["k8s/hpa-owns-replicas"],
  },
  { ids: ["kube-score statefulset-has-servicename"], rules: ["k8s/statefulset-service-name"] },
  {
    ids: [
      "kube-score deployment-pod-selector-labels-match-template-metadata-labels",
      "kube-score statefulset-pod-selector-labels-match-template-metadata-labels",
    ],
    rules: ["k8s/selector-matches-template"],
  },
  { ids: ["kube-score stable-version"], rules: ["k8s/stable-api-version"] },
  { ids: ["kube-score service-type"], rules: ["k8s/service-type"] },
  { ids: ["kube-score container-image-tag"], rules: ["k8s/image-tag-fixed"] },
  { ids: ["kube-score container-image-pull-policy"], rules: ["k8s/image-pull-always"] },
  {
    ids: [
      "Polaris tagNotSpecified",
      "Polaris hostIPCSet",
      "Polaris hostPIDSet",
      "Polaris hostNetworkSet",
      "Polaris privilegeEscalationAllowed",
      "Polaris runAsRootAllowed",
      "Polaris runAsPrivileged",
      "Polaris dangerousCapabilities",
      "Polaris sensitiveContainerEnvVar",
    ],
    rules: [
      "k8s/image-tag-fixed",
      "k8s/no-host-namespaces",
      "k8s/no-privilege-escalation",
      "k8s/run-as-non-root",
      "k8s/no-privileged",
      "k8s/no-added-capabilities",
      "k8s/no-literal-secret-env",
    ],
  },
  {
    ids: ["Polaris sensitiveConfigmapContent"],
    rules: [],
    notApplicable:
      "ConfigMap content is free text (dashboards, scripts); secrets never reach ConfigMaps in the components (they use Secrets and secretKeyRef)",
  },
  {
    ids: ["Polaris priorityClassNotSet"],
    rules: [],
    notApplicable:
      "priority classes are a cluster policy the platform does not own (no PriorityClass is created)",
  },
  {
    ids: ["Polaris pdbMinAvailableGreaterThanHPAMinReplicas", "Polaris hpaMaxAvailability"],
    rules: [],
    notApplicable:
      "the components always pair an HPA with a maxUnavailable: 1 PDB, which these checks cannot fail",
  },
];
