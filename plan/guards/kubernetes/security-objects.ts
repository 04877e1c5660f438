/**
 * Workload hygiene and operator rules (`k8s/*`): kube-score's HPA, PDB, selector, StatefulSet,
 * Service-type and stable-version checks, and the platform's CloudNativePG, cert-manager and
 * Prometheus Operator rules.
 */
import { Severity } from "../../model";
import { Category, Level, Scope, type ResourceRule, type RuleHit, type StackRule } from "../types";
import { parseHumanDuration } from "../../../components/shared/durations";
import { isOpaque } from "../values";
import { K8S, at, k8sHit, k8sLabel, obj, objectName, podLabels, sameNamespace, selects } from "./tokens";
const security = { category: Category.security } as const;

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
              k8sHit(
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
 * The workload hygiene and operator rules.
 *
 * @example
 * ```ts
 * K8S_OBJECT_RULES.map((r) => r.id);
 * ```
 */
export const K8S_OBJECT_RULES = [
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
