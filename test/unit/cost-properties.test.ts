import fc from "fast-check";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import type { PlanStep } from "../../plan/model";
import {
  DEFAULT_USAGE,
  estimatePlan,
  formatDelta,
  formatUsd,
  parseUsage,
  redisCapacityTier,
} from "../../plan/cost";
import { priceOne, total, urnOf } from "./cost-helpers";

const SQL = "gcp:sql/databaseInstance:DatabaseInstance";
const REDIS = "gcp:redis/instance:Instance";
const RUN = "gcp:cloudrunv2/service:Service";

const tier = fc.constantFrom(
  "db-f1-micro",
  "db-g1-small",
  "db-custom-1-3840",
  "db-custom-2-7680",
  "db-n1-highmem-4",
);
const availability = fc.constantFrom("ZONAL", "REGIONAL");
const diskType = fc.constantFrom("PD_SSD", "PD_HDD");

describe("cost properties", () => {
  it("Cloud SQL cost is monotonic in diskSize", () => {
    fc.assert(
      fc.property(
        tier,
        availability,
        diskType,
        fc.integer({ min: 10, max: 30_000 }),
        fc.integer({ min: 0, max: 5_000 }),
        (t, a, d, size, more) => {
          const at = (diskSize: number) =>
            total(
              priceOne(SQL, {
                settings: {
                  tier: t,
                  availabilityType: a,
                  diskType: d,
                  diskSize,
                  backupConfiguration: { enabled: true },
                },
              }),
            );
          expect(at(size + more)).toBeGreaterThanOrEqual(at(size));
        },
      ),
    );
  });

  it("REGIONAL costs exactly twice ZONAL when backups are off", () => {
    fc.assert(
      fc.property(tier, diskType, fc.integer({ min: 10, max: 30_000 }), (t, d, diskSize) => {
        const at = (availabilityType: string) =>
          total(priceOne(SQL, { settings: { tier: t, availabilityType, diskType: d, diskSize } }));
        expect(at("REGIONAL")).toBeCloseTo(2 * at("ZONAL"), 6);
      }),
    );
  });

  it("Redis cost is monotonic in memorySizeGb within a capacity tier (per-GB rates fall between tiers)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("BASIC", "STANDARD_HA"),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        (t, gb, more) => {
          fc.pre(redisCapacityTier(gb) === redisCapacityTier(gb + more));
          const at = (memorySizeGb: number) => priceOne(REDIS, { tier: t, memorySizeGb }).baseline!;
          expect(at(gb + more)).toBeGreaterThanOrEqual(at(gb));
        },
      ),
    );
    // The cross-tier drop is real list pricing: 4 GB BASIC (M1) costs more than 5 GB BASIC (M2).
    expect(priceOne(REDIS, { memorySizeGb: 4 }).baseline).toBeCloseTo(143.08, 6);
    expect(priceOne(REDIS, { memorySizeGb: 5 }).baseline).toBeCloseTo(98.55, 6);
  });

  it("Cloud Run usage cost is monotonic in requests and duration", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000_000 }),
        fc.integer({ min: 0, max: 50_000_000 }),
        fc.integer({ min: 1, max: 5_000 }),
        fc.boolean(),
        (requests, more, ms, freeTier) => {
          const at = (requestsPerMonth: number, meanRequestDurationMs: number) =>
            total(
              priceOne(
                RUN,
                { template: { containers: [{ image: "x" }] } },
                { requestsPerMonth, meanRequestDurationMs, cloudRunFreeTier: freeTier },
              ),
            );
          expect(at(requests + more, ms)).toBeGreaterThanOrEqual(at(requests, ms));
          expect(at(requests, ms + 100)).toBeGreaterThanOrEqual(at(requests, ms));
        },
      ),
    );
  });

  it("plan delta = after − before = Σ line deltas, for any mix of ops", () => {
    const op = fc.constantFrom<PlanStep["op"]>(
      "create",
      "delete",
      "update",
      "replace",
      "same",
      "read",
      "create-replacement",
      "delete-replaced",
    );
    const size = fc.integer({ min: 1, max: 200 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(op, size, size, fc.constantFrom("BASIC", "STANDARD_HA")), { maxLength: 12 }),
        (specs) => {
          const steps: PlanStep[] = specs.map(([o, a, b, t], i) => ({
            op: o,
            urn: urnOf(REDIS, `cache-${i}`),
            type: REDIS,
            name: `cache-${i}`,
            oldInputs: { tier: t, memorySizeGb: a },
            newInputs: { tier: t, memorySizeGb: b },
            diffs: [],
            replaceReasons: [],
          }));
          const cost = estimatePlan(steps, DEFAULT_USAGE, { region: "us-central1" });
          expect(cost.delta).toBeCloseTo(cost.after - cost.before, 9);
          expect(cost.delta).toBeCloseTo(
            cost.lines.reduce((s, l) => s + l.delta, 0),
            9,
          );
          expect(cost.before).toBeGreaterThanOrEqual(0);
          expect(cost.after).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it("any valid usage document parses, and estimates never go negative or NaN", () => {
    const count = fc.double({ min: 0, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(
        fc.record(
          {
            requestsPerMonth: count,
            meanRequestDurationMs: count,
            meanConcurrentRequests: fc.double({ min: 1, max: 1000, noNaN: true }),
            secretAccessesPerMonth: count,
            cloudRunFreeTier: fc.boolean(),
          },
          { requiredKeys: [] },
        ),
        (raw) => {
          const usage = parseUsage(raw);
          const line = priceOne(
            RUN,
            { template: { scaling: { minInstanceCount: 1 }, containers: [{ image: "x" }] } },
            usage,
          );
          expect(Number.isFinite(total(line))).toBe(true);
          expect(total(line)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it("formatted deltas carry the sign of the amount", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e7, max: 1e7, noNaN: true }), (x) => {
        const s = formatDelta(x);
        if (Math.round(x * 100) === 0) expect(s).toBe("$0.00");
        else expect(s.startsWith(x > 0 ? "+$" : "-$")).toBe(true);
        expect(formatUsd(Math.abs(x))).toMatch(/^\$\d{1,3}(,\d{3})*\.\d{2}$/);
      }),
    );
  });
});
