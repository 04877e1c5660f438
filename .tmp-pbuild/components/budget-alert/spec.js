"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EMAIL = exports.DEFAULTS = exports.BILLING_PUBLISHER = exports.MAX_AMOUNT = exports.MAX_THRESHOLD = exports.MAX_BUDGET_CHANNELS = exports.LabelFilter = exports.CreditTypesTreatment = exports.SpendBasis = void 0;
exports.normalizeBudget = normalizeBudget;
exports.validateBillingAccount = validateBillingAccount;
exports.validateAmount = validateAmount;
exports.validateThresholds = validateThresholds;
exports.validateEmails = validateEmails;
exports.toMoney = toMoney;
exports.thresholdRules = thresholdRules;
const errors_1 = require("../shared/errors");
/** What a threshold rule compares against: money already spent, or the forecast for the period. */
exports.SpendBasis = { CURRENT_SPEND: "CURRENT_SPEND", FORECASTED_SPEND: "FORECASTED_SPEND" };
/** How credits (free tier, committed-use, promotions) count against the budget. */
exports.CreditTypesTreatment = {
    INCLUDE_ALL_CREDITS: "INCLUDE_ALL_CREDITS",
    EXCLUDE_ALL_CREDITS: "EXCLUDE_ALL_CREDITS",
};
/**
 * Which platform label the budget filters on. Cloud Billing accepts exactly one label pair per
 * budget, so the choice is explicit: `env` separates stacks sharing a project (`dev`, `pr-123`),
 * `app` separates applications sharing one; `none` budgets the whole project.
 */
exports.LabelFilter = { env: "env", app: "app", none: "none" };
/** Cloud Billing's limit on `allUpdatesRule.monitoringNotificationChannels`. */
exports.MAX_BUDGET_CHANNELS = 5;
/** Largest threshold fraction accepted (200 % of the amount). */
exports.MAX_THRESHOLD = 2;
/** Largest amount accepted, in whole currency units (keeps units/nanos exact). */
exports.MAX_AMOUNT = 1e12;
/** Cloud Billing's service account that publishes budget notifications to Pub/Sub. */
exports.BILLING_PUBLISHER = "serviceAccount:billing-budget-alert@system.gserviceaccount.com";
/** Defaults of {@link BudgetAlertArgs}. */
exports.DEFAULTS = {
    currency: "USD",
    thresholds: [0.5, 0.9, 1.0],
    forecastThresholds: [1.0],
    pubsubTopic: false,
    notifyBillingAdmins: true,
    labelFilter: exports.LabelFilter.env,
    creditTypesTreatment: exports.CreditTypesTreatment.INCLUDE_ALL_CREDITS,
    calendarPeriod: "MONTH",
};
/**
 * Applies defaults and validates; throws one {@link PlatformError} listing every problem.
 *
 * @example
 * ```ts
 * normalizeBudget("budget", { ctx, billingAccount: "nope", amount: 0 });
 * // PlatformError: BudgetAlert 'budget': billingAccount must look like XXXXXX-XXXXXX-XXXXXX (uppercase hex), got "nope"; amount must be > 0 …
 * ```
 */
function normalizeBudget(name, args) {
    const problems = [];
    problems.push(...validateBillingAccount("billingAccount", args.billingAccount));
    const currency = args.currency ?? exports.DEFAULTS.currency;
    if (!/^[A-Z]{3}$/.test(currency))
        problems.push(`currency must be an ISO 4217 code such as USD or EUR, got ${(0, errors_1.show)(currency)}`);
    let amount = "LAST_PERIOD";
    if (args.amount !== "LAST_PERIOD") {
        const amountProblems = validateAmount("amount", args.amount);
        problems.push(...amountProblems);
        if (amountProblems.length === 0)
            amount = toMoney(args.amount);
    }
    const thresholds = args.thresholds ?? exports.DEFAULTS.thresholds;
    const forecast = args.forecastThresholds ?? exports.DEFAULTS.forecastThresholds;
    problems.push(...validateThresholds("thresholds", thresholds), ...validateThresholds("forecastThresholds", forecast));
    if (thresholds.length + forecast.length === 0)
        problems.push("thresholds and forecastThresholds are both empty; a budget needs at least one rule");
    const emails = args.notifyEmails ?? [];
    problems.push(...validateEmails("notifyEmails", emails));
    const channelCount = emails.length + (args.notificationChannels?.length ?? 0);
    if (channelCount > exports.MAX_BUDGET_CHANNELS) {
        problems.push(`notifyEmails + notificationChannels must be at most ${exports.MAX_BUDGET_CHANNELS} (Cloud Billing's limit), got ${channelCount}`);
    }
    const pubsubTopic = args.pubsubTopic ?? exports.DEFAULTS.pubsubTopic;
    const notifyBillingAdmins = args.notifyBillingAdmins ?? exports.DEFAULTS.notifyBillingAdmins;
    if (!notifyBillingAdmins && channelCount === 0 && !pubsubTopic) {
        problems.push("notifyBillingAdmins=false needs notifyEmails, notificationChannels or pubsubTopic; otherwise nobody is notified");
    }
    const labelFilter = args.labelFilter ?? exports.DEFAULTS.labelFilter;
    if (!Object.values(exports.LabelFilter).includes(labelFilter)) {
        problems.push(`labelFilter must be one of ${Object.values(exports.LabelFilter).join(" | ")}, got ${(0, errors_1.show)(labelFilter)}`);
    }
    const credits = args.creditTypesTreatment ?? exports.DEFAULTS.creditTypesTreatment;
    if (!Object.values(exports.CreditTypesTreatment).includes(credits)) {
        problems.push(`creditTypesTreatment must be one of ${Object.values(exports.CreditTypesTreatment).join(" | ")}, got ${(0, errors_1.show)(credits)}`);
    }
    if (problems.length > 0)
        throw new errors_1.PlatformError(`BudgetAlert '${name}': ${problems.join("; ")}`);
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
function validateBillingAccount(field, value) {
    return typeof value === "string" && /^[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}$/.test(value)
        ? []
        : [`${field} must look like XXXXXX-XXXXXX-XXXXXX (uppercase hex), got ${(0, errors_1.show)(value)}`];
}
/**
 * A budget amount is a finite number > 0 and ≤ 10¹².
 *
 * @example
 * ```ts
 * validateAmount("amount", 0); // ["amount must be > 0 and ≤ 1000000000000, got 0"]
 * ```
 */
function validateAmount(field, value) {
    return typeof value === "number" && Number.isFinite(value) && value > 0 && value <= exports.MAX_AMOUNT
        ? []
        : [`${field} must be > 0 and ≤ ${exports.MAX_AMOUNT}, got ${(0, errors_1.show)(value)}`];
}
/**
 * Thresholds are fractions of the amount in (0, 2], strictly ascending (sorted, no duplicates).
 *
 * @example
 * ```ts
 * validateThresholds("thresholds", [0.9, 0.5]); // ["thresholds must be ascending without duplicates, got [0.9,0.5]"]
 * ```
 */
function validateThresholds(field, values) {
    const out = [];
    values.forEach((v, i) => {
        if (typeof v !== "number" || !Number.isFinite(v) || v <= 0 || v > exports.MAX_THRESHOLD) {
            out.push(`${field}[${i}] must be a fraction > 0 and ≤ ${exports.MAX_THRESHOLD} (0.9 = 90 %), got ${(0, errors_1.show)(v)}`);
        }
    });
    if (out.length === 0 && values.some((v, i) => i > 0 && v <= values[i - 1])) {
        out.push(`${field} must be ascending without duplicates, got ${(0, errors_1.show)(values)}`);
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
function validateEmails(field, values) {
    const out = [];
    values.forEach((v, i) => {
        if (typeof v !== "string" || !exports.EMAIL.test(v))
            out.push(`${field}[${i}] must be an email address, got ${(0, errors_1.show)(v)}`);
    });
    const dupes = values.filter((v, i) => values.indexOf(v) !== i);
    if (dupes.length > 0)
        out.push(`${field} must not repeat an address, got ${(0, errors_1.show)(dupes[0])} twice`);
    return out;
}
/** A pragmatic email shape: one `@`, no spaces, a dotted domain. */
exports.EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/**
 * Converts an amount into units + nanos exactly (decimal, not binary, rounding to 9 places).
 *
 * @example
 * ```ts
 * toMoney(1234.56); // { units: "1234", nanos: 560000000 }
 * toMoney(0.1);     // { units: "0", nanos: 100000000 }
 * ```
 */
function toMoney(amount) {
    const problems = validateAmount("amount", amount);
    if (problems.length > 0)
        throw new errors_1.PlatformError(problems[0]);
    const [whole, frac = ""] = amount.toFixed(9).split(".");
    return { units: String(BigInt(whole)), nanos: Number(frac.padEnd(9, "0")) };
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
function thresholdRules(actual, forecast) {
    return [
        ...actual.map((t) => ({ thresholdPercent: t, spendBasis: exports.SpendBasis.CURRENT_SPEND })),
        ...forecast.map((t) => ({ thresholdPercent: t, spendBasis: exports.SpendBasis.FORECASTED_SPEND })),
    ];
}
//# sourceMappingURL=spec.js.map