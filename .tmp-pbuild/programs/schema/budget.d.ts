import { z } from "zod";
import type { Profile } from "../../components/shared/profiles";
/** A list of email addresses; each one must look like `name@domain.tld`, and none may repeat. */
export declare function emailList(max?: number): z.ZodArray<z.ZodString>;
/** Fractions of the budget amount: each > 0 and ≤ 2, strictly ascending. */
export declare function thresholdList(): z.ZodArray<z.ZodNumber>;
/**
 * `platform:budget`: the environment's monthly Cloud Billing budget. Leaving it out (no
 * `billingAccount`) creates no budget.
 *
 * @example
 * ```yaml
 * platform:budget:
 *   billingAccount: 01ABCD-23EF45-6789AB
 *   amount: 250
 *   currency: EUR
 *   thresholds: [0.5, 0.9, 1.0]
 *   forecastThresholds: [1.0]
 *   notifyEmails: [finops@acme.com]
 *   pubsubTopic: true
 * ```
 */
export declare const budgetSchema: z.ZodObject<{
    billingAccount: z.ZodOptional<z.ZodString>;
    amount: z.ZodOptional<z.ZodNumber>;
    currency: z.ZodOptional<z.ZodString>;
    thresholds: z.ZodOptional<z.ZodArray<z.ZodNumber>>;
    forecastThresholds: z.ZodOptional<z.ZodArray<z.ZodNumber>>;
    notifyEmails: z.ZodOptional<z.ZodArray<z.ZodString>>;
    pubsubTopic: z.ZodOptional<z.ZodBoolean>;
}, z.core.$strict>;
/** Resolved `platform:budget`. */
export interface BudgetConfig {
    /** False when no billing account is configured: no budget is created. */
    readonly enabled: boolean;
    readonly billingAccount?: string;
    /** Undefined only where the profile has no default and none was given (refused by the invariants when enabled). */
    readonly amount?: number;
    readonly currency: string;
    readonly thresholds: readonly number[];
    readonly forecastThresholds: readonly number[];
    readonly notifyEmails: readonly string[];
    readonly pubsubTopic: boolean;
}
/** Applies the profile's defaults. */
export declare function resolveBudget(raw: z.infer<typeof budgetSchema> | undefined, profile: Profile): BudgetConfig;
/** Profile invariants on an enabled budget: refused values, with the config path. */
export declare function budgetInvariants(c: BudgetConfig, profile: Profile): {
    path: string;
    message: string;
}[];
