import { free, type Estimator } from "../types";

/**
 * Kubernetes objects that cost nothing by themselves (API objects the control plane stores), with
 * the reason on their line. What they lead to is priced where it runs: pods on their workload,
 * storage on the claim or the CNPG Cluster.
 *
 * @example
 * ```ts
 * KUBERNETES_FREE_TYPES["kubernetes:core/v1:Namespace"]; // "a namespace is an API object"
 * ```
 */
export const KUBERNETES_FREE_TYPES = {
  "kubernetes:core/v1:Namespace": "a namespace is an API object (the rates it carries price the workloads)",
  "kubernetes:core/v1:ConfigMap": "an API object",
  "kubernetes:core/v1:Secret": "an API object",
  "kubernetes:core/v1:ServiceAccount": "an API object",
  "kubernetes:core/v1:ResourceQuota": "a limit, not a workload",
  "kubernetes:core/v1:LimitRange": "a limit, not a workload (its default requests are priced on the pods)",
  "kubernetes:networking.k8s.io/v1:NetworkPolicy": "enforced by the cluster's network plugin",
  "kubernetes:policy/v1:PodDisruptionBudget": "an API object",
  "kubernetes:autoscaling/v2:HorizontalPodAutoscaler": "its minimum is priced on the workload it scales",
  "kubernetes:autoscaling/v1:HorizontalPodAutoscaler": "its minimum is priced on the workload it scales",
  "kubernetes:rbac.authorization.k8s.io/v1:Role": "RBAC is free",
  "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding": "RBAC is free",
  "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole": "RBAC is free",
  "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding": "RBAC is free",
  "kubernetes:cert-manager.io/v1:Issuer": "cert-manager issues certificates in the cluster",
  "kubernetes:cert-manager.io/v1:ClusterIssuer": "cert-manager issues certificates in the cluster",
  "kubernetes:cert-manager.io/v1:Certificate": "cert-manager issues certificates in the cluster",
  "kubernetes:monitoring.coreos.com/v1:PrometheusRule": "evaluated by the cluster's Prometheus",
  "kubernetes:monitoring.coreos.com/v1:ServiceMonitor": "scraped by the cluster's Prometheus",
  "kubernetes:monitoring.coreos.com/v1:PodMonitor": "scraped by the cluster's Prometheus",
  "kubernetes:monitoring.coreos.com/v1:Probe": "run by the cluster's blackbox exporter",
  "kubernetes:monitoring.coreos.com/v1alpha1:AlertmanagerConfig": "routed by the cluster's Alertmanager",
  "kubernetes:postgresql.cnpg.io/v1:ScheduledBackup":
    "a schedule: backups run in the instances' plugin sidecar (priced on the Cluster) and land in the object store (billed by the cloud)",
  "pulumi:providers:kubernetes": "a provider",
} as const satisfies Readonly<Record<string, string>>;

/**
 * A $0 estimator for a free Kubernetes type, or undefined.
 *
 * @example
 * ```ts
 * kubernetesFreeEstimator("kubernetes:core/v1:ConfigMap")?.(input); // { baseline: 0, usage: 0, notes: ["free: an API object"] }
 * ```
 */
export function kubernetesFreeEstimator(type: string): Estimator | undefined {
  return Object.hasOwn(KUBERNETES_FREE_TYPES, type)
    ? free(KUBERNETES_FREE_TYPES[type as keyof typeof KUBERNETES_FREE_TYPES])
    : undefined;
}
