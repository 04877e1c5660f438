import { execFile } from "node:child_process";
import { cpSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import * as path from "node:path";
import { afterAll, afterEach, beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { isBlocked, review, type ReviewStep } from "../../orchestrator/review";
import { tmpdir } from "node:os";
import { renderComments, renderText } from "../../plan/render";
import { waitForNoStrayProcesses } from "../support/processes";
import { tempDir } from "../support/temp";

const ROOT = path.resolve(__dirname, "../..");
const CLI = path.join(ROOT, "dist/orchestrator/cli.js");

/** A copy of stacks/ with one edit, used as the working tree's stack files (the base is HEAD). */
function editedStacks(edit: (prodYaml: string) => string): string {
  const dir = tempDir("review-stacks-");
  cpSync(path.join(ROOT, "stacks"), dir, { recursive: true });
  const file = path.join(dir, "Pulumi.prod.yaml");
  writeFileSync(file, edit(readFileSync(file, "utf8")));
  return dir;
}

const fixtureDirs: string[] = [];
afterAll(() => {
  for (const d of fixtureDirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A copy of an engine fixture whose URNs name `stack` (the fixtures are of stack "test"; a review checks the stack). */
function fixtureAs(name: string, stack: string): string {
  const text = readFileSync(path.join(ROOT, "test/fixtures/pulumi-engine", name), "utf8");
  const dir = mkdtempSync(path.join(tmpdir(), "review-fixture-"));
  fixtureDirs.push(dir);
  const file = path.join(dir, name);
  writeFileSync(file, text.replaceAll("urn:pulumi:test::", `urn:pulumi:${stack}::`));
  return file;
}

const saved = process.env["PLATFORM_STACKS_DIR"];
afterEach(() => {
  if (saved === undefined) delete process.env["PLATFORM_STACKS_DIR"];
  else process.env["PLATFORM_STACKS_DIR"] = saved;
});

afterAll(async () => {
  // Synth workers, CLIs: nothing this file started is still running.
  expect(await waitForNoStrayProcesses()).toEqual([]);
});

describe("offline review (synth of HEAD vs synth of the working tree)", () => {
  beforeAll(() => {
    // The base must be a commit that has stacks/ and offline synth: HEAD in this repository.
    expect(readFileSync(path.join(ROOT, "stacks/Pulumi.prod.yaml"), "utf8")).toContain(
      "tier: db-custom-2-7680",
    );
  });

  it("a prod database tier change shows the diff and the cost Δ, and passes the guards", async () => {
    process.env["PLATFORM_STACKS_DIR"] = editedStacks((y) =>
      y.replace("tier: db-custom-2-7680", "tier: db-custom-4-15360"),
    );
    const progress: ReviewStep[] = [];
    const [r] = await review({
      envs: ["prod"],
      source: { kind: "offline", base: "HEAD" },
      onStep: (s) => progress.push(s),
    });
    // Every step is reported done: the base's checkout and build (cached or not), both synths, the diff.
    const done = progress
      .filter((s) => s.state === "done")
      .map((s) => [s.step, "side" in s ? s.side : "", "env" in s ? s.env : ""].join(" ").trim());
    expect(done.sort()).toEqual(["build", "checkout", "diff  prod", "synth base prod", "synth head prod"]);
    const changed = r!.steps.filter((s) => s.op !== "same");
    expect(changed.map((s) => [s.op, s.name]).sort()).toEqual([
      ["update", "db-instance"],
      ["update", "db-replica-0"],
    ]);
    const db = changed.find((s) => s.name === "db-instance")!;
    expect(db.detailedDiff?.["settings.tier"]).toEqual({ kind: "update", inputDiff: true });
    // prod runs in europe-west1, where the price table has no Cloud SQL figures: not priced (a
    // partial total, said so), never priced at us-central1's rates.
    expect(r!.cost!.notPriced).toContain("gcp:sql/databaseInstance:DatabaseInstance");
    expect(r!.budget?.message).toContain("partial total");
    expect(r!.findings.filter((f) => f.blocking)).toEqual([]);
    expect(isBlocked([r!])).toBe(false);
    const text = renderText([r!]);
    expect(text).toContain("settings.tier");
    expect(text).toContain("db-custom-4-15360");
    const [comment] = renderComments([r!]);
    expect(comment).toMatch(/^<!-- platform-review/);
    expect(comment).toContain("db-custom-2-7680");
  }, 180_000); // the first offline review builds the base commit (cold cache: a full compile)

  it("replacing the prod database is a blocking data-loss finding unless acknowledged", async () => {
    process.env["PLATFORM_STACKS_DIR"] = editedStacks((y) =>
      y.replace("version: POSTGRES_17", "version: POSTGRES_16"),
    );
    const [r] = await review({ envs: ["prod"], source: { kind: "offline", base: "HEAD" } });
    const replaced = r!.steps.filter((s) => s.op === "replace").map((s) => s.name);
    expect(replaced).toContain("db-instance");
    const loss = r!.findings.filter((f) => f.id === "platform/data-loss" && f.blocking);
    expect(loss.map((f) => f.urn?.split("::").pop())).toContain("db-instance");
    expect(isBlocked([r!])).toBe(true);

    const urns = loss.map((f) => f.urn!);
    const progress: ReviewStep[] = [];
    const [acked] = await review({
      envs: ["prod"],
      source: { kind: "offline", base: "HEAD" },
      allowDataLoss: urns,
      onStep: (s) => progress.push(s),
      synthCache: false, // the head afresh (its own cache: synth-cache.test.ts)
    });
    // The same base again: its build and synth are reused, only the head is synthesized.
    const cached = progress
      .filter((s) => s.step !== "diff" && s.state === "done")
      .map((s) => [`${s.step}${"side" in s ? ` ${s.side}` : ""}`, "cached" in s && s.cached]);
    expect(Object.fromEntries(cached)).toEqual({
      checkout: true,
      build: true,
      "synth base": true,
      "synth head": false,
    });
    expect(acked!.findings.filter((f) => f.id === "platform/data-loss" && f.blocking)).toEqual([]);
  });

  it("an unchanged head is read from the synth cache, and the progress says so", async () => {
    const cache = process.env["PLATFORM_SYNTH_CACHE"];
    process.env["PLATFORM_SYNTH_CACHE"] = tempDir("review-synth-cache-"); // on, whatever the caller set
    process.env["PLATFORM_STACKS_DIR"] = editedStacks((y) =>
      y.replace("tier: db-custom-2-7680", "tier: db-custom-8-30720"),
    );
    const heads: boolean[] = [];
    const results = [];
    try {
      for (let i = 0; i < 2; i++) {
        const [r] = await review({
          envs: ["prod"],
          source: { kind: "offline", base: "HEAD" },
          onStep: (s) =>
            s.step === "synth" && s.side === "head" && s.state === "done" && heads.push(s.cached),
        });
        results.push(r!);
      }
    } finally {
      if (cache === undefined) delete process.env["PLATFORM_SYNTH_CACHE"];
      else process.env["PLATFORM_SYNTH_CACHE"] = cache;
    }
    expect(heads).toEqual([false, true]);
    expect(results[1]!.steps).toEqual(results[0]!.steps);
    expect(results[1]!.steps.find((s) => s.name === "db-instance")!.op).toBe("update");
  });

  it("the CLI exits 3 on the blocked replacement and prints the data-loss finding", async () => {
    const dir = editedStacks((y) => y.replace("version: POSTGRES_17", "version: POSTGRES_16"));
    const r = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [CLI, "review", "--env", "prod", "--offline", "--base", "HEAD", "--format", "markdown"],
        { env: { ...process.env, PLATFORM_STACKS_DIR: dir }, maxBuffer: 64 * 1024 * 1024 },
        (err, stdout, stderr) =>
          resolve({ code: err ? Number((err as { code?: number }).code) : 0, stdout, stderr }),
      );
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(3);
    expect(r.stdout).toContain("platform/data-loss");
  });
});

describe("review from a recorded event log", () => {
  it("reads the log, prices what it can and lists the rest as not priced", async () => {
    const log = fixtureAs("lifecycle-TestDeleteBeforeReplace-0-0-eventstream.json", "dev");
    const [r] = await review({ envs: ["dev"], source: { kind: "file", path: log } });
    expect(r!.source).toBe("event-log");
    expect(r!.steps.length).toBeGreaterThan(0);
    expect(r!.cost!.notPriced.length).toBeGreaterThan(0);
  });

  it("a missing file is a clear error", async () => {
    await expect(
      review({ envs: ["dev"], source: { kind: "file", path: "/nonexistent/{env}.jsonl" } }),
    ).rejects.toThrow(/nonexistent\/dev\.jsonl/);
  });
});

describe("review --post", () => {
  it("upserts one sticky comment on the pull request from the GitHub Actions environment", async () => {
    const { FakeGitHub } = await import("../support/fake-github.js");
    const gh = new FakeGitHub();
    await gh.start();
    try {
      const event = path.join(tempDir("gh-"), "event.json");
      writeFileSync(event, JSON.stringify({ pull_request: { number: 42 } }));
      const log = fixtureAs("lifecycle-TestDeleteBeforeReplace-0-0-eventstream.json", "dev");
      const env = {
        ...process.env,
        GITHUB_TOKEN: gh.token,
        GITHUB_REPOSITORY: "acme/shop",
        GITHUB_EVENT_PATH: event,
        GITHUB_API_URL: gh.url,
      };
      const runOnce = () =>
        new Promise<{ code: number; stderr: string }>((resolve) => {
          execFile(
            process.execPath,
            [CLI, "review", "--env", "dev", "--events", log, "--format", "markdown", "--post"],
            { env },
            (err, _out, stderr) =>
              resolve({ code: err ? Number((err as { code?: number }).code) : 0, stderr }),
          );
        });
      const first = await runOnce();
      expect(gh.list("acme/shop#42")).toHaveLength(1);
      const second = await runOnce();
      expect([first.code, second.code].every((c) => c === 0 || c === 3)).toBe(true);
      const comments = gh.list("acme/shop#42");
      expect(comments).toHaveLength(1); // updated in place, not duplicated
      expect(comments[0]!.body).toMatch(/^<!-- platform-review/);
      expect(comments[0]!.body).toContain("| **dev** |");
    } finally {
      await gh.stop();
    }
  });
});
