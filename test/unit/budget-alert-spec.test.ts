import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import {
  normalizeBudget,
  thresholdRules,
  toMoney,
  validateAmount,
  validateBillingAccount,
  validateEmails,
  validateThresholds,
} from "../../components/budget-alert/spec";
import { PlatformError } from "../../components/shared/errors";

const ACCOUNT = "01ABCD-23EF45-6789AB";

describe("toMoney: units + nanos, exact in decimal", () => {
  it.each([
    [20, "20", 0],
    [0.1, "0", 100_000_000],
    [0.3, "0", 300_000_000],
    [0.1 + 0.2, "0", 300_000_000],
    [1234.56, "1234", 560_000_000],
    [19.99, "19", 990_000_000],
    [1.000000001, "1", 1],
    [999999.999999999, "999999", 999_999_999],
    [1e12, "1000000000000", 0],
  ])("%s → units %s nanos %s", (amount, units, nanos) => {
    expect(toMoney(amount)).toEqual({ units, nanos });
  });

  it("refuses what Cloud Billing cannot hold", () => {
    expect(() => toMoney(0)).toThrow(PlatformError);
    expect(() => toMoney(-5)).toThrow("amount must be > 0 and ≤ 1000000000000, got -5");
  });
});

describe("thresholdRules", () => {
  it("actual spend first, then forecast, each with its spend basis", () => {
    expect(thresholdRules([0.5, 0.9, 1], [1, 1.2])).toEqual([
      { thresholdPercent: 0.5, spendBasis: "CURRENT_SPEND" },
      { thresholdPercent: 0.9, spendBasis: "CURRENT_SPEND" },
      { thresholdPercent: 1, spendBasis: "CURRENT_SPEND" },
      { thresholdPercent: 1, spendBasis: "FORECASTED_SPEND" },
      { thresholdPercent: 1.2, spendBasis: "FORECASTED_SPEND" },
    ]);
  });
});

describe("validators", () => {
  it.each([
    ["01ABCD-23EF45-6789AB", true],
    ["012345-6789AB-CDEF01", true],
    ["01abcd-23ef45-6789ab", false],
    ["01ABCD23EF456789AB", false],
    ["billingAccounts/01ABCD-23EF45-6789AB", false],
    [42, false],
  ])("billing account %s valid=%s", (v, ok) => {
    expect(validateBillingAccount("billingAccount", v)).toEqual(
      ok
        ? []
        : [`billingAccount must look like XXXXXX-XXXXXX-XXXXXX (uppercase hex), got ${JSON.stringify(v)}`],
    );
  });

  it.each([
    [[0.5, 0.9, 1], []],
    [[2], []],
    [[], []],
    [[0], ["thresholds[0] must be a fraction > 0 and ≤ 2 (0.9 = 90 %), got 0"]],
    [[0.5, 2.5], ["thresholds[1] must be a fraction > 0 and ≤ 2 (0.9 = 90 %), got 2.5"]],
    [[0.9, 0.5], ["thresholds must be ascending without duplicates, got [0.9,0.5]"]],
    [[0.5, 0.5], ["thresholds must be ascending without duplicates, got [0.5,0.5]"]],
  ])("thresholds %j → %j", (values, problems) => {
    expect(validateThresholds("thresholds", values)).toEqual(problems);
  });

  it.each([
    [1, []],
    [0, ["amount must be > 0 and ≤ 1000000000000, got 0"]],
    [Number.NaN, ["amount must be > 0 and ≤ 1000000000000, got NaN"]],
    [2e12, ["amount must be > 0 and ≤ 1000000000000, got 2000000000000"]],
  ])("amount %s → %j", (v, problems) => {
    expect(validateAmount("amount", v)).toEqual(problems);
  });

  it("emails: shape and duplicates", () => {
    expect(validateEmails("notifyEmails", ["ops@acme.com"])).toEqual([]);
    expect(validateEmails("notifyEmails", ["ops", "a@b.co", "a@b.co"])).toEqual([
      'notifyEmails[0] must be an email address, got "ops"',
      'notifyEmails must not repeat an address, got "a@b.co" twice',
    ]);
  });
});

describe("normalizeBudget", () => {
  it("applies the defaults", () => {
    const s = normalizeBudget("b", { billingAccount: ACCOUNT, amount: 20 });
    expect(s).toMatchObject({
      currency: "USD",
      amount: { units: "20", nanos: 0 },
      pubsubTopic: false,
      notifyBillingAdmins: true,
      labelFilter: "env",
      creditTypesTreatment: "INCLUDE_ALL_CREDITS",
    });
    expect(s.thresholdRules).toHaveLength(4);
  });

  it("lists every problem at once, naming the instance", () => {
    expect(() =>
      normalizeBudget("costs", {
        billingAccount: "nope",
        amount: 0,
        currency: "usd",
        thresholds: [0.9, 0.5],
        notifyEmails: ["x"],
        labelFilter: "team" as never,
      }),
    ).toThrow(
      "BudgetAlert 'costs': billingAccount must look like XXXXXX-XXXXXX-XXXXXX (uppercase hex), got \"nope\"; " +
        'currency must be an ISO 4217 code such as USD or EUR, got "usd"; amount must be > 0 and ≤ 1000000000000, got 0; ' +
        "thresholds must be ascending without duplicates, got [0.9,0.5]; " +
        'notifyEmails[0] must be an email address, got "x"; labelFilter must be one of env | app | none, got "team"',
    );
  });

  it.each([
    [
      { thresholds: [], forecastThresholds: [] },
      "thresholds and forecastThresholds are both empty; a budget needs at least one rule",
    ],
    [
      { notifyBillingAdmins: false },
      "notifyBillingAdmins=false needs notifyEmails, notificationChannels or pubsubTopic; otherwise nobody is notified",
    ],
    [
      { creditTypesTreatment: "SOME" as never },
      'creditTypesTreatment must be one of INCLUDE_ALL_CREDITS | EXCLUDE_ALL_CREDITS, got "SOME"',
    ],
    [
      { notifyEmails: ["a@x.io", "b@x.io", "c@x.io", "d@x.io", "e@x.io", "f@x.io"] },
      "notifyEmails + notificationChannels must be at most 5 (Cloud Billing's limit), got 6",
    ],
  ])("refuses %j", (extra, message) => {
    expect(() => normalizeBudget("b", { billingAccount: ACCOUNT, amount: 10, ...extra })).toThrow(
      `BudgetAlert 'b': ${message}`,
    );
  });

  it("notifyBillingAdmins=false is fine with a topic alone", () => {
    expect(
      normalizeBudget("b", {
        billingAccount: ACCOUNT,
        amount: 10,
        notifyBillingAdmins: false,
        pubsubTopic: true,
      }).notifyBillingAdmins,
    ).toBe(false);
  });
});
