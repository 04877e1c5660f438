// Part 4 of issue 10 through the CLI and the Pulumi CLI double: validation before the engine, one
// broken stack file blocking only what depends on it, flag bounds, --target, timeouts, workers
// dying with their parent, audit start/end/interrupted lines, recovery commands that run as
// printed. Requires `npm run build`.
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { cancel, refresh, up } from "../../orchestrator";
import {
  fixtureStack,
  jsonLines,
  lockFiles,
  removeSetups,
  runCli,
  setup,
  startCli,
  stateResources,
  waitForNoLeftovers,
  type Setup,
} from "./orchestrator-support";
import { ManualTimers } from "../support/manual-timers";
import { Gate } from "../support/pulumi-double/testing";

const BUCKET = "urn:pulumi:solo::platform::platform:test:Bundle$platform:test:Bucket::app-bucket";

let s: Setup;
beforeAll(async () => {
  s = await setup({ solo: fixtureStack(), other: fixtureStack() });
});
afterAll(async () => {
  try {
    expect(await waitForNoLeftovers()).toEqual([]);
  } finally {
    removeSetups();
  }
});

const noTrace = (text: string) => expect(text).not.toMatch(/\n\s+at /);
const auditLines = () =>
  fs.existsSync(s.auditLog)
    ? fs
        .readFileSync(s.auditLog, "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as Record<string, unknown>)
    : [];

describe("flags are checked before any engine call", () => {
  const cases: [string, string[], RegExp][] = [
    [
      "--parallel above the bound",
      ["--parallel", "100000"],
      /--parallel must be an integer 1–256, got "100000"/,
    ],
    ["--timeout 0s", ["--timeout", "0s"], /--timeout must be at least 1s/],
    ["--target that is not a URN", ["--target", "app-bucket"], /--target: "app-bucket" is not a URN/],
    [
      "--target of another stack",
      ["--target", BUCKET.replace(":solo::", ":prod::")],
      /is a URN of stack "prod", which is not among --env solo/,
    ],
  ];
  it.each(cases)("%s: exit 2, nothing started", async (_name, flags, message) => {
    const run = await runCli(["up", "--env", "solo", "--yes", ...flags, ...s.cliFlags], s.cliEnv);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    noTrace(run.stderr);
    expect(fs.existsSync(s.backendDir)).toBe(false);
  });
});

describe("a broken stack file blocks only what depends on it", () => {
  it("Pulumi.zz.yaml with invalid YAML: up --env solo runs, --env all is refused naming the file", async () => {
    s.writeStack("zz", "config:\n  platform:size: [1\n");
    try {
      const all = await runCli(["preview", "--env", "all", ...s.cliFlags], s.cliEnv);
      expect(all.code).toBe(2);
      expect(all.stderr).toMatch(/Pulumi\.zz\.yaml: not valid YAML/);
      noTrace(all.stderr);
      const solo = await runCli(["up", "--env", "solo", "--yes", ...s.cliFlags], s.cliEnv);
      expect(solo.stderr).toBe("");
      expect(solo.code).toBe(0);
      s.writeStack("dep", fixtureStack({ dependsOn: ["zz"] }));
      const dep = await runCli(["preview", "--env", "dep", ...s.cliFlags], s.cliEnv);
      expect(dep.code).toBe(2);
      expect(dep.stderr).toMatch(/Pulumi\.zz\.yaml: not valid YAML/);
    } finally {
      fs.rmSync(path.join(s.stacksDir, "Pulumi.zz.yaml"), { force: true });
      fs.rmSync(path.join(s.stacksDir, "Pulumi.dep.yaml"), { force: true });
    }
  }, 120_000);
});

describe("--target", () => {
  it("a URN of the stack that matches no resource is an error, not 'no changes'", async () => {
    const gone = BUCKET.replace("::app-bucket", "::no-such-bucket");
    const run = await runCli(["up", "--env", "solo", "--yes", "--target", gone, ...s.cliFlags], s.cliEnv);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/--target matches no resource of stack solo: .*no-such-bucket/);
    const ok = await runCli(["preview", "--env", "solo", "--target", BUCKET, ...s.cliFlags], s.cliEnv);
    expect(ok.code).toBe(0);
  }, 120_000);
});

describe("timeouts", () => {
  it("a timeout that fires says so", async () => {
    expect((await up({ ...s.base, env: "other" })).ok).toBe(true);
    s.writeStack("other", fixtureStack({ size: 7 }));
    // The test's clock: the timeout fires once an operation is held in flight, the kill once the
    // engine has been asked to stop (no wall-clock wait).
    const timers = new ManualTimers();
    const gate = new Gate(s.dir, "timeout-fires");
    const running = up({
      ...s.base,
      env: "other",
      timeoutMs: 2_000,
      killAfterMs: 500,
      timers,
      envVars: { ...s.base.envVars, ...gate.env },
    });
    await gate.until((l) => l.event === "op-held", "an operation in flight");
    timers.advance(2_000);
    await gate.until((l) => l.event === "sigint", "the engine asked to stop");
    timers.advance(500);
    const run = await running;
    const r = run.results[0]!;
    expect(r.status).toBe("aborted");
    expect(r.error).toMatch(/^timed out after 2s \(--timeout\): /);
    expect(await waitForNoLeftovers()).toEqual([]);
    // What the kill left (lock, pending operation) is cleaned up the reported way.
    expect((await cancel({ ...s.base, env: "other" })).ok).toBe(true);
    const refreshed = await refresh({ ...s.base, env: "other", clearPendingCreates: true });
    expect(refreshed.results[0], JSON.stringify(refreshed.results[0])).toMatchObject({ status: "succeeded" });
  }, 180_000);
});

describe("the CLI killed with SIGKILL mid-up", () => {
  it("leaves no process behind, writes start and interrupted audit lines, and prints a recovery that works as printed", async () => {
    s.writeStack("solo", fixtureStack({ size: 3 }));
    const before = auditLines().length;
    const cli = startCli(["up", "--env", "solo", "--yes", "--json", ...s.cliFlags], {
      ...s.cliEnv,
      PULUMI_DOUBLE_DELAY_MS: "30000",
    });
    await cli.waitFor('"op":"update"'); // the update is under way
    cli.signal("SIGKILL");
    await cli.done;
    // No survivor: the worker, the Pulumi CLI and its plugins go with the orchestrator at once.
    expect(await waitForNoLeftovers(3_000)).toEqual([]);
    const lines = auditLines().slice(before);
    expect(lines.map((l) => `${l["event"]}:${l["verb"]}:${l["env"]}:${l["result"]}`)).toEqual([
      "start:up:solo:started",
      "interrupted:up:solo:interrupted",
    ]);
    expect(lockFiles(s, "solo")).toHaveLength(1);

    // The next run reports the stale lock with its recovery; each printed command runs as printed
    // (no terminal: --yes; the same backend, stacks, data dir and program: their flags).
    const next = await runCli(["up", "--env", "solo", "--yes", "--json", ...s.cliFlags], s.cliEnv);
    const result = jsonLines(next.stdout).result!;
    const recovery = (result["results"] as { recovery?: string[] }[])[0]!.recovery ?? [];
    expect(recovery.length).toBeGreaterThan(0);
    const cancel = recovery.find((c) => c.startsWith("npx platform cancel"))!;
    const args = cancel
      .replace(/\s+#.*$/, "")
      .replace(/^npx platform /, "")
      .split(/\s+/);
    const ran = await runCli(args, s.cliEnv);
    expect(ran.code).toBe(0);
    expect(lockFiles(s, "solo")).toEqual([]);
    const again = await runCli(["up", "--env", "solo", "--yes", ...s.cliFlags], s.cliEnv);
    expect(again.code).toBe(0);
    expect(stateResources(s, "solo").some((r) => r.type === "platform:test:Bucket")).toBe(true);
  }, 180_000);

  it("a crashed update's printed recovery (cancel, refresh) works as printed", async () => {
    s.writeStack("other", fixtureStack({ size: 9 }));
    const crashed = await runCli(["up", "--env", "other", "--yes", "--json", ...s.cliFlags], {
      ...s.cliEnv,
      PULUMI_DOUBLE_CRASH_AFTER: "0",
    });
    expect(crashed.code).toBe(1);
    const result = jsonLines(crashed.stdout).result!;
    const recovery = (result["results"] as { recovery?: string[] }[])[0]!.recovery!;
    expect(recovery.map((c) => c.split(" ").slice(0, 3).join(" "))).toEqual([
      "npx platform cancel",
      "npx platform refresh",
    ]);
    for (const cmd of recovery) {
      const args = cmd
        .replace(/\s+#.*$/, "")
        .replace(/^npx platform /, "")
        .split(/\s+/);
      const ran = await runCli(args, s.cliEnv);
      expect({ cmd, code: ran.code }).toEqual({ cmd, code: 0 });
    }
    expect((await runCli(["up", "--env", "other", "--yes", ...s.cliFlags], s.cliEnv)).code).toBe(0);
  }, 180_000);
});
