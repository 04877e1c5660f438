import { z } from "zod";
import type { Profile } from "../../components/shared/profiles";
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
export declare const observabilitySchema: z.ZodObject<{
    notifyEmails: z.ZodOptional<z.ZodArray<z.ZodString>>;
    latencyP95Ms: z.ZodOptional<z.ZodNumber>;
    availabilityTarget: z.ZodOptional<z.ZodNumber>;
    errorRateThreshold: z.ZodOptional<z.ZodNumber>;
    dashboards: z.ZodOptional<z.ZodBoolean>;
    auditAlerts: z.ZodOptional<z.ZodBoolean>;
}, z.core.$strict>;
/** Resolved `platform:observability`. */
export interface ObservabilityConfig {
    readonly notifyEmails: readonly string[];
    readonly latencyP95Ms: number;
    readonly availabilityTarget: number;
    readonly errorRateThreshold: number;
    readonly dashboards: boolean;
    readonly auditAlerts: boolean;
}
/** Applies the profile's defaults. */
export declare function resolveObservability(raw: z.infer<typeof observabilitySchema> | undefined, profile: Profile): ObservabilityConfig;
/** Prod invariants: refused values, with the config path. */
export declare function observabilityInvariants(c: ObservabilityConfig, profile: Profile): {
    path: string;
    message: string;
}[];
