import type * as gcp from "@pulumi/gcp";
import type * as pulumi from "@pulumi/pulumi";
import type { PlatformContext } from "../shared/context";
import { PlatformError, show } from "../shared/errors";
import type { Transform } from "../shared/transform";

/** What a threshold rule compares against: money already spent, or the forecast for the period. */
export const SpendBasis = { CURRENT_SPEND: "CURRENT_SPEND", FORECASTED_SPEND: "FORECASTED_SPEND" } as const;
/** A spend basis. */
export type SpendBasis = (typeof SpendBasis)[keyof typeof SpendBasis];

/** How credits (free tier, committed-use, promotions) count against the budget. */
export const CreditTypesTreatment = {
  INCLUDE_ALL_CREDITS: "INCLUDE_ALL_CREDITS",
  EXCLUDE_ALL_CREDITS: "EXCLUDE_ALL_CREDITS",
} as const;
/** A credit treatment. */
export type CreditTypesTreatment = (typeof CreditTypesTreatment)[keyof typeof CreditTypesTreatment];

/**
 * Which platform label the budget filters on. Cloud Billing accepts exactly one label pair per
 * budget, so the choice is explicit: `env` separates stacks sharing a project (`dev`, `pr-123`),
 * `app` separates applications sharing one; `none` budgets the whole project.
 */
export const LabelFilter = { env: "env", app: "app", none: "none" } as const;
/** A label filter choice. */
export type LabelFilter = (typeof LabelFilter)[keyof typeof LabelFilter];

/** Cloud Billing's limit on `allUpdatesRule.monitoringNotificationChannels`. */
export const MAX_BUDGET_CHANNELS = 5;
/** Largest threshold fraction accepted (200 % of the amount). */
export const MAX_THRESHOLD = 2;
/** Largest amount accepted, in whole currency units (keeps units/nanos exact). */
export const MAX_AMOUNT = 1e12;
/** Cloud Billing's service account that publishes budget notifications to Pub/Sub. */
export const BILLING_PUBLISHER = "serviceAccount:billing-budget-alert@system.gserviceaccount.com";

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
   * Cloud KMS key that encrypts the topic (CMEK, Checkov CKV_GCP_83). The Pub/Sub service agent
   * needs encrypterDecrypter on it first (KmsKeyRing `serviceAgents: ["pubsub"]`, whose `keyIds`
   * resolve after the grant). @default none (Google-managed encryption)
   */
  readonly kmsKeyName?: pulumi.Input<string>;
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
export const DEFAULTS = {
  currency: "USD",
  thresholds: [0.5, 0.9, 1.0],
  forecastThresholds: [1.0],
  pubsubTopic: false,
  notifyBillingAdmins: true,
  labelFilter: LabelFilter.env,
  creditTypesTreatment: CreditTypesTreatment.INCLUDE_ALL_CREDITS,
  calendarPeriod: "MONTH",
} as const;

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
export function normalizeBudget(name: string, args: Omit<BudgetAlertArgs, "ctx" | "transform">): BudgetSpec {
  const problems: string[] = [];
  problems.push(...validateBillingAccount("billingAccount", args.billingAccount));
  const currency = args.currency ?? DEFAULTS.currency;
  if (!/^[A-Z]{3}$/.test(currency))
    problems.push(`currency must be an ISO 4217 code such as USD or EUR, got ${show(currency)}`);
  let amount: Money | "LAST_PERIOD" = "LAST_PERIOD";
  if (args.amount !== "LAST_PERIOD") {
    const amountProblems = validateAmount("amount", args.amount);
    problems.push(...amountProblems);
    if (amountProblems.length === 0) amount = toMoney(args.amount);
  }
  const thresholds = args.thresholds ?? DEFAULTS.thresholds;
  const forecast = args.forecastThresholds ?? DEFAULTS.forecastThresholds;
  problems.push(
    ...validateThresholds("thresholds", thresholds),
    ...validateThresholds("forecastThresholds", forecast),
  );
  if (thresholds.length + forecast.length === 0)
    problems.push("thresholds and forecastThresholds are both empty; a budget needs at least one rule");
  const emails = args.notifyEmails ?? [];
  problems.push(...validateEmails("notifyEmails", emails));
  const channelCount = emails.length + (args.notificationChannels?.length ?? 0);
  if (channelCount > MAX_BUDGET_CHANNELS) {
    problems.push(
      `notifyEmails + notificationChannels must be at most ${MAX_BUDGET_CHANNELS} (Cloud Billing's limit), got ${channelCount}`,
    );
  }
  const pubsubTopic = args.pubsubTopic ?? DEFAULTS.pubsubTopic;
  const notifyBillingAdmins = args.notifyBillingAdmins ?? DEFAULTS.notifyBillingAdmins;
  if (!notifyBillingAdmins && channelCount === 0 && !pubsubTopic) {
    problems.push(
      "notifyBillingAdmins=false needs notifyEmails, notificationChannels or pubsubTopic; otherwise nobody is notified",
    );
  }
  const labelFilter = args.labelFilter ?? DEFAULTS.labelFilter;
  if (!Object.values(LabelFilter).includes(labelFilter)) {
    problems.push(
      `labelFilter must be one of ${Object.values(LabelFilter).join(" | ")}, got ${show(labelFilter)}`,
    );
  }
  const credits = args.creditTypesTreatment ?? DEFAULTS.creditTypesTreatment;
  if (!Object.values(CreditTypesTreatment).includes(credits)) {
    problems.push(
      `creditTypesTreatment must be one of ${Object.values(CreditTypesTreatment).join(" | ")}, got ${show(credits)}`,
    );
  }
  if (problems.length > 0) throw new PlatformError(`BudgetAlert '${name}': ${problems.join("; ")}`);
  return {
    billingAccount: args.billingAccount,
    amount,
    currency,
    thresholdRules: thresholdRules(thresholds, forecast),
    notifyEmails: emails,
    pubsubTopic,
    notifyBillingAdmins,
    labelFilter,
    creditTypesTreatment: credits,
  };
}

/**
 * Billing account ids are three groups of six uppercase hex digits.
 *
 * @example
 * ```ts
 * validateBillingAccount("billingAccount", "01ABCD-23EF45-6789AB"); // []
 * ```
 */
export function validateBillingAccount(field: string, value: unknown): string[] {
  return typeof value === "string" && /^[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}$/.test(value)
    ? []
    : [`${field} must look like XXXXXX-XXXXXX-XXXXXX (uppercase hex), got ${show(value)}`];
}

/**
 * A budget amount is a finite number > 0 and ≤ 10¹².
 *
 * @example
 * ```ts
 * validateAmount("amount", 0); // ["amount must be > 0 and ≤ 1000000000000, got 0"]
 * ```
 */
export function validateAmount(field: string, value: unknown): string[] {
  return typeof value === "number" && Number.isFinite(value) && value > 0 && value <= MAX_AMOUNT
    ? []
    : [`${field} must be > 0 and ≤ ${MAX_AMOUNT}, got ${show(value)}`];
}

/**
 * Thresholds are fractions of the amount in (0, 2], strictly ascending (sorted, no duplicates).
 *
 * @example
 * ```ts
 * validateThresholds("thresholds", [0.9, 0.5]); // ["thresholds must be ascending without duplicates, got [0.9,0.5]"]
 * ```
 */
export function validateThresholds(field: string, values: readonly unknown[]): string[] {
  const out: string[] = [];
  values.forEach((v, i) => {
    if (typeof v !== "number" || !Number.isFinite(v) || v <= 0 || v > MAX_THRESHOLD) {
      out.push(`${field}[${i}] must be a fraction > 0 and ≤ ${MAX_THRESHOLD} (0.9 = 90 %), got ${show(v)}`);
    }
  });
  if (out.length === 0 && values.some((v, i) => i > 0 && (v as number) <= (values[i - 1] as number))) {
    out.push(`${field} must be ascending without duplicates, got ${show(values)}`);
  }
  return out;
}

/**
 * Email addresses for notification channels.
 *
 * @example
 * ```ts
 * validateEmails("notifyEmails", ["ops"]); // ["notifyEmails[0] must be an email address, got \"ops\""]
 * ```
 */
export function validateEmails(field: string, values: readonly unknown[]): string[] {
  const out: string[] = [];
  values.forEach((v, i) => {
    if (typeof v !== "string" || !EMAIL.test(v))
      out.push(`${field}[${i}] must be an email address, got ${show(v)}`);
  });
  const dupes = values.filter((v, i) => values.indexOf(v) !== i);
  if (dupes.length > 0) out.push(`${field} must not repeat an address, got ${show(dupes[0])} twice`);
  return out;
}

/** A pragmatic email shape: one `@`, no spaces, a dotted domain. */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Converts an amount into units + nanos exactly (decimal, not binary, rounding to 9 places).
 *
 * @example
 * ```ts
 * toMoney(1234.56); // { units: "1234", nanos: 560000000 }
 * toMoney(0.1);     // { units: "0", nanos: 100000000 }
 * ```
 */
export function toMoney(amount: number): Money {
  const problems = validateAmount("amount", amount);
  if (problems.length > 0) throw new PlatformError(problems[0]);
  const [whole, frac = ""] = amount.toFixed(9).split(".");
  return { units: String(BigInt(whole!)), nanos: Number(frac.padEnd(9, "0")) };
}

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
export function thresholdRules(actual: readonly number[], forecast: readonly number[]): ThresholdRule[] {
  return [
    ...actual.map((t) => ({ thresholdPercent: t, spendBasis: SpendBasis.CURRENT_SPEND })),
    ...forecast.map((t) => ({ thresholdPercent: t, spendBasis: SpendBasis.FORECASTED_SPEND })),
  ];
}
