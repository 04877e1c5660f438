import { z } from "zod";
import { DEFAULTS as OBS_DEFAULTS } from "../../components/observability-stack/spec";
import type { Profile } from "../../components/shared/profiles";
import { emailList } from "./budget";
import { awsObservabilitySchema } from "./aws";
import { bool, got, intRange, numRange, section } from "./fields";

/** A number strictly between 0 and 1 (a ratio that can be neither "never" nor "always"). */
function openFraction() {
  const msg = (i: { input?: unknown }) => `must be a number > 0 and < 1 (0.02 = 2 %), got ${got(i.input)}`;
  return z.number({ error: msg }).gt(0, { error: msg }).lt(1, { error: msg });
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
export const observabilitySchema = section({
  /** Alert recipients (one email notification channel each). @default [] (prod refuses none) */
  notifyEmails: emailList(),
  /** p95 latency target in ms: alert threshold and latency-SLO threshold, 1–60000. @default 1000 */
  latencyP95Ms: intRange(1, 60_000),
  /** Availability SLO goal, 0.9–0.99999. @default 0.99 (dev), 0.995 (staging), 0.999 (prod) */
  availabilityTarget: numRange(0.9, 0.99999),
  /** 5xx ratio that alerts, in (0, 1). @default 0.05 (dev), 0.02 (staging), 0.01 (prod) */
  errorRateThreshold: openFraction(),
  /** Create the dashboard. @default true */
  dashboards: bool(),
  /** CIS 2.4/2.5/2.6/2.11 log-metric alerts and Data Access audit logs for every service (CIS 2.1). @default true (prod refuses false) */
  auditAlerts: bool(),
  /** CloudWatch / CloudTrail settings (cloud aws only). */
  aws: awsObservabilitySchema,
}).partial();

/** Resolved `platform:observability`. */
export interface ObservabilityConfig {
  readonly notifyEmails: readonly string[];
  readonly latencyP95Ms: number;
  readonly availabilityTarget: number;
  readonly errorRateThreshold: number;
  readonly dashboards: boolean;
  readonly auditAlerts: boolean;
}

const BY_PROFILE = {
  dev: { availabilityTarget: 0.99, errorRateThreshold: 0.05, auditAlerts: true },
  staging: { availabilityTarget: 0.995, errorRateThreshold: 0.02, auditAlerts: true },
  prod: { availabilityTarget: 0.999, errorRateThreshold: 0.01, auditAlerts: true },
} as const satisfies Record<Profile, unknown>;

/** Applies the profile's defaults. */
export function resolveObservability(
  raw: z.infer<typeof observabilitySchema> | undefined,
  profile: Profile,
): ObservabilityConfig {
  const d = BY_PROFILE[profile];
  return {
    notifyEmails: raw?.notifyEmails ?? [],
    latencyP95Ms: raw?.latencyP95Ms ?? OBS_DEFAULTS.targets.latencyP95Ms,
    availabilityTarget: raw?.availabilityTarget ?? d.availabilityTarget,
    errorRateThreshold: raw?.errorRateThreshold ?? d.errorRateThreshold,
    dashboards: raw?.dashboards ?? OBS_DEFAULTS.dashboard,
    auditAlerts: raw?.auditAlerts ?? d.auditAlerts,
  };
}

/** Prod invariants: refused values, with the config path. */
export function observabilityInvariants(
  c: ObservabilityConfig,
  profile: Profile,
): { path: string; message: string }[] {
  if (profile !== "prod") return [];
  const out: { path: string; message: string }[] = [];
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
