import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { JsonList, writeJson } from "../../plan/render/json-stream";

function streamed(value: unknown): { text: string; pieces: number } {
  const parts: string[] = [];
  writeJson(value, (s) => parts.push(s));
  return { text: parts.join(""), pieces: parts.length };
}

describe("writeJson", () => {
  it("writes exactly what JSON.stringify(value, null, 2) writes", () => {
    const cases: unknown[] = [
      null,
      3,
      "a\nb",
      [],
      {},
      { a: [], b: {}, c: [1, [2, { d: "x\ny" }]], e: undefined, f: () => 1 },
      [undefined, () => 1, { g: { h: { i: { j: { k: [1, 2] } } } } }],
      { date: new Date(0), nested: { toJSON: (key: string) => `key:${key}` } },
    ];
    for (const value of cases)
      expect(streamed(value).text, JSON.stringify(value)).toBe(JSON.stringify(value, null, 2));
    expect(streamed(undefined).text).toBe("");
  });

  it("matches JSON.stringify on arbitrary JSON values", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 7 }), (value) => {
        expect(streamed(value).text).toBe(JSON.stringify(value, null, 2));
      }),
      { numRuns: 300 },
    );
  });

  it("writes a JsonList item by item, as JSON.stringify writes the array", () => {
    let made = 0;
    const list = (n: number) =>
      new JsonList(function* () {
        for (let i = 0; i < n; i++) {
          made++;
          yield i % 3 === 0
            ? { i, nested: { deep: [i, { x: undefined }] } }
            : i % 3 === 1
              ? undefined
              : `s${i}`;
        }
      });
    for (const value of [
      list(0),
      { a: list(5), b: { c: list(1), d: list(0) } },
      [list(2), { e: { f: { g: list(3) } } }],
    ]) {
      const eager = JSON.parse(JSON.stringify(value)) as unknown;
      expect(streamed(value).text).toBe(JSON.stringify(value, null, 2));
      expect(JSON.stringify(eager, null, 2)).toBe(JSON.stringify(value, null, 2));
    }
    expect(made).toBeGreaterThan(0);
  });

  it("writes a large document in pieces of about 64 KiB, not one string", () => {
    const value = {
      changes: Array.from({ length: 20_000 }, (_, i) => ({
        urn: `urn:${i}`,
        properties: [{ path: "a", new: i }],
      })),
    };
    const { text, pieces } = streamed(value);
    expect(text).toBe(JSON.stringify(value, null, 2));
    expect(pieces).toBeGreaterThan(text.length / (128 * 1024));
  });

  it("writes a JsonList deep in the document item by item too, never as one string", () => {
    // Where the review puts its cost lines: environments[0].cost.lines, four levels down.
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ urn: `urn:${i}`, after: i / 7 }));
    const doc = () => ({ environments: [{ cost: { lines: new JsonList(() => rows) } }] });
    const parts: string[] = [];
    writeJson(doc(), (s) => parts.push(s));
    const text = parts.join("");
    expect(text).toBe(JSON.stringify(doc(), null, 2));
    // Each piece stays near 64 KiB: the list is not stringified whole (1 MB and more).
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThan(128 * 1024);
  });
});
