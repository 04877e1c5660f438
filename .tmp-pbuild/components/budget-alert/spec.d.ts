import type * as gcp from "@pulumi/gcp";
import type * as pulumi from "@pulumi/pulumi";
import type { PlatformContext } from "../shared/context";
import type { Transform } from "../shared/transform";
/** What a threshold rule compares against: money already spent, or the forecast for the period. */
export declare const SpendBasis: {
    readonly CURRENT_SPEND: "CURRENT_SPEND";
    readonly FORECASTED_SPEND: "FORECASTED_SPEND";
};
/** A spend basis. */
export type SpendBasis = (typeof SpendBasis)[keyof typeof SpendBasis];
/** How credits (free tier, committed-use, promotions) count against the budget. */
export declare const CreditTypesTreatment: {
    readonly INCLUDE_ALL_CREDITS: "INCLUDE_ALL_CREDITS";
    readonly EXCLUDE_ALL_CREDITS: "EXCLUDE_ALL_CREDITS";
};
/** A credit treatment. */
export type CreditTypesTreatment = (typeof CreditTypesTreatment)[keyof typeof CreditTypesTreatment];
/**
 * Which platform label the budget filters on. Cloud Billing accepts exactly one label pair per
 * budget, so the choice is explicit: `env` separates stacks sharing a project (`dev`, `pr-123`),
 * `app` separates applications sharing one; `none` budgets the whole project.
 */
export declare const LabelFilter: {
    readonly env: "env";
    readonly app: "app";
    readonly none: "none";
};
/** A label filter choice. */
export type LabelFilter = (typeof LabelFilter)[keyof typeof LabelFilter];
/** Cloud Billing's limit on `allUpdatesRule.monitoringNotificationChannels`. */
export declare const MAX_BUDGET_CHANNELS = 5;
/** Largest threshold fraction accepted (200 % of the amount). */
export declare const MAX_THRESHOLD = 2;
/** Largest amount accepted, in whole currency units (keeps units/nanos exact). */
export declare const MAX_AMOUNT = 1000000000000;
/** Cloud Billing's service account that publishes budget notifications to Pub/Sub. */
export declare const BILLING_PUBLISHER = "serviceAccount:billing-budget-alert@system.gserviceaccount.com";
/**
 * Arguments of {@link BudgetAlert}.
 *
 * @example
 * ```ts
 * const args: BudgetAlertArgs = { ctx, billingAccount: "01ABCD-23EF45-6789AB", amount: 250, notifyEmails: ["ops@acme.com"], pubsubTopic: true };
 * ```
 */
export interface BudgetAlertArgs {
    readonly ctx: PlatformContext;
    /** Billing account id, `XXXXXX-XXXXXX-XXXXXX` (uppercase hex). */
    readonly billingAccount: string;
    /**
     * Monthly amount in `currency` (exact to 9 decimals), or `"LAST_PERIOD"` to track last month's spend.
     * @example 250.5
     */
    readonly amount: number | "LAST_PERIOD";
    /** ISO 4217 code; must match the billing account's currency. @default "USD" */
    readonly currency?: string;
    /** Fractions of the amount that alert on actual spend, each in (0, 2], ascending, unique. @default [0.5, 0.9, 1.0] */
    readonly thresholds?: readonly number[];
    /** Fractions of the amount that alert on forecasted spend, same rule. @default [1.0] */
    readonly forecastThresholds?: readonly number[];
    /** Email addresses; one email notification channel is created for each. @default [] */
    readonly notifyEmails?: readonly string[];
    /** Existing notification channel names (`projects/…/notificationChannels/…`) to add. @default [] */
    readonly notificationChannels?: readonly pulumi.Input<string>[];
    /** Create a Pub/Sub topic that receives every budget update (for automated actions). @default false */
    readonly pubsubTopic?: boolean;
    /**
     * Keep Cloud Billing's default recipients (billing account administrators and users) on threshold
     * emails. On by default so an alert is never silently lost; turn off once the channels above are
     * the people who should act. Refused when off with no channel and no topic (nobody would hear).
     * @default true
     */
    readonly notifyBillingAdmins?: boolean;
    /** Which platform label narrows the budget, besides the project. @default "env" */
    readonly labelFilter?: LabelFilter;
    /** @default "INCLUDE_ALL_CREDITS" (alerts on what you will actually pay) */
    readonly creditTypesTreatment?: CreditTypesTreatment;
    readonly transform?: {
        budget?: Transform<gcp.billing.BudgetArgs>;
        notificationChannel?: Transform<gcp.monitoring.NotificationChannelArgs>;
        topic?: Transform<gcp.pubsub.TopicArgs>;
        topicIamMember?: Transform<gcp.pubsub.TopicIAMMemberArgs>;
    };
}
/** Defaults of {@link BudgetAlertArgs}. */
export declare const DEFAULTS: {
    readonly currency: "USD";
    readonly thresholds: readonly [0.5, 0.9, 1];
    readonly forecastThresholds: readonly [1];
    readonly pubsubTopic: false;
    readonly notifyBillingAdmins: true;
    readonly labelFilter: "env";
    readonly creditTypesTreatment: "INCLUDE_ALL_CREDITS";
    readonly calendarPeriod: "MONTH";
};
/** A money amount as Cloud Billing wants it: whole units as a string plus nanos (10⁻⁹). */
export interface Money {
    readonly units: string;
    readonly nanos: number;
}
/** One threshold rule of the budget. */
export interface ThresholdRule {
    readonly thresholdPercent: number;
    readonly spendBasis: SpendBasis;
}
/** {@link BudgetAlertArgs} with defaults applied and every rule checked. */
export interface BudgetSpec {
    readonly billingAccount: string;
    readonly amount: Money | "LAST_PERIOD";
    readonly currency: string;
    readonly thresholdRules: readonly ThresholdRule[];
    readonly notifyEmails: readonly string[];
    readonly pubsubTopic: boolean;
    readonly notifyBillingAdmins: boolean;
    readonly labelFilter: LabelFilter;
    readonly creditTypesTreatment: CreditTypesTreatment;
}
/**
 * Applies defaults and validates; throws one {@link PlatformError} listing every problem.
 *
 * @example
 * ```ts
 * normalizeBudget("budget", { ctx, billingAccount: "nope", amount: 0 });
 * // PlatformError: BudgetAlert 'budget': billingAccount must look like XXXXXX-XXXXXX-XXXXXX (uppercase hex), got "nope"; amount must be > 0 …
 * ```
 */
export declare function normalizeBudget(name: string, args: Omit<BudgetAlertArgs, "ctx" | "transform">): BudgetSpec;
/**
 * Billing account ids are three groups of six uppercase hex digits.
 *
 * @example
 * ```ts
 * validateBillingAccount("billingAccount", "01ABCD-23EF45-6789AB"); // []
 * ```
 */
export declare function validateBillingAccount(field: string, value: unknown): string[];
/**
 * A budget amount is a finite number > 0 and ≤ 10¹².
 *
 * @example
 * ```ts
 * validateAmount("amount", 0); // ["amount must be > 0 and ≤ 1000000000000, got 0"]
 * ```
 */
export declare function validateAmount(field: string, value: unknown): string[];
/**
 * Thresholds are fractions of the amount in (0, 2], strictly ascending (sorted, no duplicates).
 *
 * @example
 * ```ts
 * validateThresholds("thresholds", [0.9, 0.5]); // ["thresholds must be ascending without duplicates, got [0.9,0.5]"]
 * ```
 */
export declare function validateThresholds(field: string, values: readonly unknown[]): string[];
/**
 * Email addresses for notification channels.
 *
 * @example
 * ```ts
 * validateEmails("notifyEmails", ["ops"]); // ["notifyEmails[0] must be an email address, got \"ops\""]
 * ```
 */
export declare function validateEmails(field: string, values: readonly unknown[]): string[];
/** A pragmatic email shape: one `@`, no spaces, a dotted domain. */
export declare const EMAIL: RegExp;
/**
 * Converts an amount into units + nanos exactly (decimal, not binary, rounding to 9 places).
 *
 * @example
 * ```ts
 * toMoney(1234.56); // { units: "1234", nanos: 560000000 }
 * toMoney(0.1);     // { units: "0", nanos: 100000000 }
 * ```
 */
export declare function toMoney(amount: number): Money;
/**
 * The budget's threshold rules: one `CURRENT_SPEND` rule per actual threshold, then one
 * `FORECASTED_SPEND` rule per forecast threshold.
 *
 * @example
 * ```ts
 * thresholdRules([0.5, 1], [1]);
 * // [{ thresholdPercent: 0.5, spendBasis: "CURRENT_SPEND" }, { thresholdPercent: 1, spendBasis: "CURRENT_SPEND" },
 * //  { thresholdPercent: 1, spendBasis: "FORECASTED_SPEND" }]
 * ```
 */
export declare function thresholdRules(actual: readonly number[], forecast: readonly number[]): ThresholdRule[];
