"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.observabilitySchema = void 0;
exports.resolveObservability = resolveObservability;
exports.observabilityInvariants = observabilityInvariants;
const zod_1 = require("zod");
const spec_1 = require("../../components/observability-stack/spec");
const budget_1 = require("./budget");
const fields_1 = require("./fields");
/** A number strictly between 0 and 1 (a ratio that can be neither "never" nor "always"). */
function openFraction() {
    const msg = (i) => `must be a number > 0 and < 1 (0.02 = 2 %), got ${(0, fields_1.got)(i.input)}`;
    return zod_1.z.number({ error: msg }).gt(0, { error: msg }).lt(1, { error: msg });
}
/**
 * `platform:observability`: alert recipients, SLO targets, dashboards and the CIS audit alerts.
 *
 * @example
 * ```yaml
 * platform:observability:
 *   notifyEmails: [oncall@acme.com]
 *   latencyP95Ms: 500
 *   availabilityTarget: 0.999
 *   errorRateThreshold: 0.01
 *   dashboards: true
 *   auditAlerts: true
 * ```
 */
exports.observabilitySchema = (0, fields_1.section)({
    /** Alert recipients (one email notification channel each). @default [] (prod refuses none) */
    notifyEmails: (0, budget_1.emailList)(),
    /** p95 latency target in ms: alert threshold and latency-SLO threshold, 1–60000. @default 1000 */
    latencyP95Ms: (0, fields_1.intRange)(1, 60_000),
    /** Availability SLO goal, 0.9–0.99999. @default 0.99 (dev), 0.995 (staging), 0.999 (prod) */
    availabilityTarget: (0, fields_1.numRange)(0.9, 0.99999),
    /** 5xx ratio that alerts, in (0, 1). @default 0.05 (dev), 0.02 (staging), 0.01 (prod) */
    errorRateThreshold: openFraction(),
    /** Create the dashboard. @default true */
    dashboards: (0, fields_1.bool)(),
    /** CIS 2.4/2.5/2.6/2.11 log-metric alerts and Data Access audit logs for KMS and Cloud SQL. @default false (dev), true (staging, prod; prod refuses false) */
    auditAlerts: (0, fields_1.bool)(),
}).partial();
const BY_PROFILE = {
    dev: { availabilityTarget: 0.99, errorRateThreshold: 0.05, auditAlerts: false },
    staging: { availabilityTarget: 0.995, errorRateThreshold: 0.02, auditAlerts: true },
    prod: { availabilityTarget: 0.999, errorRateThreshold: 0.01, auditAlerts: true },
};
/** Applies the profile's defaults. */
function resolveObservability(raw, profile) {
    const d = BY_PROFILE[profile];
    return {
        notifyEmails: raw?.notifyEmails ?? [],
        latencyP95Ms: raw?.latencyP95Ms ?? spec_1.DEFAULTS.targets.latencyP95Ms,
        availabilityTarget: raw?.availabilityTarget ?? d.availabilityTarget,
        errorRateThreshold: raw?.errorRateThreshold ?? d.errorRateThreshold,
        dashboards: raw?.dashboards ?? spec_1.DEFAULTS.dashboard,
        auditAlerts: raw?.auditAlerts ?? d.auditAlerts,
    };
}
/** Prod invariants: refused values, with the config path. */
function observabilityInvariants(c, profile) {
    if (profile !== "prod")
        return [];
    const out = [];
    const at = "platform:observability";
    if (c.notifyEmails.length === 0) {
        out.push({
            path: `${at}.notifyEmails`,
            message: "prod requires at least one alert recipient (an email address), got none",
        });
    }
    if (!c.auditAlerts) {
        out.push({
            path: `${at}.auditAlerts`,
            message: "prod requires true (CIS 2.4/2.5/2.6/2.11 alerts and Data Access audit logs), got false",
        });
    }
    return out;
}
//# sourceMappingURL=observability.js.map