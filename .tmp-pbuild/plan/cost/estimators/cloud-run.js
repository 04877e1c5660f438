"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RunBilling = exports.CLOUD_RUN_DEFAULT_LIMITS = exports.CLOUD_RUN_SERVICE_TYPE = void 0;
exports.runShape = runShape;
exports.estimateCloudRun = estimateCloudRun;
const prices_1 = require("../prices");
const inputs_1 = require("../inputs");
const format_1 = require("../format");
const types_1 = require("./types");
/**
 * Type token of a Cloud Run (v2) service.
 *
 * @example
 * ```ts
 * ESTIMATORS[CLOUD_RUN_SERVICE_TYPE] === estimateCloudRun; // true
 * ```
 */
exports.CLOUD_RUN_SERVICE_TYPE = "gcp:cloudrunv2/service:Service";
/**
 * Cloud Run's per-container defaults when `resources.limits` leaves them out.
 *
 * @example
 * ```ts
 * parseCpu(CLOUD_RUN_DEFAULT_LIMITS.cpu); // 1
 * ```
 */
exports.CLOUD_RUN_DEFAULT_LIMITS = { cpu: "1", memory: "512Mi" };
/**
 * Cloud Run billing modes.
 *
 * @example
 * ```ts
 * runShape(read, notes).billing === RunBilling.request; // cpuIdle: true
 * ```
 */
exports.RunBilling = { request: "request-based", instance: "instance-based" };
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
function runShape(r, b) {
    const containers = r.list("template.containers");
    if (containers === inputs_1.NOT_KNOWN)
        b.note("template.containers unknown: priced as one container with default limits");
    const count = Array.isArray(containers) && containers.length > 0 ? containers.length : 1;
    let cpu = 0;
    let memoryGib = 0;
    for (let i = 0; i < count; i++) {
        cpu += limit(r, i, "cpu", inputs_1.parseCpu, b);
        memoryGib += limit(r, i, "memory", inputs_1.parseMemoryGib, b);
    }
    const cpuIdle = r.bool("template.containers.0.resources.cpuIdle");
    let billing;
    if (cpuIdle === inputs_1.NOT_KNOWN) {
        b.note("cpuIdle unknown: priced as request-based billing");
        billing = exports.RunBilling.request;
    }
    else if (cpuIdle === undefined) {
        billing = r.has("template.containers.0.resources") ? exports.RunBilling.instance : exports.RunBilling.request;
    }
    else
        billing = cpuIdle ? exports.RunBilling.request : exports.RunBilling.instance;
    const count0 = (path) => {
        const v = r.num(path);
        if (v === inputs_1.NOT_KNOWN)
            b.note(`${path} unknown: priced as 0`);
        return typeof v === "number" ? Math.max(0, v) : 0;
    };
    const manual = r.str("scaling.scalingMode") === "MANUAL";
    const alwaysOn = manual
        ? count0("scaling.manualInstanceCount")
        : Math.max(count0("template.scaling.minInstanceCount"), count0("scaling.minInstanceCount"));
    return { cpu, memoryGib, billing, alwaysOn };
}
function limit(r, i, key, parse, b) {
    const path = `template.containers.${i}.resources.limits.${key}`;
    const v = r.str(path);
    const fallback = parse(exports.CLOUD_RUN_DEFAULT_LIMITS[key]);
    if (v === inputs_1.NOT_KNOWN) {
        b.note(`${path} unknown: priced at the default ${exports.CLOUD_RUN_DEFAULT_LIMITS[key]}`);
        return fallback;
    }
    if (v === undefined)
        return fallback;
    const n = parse(v);
    if (n === undefined) {
        b.note(`${path} ${JSON.stringify(v)} not understood: priced at the default ${exports.CLOUD_RUN_DEFAULT_LIMITS[key]}`);
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
function estimateCloudRun(input) {
    const b = (0, types_1.bill)();
    const { prices } = (0, types_1.pricesFor)(input, "location", b);
    const run = prices.cloudRun;
    const shape = runShape(input.read, b);
    const size = `${(0, format_1.formatQty)(shape.cpu)} vCPU, ${(0, format_1.formatQty)(shape.memoryGib)} GiB`;
    b.note(`${shape.billing} billing, ${size} per instance`);
    const rates = shape.billing === exports.RunBilling.request
        ? { cpu: run.requestBased.idleVcpuSecond.usd, mem: run.requestBased.idleGibSecond.usd, what: "idle" }
        : { cpu: run.instanceBased.vcpuSecond.usd, mem: run.instanceBased.gibSecond.usd, what: "instance" };
    if (shape.alwaysOn > 0) {
        const seconds = shape.alwaysOn * prices_1.SECONDS_PER_MONTH;
        b.baseline(seconds * (shape.cpu * rates.cpu + shape.memoryGib * rates.mem), `${(0, format_1.formatQty)(shape.alwaysOn)} always-on instance(s) × 2,628,000 s × (${(0, format_1.formatQty)(shape.cpu)} × ${(0, format_1.formatRate)(rates.cpu)}/vCPU-s + ${(0, format_1.formatQty)(shape.memoryGib)} × ${(0, format_1.formatRate)(rates.mem)}/GiB-s ${rates.what})`);
    }
    const u = input.usage;
    const busy = (u.requestsPerMonth * u.meanRequestDurationMs) / 1000 / u.meanConcurrentRequests;
    if (u.requestsPerMonth > 0) {
        if (shape.billing === exports.RunBilling.request) {
            const vcpuS = input.free.take(types_1.FreeTierKey.runRequestVcpuSeconds, busy * shape.cpu);
            const gibS = input.free.take(types_1.FreeTierKey.runRequestGibSeconds, busy * shape.memoryGib);
            const requests = input.free.take(types_1.FreeTierKey.runRequests, u.requestsPerMonth);
            const rb = run.requestBased;
            b.usage(vcpuS * rb.vcpuSecond.usd + gibS * rb.gibSecond.usd, `${(0, format_1.formatQty)(u.requestsPerMonth)} requests × ${(0, format_1.formatQty)(u.meanRequestDurationMs)} ms / ${(0, format_1.formatQty)(u.meanConcurrentRequests)} concurrent: ${(0, format_1.formatQty)(vcpuS)} billable vCPU-s × ${(0, format_1.formatRate)(rb.vcpuSecond.usd)} + ${(0, format_1.formatQty)(gibS)} GiB-s × ${(0, format_1.formatRate)(rb.gibSecond.usd)}`);
            b.usage((requests / 1e6) * rb.millionRequests.usd, `${(0, format_1.formatQty)(requests)} billable requests × ${(0, format_1.formatRate)(rb.millionRequests.usd)}/million`);
        }
        else {
            const extra = Math.max(0, busy - shape.alwaysOn * prices_1.SECONDS_PER_MONTH);
            const vcpuS = input.free.take(types_1.FreeTierKey.runInstanceVcpuSeconds, extra * shape.cpu);
            const gibS = input.free.take(types_1.FreeTierKey.runInstanceGibSeconds, extra * shape.memoryGib);
            const ib = run.instanceBased;
            b.usage(vcpuS * ib.vcpuSecond.usd + gibS * ib.gibSecond.usd, `${(0, format_1.formatQty)(extra)} busy s beyond always-on instances: ${(0, format_1.formatQty)(vcpuS)} billable vCPU-s × ${(0, format_1.formatRate)(ib.vcpuSecond.usd)} + ${(0, format_1.formatQty)(gibS)} GiB-s × ${(0, format_1.formatRate)(ib.gibSecond.usd)}`);
        }
        if (u.meanResponseKiB > 0) {
            const gib = input.free.take(types_1.FreeTierKey.runEgressGib, (u.requestsPerMonth * u.meanResponseKiB) / 2 ** 20);
            b.usage(gib * run.egressGib.usd, `egress ${(0, format_1.formatQty)(gib)} billable GiB × ${(0, format_1.formatRate)(run.egressGib.usd)}/GiB`);
        }
    }
    return b.done();
}
//# sourceMappingURL=cloud-run.js.map