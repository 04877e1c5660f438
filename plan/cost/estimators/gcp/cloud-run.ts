import { SECONDS_PER_MONTH } from "../../prices/gcp";
import { NOT_KNOWN, parseCpu, parseMemoryGib } from "../../inputs";
import { formatQty, formatRate } from "../../format";
import { bill, FreeTierKey, pricesFor, type Estimate, type EstimateInput } from "../types";

/**
 * Type token of a Cloud Run (v2) service.
 *
 * @example
 * ```ts
 * ESTIMATORS[CLOUD_RUN_SERVICE_TYPE] === estimateCloudRun; // true
 * ```
 */
export const CLOUD_RUN_SERVICE_TYPE = "gcp:cloudrunv2/service:Service";

/**
 * Cloud Run's per-container defaults when `resources.limits` leaves them out.
 *
 * @example
 * ```ts
 * parseCpu(CLOUD_RUN_DEFAULT_LIMITS.cpu); // 1
 * ```
 */
export const CLOUD_RUN_DEFAULT_LIMITS = { cpu: "1", memory: "512Mi" } as const;

/**
 * Cloud Run billing modes.
 *
 * @example
 * ```ts
 * runShape(read, notes).billing === RunBilling.request; // cpuIdle: true
 * ```
 */
export const RunBilling = { request: "request-based", instance: "instance-based" } as const;
/** A Cloud Run billing mode. */
export type RunBilling = (typeof RunBilling)[keyof typeof RunBilling];

/**
 * Instance size and scaling read from a service's inputs.
 *
 * @example
 * ```ts
 * const shape: RunShape = { cpu: 1, memoryGib: 0.5, billing: "request-based", alwaysOn: 0 };
 * ```
 */
export interface RunShape {
  /** vCPUs per instance (sum over containers). */
  readonly cpu: number;
  /** GiB per instance (sum over containers). */
  readonly memoryGib: number;
  readonly billing: RunBilling;
  /** Instances kept warm all month (min instances, or the manual count). */
  readonly alwaysOn: number;
}

/**
 * Reads a service's instance size (limits summed over containers, defaults 1 vCPU / 512Mi each),
 * billing mode (`cpuIdle`: true, or absent with no `resources` block → request-based; otherwise
 * instance-based) and always-on instances (max of `template.scaling.minInstanceCount` and
 * `scaling.minInstanceCount`, or `scaling.manualInstanceCount` in MANUAL mode).
 *
 * @example
 * ```ts
 * runShape(reader({ template: { containers: [{ image: "x" }] } }), notes); // { cpu: 1, memoryGib: 0.5, billing: "request-based", alwaysOn: 0 }
 * ```
 */
export function runShape(r: EstimateInput["read"], b: { note(text: string): void }): RunShape {
  const containers = r.list("template.containers");
  if (containers === NOT_KNOWN)
    b.note("template.containers unknown: priced as one container with default limits");
  const count = Array.isArray(containers) && containers.length > 0 ? containers.length : 1;
  let cpu = 0;
  let memoryGib = 0;
  for (let i = 0; i < count; i++) {
    cpu += limit(r, i, "cpu", parseCpu, b);
    memoryGib += limit(r, i, "memory", parseMemoryGib, b);
  }

  const cpuIdle = r.bool("template.containers.0.resources.cpuIdle");
  let billing: RunBilling;
  if (cpuIdle === NOT_KNOWN) {
    b.note("cpuIdle unknown: priced as request-based billing");
    billing = RunBilling.request;
  } else if (cpuIdle === undefined) {
    billing = r.has("template.containers.0.resources") ? RunBilling.instance : RunBilling.request;
  } else billing = cpuIdle ? RunBilling.request : RunBilling.instance;

  const count0 = (path: string): number => {
    const v = r.num(path);
    if (v === NOT_KNOWN) b.note(`${path} unknown: priced as 0`);
    return typeof v === "number" ? Math.max(0, v) : 0;
  };
  const manual = r.str("scaling.scalingMode") === "MANUAL";
  const alwaysOn = manual
    ? count0("scaling.manualInstanceCount")
    : Math.max(count0("template.scaling.minInstanceCount"), count0("scaling.minInstanceCount"));
  return { cpu, memoryGib, billing, alwaysOn };
}

function limit(
  r: EstimateInput["read"],
  i: number,
  key: "cpu" | "memory",
  parse: (v: string) => number | undefined,
  b: { note(text: string): void },
): number {
  const path = `template.containers.${i}.resources.limits.${key}`;
  const v = r.str(path);
  const fallback = parse(CLOUD_RUN_DEFAULT_LIMITS[key])!;
  if (v === NOT_KNOWN) {
    b.note(`${path} unknown: priced at the default ${CLOUD_RUN_DEFAULT_LIMITS[key]}`);
    return fallback;
  }
  if (v === undefined) return fallback;
  const n = parse(v);
  if (n === undefined) {
    b.note(
      `${path} ${JSON.stringify(v)} not understood: priced at the default ${CLOUD_RUN_DEFAULT_LIMITS[key]}`,
    );
    return fallback;
  }
  return n;
}

/**
 * Prices a Cloud Run v2 service.
 * - Baseline: always-on instances × 730 h × (vCPU + GiB rates): the idle rates under request-based
 *   billing, the instance rates under instance-based billing. Min 0 → $0.
 * - Usage (request-based): busy seconds = requests × duration / meanConcurrentRequests; vCPU-s and
 *   GiB-s at the active rates, plus $0.40 per million requests.
 * - Usage (instance-based): busy seconds beyond what the always-on instances cover, at the instance
 *   rates; no request fee.
 * - Egress: requests × meanResponseKiB at the internet egress rate.
 * - `usage.cloudRunFreeTier` draws the per-account allowances (shared across services, in order).
 * Busy time overlapping always-on instances is counted in both halves under request-based billing
 * (a small over-estimate); 100 ms rounding and startup time are not modelled.
 *
 * @example
 * ```ts
 * estimateCloudRun(input); // min 1, 1 vCPU, 512Mi, request-based → baseline 2,628,000 s × ($0.0000025 + 0.5 × $0.0000025) = $9.86
 * ```
 */
export function estimateCloudRun(input: EstimateInput): Estimate {
  const b = bill();
  const { prices } = pricesFor(input, "location");
  const run = prices.cloudRun;
  if (!run) {
    b.note(prices.missing("cloudRun"));
    return b.done({ notPriced: true });
  }
  const shape = runShape(input.read, b);
  const size = `${formatQty(shape.cpu)} vCPU, ${formatQty(shape.memoryGib)} GiB`;
  b.note(`${shape.billing} billing, ${size} per instance`);

  const rates =
    shape.billing === RunBilling.request
      ? { cpu: run.requestBased.idleVcpuSecond.usd, mem: run.requestBased.idleGibSecond.usd, what: "idle" }
      : { cpu: run.instanceBased.vcpuSecond.usd, mem: run.instanceBased.gibSecond.usd, what: "instance" };
  if (shape.alwaysOn > 0) {
    const seconds = shape.alwaysOn * SECONDS_PER_MONTH;
    b.baseline(
      seconds * (shape.cpu * rates.cpu + shape.memoryGib * rates.mem),
      `${formatQty(shape.alwaysOn)} always-on instance(s) × 2,628,000 s × (${formatQty(shape.cpu)} × ${formatRate(rates.cpu)}/vCPU-s + ${formatQty(shape.memoryGib)} × ${formatRate(rates.mem)}/GiB-s ${rates.what})`,
    );
  }

  const u = input.usage;
  const busy = (u.requestsPerMonth * u.meanRequestDurationMs) / 1000 / u.meanConcurrentRequests;
  if (u.requestsPerMonth > 0) {
    if (shape.billing === RunBilling.request) {
      const vcpuS = input.free.take(FreeTierKey.runRequestVcpuSeconds, busy * shape.cpu);
      const gibS = input.free.take(FreeTierKey.runRequestGibSeconds, busy * shape.memoryGib);
      const requests = input.free.take(FreeTierKey.runRequests, u.requestsPerMonth);
      const rb = run.requestBased;
      b.usage(
        vcpuS * rb.vcpuSecond.usd + gibS * rb.gibSecond.usd,
        `${formatQty(u.requestsPerMonth)} requests × ${formatQty(u.meanRequestDurationMs)} ms / ${formatQty(u.meanConcurrentRequests)} concurrent: ${formatQty(vcpuS)} billable vCPU-s × ${formatRate(rb.vcpuSecond.usd)} + ${formatQty(gibS)} GiB-s × ${formatRate(rb.gibSecond.usd)}`,
      );
      b.usage(
        (requests / 1e6) * rb.millionRequests.usd,
        `${formatQty(requests)} billable requests × ${formatRate(rb.millionRequests.usd)}/million`,
      );
    } else {
      const extra = Math.max(0, busy - shape.alwaysOn * SECONDS_PER_MONTH);
      const vcpuS = input.free.take(FreeTierKey.runInstanceVcpuSeconds, extra * shape.cpu);
      const gibS = input.free.take(FreeTierKey.runInstanceGibSeconds, extra * shape.memoryGib);
      const ib = run.instanceBased;
      b.usage(
        vcpuS * ib.vcpuSecond.usd + gibS * ib.gibSecond.usd,
        `${formatQty(extra)} busy s beyond always-on instances: ${formatQty(vcpuS)} billable vCPU-s × ${formatRate(ib.vcpuSecond.usd)} + ${formatQty(gibS)} GiB-s × ${formatRate(ib.gibSecond.usd)}`,
      );
    }
    if (u.meanResponseKiB > 0) {
      const gib = input.free.take(
        FreeTierKey.runEgressGib,
        (u.requestsPerMonth * u.meanResponseKiB) / 2 ** 20,
      );
      b.usage(
        gib * run.egressGib.usd,
        `egress ${formatQty(gib)} billable GiB × ${formatRate(run.egressGib.usd)}/GiB`,
      );
    }
  }
  return b.done();
}
