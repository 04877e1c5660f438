/**
 * The Kubernetes "price table": a cluster has no list price per object, so in-cluster workloads are
 * priced from their resource requests at per-unit rates. The rates a stack is configured with
 * travel on its Namespace (annotation {@link KUBERNETES_RATES_ANNOTATION}); without them the
 * defaults below apply, and every line says which rates it used.
 */
import {
  DEFAULT_KUBERNETES_RATES,
  KUBERNETES_RATES_ANNOTATION,
  type KubernetesRates,
} from "../../../components/shared/kubernetes-rates";

export { DEFAULT_KUBERNETES_RATES, KUBERNETES_RATES_ANNOTATION, type KubernetesRates };

/**
 * Where the default rates come from, and when they were read.
 *
 * @example
 * ```ts
 * KUBERNETES_PRICES.asOf; // "2026-12-01"
 * ```
 */
export const KUBERNETES_PRICES = {
  asOf: "2026-12-01",
  source:
    "GKE Autopilot general-purpose pod prices, us-central1, on-demand (https://cloud.google.com/kubernetes-engine/pricing); balanced persistent disk (components/shared/kubernetes-rates.ts)",
  defaults: DEFAULT_KUBERNETES_RATES,
} as const;

/** Rates resolved for one estimate, with where they came from. */
export interface ResolvedRates {
  readonly rates: KubernetesRates;
  /** One line for the notes: which rates, from where. */
  readonly note: string;
}

const isRate = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v >= 0;

/**
 * Reads the rates a Namespace carries: the annotation's JSON with the three rates as numbers ≥ 0
 * (missing ones take the default), or an explanation of why it cannot be used.
 *
 * @example
 * ```ts
 * parseRatesAnnotation('{"vcpuHour":0.04,"gibHour":0.005,"storageGbMonth":0.08}'); // { rates: { vcpuHour: 0.04, … } }
 * parseRatesAnnotation("cheap"); // { problem: "is not JSON" }
 * ```
 */
export function parseRatesAnnotation(
  value: unknown,
): { readonly rates: KubernetesRates } | { readonly problem: string } {
  if (typeof value !== "string") return { problem: "is not a string" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return { problem: "is not JSON" };
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
    return { problem: "is not a JSON object" };
  const given = parsed as Record<string, unknown>;
  const rates = { ...DEFAULT_KUBERNETES_RATES };
  for (const key of Object.keys(DEFAULT_KUBERNETES_RATES) as (keyof KubernetesRates)[]) {
    if (given[key] === undefined) continue;
    if (!isRate(given[key])) return { problem: `has ${key} ${JSON.stringify(given[key])}, not a number ≥ 0` };
    (rates as Record<string, number>)[key] = given[key];
  }
  return { rates };
}

/**
 * The rates in a line note: `$0.0445/vCPU-h, $0.0049225/GiB-h, $0.1/GB-month`.
 *
 * @example
 * ```ts
 * describeRates(DEFAULT_KUBERNETES_RATES);
 * ```
 */
export function describeRates(r: KubernetesRates): string {
  return `$${r.vcpuHour}/vCPU-h, $${r.gibHour}/GiB-h, $${r.storageGbMonth}/GB-month`;
}
