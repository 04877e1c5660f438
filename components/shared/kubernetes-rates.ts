/**
 * What an in-cluster workload costs: the rates a Kubernetes namespace is priced at. One table shared
 * by the BudgetAlert component (it sizes the namespace's ResourceQuota from the budget) and the cost
 * estimator (it prices requests × rates), so the quota and the cost report can never disagree.
 *
 * A cluster's real price depends on its node types, commitments and overheads, which the library
 * cannot know offline; the defaults are on-demand list prices of a general-purpose node, split per
 * resource, and every stack can set its own under `platform:kubernetes.rates`.
 */

/**
 * Per-unit rates in USD.
 *
 * @example
 * ```ts
 * const rates: KubernetesRates = { vcpuHour: 0.04, gibHour: 0.005, storageGbMonth: 0.1 };
 * ```
 */
export interface KubernetesRates {
  /** USD per requested vCPU per hour. @default 0.0445 */
  readonly vcpuHour: number;
  /** USD per requested GiB of memory per hour. @default 0.0049225 */
  readonly gibHour: number;
  /** USD per provisioned GB of PersistentVolumeClaim storage per month. @default 0.1 */
  readonly storageGbMonth: number;
}

/**
 * The default rates. Source: Google Kubernetes Engine Autopilot general-purpose pod prices,
 * us-central1, on-demand (https://cloud.google.com/kubernetes-engine/pricing, checked 2026-12-01):
 * $0.0445 per vCPU-hour, $0.0049225 per GiB-hour; balanced persistent disk $0.10 per GB-month.
 * They sit close to EKS on m6i/m7i on-demand nodes split by the 1 vCPU : 4 GiB ratio.
 *
 * @example
 * ```ts
 * DEFAULT_KUBERNETES_RATES.vcpuHour * 730; // ≈ $32.49 per vCPU-month
 * ```
 */
export const DEFAULT_KUBERNETES_RATES: KubernetesRates = {
  vcpuHour: 0.0445,
  gibHour: 0.0049225,
  storageGbMonth: 0.1,
} as const;

/**
 * The annotation (on the environment's Namespace) that carries the stack's rates as JSON, so the
 * cost estimator prices a plan with the rates the stack was configured with, not the defaults.
 *
 * @example
 * ```ts
 * metadata.annotations[KUBERNETES_RATES_ANNOTATION] = JSON.stringify(rates);
 * ```
 */
export const KUBERNETES_RATES_ANNOTATION = "platform.dev/cost-rates" as const;
