import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import {
  checkBudget,
  formatDelta,
  formatPercentDelta,
  formatRate,
  formatUsd,
  PRICES,
  regionPrices,
  monthly,
} from "../../plan/cost";
import type { Price } from "../../plan/cost";

describe("checkBudget", () => {
  const budget = { amount: 20, thresholds: [0.5, 0.9, 1] };

  it("ok under the first threshold", () => {
    expect(checkBudget(9.53, budget)).toEqual({
      status: "ok",
      ratio: 9.53 / 20,
      message: "$9.53/month is 47.7% of the $20.00 budget: under the first threshold (50%)",
    });
  });

  it("warns from the first threshold on (≥), naming the highest one reached", () => {
    expect(checkBudget(10, budget).status).toBe("warn");
    expect(checkBudget(10, budget).message).toBe(
      "$10.00/month is 50% of the $20.00 budget: reaches the 50% threshold",
    );
    expect(checkBudget(18, { ...budget, thresholds: [1, 0.9, 0.5] }).message).toBe(
      "$18.00/month is 90% of the $20.00 budget: reaches the 90% threshold",
    );
    expect(checkBudget(20, budget).status).toBe("warn");
  });

  it("fails above 100% by default, or above a configured failAbove", () => {
    expect(checkBudget(20.01, budget)).toMatchObject({
      status: "fail",
      message: expect.stringMatching(/above the 100% limit$/),
    });
    expect(checkBudget(22, { ...budget, failAbove: 1.2 }).status).toBe("warn");
    expect(checkBudget(25, { ...budget, failAbove: 1.2 }).status).toBe("fail");
    expect(checkBudget(15, { amount: 20, thresholds: [], failAbove: 0.7 }).status).toBe("fail");
  });

  it("no thresholds: ok or fail only", () => {
    expect(checkBudget(19, { amount: 20, thresholds: [] })).toMatchObject({
      status: "ok",
      message: "$19.00/month is 95% of the $20.00 budget",
    });
  });

  it("refuses budgets that cannot be checked", () => {
    expect(() => checkBudget(1, { amount: 0, thresholds: [0.5] })).toThrow(
      "checkBudget: amount must be a number > 0, got 0",
    );
    expect(() => checkBudget(1, { amount: 20, thresholds: [-0.5] })).toThrow(
      "thresholds must be fractions > 0",
    );
    expect(() => checkBudget(NaN, budget)).toThrow("total must be a number, got NaN");
  });
});

describe("money formatting", () => {
  it("formats amounts with grouping and cents", () => {
    expect(formatUsd(1234.561)).toBe("$1,234.56");
    expect(formatUsd(0)).toBe("$0.00");
    expect(formatUsd(-3.5)).toBe("-$3.50");
    expect(formatUsd(-0.001)).toBe("$0.00");
    expect(formatUsd(1_000_000)).toBe("$1,000,000.00");
  });

  it("formats deltas with a sign", () => {
    expect(formatDelta(12)).toBe("+$12.00");
    expect(formatDelta(1234.5)).toBe("+$1,234.50");
    expect(formatDelta(-3.5)).toBe("-$3.50");
    expect(formatDelta(0.004)).toBe("$0.00");
    expect(formatDelta(-0.004)).toBe("$0.00");
  });

  it("formats percentage changes and unit rates", () => {
    expect(formatPercentDelta(100, 112)).toBe("+12%");
    expect(formatPercentDelta(100, 96.5)).toBe("-3.5%");
    expect(formatPercentDelta(0, 5)).toBe("new");
    expect(formatPercentDelta(0, 0)).toBe("0%");
    expect(formatRate(0.000024)).toBe("$0.000024");
    expect(formatRate(0.0413)).toBe("$0.0413");
    expect(formatRate(0.17)).toBe("$0.17");
    expect(formatRate(3)).toBe("$3.00");
    expect(formatRate(1234.5)).toBe("$1,234.50");
  });
});

describe("price table", () => {
  const prices = (node: unknown): Price[] =>
    node !== null && typeof node === "object"
      ? "usd" in node && "source" in node
        ? [node as Price]
        : Object.values(node).flatMap(prices)
      : [];

  it("every figure has a positive USD amount, a unit and a source", () => {
    const all = prices(PRICES);
    expect(all.length).toBeGreaterThan(60);
    for (const p of all) {
      expect(p.usd).toBeGreaterThan(0);
      expect(p.unit.length).toBeGreaterThan(0);
      expect(p.source.length).toBeGreaterThan(10);
    }
    expect(PRICES.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(PRICES.hoursPerMonth).toBe(730);
  });

  it("has us-central1 and europe-west1, and falls back to us-central1 for anything else", () => {
    expect(Object.keys(PRICES.regions).sort()).toEqual(["europe-west1", "us-central1"]);
    expect(regionPrices("europe-west1")).toMatchObject({ region: "europe-west1", fallback: false });
    expect(regionPrices("asia-south1")).toMatchObject({
      region: "us-central1",
      requested: "asia-south1",
      fallback: true,
    });
    expect(regionPrices("asia-south1").prices).toBe(PRICES.regions["us-central1"]);
  });

  it("matches the reference figures (monthly, 730 h)", () => {
    const us = PRICES.regions["us-central1"]!;
    expect(monthly(us.cloudSql.sharedCoreHour["db-f1-micro"].usd)).toBeCloseTo(7.665, 9);
    expect(monthly(us.cloudSql.sharedCoreHour["db-g1-small"].usd)).toBeCloseTo(25.55, 9);
    expect(monthly(us.redis.BASIC.M1.usd)).toBeCloseTo(35.77, 9);
    expect(monthly(us.redis.STANDARD_HA.M1.usd)).toBeCloseTo(46.72, 9);
    expect(PRICES.global.kms.versionMonth.SOFTWARE.usd).toBe(0.06);
    expect(PRICES.global.kms.tenThousandOps.STANDARD.usd).toBe(0.03);
  });
});
