import { PlatformError, show } from "../shared/errors";
import { cpuQuantity, gibQuantity } from "../shared/kubernetes";
import type { KubernetesRates } from "../shared/kubernetes-rates";

/** Pure rules of BudgetAlert on Kubernetes: what a monthly budget buys at the stack's rates. */

/** Hours in the month the rates are multiplied by (the cost reports' 730-hour month). */
export const HOURS_PER_MONTH = 730;
/** Share of the budget kept for PVC storage; the rest buys CPU and memory at 1 vCPU : 4 GiB. */
export const STORAGE_SHARE = 0.2;
/** GiB of memory per vCPU in the quota (general-purpose nodes). */
export const GIB_PER_VCPU = 4;

/** Requests a namespace may hold. */
export interface QuotaSize {
  /** vCPU (requests.cpu). */
  readonly cpu: number;
  /** GiB (requests.memory). */
  readonly memoryGib: number;
  /** GB of PVC storage (requests.storage). */
  readonly storageGb: number;
}

/**
 * What `amount` USD per month buys: 80 % for CPU and memory at 1 vCPU : 4 GiB, 20 % for storage,
 * rounded down to 0.1 vCPU, 0.25 GiB and 1 GB.
 *
 * @example
 * ```ts
 * quotaFromBudget(100, { vcpuHour: 0.0445, gibHour: 0.0049225, storageGbMonth: 0.1 }); // { cpu: 1.7, memoryGib: 6.75, storageGb: 200 }
 * ```
 */
export function quotaFromBudget(amount: number, rates: KubernetesRates): QuotaSize {
  const unit = (rates.vcpuHour + GIB_PER_VCPU * rates.gibHour) * HOURS_PER_MONTH;
  const cpu = Math.floor(((amount * (1 - STORAGE_SHARE)) / unit) * 10) / 10;
  return {
    cpu,
    memoryGib: Math.floor(cpu * GIB_PER_VCPU * 4) / 4,
    storageGb: Math.floor((amount * STORAGE_SHARE) / rates.storageGbMonth),
  };
}

/**
 * Monthly cost of holding `q` at `rates`.
 *
 * @example
 * ```ts
 * monthlyCost({ cpu: 1, memoryGib: 4, storageGb: 10 }, rates); // ≈ 47.86
 * ```
 */
export function monthlyCost(q: QuotaSize, rates: KubernetesRates): number {
  return (
    (q.cpu * rates.vcpuHour + q.memoryGib * rates.gibHour) * HOURS_PER_MONTH +
    q.storageGb * rates.storageGbMonth
  );
}

/**
 * The smallest budget whose quota holds `planned` (what the stack's own pods request at their minimum).
 *
 * @example
 * ```ts
 * minimumBudget({ cpu: 1, memoryGib: 2, storageGb: 20 }, rates); // 59
 * ```
 */
export function minimumBudget(planned: QuotaSize, rates: KubernetesRates): number {
  const unit = (rates.vcpuHour + GIB_PER_VCPU * rates.gibHour) * HOURS_PER_MONTH;
  const vcpu = Math.max(planned.cpu, planned.memoryGib / GIB_PER_VCPU) + 0.1;
  const compute = (vcpu * unit) / (1 - STORAGE_SHARE);
  const storage = (planned.storageGb * rates.storageGbMonth) / STORAGE_SHARE;
  return Math.ceil(Math.max(compute, storage));
}

/**
 * Validates the budget against what the stack needs; throws one {@link PlatformError} listing
 * every problem (a quota below the stack's own requests would keep its pods from starting).
 *
 * @example
 * ```ts
 * validateK8sBudget("budget", 5, [0.5], rates, { cpu: 1, memoryGib: 2, storageGb: 10 }); // PlatformError: … amount 5 buys 0 vCPU …
 * ```
 */
export function validateK8sBudget(
  name: string,
  amount: number,
  thresholds: readonly number[],
  rates: KubernetesRates,
  planned?: QuotaSize,
): QuotaSize {
  const p: string[] = [];
  if (!(amount > 0)) p.push(`amount must be > 0, got ${show(amount)}`);
  if (thresholds.length === 0) p.push("thresholds must list at least one fraction such as 0.9");
  for (const t of thresholds)
    if (!(t > 0 && t <= 2)) p.push(`thresholds must be fractions in (0, 2], got ${show(t)}`);
  for (const [k, v] of Object.entries(rates))
    if (!(typeof v === "number" && v > 0)) p.push(`rates.${k} must be > 0, got ${show(v)}`);
  if (p.length > 0) throw new PlatformError(`BudgetAlert '${name}': ${p.join("; ")}`);
  const q = quotaFromBudget(amount, rates);
  if (planned && (q.cpu < planned.cpu || q.memoryGib < planned.memoryGib || q.storageGb < planned.storageGb))
    throw new PlatformError(
      `BudgetAlert '${name}': amount ${amount} buys ${q.cpu} vCPU, ${q.memoryGib} GiB and ${q.storageGb} GB at the stack's rates, ` +
        `but the stack's own pods request ${round(planned.cpu)} vCPU, ${round(planned.memoryGib)} GiB and ${planned.storageGb} GB; ` +
        `raise platform:budget.amount to at least ${minimumBudget(planned, rates)} or lower the requests`,
    );
  return q;
}

/**
 * `ResourceQuota.spec.hard` for a size: requests as bought, memory limits up to twice the
 * requests, no LoadBalancer or NodePort Services (the ingress controller is the way in).
 *
 * @example
 * ```ts
 * quotaHard({ cpu: 2, memoryGib: 8, storageGb: 100 })["requests.cpu"]; // "2"
 * ```
 */
export function quotaHard(q: QuotaSize): Record<string, string> {
  return {
    "requests.cpu": cpuQuantity(q.cpu),
    "requests.memory": gibQuantity(q.memoryGib),
    "limits.memory": gibQuantity(q.memoryGib * 2),
    "requests.storage": `${q.storageGb}Gi`,
    persistentvolumeclaims: "30",
    pods: "100",
    "services.loadbalancers": "0",
    "services.nodeports": "0",
  };
}

/**
 * PromQL: the namespace's projected monthly cost from what its pods request right now.
 *
 * @example
 * ```ts
 * projectedCostExpr("shop-k8s-dev", rates); // "(sum(kube_pod_container_resource_requests{…}) * 0.0445 + …) * 730 + …"
 * ```
 */
export function projectedCostExpr(namespace: string, rates: KubernetesRates): string {
  const req = (resource: string) =>
    `sum(kube_pod_container_resource_requests{namespace="${namespace}",resource="${resource}"})`;
  return (
    `(${req("cpu")} * ${rates.vcpuHour} + ${req("memory")} / 1073741824 * ${rates.gibHour}) * ${HOURS_PER_MONTH}` +
    ` + sum(kube_persistentvolumeclaim_resource_requests_storage_bytes{namespace="${namespace}"}) / 1e9 * ${rates.storageGbMonth}`
  );
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
