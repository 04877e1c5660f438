import fc from "fast-check";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { CONTINUED_END, CONTINUED_START, splitComment, splitCommentParts } from "../../plan/render";

const SUMMARY =
  "### Platform review: 2 environments · ❌ blocked\n\n| Environment | + | ~ |\n|:--|--:|--:|\n| **dev** | 1 | 2 |\n\n";

/** Markdown shaped like the review: a summary, then `<details>` sections with fenced diffs and tables. */
const text = fc.string({
  unit: fc.constantFrom("a", "b", " ", "é", "🚀", "|", "<", "`", "-"),
  maxLength: 120,
});
const codeLine = text.map((t) => `    ~ ${t}`);
const section = fc
  .record({
    name: fc.constantFrom("dev", "staging", "prod"),
    code: fc.array(codeLine, { maxLength: 40 }),
    prose: fc.array(
      text.filter((t) => !/^ {0,3}```/.test(t)),
      { maxLength: 10 },
    ),
    nested: fc.boolean(),
    longLine: fc.option(fc.string({ minLength: 200, maxLength: 3000 }), { nil: undefined }),
  })
  .map(({ name, code, prose, nested, longLine }) =>
    [
      `<details><summary><b>${name}</b> · 2 to create</summary>`,
      "",
      "#### Changes",
      "",
      "```diff",
      ...code,
      ...(longLine !== undefined ? [`    + value: ${longLine}`] : []),
      "```",
      "",
      ...(nested ? ["<details><summary>raw</summary>", "", ...prose, "", "</details>", ""] : prose),
      "</details>",
      "",
    ].join("\n"),
  );
const body = fc.array(section, { maxLength: 8 }).map((sections) => SUMMARY + sections.join(""));
const limit = fc.integer({ min: 600, max: 4000 });
const header = (i: number) => `<!-- platform-review part=${i + 1} -->\n`;

/** Block balance of a part, read the way GitHub reads it: fences toggle; tags count outside fences. */
function balanced(part: string): boolean {
  let inFence = false;
  let depth = 0;
  for (const line of part.split("\n")) {
    if (/^ {0,3}```/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    depth += (line.match(/<details\b/g) ?? []).length - (line.match(/<\/details>/g) ?? []).length;
    if (depth < 0) return false;
  }
  return !inFence && depth === 0;
}

describe("splitCommentParts", () => {
  it("keeps every part within the limit, loses nothing, and leads with the summary", () => {
    fc.assert(
      fc.property(body, limit, (b, max) => {
        const parts = splitCommentParts(b, { limit: max, header });
        for (const p of parts) expect(p.text.length).toBeLessThanOrEqual(max);
        expect(parts.map((p) => p.chunk).join("")).toBe(b);
        expect(parts[0]!.text.startsWith(header(0) + SUMMARY)).toBe(true);
        parts.forEach((p, i) => {
          expect(p.text.startsWith(header(i))).toBe(true);
          expect(p.text).toContain(p.chunk);
          expect(balanced(p.text)).toBe(true);
        });
        if (parts.length > 1) {
          expect(parts[0]!.text.endsWith(`${CONTINUED_END}\n`)).toBe(true);
          expect(parts[1]!.text).toContain(CONTINUED_START);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("returns the body unchanged (plus header) when it fits", () => {
    fc.assert(
      fc.property(body, (b) => {
        expect(splitComment(b, { limit: b.length + 100, header })).toEqual([header(0) + b]);
      }),
    );
  });

  it("never splits a surrogate pair when it must cut inside a line", () => {
    const b = `${SUMMARY}${"🚀".repeat(2000)}\n`;
    const parts = splitCommentParts(b, { limit: 700 });
    expect(parts.map((p) => p.chunk).join("")).toBe(b);
    for (const p of parts) expect(p.chunk).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
  });

  it("reopens an open fence and details with the same language and summary", () => {
    const b = [
      "<details><summary>prod</summary>",
      "",
      "```diff",
      ...Array.from({ length: 50 }, (_, i) => `+ r${i}`),
      "```",
      "</details>",
    ].join("\n");
    const parts = splitComment(b, { limit: 200 });
    expect(parts.length).toBeGreaterThan(1);
    expect(parts[1]).toMatch(
      /^> Continued from the previous comment\.\n\n<details><summary>prod<\/summary>\n\n```diff\n\+ r/,
    );
  });

  it("refuses a limit too small for the continuation notes", () => {
    expect(() => splitComment("x\n".repeat(100), { limit: 50 })).toThrow(RangeError);
  });
});
