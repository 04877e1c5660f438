import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { ConfigError, parseEnvironmentConfig, type ConfigIssue } from "../../programs/config";

const ACCOUNT = "01ABCD-23EF45-6789AB";

function values(
  profile: "dev" | "staging" | "prod",
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    "gcp:project": `acme-shop-${profile}`,
    "gcp:region": "europe-west1",
    "platform:environment": { profile, app: "shop" },
    // Prod refuses alerts that reach nobody; every prod fixture names a recipient unless a test removes it.
    ...(profile === "prod" ? { "platform:observability": { notifyEmails: ["oncall@acme.com"] } } : {}),
    ...extra,
  };
}

function issuesOf(profile: "dev" | "staging" | "prod", extra: Record<string, unknown>): ConfigIssue[] {
  try {
    parseEnvironmentConfig(profile, values(profile, extra));
  } catch (e) {
    if (e instanceof ConfigError) return [...e.issues];
    throw e;
  }
  return [];
}

describe("platform:budget and platform:observability: bad config names the field and what is allowed", () => {
  it.each<[string, "dev" | "staging" | "prod", Record<string, unknown>, string, string]>([
    [
      "billing account format",
      "dev",
      { "platform:budget": { billingAccount: "123456" } },
      "platform:budget.billingAccount",
      'must be a billing account id XXXXXX-XXXXXX-XXXXXX (uppercase hex), got "123456"',
    ],
    [
      "amount zero",
      "dev",
      { "platform:budget": { billingAccount: ACCOUNT, amount: 0 } },
      "platform:budget.amount",
      "must be an amount > 0, got 0",
    ],
    [
      "amount as text",
      "dev",
      { "platform:budget": { billingAccount: ACCOUNT, amount: "20" } },
      "platform:budget.amount",
      'must be an amount > 0, got "20"',
    ],
    [
      "currency lowercase",
      "dev",
      { "platform:budget": { billingAccount: ACCOUNT, currency: "usd" } },
      "platform:budget.currency",
      'must be an ISO 4217 currency code such as USD or EUR, got "usd"',
    ],
    [
      "threshold above 200 %",
      "dev",
      { "platform:budget": { billingAccount: ACCOUNT, thresholds: [0.5, 2.5] } },
      "platform:budget.thresholds[1]",
      "must be a fraction > 0 and ≤ 2 (0.9 = 90 %), got 2.5",
    ],
    [
      "thresholds unsorted",
      "dev",
      { "platform:budget": { billingAccount: ACCOUNT, thresholds: [0.9, 0.5] } },
      "platform:budget.thresholds",
      "must be sorted ascending without duplicates, got [0.9,0.5]",
    ],
    [
      "forecast threshold duplicate",
      "dev",
      { "platform:budget": { billingAccount: ACCOUNT, forecastThresholds: [1, 1] } },
      "platform:budget.forecastThresholds",
      "must be sorted ascending without duplicates, got [1,1]",
    ],
    [
      "forecast threshold zero",
      "dev",
      { "platform:budget": { billingAccount: ACCOUNT, forecastThresholds: [0] } },
      "platform:budget.forecastThresholds[0]",
      "must be a fraction > 0 and ≤ 2 (0.9 = 90 %), got 0",
    ],
    [
      "email shape",
      "dev",
      { "platform:budget": { billingAccount: ACCOUNT, notifyEmails: ["ops"] } },
      "platform:budget.notifyEmails[0]",
      'must be an email address such as ops@acme.com, got "ops"',
    ],
    [
      "more than 5 budget recipients",
      "dev",
      {
        "platform:budget": {
          billingAccount: ACCOUNT,
          notifyEmails: ["a@x.io", "b@x.io", "c@x.io", "d@x.io", "e@x.io", "f@x.io"],
        },
      },
      "platform:budget.notifyEmails",
      'must list at most 5 addresses, got ["a@x.io","b@x.io","c@x.io","d@x.io","e@x.io","f@x.io"]',
    ],
    [
      "budget fields without a billing account",
      "dev",
      { "platform:budget": { amount: 50 } },
      "platform:budget.billingAccount",
      "is required when platform:budget is set (a billing account id XXXXXX-XXXXXX-XXXXXX)",
    ],
    [
      "pubsubTopic not a boolean",
      "dev",
      { "platform:budget": { billingAccount: ACCOUNT, pubsubTopic: "yes" } },
      "platform:budget.pubsubTopic",
      'must be true or false, got "yes"',
    ],
    [
      "unknown budget key",
      "dev",
      { "platform:budget": { billingAccount: ACCOUNT, ammount: 20 } },
      "platform:budget.ammount",
      'unknown key (did you mean "amount"?); allowed: billingAccount, amount, currency, thresholds, forecastThresholds, notifyEmails, pubsubTopic',
    ],
    [
      "staging budget without amount",
      "staging",
      { "platform:budget": { billingAccount: ACCOUNT } },
      "platform:budget.amount",
      "is required in staging (only dev has a default, 20); must be an amount > 0",
    ],
    [
      "prod budget that notifies nobody",
      "prod",
      { "platform:budget": { billingAccount: ACCOUNT, amount: 500 } },
      "platform:budget.notifyEmails",
      "prod requires a notification target: at least one email in notifyEmails or pubsubTopic: true, got neither",
    ],
    [
      "latency target zero",
      "dev",
      { "platform:observability": { latencyP95Ms: 0 } },
      "platform:observability.latencyP95Ms",
      "must be an integer 1–60000, got 0",
    ],
    [
      "availability below 90 %",
      "dev",
      { "platform:observability": { availabilityTarget: 0.5 } },
      "platform:observability.availabilityTarget",
      "must be a number 0.9–0.99999, got 0.5",
    ],
    [
      "availability of 100 %",
      "dev",
      { "platform:observability": { availabilityTarget: 1 } },
      "platform:observability.availabilityTarget",
      "must be a number 0.9–0.99999, got 1",
    ],
    [
      "error rate of 1",
      "dev",
      { "platform:observability": { errorRateThreshold: 1 } },
      "platform:observability.errorRateThreshold",
      "must be a number > 0 and < 1 (0.02 = 2 %), got 1",
    ],
    [
      "dashboards as text",
      "dev",
      { "platform:observability": { dashboards: "true" } },
      "platform:observability.dashboards",
      'must be true or false, got "true"',
    ],
    [
      "repeated alert recipient",
      "dev",
      { "platform:observability": { notifyEmails: ["a@x.io", "a@x.io"] } },
      "platform:observability.notifyEmails[1]",
      'must not repeat an address, got "a@x.io" twice',
    ],
    [
      "section not an object",
      "dev",
      { "platform:observability": "yes" },
      "platform:observability",
      'must be an object, got "yes"',
    ],
    [
      "prod without alert recipients",
      "prod",
      { "platform:observability": {} },
      "platform:observability.notifyEmails",
      "prod requires at least one alert recipient (an email address), got none",
    ],
    [
      "prod with audit alerts off",
      "prod",
      { "platform:observability": { notifyEmails: ["oncall@acme.com"], auditAlerts: false } },
      "platform:observability.auditAlerts",
      "prod requires true (CIS 2.4/2.5/2.6/2.11 alerts and Data Access audit logs), got false",
    ],
  ])("%s", (_title, profile, extra, path, message) => {
    expect(issuesOf(profile, extra)).toEqual([{ path, message }]);
  });

  it("every problem at once, across both sections", () => {
    const issues = issuesOf("prod", {
      "platform:budget": { billingAccount: ACCOUNT, amount: 100 },
      "platform:observability": { auditAlerts: false },
    });
    expect(issues.map((i) => i.path)).toEqual([
      "platform:budget.notifyEmails",
      "platform:observability.notifyEmails",
      "platform:observability.auditAlerts",
    ]);
  });
});

describe("defaults", () => {
  it("no platform:budget → no budget; dev amount defaults to 20", () => {
    const dev = parseEnvironmentConfig("dev", values("dev"));
    expect(dev.budget.enabled).toBe(false);
    expect(dev.budget.amount).toBe(20);
    const withAccount = parseEnvironmentConfig(
      "dev",
      values("dev", { "platform:budget": { billingAccount: ACCOUNT } }),
    );
    expect(withAccount.budget).toEqual({
      enabled: true,
      billingAccount: ACCOUNT,
      amount: 20,
      currency: "USD",
      thresholds: [0.5, 0.9, 1],
      forecastThresholds: [1],
      notifyEmails: [],
      pubsubTopic: false,
    });
  });

  it("prod budget with a topic only is accepted", () => {
    const cfg = parseEnvironmentConfig(
      "prod",
      values("prod", {
        "platform:budget": { billingAccount: ACCOUNT, amount: 900, currency: "EUR", pubsubTopic: true },
      }),
    );
    expect(cfg.budget).toMatchObject({ enabled: true, amount: 900, currency: "EUR", pubsubTopic: true });
  });

  it.each([
    ["dev", { availabilityTarget: 0.99, errorRateThreshold: 0.05, auditAlerts: true }],
    ["staging", { availabilityTarget: 0.995, errorRateThreshold: 0.02, auditAlerts: true }],
    ["prod", { availabilityTarget: 0.999, errorRateThreshold: 0.01, auditAlerts: true }],
  ] as const)("observability defaults for %s", (profile, expected) => {
    const cfg = parseEnvironmentConfig(profile, values(profile));
    expect(cfg.observability).toMatchObject({ ...expected, latencyP95Ms: 1000, dashboards: true });
  });

  it("explicit values win", () => {
    const cfg = parseEnvironmentConfig(
      "staging",
      values("staging", {
        "platform:observability": {
          notifyEmails: ["a@x.io"],
          latencyP95Ms: 300,
          availabilityTarget: 0.9995,
          errorRateThreshold: 0.005,
          dashboards: false,
          auditAlerts: false,
        },
      }),
    );
    expect(cfg.observability).toEqual({
      notifyEmails: ["a@x.io"],
      latencyP95Ms: 300,
      availabilityTarget: 0.9995,
      errorRateThreshold: 0.005,
      dashboards: false,
      auditAlerts: false,
    });
  });
});
