"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.budgetSchema = void 0;
exports.emailList = emailList;
exports.thresholdList = thresholdList;
exports.resolveBudget = resolveBudget;
exports.budgetInvariants = budgetInvariants;
const zod_1 = require("zod");
const spec_1 = require("../../components/budget-alert/spec");
const fields_1 = require("./fields");
/** A list of email addresses; each one must look like `name@domain.tld`, and none may repeat. */
function emailList(max) {
    const base = zod_1.z.array((0, fields_1.pattern)(spec_1.EMAIL, "an email address such as ops@acme.com"), {
        error: (i) => `must be a list of email addresses, got ${(0, fields_1.got)(i.input)}`,
    });
    return (max === undefined
        ? base
        : base.max(max, { error: (i) => `must list at most ${max} addresses, got ${(0, fields_1.got)(i.input)}` })).superRefine((list, ctx) => {
        list.forEach((e, i) => {
            if (list.indexOf(e) !== i)
                ctx.addIssue({
                    code: "custom",
                    path: [i],
                    message: `must not repeat an address, got ${(0, fields_1.got)(e)} twice`,
                });
        });
    });
}
/** Fractions of the budget amount: each > 0 and ≤ 2, strictly ascending. */
function thresholdList() {
    const each = zod_1.z
        .number({ error: (i) => `must be a fraction > 0 and ≤ 2 (0.9 = 90 %), got ${(0, fields_1.got)(i.input)}` })
        .gt(0, { error: (i) => `must be a fraction > 0 and ≤ 2 (0.9 = 90 %), got ${(0, fields_1.got)(i.input)}` })
        .max(2, { error: (i) => `must be a fraction > 0 and ≤ 2 (0.9 = 90 %), got ${(0, fields_1.got)(i.input)}` });
    return zod_1.z
        .array(each, { error: (i) => `must be a list of fractions such as [0.5, 0.9, 1.0], got ${(0, fields_1.got)(i.input)}` })
        .superRefine((list, ctx) => {
        if (list.some((v, i) => i > 0 && v <= list[i - 1])) {
            ctx.addIssue({
                code: "custom",
                message: `must be sorted ascending without duplicates, got ${(0, fields_1.got)(list)}`,
            });
        }
    });
}
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
exports.budgetSchema = (0, fields_1.section)({
    /** Billing account id, `XXXXXX-XXXXXX-XXXXXX`. Required when any other field is set. */
    billingAccount: (0, fields_1.pattern)(/^[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}$/, "a billing account id XXXXXX-XXXXXX-XXXXXX (uppercase hex)"),
    /** Monthly amount in `currency`, > 0. @default 20 (dev); required in staging and prod */
    amount: zod_1.z
        .number({ error: (i) => `must be an amount > 0, got ${(0, fields_1.got)(i.input)}` })
        .gt(0, { error: (i) => `must be an amount > 0, got ${(0, fields_1.got)(i.input)}` })
        .max(spec_1.MAX_AMOUNT, { error: (i) => `must be an amount ≤ ${spec_1.MAX_AMOUNT}, got ${(0, fields_1.got)(i.input)}` }),
    /** ISO 4217 code of the billing account's currency. @default USD */
    currency: (0, fields_1.pattern)(/^[A-Z]{3}$/, "an ISO 4217 currency code such as USD or EUR"),
    /** Alerts on actual spend, fractions of amount. @default [0.5, 0.9, 1.0] */
    thresholds: thresholdList(),
    /** Alerts on forecasted spend, fractions of amount. @default [1.0] */
    forecastThresholds: thresholdList(),
    /** Email recipients (one notification channel each, at most 5). @default [] (prod refuses no emails and no topic) */
    notifyEmails: emailList(spec_1.MAX_BUDGET_CHANNELS),
    /** Create a Pub/Sub topic for programmatic notifications. @default false */
    pubsubTopic: (0, fields_1.bool)(),
})
    .partial()
    .superRefine((b, ctx) => {
    if (b.billingAccount === undefined && Object.keys(b).length > 0) {
        ctx.addIssue({
            code: "custom",
            path: ["billingAccount"],
            message: "is required when platform:budget is set (a billing account id XXXXXX-XXXXXX-XXXXXX)",
        });
    }
});
/** Default amount per profile; staging and prod budgets are a business decision and must be written down. */
const AMOUNT_BY_PROFILE = {
    dev: 20,
    staging: undefined,
    prod: undefined,
};
/** Applies the profile's defaults. */
function resolveBudget(raw, profile) {
    const amount = raw?.amount ?? AMOUNT_BY_PROFILE[profile];
    return {
        enabled: raw?.billingAccount !== undefined,
        ...(raw?.billingAccount !== undefined ? { billingAccount: raw.billingAccount } : {}),
        ...(amount !== undefined ? { amount } : {}),
        currency: raw?.currency ?? spec_1.DEFAULTS.currency,
        thresholds: raw?.thresholds ?? [...spec_1.DEFAULTS.thresholds],
        forecastThresholds: raw?.forecastThresholds ?? [...spec_1.DEFAULTS.forecastThresholds],
        notifyEmails: raw?.notifyEmails ?? [],
        pubsubTopic: raw?.pubsubTopic ?? spec_1.DEFAULTS.pubsubTopic,
    };
}
/** Profile invariants on an enabled budget: refused values, with the config path. */
function budgetInvariants(c, profile) {
    if (!c.enabled)
        return [];
    const out = [];
    const at = "platform:budget";
    if (c.amount === undefined) {
        out.push({
            path: `${at}.amount`,
            message: `is required in ${profile} (only dev has a default, 20); must be an amount > 0`,
        });
    }
    if (c.thresholds.length + c.forecastThresholds.length === 0) {
        out.push({
            path: `${at}.thresholds`,
            message: "thresholds and forecastThresholds are both empty; give at least one fraction such as [0.9]",
        });
    }
    if (profile === "prod" && c.notifyEmails.length === 0 && !c.pubsubTopic) {
        out.push({
            path: `${at}.notifyEmails`,
            message: "prod requires a notification target: at least one email in notifyEmails or pubsubTopic: true, got neither",
        });
    }
    return out;
}
//# sourceMappingURL=budget.js.map