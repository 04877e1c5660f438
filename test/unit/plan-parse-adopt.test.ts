import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { SECRET, UNKNOWN, UNKNOWN_SENTINEL, type PlanStep } from "../../plan/model";
import {
  adoptInputs,
  EngineEventCollector,
  MAX_VALUE_DEPTH,
  normalizeInputs,
  PlanParseError,
  Sig,
  SIG_KEY,
} from "../../plan/parse";
import { toJsonValue } from "../../plan/render";

const FIXTURES = join(__dirname, "../fixtures/pulumi-engine");

/** JSON values with the engine's special forms mixed in: sentinels, secrets, signatures, bridge keys. */
const special = fc.constantFrom<unknown>(
  UNKNOWN_SENTINEL,
  "[unknown]",
  "[secret]",
  { [SIG_KEY]: Sig.secret, ciphertext: "v1:abc" },
  { [SIG_KEY]: Sig.resourceReference, urn: "urn:pulumi:dev::p::t::n", id: "i" },
  { [SIG_KEY]: Sig.outputValue, value: "a long output value" },
  { [SIG_KEY]: Sig.outputValue, known: false },
  { [SIG_KEY]: Sig.asset, path: "index.js", hash: "h" },
  { __defaults: [], name: "with bridge keys" },
);
const leaf = fc.oneof(
  fc.string(),
  fc.constantFrom("europe-west1", "roles/run.invoker", "projects/acme/locations/eu/keyRings/k"),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  special,
);
/** Keys, with the ones JSON treats as data but objects do not (`__proto__` found a bug here). */
const key = fc.oneof(fc.string(), fc.constantFrom("__proto__", "constructor", "__defaults", "toString"));
const value = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: "small" },
    leaf,
    fc.array(tie("v"), { maxLength: 4 }),
    fc.dictionary(key, tie("v"), { maxKeys: 4 }),
  ),
})).v;
const inputs = fc.dictionary(key, value, { maxKeys: 6 });

/** What JSON.parse gives for `v`: the adopting normalizer only ever sees fresh parser output. */
const parsed = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

describe("adoptInputs", () => {
  it("normalizes exactly as normalizeInputs does (property)", () => {
    fc.assert(
      fc.property(inputs, (raw) => {
        expect(adoptInputs(parsed(raw), new Map())).toEqual(normalizeInputs(parsed(raw)));
      }),
      { numRuns: 400 },
    );
  });

  it("keeps the parsed objects where nothing has to change, and never changes them otherwise", () => {
    const raw = parsed({ settings: { tier: "db-custom-2-7680", flags: [{ name: "a", value: "on" }] } }) as {
      settings: { flags: unknown[] };
    };
    const settings = raw.settings;
    const flags = settings.flags;
    const out = adoptInputs(raw, new Map());
    expect(out).toBe(raw);
    expect(out["settings"]).toBe(settings);
    expect((out["settings"] as { flags: unknown }).flags).toBe(flags);
  });

  it("decodes sentinels and signatures in place and copies an object that loses a bridge key", () => {
    const raw = parsed({
      tier: UNKNOWN_SENTINEL,
      password: "[secret]",
      token: { [SIG_KEY]: Sig.secret, ciphertext: "v1:xyz" },
      labels: { __defaults: [], env: "prod" },
      list: [UNKNOWN_SENTINEL, "[secret]"],
    }) as Record<string, unknown>;
    const out = adoptInputs(raw, new Map());
    expect(out).toEqual({
      tier: UNKNOWN,
      password: SECRET,
      token: SECRET,
      labels: { env: "prod" },
      list: [UNKNOWN, SECRET],
    });
    expect(JSON.stringify(out)).not.toContain("v1:xyz");
  });

  it("pools long strings (one copy per distinct value) and leaves short ones alone", () => {
    const pool = new Map<string, string>();
    adoptInputs(
      parsed({ a: "europe-west1", b: ["europe-west1", "short"], c: { d: "roles/run.invoker" } }),
      pool,
    );
    adoptInputs(parsed({ a: "europe-west1" }), pool);
    expect([...pool.keys()].sort()).toEqual(["europe-west1", "roles/run.invoker"]);
  });

  it("refuses a value nested deeper than the limit with the same error as normalizeInputs", () => {
    let deep: unknown = "x";
    for (let i = 0; i < MAX_VALUE_DEPTH + 2; i++) deep = { n: deep };
    const copying = () => normalizeInputs(parsed({ deep }));
    const adopting = () => adoptInputs(parsed({ deep }), new Map());
    expect(copying).toThrow(PlanParseError);
    expect(adopting).toThrow(PlanParseError);
    let message = "";
    try {
      adopting();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(copying).toThrow(message);
  });

  it("keeps a `__proto__` key as data on both paths, never as the object's prototype", () => {
    const text = '{"labels":{"__proto__":{"enabled":true},"env":"prod"},"__proto__":{"x":1}}';
    for (const out of [adoptInputs(JSON.parse(text), new Map()), normalizeInputs(JSON.parse(text))]) {
      const labels = out["labels"] as Record<string, unknown>;
      expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
      expect(Object.getPrototypeOf(labels)).toBe(Object.prototype);
      expect(labels["enabled"]).toBeUndefined();
      expect(Object.keys(labels)).toEqual(["__proto__", "env"]);
      expect(JSON.stringify(out)).toBe(text);
    }
  });

  it("a `__proto__` property path and a `__proto__` key in the JSON output stay data", () => {
    const c = new EngineEventCollector();
    c.addEvent({
      resourcePreEvent: {
        metadata: {
          op: "update",
          urn: "urn:pulumi:dev::p::gcp:storage/bucket:Bucket::b",
          type: "gcp:storage/bucket:Bucket",
          old: { inputs: { labels: { a: "1" } } },
          new: { inputs: JSON.parse('{"labels":{"__proto__":"x","a":"2"}}') as unknown },
          diffs: ["labels"],
          detailedDiff: JSON.parse('{"__proto__":{"kind":"update"},"labels.a":{"kind":"update"}}') as unknown,
        },
      },
    });
    const step = c.result().steps[0]!;
    expect(Object.keys(step.detailedDiff!)).toEqual(["__proto__", "labels.a"]);
    expect(Object.getPrototypeOf(step.detailedDiff)).toBe(Object.prototype);
    const json = toJsonValue(step.newInputs!) as { labels: Record<string, unknown> };
    expect(Object.keys(json.labels)).toEqual(["__proto__", "a"]);
    expect(JSON.stringify(json)).toBe('{"labels":{"__proto__":"x","a":"2"}}');
  });

  it("gives {} for what is not an object, like normalizeInputs", () => {
    for (const v of [null, 3, "s", [1, 2]]) expect(adoptInputs(v, new Map())).toEqual(normalizeInputs(v));
  });
});

describe("EngineEventCollector: lines are adopted, caller's events are copied", () => {
  const logs = [
    "lifecycle-TestDeleteBeforeReplace-0-0-eventstream.json",
    "lifecycle-TestPendingDeleteReplacement-1-eventstream.json",
    "lifecycle-TestProviderPreviewUnknowns-2-eventstream.json",
  ];

  /** Pulumi's own event streams (one event per line). */
  const eventsOf = (name: string): unknown[] =>
    readFileSync(join(FIXTURES, name), "utf8")
      .split("\n")
      .filter((l) => l.trim().length > 0)
      .map((l) => JSON.parse(l) as unknown);

  it.each(logs)("%s: the same steps from lines as from events", (name) => {
    const events = eventsOf(name);
    expect(events.length).toBeGreaterThan(0);
    const fromLines = new EngineEventCollector();
    events.forEach((e, i) => fromLines.addLine(JSON.stringify(e), i + 1));
    const fromEvents = new EngineEventCollector();
    const before = structuredClone(events);
    events.forEach((e, i) => fromEvents.addEvent(e, i + 1));
    const steps: PlanStep[] = fromLines.result().steps;
    expect(steps.length).toBeGreaterThan(0);
    expect(steps).toEqual(fromEvents.result().steps);
    // The caller's event objects are left as they were (the Automation API hands them out).
    expect(events).toEqual(before);
  });
});
