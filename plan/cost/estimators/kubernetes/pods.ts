/**
 * What every Kubernetes estimator shares: the stack's rates (from its Namespace, else the
 * defaults), the requests of a pod template (as the API server would default them), and the
 * monthly price of N such pods.
 */
import { HOURS_PER_MONTH } from "../../prices/gcp";
import {
  DEFAULT_KUBERNETES_RATES,
  KUBERNETES_PRICES,
  KUBERNETES_RATES_ANNOTATION,
  describeRates,
  parseRatesAnnotation,
  type KubernetesRates,
  type ResolvedRates,
} from "../../prices/kubernetes";
import { parseCpu, parseMemoryGib } from "../../inputs";
import { formatQty } from "../../format";
import type { EstimateInput, RelatedResource } from "../types";

/** Type tokens the Kubernetes estimators read besides their subject. */
export const K8S_TYPES = {
  namespace: "kubernetes:core/v1:Namespace",
  limitRange: "kubernetes:core/v1:LimitRange",
  hpa: "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
  hpaV1: "kubernetes:autoscaling/v1:HorizontalPodAutoscaler",
  deployment: "kubernetes:apps/v1:Deployment",
  statefulSet: "kubernetes:apps/v1:StatefulSet",
  cronJob: "kubernetes:batch/v1:CronJob",
  job: "kubernetes:batch/v1:Job",
  pvc: "kubernetes:core/v1:PersistentVolumeClaim",
  service: "kubernetes:core/v1:Service",
  knativeService: "kubernetes:serving.knative.dev/v1:Service",
  cnpgCluster: "kubernetes:postgresql.cnpg.io/v1:Cluster",
  objectStore: "kubernetes:barmancloud.cnpg.io/v1:ObjectStore",
} as const;

const get = (o: unknown, ...path: string[]): unknown => {
  let cur = o;
  for (const p of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
};

/** The `metadata.namespace` of a resource's inputs, when it is a known string. */
export function namespaceOf(inputs: unknown): string | undefined {
  const ns = get(inputs, "metadata", "namespace");
  return typeof ns === "string" ? ns : undefined;
}

/** The `metadata.name` of a resource's inputs, when it is a known string. */
export function nameOf(inputs: unknown): string | undefined {
  const n = get(inputs, "metadata", "name");
  return typeof n === "string" ? n : undefined;
}

/** The subject's own `metadata.namespace`, when known. */
export function subjectNamespace(input: EstimateInput): string | undefined {
  const ns = input.read.peek("metadata.namespace");
  return typeof ns === "string" ? ns : undefined;
}

/** The related resources of a type in the same namespace as the subject (any when unknown). */
export function sameNamespace(input: EstimateInput, type: string): RelatedResource[] {
  const ns = subjectNamespace(input);
  return (input.related ?? []).filter((r) => {
    if (r.type !== type) return false;
    const theirs = namespaceOf(r.inputs);
    return ns === undefined || theirs === undefined || theirs === ns;
  });
}

/**
 * The rates to price with: the `platform.dev/cost-rates` annotation of the subject's Namespace
 * (or of the only annotated Namespace in the stack), else the defaults, with a note either way.
 *
 * @example
 * ```ts
 * resolveRates(input).note; // "rates from Namespace acme-k8s-prod (platform.dev/cost-rates): $0.0445/vCPU-h, …"
 * ```
 */
export function resolveRates(input: EstimateInput): ResolvedRates {
  const wanted = subjectNamespace(input);
  const annotated = (input.related ?? []).filter(
    (r) =>
      r.type === K8S_TYPES.namespace &&
      get(r.inputs, "metadata", "annotations", KUBERNETES_RATES_ANNOTATION) !== undefined,
  );
  const ns =
    annotated.find((r) => nameOf(r.inputs) === wanted) ?? (annotated.length === 1 ? annotated[0] : undefined);
  const defaults = (why: string): ResolvedRates => ({
    rates: DEFAULT_KUBERNETES_RATES,
    note: `rates: defaults ${describeRates(DEFAULT_KUBERNETES_RATES)} (${why}; ${KUBERNETES_PRICES.source}, ${KUBERNETES_PRICES.asOf})`,
  });
  if (!ns) return defaults(`no Namespace in the stack carries ${KUBERNETES_RATES_ANNOTATION}`);
  const label = `Namespace ${nameOf(ns.inputs) ?? ns.name}`;
  const parsed = parseRatesAnnotation(get(ns.inputs, "metadata", "annotations", KUBERNETES_RATES_ANNOTATION));
  if ("problem" in parsed) return defaults(`${label}'s ${KUBERNETES_RATES_ANNOTATION} ${parsed.problem}`);
  return {
    rates: parsed.rates,
    note: `rates from ${label} (${KUBERNETES_RATES_ANNOTATION}): ${describeRates(parsed.rates)}`,
  };
}

/** One container's requests, as priced. */
export interface ContainerRequests {
  readonly name: string;
  readonly cpu: number;
  readonly gib: number;
  /** How a missing request was filled (`request = limit`, the LimitRange default) or why it is 0. */
  readonly notes: readonly string[];
}

/** The requests of a pod template's containers (init containers run only at start: not priced). */
export interface PodRequests {
  readonly containers: readonly ContainerRequests[];
  readonly cpu: number;
  readonly gib: number;
  /** Requests unknown until apply (the pod is priced without them). */
  readonly unknown: boolean;
}

/** A LimitRange's container `defaultRequest` in the subject's namespace, if any. */
function limitRangeDefaults(input: EstimateInput): { cpu?: string; memory?: string } {
  for (const lr of sameNamespace(input, K8S_TYPES.limitRange)) {
    const limits = get(lr.inputs, "spec", "limits");
    if (!Array.isArray(limits)) continue;
    const c = limits.find((l) => get(l, "type") === "Container");
    const d = get(c, "defaultRequest");
    if (d && typeof d === "object") {
      const { cpu, memory } = d as Record<string, unknown>;
      return {
        ...(typeof cpu === "string" ? { cpu } : {}),
        ...(typeof memory === "string" ? { memory } : {}),
      };
    }
  }
  return {};
}

/**
 * The requests of the containers at `path` (a pod spec's `containers`), defaulted the way the API
 * server does: an unset request takes the container's limit; still unset, the namespace
 * LimitRange's `defaultRequest`; still unset, 0 (the scheduler reserves nothing either).
 *
 * @example
 * ```ts
 * podRequests(input, "spec.template.spec.containers").cpu; // 0.57
 * ```
 */
export function podRequests(input: EstimateInput, path: string): PodRequests {
  const list = input.read.list(path);
  if (list === undefined || typeof list === "symbol")
    return { containers: [], cpu: 0, gib: 0, unknown: typeof list === "symbol" };
  const defaults = limitRangeDefaults(input);
  let unknown = false;
  const containers = list.map((c, i): ContainerRequests => {
    const name = typeof get(c, "name") === "string" ? (get(c, "name") as string) : `#${i}`;
    const notes: string[] = [];
    const pick = (res: "cpu" | "memory", parse: (q: string) => number | undefined): number => {
      const request = get(c, "resources", "requests", res);
      const limit = get(c, "resources", "limits", res);
      const fallback = defaults[res];
      const chosen = typeof request === "string" ? request : typeof limit === "string" ? limit : fallback;
      if (typeof request !== "string" && typeof limit === "string")
        notes.push(`${name}: ${res} request = its limit ${limit}`);
      else if (typeof request !== "string" && fallback !== undefined)
        notes.push(`${name}: ${res} request from the LimitRange default ${fallback}`);
      if (request !== undefined && typeof request !== "string") unknown = true;
      if (typeof chosen !== "string") {
        if (request === undefined) notes.push(`${name}: no ${res} request (priced at 0)`);
        return 0;
      }
      const n = parse(chosen);
      if (n === undefined) {
        notes.push(`${name}: ${res} ${JSON.stringify(chosen)} is not a quantity (priced at 0)`);
        return 0;
      }
      return n;
    };
    return { name, cpu: pick("cpu", parseCpu), gib: pick("memory", parseMemoryGib), notes };
  });
  return {
    containers,
    cpu: containers.reduce((a, c) => a + c.cpu, 0),
    gib: containers.reduce((a, c) => a + c.gib, 0),
    unknown,
  };
}

/** `app 500m/2Gi, exporter 20m/32Mi`. */
export function describePod(pod: PodRequests): string {
  return pod.containers.map((c) => `${c.name} ${formatCpu(c.cpu)}/${formatGib(c.gib)}`).join(", ");
}

/** `500m`, `2` vCPU. */
export const formatCpu = (cores: number): string =>
  Number.isInteger(cores) ? `${cores}` : `${Math.round(cores * 1000)}m`;
/** `2Gi`, `512Mi`. */
export const formatGib = (gib: number): string =>
  Number.isInteger(gib) ? `${gib}Gi` : `${formatQty(Math.round(gib * 1024 * 1000) / 1000)}Mi`;

/** The hourly price of one pod with these requests. */
export function podHourly(pod: Pick<PodRequests, "cpu" | "gib">, rates: KubernetesRates): number {
  return pod.cpu * rates.vcpuHour + pod.gib * rates.gibHour;
}

/**
 * The note text for `count` pods all month: `3 pods × (0.5 vCPU × $0.0445 + 2 GiB × $0.0049225) × 730 h`.
 *
 * @example
 * ```ts
 * podsNote(3, pod, rates, "HPA minimum");
 * ```
 */
export function podsNote(
  count: number,
  pod: Pick<PodRequests, "cpu" | "gib">,
  rates: KubernetesRates,
  hours = HOURS_PER_MONTH,
): string {
  return `${formatQty(count)} pod${count === 1 ? "" : "s"} × (${formatQty(pod.cpu)} vCPU × $${rates.vcpuHour} + ${formatQty(Math.round(pod.gib * 1000) / 1000)} GiB × $${rates.gibHour}) × ${formatQty(hours)} h`;
}

/**
 * GiB of a storage quantity (`"10Gi"` → 10), or undefined.
 *
 * @example
 * ```ts
 * storageGib("100Gi"); // 100
 * ```
 */
export function storageGib(value: unknown): number | undefined {
  return typeof value === "string" ? parseMemoryGib(value) : undefined;
}
