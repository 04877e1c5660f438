/**
 * Workloads priced from their requests × the stack's rates × their pods: a Deployment (its HPA's
 * minimum, else `replicas`), a StatefulSet (`replicas`, plus its volume claims), a Knative Service
 * (`min-scale` pods always on, the rest from the usage file; $0 idle at min-scale 0) and CronJobs /
 * Jobs (only while they run: `jobHoursPerMonth`).
 */
import { HOURS_PER_MONTH } from "../../prices/gcp";
import { formatQty } from "../../format";
import { bill, type Estimate, type EstimateInput } from "../types";
import {
  K8S_TYPES,
  describePod,
  podHourly,
  podRequests,
  podsNote,
  resolveRates,
  sameNamespace,
  storageGib,
  type PodRequests,
} from "./pods";

type Bill = ReturnType<typeof bill>;

function podNotes(b: Bill, pod: PodRequests, what: string): void {
  b.note(`${what} requests: ${describePod(pod) || "no containers"}`);
  for (const c of pod.containers) for (const n of c.notes) b.note(n);
}

function done(b: Bill, pod: PodRequests, rates: ReturnType<typeof resolveRates>): Estimate {
  b.note(rates.note);
  return b.done(pod.unknown ? { partial: true } : {});
}

/** The HPA that scales `kind/name` in the subject's namespace, if any. */
function hpaFor(input: EstimateInput, kind: string, name: string | undefined) {
  if (name === undefined) return undefined;
  return [...sameNamespace(input, K8S_TYPES.hpa), ...sameNamespace(input, K8S_TYPES.hpaV1)].find((h) => {
    const ref = (h.inputs as { spec?: { scaleTargetRef?: { kind?: unknown; name?: unknown } } } | undefined)
      ?.spec?.scaleTargetRef;
    return ref?.kind === kind && ref.name === name;
  });
}

/**
 * A Deployment: pods × requests × rates all month. The pod count is the minimum of the HPA that
 * targets it (scale-out above it is load, not priced), else `spec.replicas` (default 1).
 *
 * @example
 * ```ts
 * estimateK8sDeployment(input); // 3 pods × (0.5 vCPU × $0.0445 + 2 GiB × $0.0049225) × 730 h = $70.26
 * ```
 */
export function estimateK8sDeployment(input: EstimateInput): Estimate {
  const b = bill();
  const rates = resolveRates(input);
  const pod = podRequests(input, "spec.template.spec.containers");
  const own = input.read.peek("metadata.name");
  const hpa = hpaFor(input, "Deployment", typeof own === "string" ? own : undefined);
  let count: number;
  let why: string;
  if (hpa) {
    const spec = (hpa.inputs as { spec?: { minReplicas?: unknown; maxReplicas?: unknown } }).spec ?? {};
    count = typeof spec.minReplicas === "number" ? spec.minReplicas : 1;
    why = `HPA ${hpa.name} minimum ${count}${typeof spec.maxReplicas === "number" ? ` (max ${spec.maxReplicas}: scale-out under load is not priced)` : ""}`;
  } else {
    const replicas = input.read.num("spec.replicas");
    count = typeof replicas === "number" ? replicas : 1;
    why = typeof replicas === "number" ? `spec.replicas ${replicas}` : "no replicas and no HPA: 1 pod";
  }
  b.baseline(
    count * podHourly(pod, rates.rates) * HOURS_PER_MONTH,
    `${podsNote(count, pod, rates.rates)} (${why})`,
  );
  podNotes(b, pod, "pod");
  return done(b, pod, rates);
}

/**
 * A StatefulSet: `spec.replicas` (default 1) pods × requests × rates, plus every replica's volume
 * claims (`volumeClaimTemplates`) at the storage rate.
 *
 * @example
 * ```ts
 * estimateK8sStatefulSet(input); // 3 pods × … + 3 × 4 GiB × $0.08/GB-month
 * ```
 */
export function estimateK8sStatefulSet(input: EstimateInput): Estimate {
  const b = bill();
  const rates = resolveRates(input);
  const pod = podRequests(input, "spec.template.spec.containers");
  const replicas = input.read.num("spec.replicas");
  const count = typeof replicas === "number" ? replicas : 1;
  b.baseline(
    count * podHourly(pod, rates.rates) * HOURS_PER_MONTH,
    `${podsNote(count, pod, rates.rates)} (spec.replicas ${typeof replicas === "number" ? replicas : "unset: 1"})`,
  );
  podNotes(b, pod, "pod");
  const inits = input.read.list("spec.template.spec.initContainers");
  if (Array.isArray(inits) && inits.length > 0)
    b.note(`${inits.length} init container(s) run only at start: not priced`);
  const templates = input.read.list("spec.volumeClaimTemplates");
  if (Array.isArray(templates)) {
    for (const t of templates as {
      metadata?: { name?: unknown };
      spec?: { resources?: { requests?: { storage?: unknown } } };
    }[]) {
      const gib = storageGib(t.spec?.resources?.requests?.storage);
      const name = typeof t.metadata?.name === "string" ? t.metadata.name : "claim";
      if (gib === undefined) {
        b.note(`volume claim ${name}: storage size unknown (not priced)`);
        continue;
      }
      b.baseline(
        count * gib * rates.rates.storageGbMonth,
        `volume claim ${name}: ${formatQty(count)} × ${formatQty(gib)} GiB × $${rates.rates.storageGbMonth}/GB-month`,
      );
    }
  }
  return done(b, pod, rates);
}

/** Knative's autoscaling annotation, current or legacy spelling. */
function knativeScale(input: EstimateInput, which: "min" | "max"): number | undefined {
  const annotations = input.read.peek("spec.template.metadata.annotations");
  for (const key of [`autoscaling.knative.dev/${which}-scale`, `autoscaling.knative.dev/${which}Scale`]) {
    const raw =
      annotations && typeof annotations === "object"
        ? (annotations as Record<string, unknown>)[key]
        : undefined;
    const n = typeof raw === "string" || typeof raw === "number" ? Number(raw) : NaN;
    if (Number.isFinite(n)) return n;
  }
  return undefined;
}

/**
 * A Knative Service: `min-scale` pods (default 0) all month; above that, busy pod-hours from the
 * usage file (`requestsPerMonth × meanRequestDurationMs / meanConcurrentRequests`). At min-scale 0
 * an idle service costs $0. Knative's queue-proxy sidecar is injected at run time (not in the
 * inputs, so not priced).
 *
 * @example
 * ```ts
 * estimateKnativeService(input); // min-scale 0: $0 idle; 100,000 requests × 200 ms → 5.556 pod-hours
 * ```
 */
export function estimateKnativeService(input: EstimateInput): Estimate {
  const b = bill();
  const rates = resolveRates(input);
  const pod = podRequests(input, "spec.template.spec.containers");
  const min = knativeScale(input, "min") ?? 0;
  const max = knativeScale(input, "max");
  if (min > 0)
    b.baseline(
      min * podHourly(pod, rates.rates) * HOURS_PER_MONTH,
      `${podsNote(min, pod, rates.rates)} (min-scale ${min})`,
    );
  else b.baseline(0, "min-scale 0: no pod runs while idle");
  const u = input.usage;
  const busyHours = (u.requestsPerMonth * u.meanRequestDurationMs) / 1000 / u.meanConcurrentRequests / 3600;
  if (u.requestsPerMonth > 0) {
    // Busy time above the always-on pods: those already serve up to their share.
    b.usage(
      busyHours * podHourly(pod, rates.rates),
      `${formatQty(u.requestsPerMonth)} requests × ${formatQty(u.meanRequestDurationMs)} ms / ${formatQty(u.meanConcurrentRequests)} concurrent = ${formatQty(Math.round(busyHours * 1000) / 1000)} pod-hours × $${formatQty(Math.round(podHourly(pod, rates.rates) * 1e6) / 1e6)}/pod-h${min > 0 ? " (also billed when the always-on pods could have served it: an upper bound)" : ""}`,
    );
  } else b.note("no requests in the usage file: no busy pod-hours");
  if (max !== undefined) b.note(`max-scale ${max}`);
  podNotes(b, pod, "pod");
  b.note("Knative's queue-proxy sidecar is added at run time (about 25m vCPU / 50Mi per pod): not priced");
  return done(b, pod, rates);
}

/**
 * A CronJob or Job: its pod's requests × rates for the hours it runs (`jobHoursPerMonth` in the
 * usage file, default 0: a job that never runs costs nothing).
 *
 * @example
 * ```ts
 * estimateK8sJob(input); // 1 pod × (0.05 vCPU × $0.0445 + 0.0625 GiB × $0.0049225) × 2.2 h = $0.01
 * ```
 */
export function estimateK8sJob(input: EstimateInput): Estimate {
  const b = bill();
  const rates = resolveRates(input);
  const isCron = input.type === K8S_TYPES.cronJob;
  const pod = podRequests(
    input,
    isCron ? "spec.jobTemplate.spec.template.spec.containers" : "spec.template.spec.containers",
  );
  const parallel = input.read.num(isCron ? "spec.jobTemplate.spec.parallelism" : "spec.parallelism");
  const count = typeof parallel === "number" ? parallel : 1;
  const hours = input.usage.jobHoursPerMonth;
  if (hours === 0)
    b.baseline(0, "runs only while a job runs: set jobHoursPerMonth in the usage file to price it");
  else
    b.usage(
      count * podHourly(pod, rates.rates) * hours,
      `${podsNote(count, pod, rates.rates, hours)} (jobHoursPerMonth)`,
    );
  const schedule = input.read.str("spec.schedule");
  if (typeof schedule === "string") b.note(`schedule "${schedule}"`);
  podNotes(b, pod, "job pod");
  return done(b, pod, rates);
}
