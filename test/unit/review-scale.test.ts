// Review at scale: the indexes and writers that make a 100,000-step review affordable give the
// same results as the plain scans and JSON.stringify they replace.
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { afterAll, describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { DEFAULT_USAGE, estimateResources } from "../../plan/cost";
import { reviewJson, streamingReviewJson, writeJson } from "../../plan/render";
import { review } from "../../orchestrator/review";
import { parseUrn, type PlanStep } from "../../plan/model";
import { buildStep, EngineEventCollector, parseEventLog } from "../../plan/parse";
import { res } from "./cost-helpers";
import { tempDir } from "../support/temp";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generate } = require("../../bench/monorepo-log") as {
  generate: (file: string, o: { steps: number; seed?: number }) => { steps: number };
};

const SECRET = "gcp:secretmanager/secret:Secret";
const VERSION = "gcp:secretmanager/secretVersion:SecretVersion";
const ROOT = path.resolve(__dirname, "../..");
const savedStacks = process.env["PLATFORM_STACKS_DIR"];
process.env["PLATFORM_STACKS_DIR"] = path.join(ROOT, "stacks");
afterAll(() => {
  if (savedStacks === undefined) delete process.env["PLATFORM_STACKS_DIR"];
  else process.env["PLATFORM_STACKS_DIR"] = savedStacks;
});

const replicated = (name: string, secretId: string, n: number) =>
  res(SECRET, name, {
    secretId,
    replication: { userManaged: { replicas: Array.from({ length: n }, (_, i) => ({ location: `l${i}` })) } },
  });

describe("secret versions find their secret as a scan in plan order would", () => {
  it("the first secret matched by id, by …/secrets/<id> or by <name>-id wins; else by <name>-version", () => {
    const secrets = [
      replicated("a", "shared", 2), // matched by the full path's id
      replicated("b", "projects/p/secrets/shared", 3), // matched by the exact ref, but later
      replicated("c", "other", 4),
    ];
    const byPath = res(VERSION, "v1", { secret: "projects/p/secrets/shared" });
    const bySynthId = res(VERSION, "v2", { secret: "c-id" });
    const byName = res(VERSION, "c-version", { secret: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" });
    const none = res(VERSION, "v4", { secret: "projects/p/secrets/missing" });
    const est = estimateResources([...secrets, byPath, bySynthId, byName, none], DEFAULT_USAGE, {
      region: "us-central1",
    });
    const line = (name: string) => est.lines.find((l) => l.type === VERSION && l.name === name)!;
    expect(line("v1").baseline).toBeCloseTo(2 * 0.06, 9);
    expect(line("v2").baseline).toBeCloseTo(4 * 0.06, 9);
    expect(line("c-version").baseline).toBeCloseTo(4 * 0.06, 9);
    expect(line("v4").notes?.join(" ")).toContain("the secret's replication is not in the plan");
  });
});

describe("the review's JSON, written in pieces", () => {
  const streamed = (value: unknown) => {
    const parts: string[] = [];
    writeJson(value, (s) => parts.push(s));
    return parts.join("");
  };

  it("is byte for byte the in-memory JSON on a generated monorepo log", async () => {
    const log = path.join(tempDir("review-scale-"), "mono.jsonl");
    generate(log, { steps: 3_000 });
    const reviews = await review({
      envs: ["prod"],
      source: { kind: "file", path: log },
      warn: () => undefined,
    });
    expect(reviews[0]!.steps.length).toBeGreaterThan(2_000);
    expect(reviews[0]!.findings.some((f) => f.class === "existing")).toBe(true);
    const json = reviewJson(reviews);
    const text = JSON.stringify(json, null, 2);
    expect(streamed(json)).toBe(text);
    // The CLI's document makes its changes and cost lines as it writes them.
    expect(streamed(streamingReviewJson(reviews))).toBe(text);
    expect(JSON.stringify(streamingReviewJson(reviews), null, 2)).toBe(text);
  });

  it("is byte for byte the in-memory JSON on a recorded preview fixture", async () => {
    const file = path.join(ROOT, "test", "fixtures", "preview-prod-sql-tier.json");
    const reviews = await review({
      envs: ["prod"],
      source: { kind: "file", path: file },
      warn: () => undefined,
    });
    const json = reviewJson(reviews);
    expect(streamed(json)).toBe(JSON.stringify(json, null, 2));
  });
});

describe("a step's name, read without splitting its URN", () => {
  it("is parseUrn's name (the URN itself when it is not one), for any URN-like string", () => {
    const piece = fc.constantFrom("urn:pulumi:", ":", "::", "a", "$", "b:", "prod", "platform:app:Svc");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const urn = pieces.join("");
        const step = buildStep({ op: "same", urn, type: "t", diffKindKey: "diffKind" });
        if (urn.length === 0) return expect(step).toBe("step without a string urn");
        expect((step as PlanStep).name).toBe(parseUrn(urn)?.name ?? urn);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("event-log lines skipped before they are decoded", () => {
  it("give the result of decoding every line and skipping it afterwards", async () => {
    const dir = tempDir("review-scale-skip-");
    const log = path.join(dir, "mono.jsonl");
    generate(log, { steps: 300 });
    // A BOM, CRLF line ends, blank lines and non-ASCII text around the lines that are skipped.
    const lines = readFileSync(log, "utf8").split("\n");
    const text =
      "\uFEFF" +
      lines
        .map((l, i) => (i % 7 === 0 ? `${l}\r` : i % 11 === 0 ? `${l}\n` : l))
        .join("\n")
        .replace('"resOutputsEvent":{', '"resOutputsEvent":{"note":"é ✓",');
    writeFileSync(log, text);
    const collector = new EngineEventCollector({ file: log });
    // As the splitter reads it: no line after the last line break.
    const split = text.split("\n");
    if (split.at(-1) === "") split.pop();
    split.forEach((l, i) => collector.addLine(l.replace(/\r$/, "").replace(/^\uFEFF/, ""), i + 1));
    const decoded = collector.result();
    const skipped = await parseEventLog(log);
    expect(skipped.stats).toEqual(decoded.stats);
    expect(skipped.steps).toEqual(decoded.steps);
    expect(skipped.stats.events).toBeGreaterThan(600);
  });
});
