import { type Estimate, type EstimateInput } from "./types";
/**
 * Type token of a Cloud Run (v2) service.
 *
 * @example
 * ```ts
 * ESTIMATORS[CLOUD_RUN_SERVICE_TYPE] === estimateCloudRun; // true
 * ```
 */
export declare const CLOUD_RUN_SERVICE_TYPE = "gcp:cloudrunv2/service:Service";
/**
 * Cloud Run's per-container defaults when `resources.limits` leaves them out.
 *
 * @example
 * ```ts
 * parseCpu(CLOUD_RUN_DEFAULT_LIMITS.cpu); // 1
 * ```
 */
export declare const CLOUD_RUN_DEFAULT_LIMITS: {
    readonly cpu: "1";
    readonly memory: "512Mi";
};
/**
 * Cloud Run billing modes.
 *
 * @example
 * ```ts
 * runShape(read, notes).billing === RunBilling.request; // cpuIdle: true
 * ```
 */
export declare const RunBilling: {
    readonly request: "request-based";
    readonly instance: "instance-based";
};
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
export declare function runShape(r: EstimateInput["read"], b: {
    note(text: string): void;
}): RunShape;
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
export declare function estimateCloudRun(input: EstimateInput): Estimate;
