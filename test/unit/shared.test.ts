import fc from "fast-check";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { daysToDuration, durationSeconds, parseHumanDuration } from "../../components/shared/durations";
import { labelValue, platformLabels } from "../../components/shared/labels";
import { childName, physicalName } from "../../components/shared/naming";
import { transform } from "../../components/shared/transform";

describe("physicalName", () => {
  it("joins and normalizes parts", () => {
    expect(physicalName(["Shop", "prod", "DB"])).toBe("shop-prod-db");
    expect(physicalName(["shop", "", "db__x"])).toBe("shop-db-x");
    expect(physicalName(["1shop"])).toBe("p-1shop");
  });

  it("never exceeds maxLength, stays deterministic, and keeps distinct inputs distinct (property)", () => {
    const part = fc.string({ minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(
        fc.array(part, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 12, max: 63 }),
        (parts, max) => {
          const a = physicalName(parts, { maxLength: max });
          expect(a.length).toBeLessThanOrEqual(max);
          expect(a).toMatch(/^[a-z][a-z0-9-]*$/);
          expect(physicalName(parts, { maxLength: max })).toBe(a);
        },
      ),
    );
    const word = fc.stringMatching(/^[a-z]{30,60}$/);
    fc.assert(
      fc.property(word, word, (x, y) => {
        fc.pre(x !== y);
        expect(physicalName([x, "suffix"], { maxLength: 20 })).not.toBe(
          physicalName([y, "suffix"], { maxLength: 20 }),
        );
      }),
    );
  });

  it("childName joins roles", () => {
    expect(childName("db", "replica", "0")).toBe("db-replica-0");
  });
});

describe("durations", () => {
  it("days ↔ protobuf durations round-trip (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3650 }), (d) => {
        expect(durationSeconds(daysToDuration(d))).toBe(d * 86400);
      }),
    );
    expect(daysToDuration(90)).toBe("7776000s");
    expect(() => daysToDuration(0)).toThrow(RangeError);
    expect(durationSeconds("12m")).toBeUndefined();
  });

  it.each([
    ["90s", 90_000],
    ["5m", 300_000],
    ["1h30m", 5_400_000],
    ["1500ms", 1500],
    ["2d", 172_800_000],
    ["", undefined],
    ["5 minutes", undefined],
    ["m5", undefined],
  ])("parseHumanDuration(%j) = %j", (text, ms) => {
    expect(parseHumanDuration(text)).toBe(ms);
  });
});

describe("labels", () => {
  it("platform keys win over user labels and values are GCP-safe", () => {
    const l = platformLabels(
      { env: "Prod", app: "shop", labels: { env: "spoofed", "Cost Center": "CC 42" } },
      "postgres",
    );
    expect(l).toEqual({
      env: "prod",
      app: "shop",
      component: "postgres",
      "managed-by": "platform",
      cost_center: "cc_42",
    });
  });

  it("labelValue output is always valid (property)", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(labelValue(s)).toMatch(/^[a-z0-9_-]{0,63}$/);
      }),
    );
  });
});

describe("transform", () => {
  it("merges a partial object one level deep", () => {
    const [, args] = transform(
      { settings: { tier: "x" } } as any,
      "n",
      { name: "a", settings: { tier: "t", diskSize: 10 } },
      {},
    );
    expect(args).toEqual({ name: "a", settings: { tier: "x", diskSize: 10 } });
  });

  it("runs a callback that may change args and options", () => {
    const [name, args, opts] = transform<{ a: number }>(
      (a, o) => {
        a.a = 2;
        o.ignoreChanges = ["a"];
      },
      "n",
      { a: 1 },
      {},
    );
    expect([name, args, opts]).toEqual(["n", { a: 2 }, { ignoreChanges: ["a"] }]);
  });
});
