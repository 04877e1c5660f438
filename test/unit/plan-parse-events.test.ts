import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { SECRET, UNKNOWN } from "../../plan/model";
import {
  countChanges,
  EngineEventCollector,
  isRootStack,
  LineSplitter,
  parseEventLog,
  parseEventLogText,
  PlanParseError,
  stripColorMarkup,
} from "../../plan/parse";

const FIXTURES = join(__dirname, "../fixtures/pulumi-engine");
const fixture = (name: string) => join(FIXTURES, name);
const text = (name: string) => readFileSync(fixture(name), "utf8");
const tmp = mkdtempSync(join(tmpdir(), "plan-parse-"));
const write = (name: string, content: string) => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};

describe("parseEventLog on real engine logs", () => {
  it("reads a large preview: one step per URN, latest pre-event, summary counts", async () => {
    const r = await parseEventLog(fixture("template-body.json"));
    expect(r.steps).toHaveLength(58);
    expect(r.stats).toEqual({ lines: 133, events: 133, corruptLines: 0 });
    expect(r.corrupt).toEqual([]);
    expect(r.summary).toEqual({
      resourceChanges: { same: 57, update: 1 },
      maybeCorrupt: false,
      durationSeconds: 2,
    });
    expect(countChanges(r.steps)).toEqual({ create: 0, update: 1, delete: 0, replace: 0 });
    const update = r.steps.find((s) => s.op === "update")!;
    expect(update.type).toBe("aws:cloudformation/stack:Stack");
    expect(update.diffs).toEqual(["templateBody"]);
    expect(update.detailedDiff).toEqual({ templateBody: { kind: "update", inputDiff: false } });
    expect(typeof update.oldInputs!.templateBody).toBe("string");
    expect(update.oldInputs!.templateBody).not.toBe(update.newInputs!.templateBody);
  });

  it("keeps the root stack step but leaves it out of counts", async () => {
    const r = await parseEventLog(fixture("up-3.json"));
    expect(r.steps).toHaveLength(6);
    expect(r.steps.filter(isRootStack)).toHaveLength(1);
    expect(r.summary!.resourceChanges).toEqual({ create: 6 });
    expect(countChanges(r.steps)).toEqual({ create: 5, update: 0, delete: 0, replace: 0 });
    expect(r.steps.every((s) => s.op === "create" && s.oldInputs === undefined)).toBe(true);
    const cluster = r.steps.find((s) => s.type === "aws:eks/cluster:Cluster")!;
    expect(cluster.name).toBe("eks-cluster");
    expect(cluster.parent).toBe("urn:pulumi:dev::eks::pulumi:pulumi:Stack::eks-dev");
  });

  it("merges a replacement's create-replacement, replace and delete-replaced into one replace step", async () => {
    const r = await parseEventLog(fixture("webserver-userdata.json"));
    expect(r.steps).toHaveLength(3);
    const replace = r.steps.find((s) => s.type === "aws:ec2/instance:Instance")!;
    expect(replace.op).toBe("replace");
    expect(replace.replaceReasons).toEqual(["userData"]);
    expect(replace.detailedDiff).toEqual({ userData: { kind: "update-replace", inputDiff: false } });
    expect(replace.oldInputs!.userData).toContain("Hello, World!");
    expect(replace.newInputs!.userData).toContain("Hello, Pulumi!");
    // The Terraform bridge's bookkeeping is not an input.
    expect(replace.oldInputs).not.toHaveProperty("__defaults");
    expect(countChanges(r.steps)).toEqual({ create: 0, update: 0, delete: 0, replace: 1 });
  });

  it("takes replace keys from the halves (delete-before-replace ordering)", async () => {
    const r = await parseEventLog(fixture("lifecycle-TestDeleteBeforeReplace-0-0-eventstream.json"));
    expect(r.steps).toHaveLength(12);
    expect(countChanges(r.steps)).toEqual({ create: 0, update: 5, delete: 0, replace: 6 });
    const k = r.steps.find((s) => s.urn.endsWith("::K"))!;
    expect(k.op).toBe("replace");
    expect(k.replaceReasons).toEqual(["A"]);
    expect(k.logical).toBe(true);
    const g = r.steps.find((s) => s.urn.endsWith("::G"))!;
    expect(g.detailedDiff).toEqual({ B: { kind: "delete", inputDiff: true } });
  });

  it("reads detailed diff paths with indexes", async () => {
    const r = await parseEventLog(fixture("up-4.json"));
    const sg = r.steps.find((s) => s.op === "update")!;
    expect(Object.keys(sg.detailedDiff!)).toContain("ingress[1].cidrBlocks[0]");
    expect(sg.detailedDiff!["ingress[1].fromPort"]).toEqual({ kind: "add", inputDiff: false });
  });

  it("turns secret signatures into SECRET and records failures and maybeCorrupt", async () => {
    const r = await parseEventLog(fixture("failed-stacks-dont-rewrite-operations.json"));
    const x = r.steps.find((s) => s.name === "test-x")!;
    expect(x.op).toBe("update");
    expect(x.oldInputs!.__provider).toBe(SECRET);
    expect(x.newInputs).toEqual({ __provider: SECRET, quux: "quux13" });
    expect(r.failures).toEqual([
      {
        urn: "urn:pulumi:dev::test::pulumi-python:dynamic:Resource::test-x",
        type: "pulumi-python:dynamic:Resource",
        name: "test-x",
        op: "update",
        status: 2,
        line: 5,
      },
    ]);
    expect(r.summary!.maybeCorrupt).toBe(true);
    // A pending delete with no replace step of its own stays a delete-replaced step.
    expect(r.steps.find((s) => s.name === "test-r")!.op).toBe("delete-replaced");
    expect(JSON.stringify(r.steps)).not.toContain("ciphertext");
  });

  it("collects diagnostics without colour markup, and the failed summary", async () => {
    const r = await parseEventLog(fixture("lifecycle-TestPendingDeleteReplacement-1-eventstream.json"));
    expect(r.diagnostics).toEqual([
      {
        severity: "error",
        message: "Could not delete typB",
        urn: "urn:pulumi:test::test::pkgA:m:typB::resB",
        line: 9,
      },
      { severity: "error", message: "update failed", line: 11 },
    ]);
    expect(r.failures.map((f) => f.op)).toEqual(["delete-replaced"]);
    expect(r.summary).toMatchObject({ isPreview: false, result: "failed" });
  });

  it("normalizes unknown provider inputs and reads nested URNs", async () => {
    const r = await parseEventLog(fixture("lifecycle-TestProviderPreviewUnknowns-2-eventstream.json"));
    const provider = r.steps.find((s) => s.type === "pulumi:providers:pkgA")!;
    expect(provider.newInputs!.foo).toBe(UNKNOWN);
    expect(provider.oldInputs!.foo).toBe("alpha");
    const del = r.steps.find((s) => s.op === "delete")!;
    expect(del).toMatchObject({ type: "pkgA:m:typB", name: "resB-resB" });
    expect(r.diagnostics.map((d) => d.severity)).toEqual(["warning"]);
    expect(r.diagnostics[0]!.message).toContain("not known during preview");
    expect(r.summary!.isPreview).toBe(true);
  });

  it("collects policy violations and ignores policy summary and load events", async () => {
    const r = await parseEventLog(
      fixture("lifecycle-TestSimpleAnalyzeResourceMultipleViolations-eventstream.json"),
    );
    expect(r.steps).toEqual([]);
    expect(r.policy).toHaveLength(10);
    expect(r.policy.filter((p) => p.enforcementLevel === "mandatory")).toHaveLength(5);
    expect(r.policy.find((p) => p.policyName === "always-fails-high")).toMatchObject({
      policyPack: "analyzerA",
      policyPackVersion: "1.0.0",
      severity: "high",
      message: "a policy failed",
      urn: "urn:pulumi:test::test::pkgA:m:typA::resA",
    });
    expect(r.policy.find((p) => p.policyName === "always-fails-unspecified")!.severity).toBeUndefined();
    expect(r.summary!.policyPacks).toEqual({ analyzerA: "1.0.0" });
    expect(r.corrupt).toEqual([]);
  });
});

describe("corrupt lines and bad input", () => {
  const up4 = text("up-4.json").split("\n");

  it("records corrupt lines with line numbers and keeps going", async () => {
    const lines = [...up4];
    lines.splice(3, 0, "{not json");
    lines.splice(6, 0, "[1,2,3]");
    lines.splice(8, 0, '{"hello":"world"}');
    lines.pop(); // the file ends with a newline
    lines.push('{"sequence":900,"timestamp":1,"resourcePreEvent":{"metadata":{"op":"create"'); // truncated write
    const r = await parseEventLog(write("corrupt.jsonl", lines.join("\n")));
    expect(r.corrupt.map((c) => c.line)).toEqual([4, 7, 9, 19]);
    expect(r.corrupt[0]!.error).toMatch(/^invalid JSON/);
    expect(r.corrupt[1]!.error).toContain("got an array");
    expect(r.corrupt[2]!.error).toContain("not an engine event");
    expect(r.stats.corruptLines).toBe(4);
    expect(r.steps).toHaveLength(6);
    expect(r.summary!.resourceChanges).toEqual({ same: 5, update: 1 });
  });

  it("throws at the first corrupt line in strict mode, naming file and line", async () => {
    const lines = [...up4];
    lines.splice(2, 0, "garbage");
    const path = write("strict.jsonl", lines.join("\n"));
    const err = await parseEventLog(path, { strict: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlanParseError);
    expect((err as PlanParseError).message).toMatch(new RegExp(`strict\\.jsonl:3: invalid JSON`));
    expect((err as PlanParseError).line).toBe(3);
  });

  it("checks only the framing of lines nothing reads, unless parseAll is set", () => {
    const outputs = up4.find((l) => l.includes('"resOutputsEvent"'))!;
    const damaged = outputs.replace('"inputs":{', '"inputs":{{');
    const truncated = outputs.slice(0, 200);
    const lines = [...up4.slice(0, -1), damaged, truncated].join("\n");
    const fast = parseEventLogText(lines);
    expect(fast.corrupt.map((c) => c.line)).toEqual([17]); // the truncated one
    const full = parseEventLogText(lines, { parseAll: true });
    expect(full.corrupt.map((c) => c.line)).toEqual([16, 17]);
    expect(full.steps).toEqual(fast.steps);
    expect(() => parseEventLogText(lines, { strict: true, file: "up.jsonl" })).toThrow(
      /^up\.jsonl:16: invalid JSON/,
    );
  });

  it("records unknown ops and shapeless pre-events as corrupt", () => {
    const r = parseEventLogText(
      [
        '{"sequence":1,"resourcePreEvent":{"metadata":{"op":"frobnicate","urn":"urn:pulumi:s::p::t:m:T::a","type":"t:m:T"}}}',
        '{"sequence":2,"resourcePreEvent":{"planning":true}}',
        '{"sequence":3,"resourcePreEvent":{"metadata":{"op":"create","type":"t:m:T"}}}',
        '{"sequence":4,"resourcePreEvent":null}',
      ].join("\n"),
    );
    expect(r.corrupt.map((c) => c.line)).toEqual([1, 2, 3, 4]);
    expect(r.corrupt[0]!.error).toMatch(
      /^resourcePreEvent: unknown op "frobnicate" \(expected one of same, create/,
    );
    expect(r.corrupt[1]!.error).toBe("resourcePreEvent without metadata");
    expect(r.corrupt[2]!.error).toBe("resourcePreEvent: step without a string urn");
    expect(r.corrupt[3]!.error).toBe("resourcePreEvent is null, expected an object");
    expect(r.steps).toEqual([]);
  });

  it("ignores event kinds the TypeScript types lack, and unknown keys; errorEvent becomes a diagnostic", () => {
    const pre = up4[1]!;
    const r = parseEventLogText(
      [
        '{"sequence":0,"timestamp":0,"policyLoadEvent":{}}',
        '{"sequence":1,"timestamp":0,"progressEvent":{"type":"plugin-download","id":"x","message":"downloading","received":10,"total":100,"done":false}}',
        '{"sequence":2,"timestamp":0,"startDebuggingEvent":{"config":{"port":1}}}',
        '{"sequence":3,"timestamp":0,"someFutureEvent":{"x":1},"extraKey":true}',
        '{"sequence":4,"timestamp":0}',
        '{"sequence":5,"timestamp":0,"errorEvent":{"error":"<{%fg 1%}>boom<{%reset%}>\\n"}}',
        '{"sequence":6,"timestamp":0,"stdoutEvent":{"message":"hi","color":"raw"}}',
        pre.replace('"metadata":{', '"futureField":[1,2],"metadata":{"newThing":{"a":1},'),
      ].join("\n"),
    );
    expect(r.corrupt).toEqual([]);
    expect(r.stats.events).toBe(8);
    expect(r.diagnostics).toEqual([{ severity: "error", message: "boom", line: 6 }]);
    expect(r.steps).toHaveLength(1);
  });

  it("rejects input that is not an event log at all, with a hint for pretty-printed JSON", async () => {
    const err = await parseEventLog(write("log.txt", "Previewing update (dev)\n\n  + 3 to create\n")).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PlanParseError);
    expect((err as Error).message).toMatch(
      /log\.txt: not an engine event log: none of its 2 non-blank lines/,
    );
    expect((err as Error).message).toContain("line 1: invalid JSON");

    const digest = await parseEventLog(fixture("sample-preview-update.json")).catch((e: unknown) => e);
    expect((digest as Error).message).toContain("use parsePreviewJson");
  });

  it("accepts an empty log as no events", async () => {
    const r = await parseEventLog(write("empty.jsonl", ""));
    expect(r.steps).toEqual([]);
    expect(r.summary).toBeUndefined();
  });
});

describe("sources", () => {
  it("reads a stream whose chunks split lines and multi-byte characters, with CRLF and a BOM", async () => {
    const lines = text("webserver-userdata.json")
      .trimEnd()
      .split("\n")
      .map((l) => l.replace("Hello, Pulumi!", "Héllo, Pülumi 🚀"));
    const bytes = Buffer.from(`\uFEFF${lines.join("\r\n")}`, "utf8");
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 7) chunks.push(bytes.subarray(i, i + 7));
    const r = await parseEventLog(Readable.from(chunks), { file: "stdin" });
    const replace = r.steps.find((s) => s.op === "replace")!;
    expect(replace.newInputs!.userData).toContain("Héllo, Pülumi 🚀");
    expect(r.corrupt).toEqual([]);
    expect(r.steps).toHaveLength(3);
  });

  it("gives the same result from onEvent objects as from the file", async () => {
    const collector = new EngineEventCollector();
    for (const line of text("lifecycle-TestDeleteBeforeReplace-0-0-eventstream.json").trim().split("\n"))
      collector.addEvent(JSON.parse(line));
    const fromFile = await parseEventLog(fixture("lifecycle-TestDeleteBeforeReplace-0-0-eventstream.json"));
    expect(collector.result().steps).toEqual(fromFile.steps);
    expect(collector.result().summary).toEqual(fromFile.summary);
  });

  it("skips overlong lines as corrupt instead of growing one string without bound", async () => {
    const seen: string[] = [];
    const overlong: number[] = [];
    const splitter = new LineSplitter((l) => seen.push(l), {
      maxLineBytes: 10,
      onOverlong: (n) => overlong.push(n),
    });
    splitter.push("short\n0123456789ABC");
    splitter.push("DEF\nok\nalso-too-long-line\nend");
    splitter.end();
    expect(seen).toEqual(["short", "ok", "end"]);
    expect(overlong).toEqual([2, 4]);
  });
});

it("strips Pulumi colour markup", () => {
  expect(stripColorMarkup("<{%fg 1%}>error: <{%reset%}>x<{%reset%}>\n")).toBe("error: x");
});
