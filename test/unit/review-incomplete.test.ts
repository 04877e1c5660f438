// Part 2 of issue 10: a recorded plan that is not whole, or is of another stack, is never reviewed
// as a clean plan.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { INCOMPLETE_PLAN_RULE, isBlocked, review } from "../../orchestrator/review";
import { parsePlanFile, planCompleteness, planStacks } from "../../plan/parse";

const ROOT = path.resolve(__dirname, "../..");
const CLI = path.join(ROOT, "dist/orchestrator/cli.js");
const FIXTURES = path.join(ROOT, "test/fixtures/pulumi-engine");

const SQL = "gcp:sql/databaseInstance:DatabaseInstance";
const urn = (stack: string, type: string, name: string) => `urn:pulumi:${stack}::platform::${type}::${name}`;

/** An event log of `stack`: the root stack unchanged, a bucket updated, then the Cloud SQL instance deleted. */
export function sqlDeleteLog(stack: string): string[] {
  const ev = (seq: number, body: Record<string, unknown>) =>
    JSON.stringify({ sequence: seq, timestamp: 1_760_000_000 + seq, ...body });
  const state = (type: string, name: string, inputs: Record<string, unknown>) => ({
    type,
    urn: urn(stack, type, name),
    custom: true,
    id: name,
    parent: urn(stack, "pulumi:pulumi:Stack", `platform-${stack}`),
    inputs,
    outputs: inputs,
    provider: "",
  });
  const root = { ...state("pulumi:pulumi:Stack", `platform-${stack}`, {}), custom: false, parent: "" };
  const bucketOld = state("gcp:storage/bucket:Bucket", "logs", { location: "US", labels: { env: stack } });
  const bucketNew = { ...bucketOld, inputs: { location: "US", labels: { env: stack, team: "platform" } } };
  const db = state(SQL, "db-instance", {
    databaseVersion: "POSTGRES_17",
    region: "us-central1",
    settings: { tier: "db-f1-micro" },
    deletionProtection: false,
  });
  return [
    ev(0, { preludeEvent: { config: {} } }),
    ev(1, {
      resourcePreEvent: {
        metadata: { op: "same", urn: root.urn, type: root.type, old: root, new: root, provider: "" },
      },
    }),
    ev(2, {
      resourcePreEvent: {
        metadata: {
          op: "update",
          urn: bucketOld.urn,
          type: bucketOld.type,
          old: bucketOld,
          new: bucketNew,
          diffs: ["labels"],
          detailedDiff: { "labels.team": { diffKind: "add", inputDiff: true } },
          provider: "",
        },
      },
    }),
    ev(3, {
      resourcePreEvent: {
        metadata: { op: "delete", urn: db.urn, type: SQL, old: db, provider: "" },
      },
    }),
    ev(4, {
      summaryEvent: {
        maybeCorrupt: false,
        durationSeconds: 3,
        resourceChanges: { same: 1, update: 1, delete: 1 },
        PolicyPacks: {},
      },
    }),
  ];
}

let dir: string;
const write = (name: string, lines: readonly string[]) => {
  const file = path.join(dir, name);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "review-incomplete-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code) : 0, stdout, stderr }),
    );
  });
}

describe("planCompleteness (pure)", () => {
  it("every complete engine fixture with a summary is complete", async () => {
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith(".json"));
    for (const f of files) {
      const { format, result } = await parsePlanFile(path.join(FIXTURES, f));
      if (format === "inventory") continue;
      const verdict = planCompleteness(result, format === "event-log" ? "event-log" : "preview-digest");
      expect({ f, ...verdict }).toEqual({ f, complete: true, problems: [] });
    }
  });

  it("a log without its summary event is incomplete", () => {
    const v = planCompleteness({ steps: [{ op: "same" }, { op: "update" }] }, "event-log");
    expect(v.complete).toBe(false);
    expect(v.problems.join()).toMatch(/no summaryEvent/);
  });

  it("steps that do not add up to the summary are incomplete", () => {
    const summary = { resourceChanges: { same: 1, update: 1, delete: 1 }, maybeCorrupt: false };
    const v = planCompleteness({ summary, steps: [{ op: "same" }, { op: "update" }] }, "event-log");
    expect(v.complete).toBe(false);
    expect(v.problems.join()).toMatch(/delete: summary 1, steps 0/);
  });

  it("a preview digest without changeSummary is incomplete; one without `same` steps is not", () => {
    expect(planCompleteness({ steps: [{ op: "create" }] }, "preview-digest").complete).toBe(false);
    const summary = { resourceChanges: {}, maybeCorrupt: false, durationSeconds: 1 };
    expect(
      planCompleteness({ summary, steps: [{ op: "create" }] }, "preview-digest").problems.join(),
    ).toMatch(/no changeSummary/);
    const withSames = { resourceChanges: { same: 10, create: 1 }, maybeCorrupt: false };
    expect(
      planCompleteness({ summary: withSames, steps: [{ op: "create" }] }, "preview-digest").complete,
    ).toBe(true);
  });

  it("planStacks reads the stack from every URN", () => {
    expect(planStacks([{ urn: urn("prod", SQL, "db") }, { urn: urn("prod", SQL, "db2") }])).toEqual(["prod"]);
  });
});

describe("review refuses incomplete recorded plans", () => {
  it("the whole dev log blocks on the Cloud SQL delete (data loss)", async () => {
    const [r] = await review({
      envs: ["dev"],
      source: { kind: "file", path: write("whole.jsonl", sqlDeleteLog("dev")) },
    });
    expect(r!.findings.some((f) => f.id === "platform/data-loss" && f.blocking)).toBe(true);
    expect(r!.findings.some((f) => f.id === INCOMPLETE_PLAN_RULE)).toBe(false);
  });

  it("the log cut at a line boundary before the delete is an incomplete plan, and blocks", async () => {
    const cut = write("cut.jsonl", sqlDeleteLog("dev").slice(0, 3));
    const [r] = await review({ envs: ["dev"], source: { kind: "file", path: cut }, strict: true });
    const f = r!.findings.find((x) => x.id === INCOMPLETE_PLAN_RULE);
    expect(f?.blocking).toBe(true);
    expect(f?.message).toMatch(/incomplete plan: .*no summaryEvent/);
    expect(isBlocked([r!])).toBe(true);
  });

  it("a log whose delete line was dropped but whose summary survived is incomplete", async () => {
    const lines = sqlDeleteLog("dev");
    const file = write("dropped.jsonl", [...lines.slice(0, 3), lines[4]!]);
    const [r] = await review({ envs: ["dev"], source: { kind: "file", path: file } });
    expect(r!.findings.find((x) => x.id === INCOMPLETE_PLAN_RULE)?.message).toMatch(
      /delete: summary 1, steps 0/,
    );
  });

  it("--allow-incomplete shows the finding without blocking", async () => {
    const cut = write("cut2.jsonl", sqlDeleteLog("dev").slice(0, 3));
    const [r] = await review({ envs: ["dev"], source: { kind: "file", path: cut }, allowIncomplete: true });
    expect(r!.findings.find((x) => x.id === INCOMPLETE_PLAN_RULE)?.blocking).toBe(false);
    expect(isBlocked([r!])).toBe(false);
  });

  it("a preview JSON without changeSummary is incomplete", async () => {
    const digest = JSON.parse(
      readFileSync(path.join(FIXTURES, "sample-preview-update.json"), "utf8"),
    ) as Record<string, unknown>;
    delete digest["changeSummary"];
    const file = path.join(dir, "digest.json");
    writeFileSync(file, JSON.stringify(digest, null, 2));
    const [r] = await review({ envs: ["dev"], source: { kind: "file", path: file } });
    expect(r!.findings.find((x) => x.id === INCOMPLETE_PLAN_RULE)?.message).toMatch(/no changeSummary/);
  });

  it("a prod log reviewed as --env dev is an error naming both stacks", async () => {
    const file = write("prod.jsonl", sqlDeleteLog("prod"));
    await expect(review({ envs: ["dev"], source: { kind: "file", path: file } })).rejects.toThrow(
      /plan of stack "prod", but it is reviewed as --env dev/,
    );
  });
});

describe("steps supplied by a live preview", () => {
  it("a preview whose events do not add up to its summary is an incomplete plan", async () => {
    const steps = [{ op: "update" as const }].map((x) => ({
      ...x,
      urn: urn("dev", "gcp:storage/bucket:Bucket", "logs"),
      type: "gcp:storage/bucket:Bucket",
      name: "logs",
    }));
    const [r] = await review({
      envs: ["dev"],
      source: {
        kind: "steps",
        source: "preview",
        steps: async () => steps as never,
        completeness: async () =>
          planCompleteness(
            { steps, summary: { resourceChanges: { update: 1, delete: 1 }, maybeCorrupt: false } },
            "event-log",
          ),
      },
    });
    expect(r!.findings.find((f) => f.id === INCOMPLETE_PLAN_RULE)).toMatchObject({
      blocking: true,
      message: expect.stringMatching(/^incomplete plan: preview of dev: .*delete: summary 1, steps 0/),
    });
  });
});

describe("platform review CLI", () => {
  it("exits 3 on the cut log, even without --strict, and 0 with --allow-incomplete", async () => {
    const cut = write("cut-cli.jsonl", sqlDeleteLog("dev").slice(0, 3));
    const blocked = await cli(["review", "--env", "dev", "--events", cut, "--format", "json", "--strict"]);
    expect(blocked.code).toBe(3);
    expect(blocked.stdout).toContain(INCOMPLETE_PLAN_RULE);
    const allowed = await cli(["review", "--env", "dev", "--events", cut, "--allow-incomplete"]);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain("incomplete plan");
  });

  it("exits 2 naming both stacks when the log is of prod", async () => {
    const file = write("prod-cli.jsonl", sqlDeleteLog("prod"));
    const r = await cli(["review", "--env", "dev", "--events", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/stack "prod".*--env dev/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
