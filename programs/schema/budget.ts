import { z } from "zod";
import {
  DEFAULTS as BUDGET_DEFAULTS,
  EMAIL,
  MAX_AMOUNT,
  MAX_BUDGET_CHANNELS,
} from "../../components/budget-alert/spec";
import type { Profile } from "../../components/shared/profiles";
import { awsBudgetSchema } from "./aws";
import { bool, got, pattern, section } from "./fields";

/** A list of email addresses; each one must look like `name@domain.tld`, and none may repeat. */
export function emailList(max?: number) {
  const base = z.array(pattern(EMAIL, "an email address such as ops@acme.com"), {
    error: (i) => `must be a list of email addresses, got ${got(i.input)}`,
  });
  return (
    max === undefined
      ? base
      : base.max(max, { error: (i) => `must list at most ${max} addresses, got ${got(i.input)}` })
  ).superRefine((list, ctx) => {
    list.forEach((e, i) => {
      if (list.indexOf(e) !== i)
        ctx.addIssue({
          code: "custom",
          path: [i],
          message: `must not repeat an address, got ${got(e)} twice`,
        });
    });
  });
}

/** Fractions of the budget amount: each > 0 and ≤ 2, strictly ascending. */
export function thresholdList() {
  const each = z
    .number({ error: (i) => `must be a fraction > 0 and ≤ 2 (0.9 = 90 %), got ${got(i.input)}` })
    .gt(0, { error: (i) => `must be a fraction > 0 and ≤ 2 (0.9 = 90 %), got ${got(i.input)}` })
    .max(2, { error: (i) => `must be a fraction > 0 and ≤ 2 (0.9 = 90 %), got ${got(i.input)}` });
  return z
    .array(each, { error: (i) => `must be a list of fractions such as [0.5, 0.9, 1.0], got ${got(i.input)}` })
    .superRefine((list, ctx) => {
      if (list.some((v, i) => i > 0 && v <= list[i - 1]!)) {
        ctx.addIssue({
          code: "custom",
          message: `must be sorted ascending without duplicates, got ${got(list)}`,
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
export const budgetSchema = section({
  /** Billing account id, `XXXXXX-XXXXXX-XXXXXX`. Required when any other field is set. */
  billingAccount: pattern(
    /^[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}$/,
    "a billing account id XXXXXX-XXXXXX-XXXXXX (uppercase hex)",
  ),
  /** Monthly amount in `currency`, > 0. @default 20 (dev); required in staging and prod */
  amount: z
    .number({ error: (i) => `must be an amount > 0, got ${got(i.input)}` })
    .gt(0, { error: (i) => `must be an amount > 0, got ${got(i.input)}` })
    .max(MAX_AMOUNT, { error: (i) => `must be an amount ≤ ${MAX_AMOUNT}, got ${got(i.input)}` }),
  /** ISO 4217 code of the billing account's currency. @default USD */
  currency: pattern(/^[A-Z]{3}$/, "an ISO 4217 currency code such as USD or EUR"),
  /** Alerts on actual spend, fractions of amount. @default [0.5, 0.9, 1.0] */
  thresholds: thresholdList(),
  /** Alerts on forecasted spend, fractions of amount. @default [1.0] */
  forecastThresholds: thresholdList(),
  /** Email recipients (one notification channel each, at most 5). @default [] (prod refuses no emails and no topic) */
  notifyEmails: emailList(MAX_BUDGET_CHANNELS),
  /** Create a Pub/Sub topic for programmatic notifications. @default false */
  pubsubTopic: bool(),
  /** AWS Budgets settings (cloud aws only). */
  aws: awsBudgetSchema,
}).partial();

/** The GCP rule "a budget needs its billing account" (programs/config.ts applies it on cloud gcp only). */
export const BILLING_ACCOUNT_REQUIRED =
  "is required when platform:budget is set (a billing account id XXXXXX-XXXXXX-XXXXXX)";

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

/** Default amount per profile; staging and prod budgets are a business decision and must be written down. */
const AMOUNT_BY_PROFILE: Record<Profile, number | undefined> = {
  dev: 20,
  staging: undefined,
  prod: undefined,
};

/** Applies the profile's defaults. */
export function resolveBudget(raw: z.infer<typeof budgetSchema> | undefined, profile: Profile): BudgetConfig {
  const amount = raw?.amount ?? AMOUNT_BY_PROFILE[profile];
  return {
    enabled: raw?.billingAccount !== undefined,
    ...(raw?.billingAccount !== undefined ? { billingAccount: raw.billingAccount } : {}),
    ...(amount !== undefined ? { amount } : {}),
    currency: raw?.currency ?? BUDGET_DEFAULTS.currency,
    thresholds: raw?.thresholds ?? [...BUDGET_DEFAULTS.thresholds],
    forecastThresholds: raw?.forecastThresholds ?? [...BUDGET_DEFAULTS.forecastThresholds],
    notifyEmails: raw?.notifyEmails ?? [],
    pubsubTopic: raw?.pubsubTopic ?? BUDGET_DEFAULTS.pubsubTopic,
  };
}

/** Profile invariants on an enabled budget: refused values, with the config path. */
export function budgetInvariants(c: BudgetConfig, profile: Profile): { path: string; message: string }[] {
  if (!c.enabled) return [];
  const out: { path: string; message: string }[] = [];
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
      message:
        "prod requires a notification target: at least one email in notifyEmails or pubsubTopic: true, got neither",
    });
  }
  return out;
}
