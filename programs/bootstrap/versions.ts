/**
 * The operators a Kubernetes stack needs, pinned. Versions from the research snapshot
 * (/work/shared/reference/kubernetes-anchors.md §1, 2026-08): CloudNativePG 1.30.0 (≥ 1.26 is
 * required for the Barman Cloud plugin), plugin-barman-cloud 0.14.0, cert-manager 1.21.1,
 * kube-prometheus-stack 88.5.3 (Prometheus Operator 0.93.1), prometheus-blackbox-exporter 11.17.2,
 * Knative Serving 1.23.0. Change a version here and nowhere else.
 */

/** A Helm chart release. */
export interface HelmPin {
  readonly chart: string;
  /** Exact chart version (never a range). */
  readonly version: string;
  readonly repo: string;
  readonly namespace: string;
  /** Release name (kube-prometheus-stack's Prometheus selects objects labelled `release: <it>`). */
  readonly release: string;
}

/** A manifest published with an upstream release (CloudNativePG and Knative ship no official chart we pin here). */
export interface ManifestPin {
  readonly version: string;
  readonly urls: readonly string[];
}

export const CERT_MANAGER: HelmPin = {
  chart: "cert-manager",
  version: "v1.21.1",
  repo: "https://charts.jetstack.io",
  namespace: "cert-manager",
  release: "cert-manager",
};

export const KUBE_PROMETHEUS_STACK: HelmPin = {
  chart: "kube-prometheus-stack",
  version: "88.5.3",
  repo: "https://prometheus-community.github.io/helm-charts",
  namespace: "monitoring",
  release: "kube-prometheus-stack",
};

export const BLACKBOX_EXPORTER: HelmPin = {
  chart: "prometheus-blackbox-exporter",
  version: "11.17.2",
  repo: "https://prometheus-community.github.io/helm-charts",
  namespace: "monitoring",
  release: "prometheus-blackbox-exporter",
};

/** CloudNativePG operator (namespace cnpg-system, created by the manifest). */
export const CNPG: ManifestPin = {
  version: "1.30.0",
  urls: ["https://github.com/cloudnative-pg/cloudnative-pg/releases/download/v1.30.0/cnpg-1.30.0.yaml"],
};

/** The Barman Cloud plugin (installs into cnpg-system; needs cert-manager). */
export const BARMAN_CLOUD_PLUGIN: ManifestPin = {
  version: "0.14.0",
  urls: ["https://github.com/cloudnative-pg/plugin-barman-cloud/releases/download/v0.14.0/manifest.yaml"],
};

/** Knative Serving with the Kourier ingress (scale to zero; only stacks with minInstances 0 need it). */
export const KNATIVE_SERVING: ManifestPin = {
  version: "1.23.0",
  urls: [
    "https://github.com/knative/serving/releases/download/knative-v1.23.0/serving-crds.yaml",
    "https://github.com/knative/serving/releases/download/knative-v1.23.0/serving-core.yaml",
    "https://github.com/knative/net-kourier/releases/download/knative-v1.23.0/kourier.yaml",
  ],
};
