// The library API end to end through the real Automation API against the Pulumi CLI double:
// the lifecycle on the real platform program, "same program" as `pulumi up`, the environment
// graph, faults, locks and the audit log. Requires `npm run build` (workers and the double run
// compiled).
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { synth } from "../../orchestrator/synth";
import { destroy, outputs, preview, refresh, up, cancel } from "../../orchestrator/verbs";
import { SECRET_SIG_KEY } from "../../orchestrator/operation";
import { Status, type OrchestratorEvent, type RunResult } from "../../orchestrator/types";
import {
  REPO,
  fixtureStack,
  leftoverProcesses,
  lockFiles,
  setup,
  stateResources,
  waitForNoLeftovers,
  removeSetups,
  type Setup,
} from "./orchestrator-support";
import { ManualTimers } from "../support/manual-timers";
import { Gate } from "../support/pulumi-double/testing";
import type { TraceLine } from "../support/pulumi-double/trace";

const byEnv = (run: RunResult, env: string) => run.results.find((r) => r.env === env)!;

afterAll(async () => {
  expect(await waitForNoLeftovers()).toEqual([]);
  removeSetups();
});

describe("lifecycle", () => {
  it("up → outputs → preview (no changes) → config change → preview shows the update → up → destroy", async () => {
    const s = await setup({ solo: fixtureStack() });
    const deployed = await up({ ...s.base, env: "solo" });
    expect(deployed.results[0]).toMatchObject({
      env: "solo",
      status: Status.succeeded,
      changes: expect.objectContaining({ create: 5 }),
    });
    expect(deployed.results[0]!.outputs).toMatchObject({
      size: 1,
      password: "[secret]",
      bucketName: expect.stringMatching(/^b-/),
    });

    const outs = await outputs({ ...s.base, env: "solo" });
    expect(outs.results[0]!.outputs).toEqual(deployed.results[0]!.outputs);

    const clean = await preview({ ...s.base, env: "solo", expectNoChanges: true });
    expect(clean.results[0]).toMatchObject({ status: Status.succeeded, changes: { same: 5 } });

    s.writeStack("solo", fixtureStack({ size: 2 }));
    const changed = await preview({ ...s.base, env: "solo", expectNoChanges: true });
    expect(changed.results[0]).toMatchObject({
      status: Status.changesDetected,
      changes: { same: 4, update: 1 },
    });
    expect(changed.ok).toBe(false);

    const updated = await up({ ...s.base, env: "solo" });
    expect(updated.results[0]).toMatchObject({
      status: Status.succeeded,
      changes: { same: 4, update: 1 },
      outputs: expect.objectContaining({ size: 2 }),
    });

    const destroyed = await destroy({ ...s.base, env: "solo" });
    expect(destroyed.results[0]).toMatchObject({
      status: Status.succeeded,
      changes: expect.objectContaining({ delete: 5 }),
    });
    expect(stateResources(s, "solo")).toEqual([]);
  }, 180_000);
});

describe("the platform program, as `pulumi up` runs it", () => {
  // One deployment of the real platform program (the expensive part) for both tests: the first
  // only reads its state, the second goes on to preview and destroy it.
  // Dev leaves KMS unprotected by default; this stack asks for protection explicitly. Two
  // deployments of dev get different per-deployment ring names by design; pin the name here.
  const dev = fs
    .readFileSync(path.join(REPO, "stacks", "Pulumi.dev.yaml"), "utf8")
    .replace("signingKey: false", "signingKey: false\n    protect: true\n    uniqueRingName: false");
  let s: Setup;
  let deployed: RunResult;
  beforeAll(async () => {
    s = await setup({ dev }, { program: "platform" });
    deployed = await up({ ...s.base, env: "dev" });
  }, 240_000);

  it("the orchestrator's inline program and the Pulumi.yaml entry with the repo's stack file register identical resources and inputs", async () => {
    expect(deployed.ok).toBe(true);

    // `pulumi up -s dev` as a platform engineer runs it: the repository's Pulumi.yaml (main:
    // programs/index.ts, stackConfigDir: stacks) and stack file, in a copy of that layout.
    const project = path.join(s.dir, "project");
    fs.mkdirSync(path.join(project, "stacks"), { recursive: true });
    fs.copyFileSync(path.join(REPO, "Pulumi.yaml"), path.join(project, "Pulumi.yaml"));
    fs.writeFileSync(path.join(project, "stacks", "Pulumi.dev.yaml"), dev);
    const localBackend = path.join(s.dir, "local-state");
    const env = {
      ...process.env,
      PULUMI_DOUBLE_MAIN: path.join(REPO, "dist", "programs", "index.js"),
      PULUMI_BACKEND_URL: `file://${localBackend}`,
      PULUMI_HOME: path.join(s.dir, "local-home"),
      PULUMI_CONFIG_PASSPHRASE: "another-passphrase",
    };
    const pulumi = path.join(s.root, "bin", "pulumi");
    execFileSync(pulumi, ["stack", "init", "dev", "--non-interactive"], { cwd: project, env });
    execFileSync(pulumi, ["up", "-s", "dev", "--yes", "--skip-preview", "--non-interactive"], {
      cwd: project,
      env,
    });

    const read = (backend: string) => {
      const doc = JSON.parse(
        fs.readFileSync(path.join(backend, ".pulumi", "stacks", "platform", "dev.json"), "utf8"),
      ) as {
        checkpoint: { latest: { resources: StateResource[] } };
      };
      const resources = doc.checkpoint.latest.resources;
      const computed = computedValues(resources);
      return new Map(
        resources.map((r) => [
          r.urn,
          {
            type: r.type,
            parent: r.parent,
            protect: r.protect ?? false,
            inputs: normalize(r.inputs, computed),
          },
        ]),
      );
    };
    const viaOrchestrator = read(s.backendDir);
    const viaPulumiUp = read(localBackend);
    expect([...viaOrchestrator.keys()].sort()).toEqual([...viaPulumiUp.keys()].sort());
    for (const [urn, resource] of viaPulumiUp)
      expect({ urn, ...viaOrchestrator.get(urn) }).toEqual({ urn, ...resource });
  }, 240_000);

  it("registers the same resources as the `pulumi up` entry (synth), and destroy keeps protected resources", async () => {
    expect(dev).toContain("protect: true");
    expect(deployed.results[0]).toMatchObject({
      env: "dev",
      status: Status.succeeded,
      changes: expect.objectContaining({ create: expect.any(Number) }),
    });
    expect(deployed.results[0]!.outputs).toMatchObject({ profile: "dev", networkId: expect.any(String) });

    // Same program: the orchestrator's inline program registers what programs/index.ts registers.
    const inventory = await synth("dev", { stacksDir: s.stacksDir });
    const deployedUrns = stateResources(s, "dev")
      .filter((r) => r.type !== "pulumi:pulumi:Stack" && !r.type.startsWith("pulumi:providers:"))
      .map((r) => r.urn)
      .sort();
    expect(deployedUrns).toEqual(inventory.resources.map((r) => r.urn).sort());
    const protectedInState = stateResources(s, "dev")
      .filter((r) => r.protect)
      .map((r) => r.urn)
      .sort();
    expect(protectedInState.length).toBeGreaterThan(0);
    expect(protectedInState).toEqual(
      inventory.resources
        .filter((r) => r.protect)
        .map((r) => r.urn)
        .sort(),
    );

    // A second look changes nothing, and a config change shows up as an update.
    const clean = await preview({ ...s.base, env: "dev", expectNoChanges: true });
    expect(clean.results[0]!.status).toBe(Status.succeeded);
    expect(Object.keys(clean.results[0]!.changes)).toEqual(["same"]);
    s.writeStack("dev", dev.replace(/diskSizeGb: 10\b/, "diskSizeGb: 20"));
    const changed = await preview({ ...s.base, env: "dev", expectNoChanges: true });
    expect(changed.results[0]).toMatchObject({
      status: Status.changesDetected,
      changes: expect.objectContaining({ update: 1 }),
    });

    // The KMS resources are protected: destroy reports them instead of unprotecting them.
    const blocked = await destroy({ ...s.base, env: "dev" });
    expect(blocked.results[0]).toMatchObject({ status: Status.blocked });
    expect([...blocked.results[0]!.protectedResources!].sort()).toEqual(protectedInState);
    expect(stateResources(s, "dev").length).toBe(deployedUrns.length + 3);

    const destroyed = await destroy({ ...s.base, env: "dev", excludeProtected: true });
    expect(destroyed.results[0]).toMatchObject({ status: Status.succeeded });
    expect([...destroyed.results[0]!.protectedResources!].sort()).toEqual(protectedInState);
    const left = stateResources(s, "dev");
    expect(
      left
        .filter((r) => r.protect)
        .map((r) => r.urn)
        .sort(),
    ).toEqual(protectedInState);
    expect(left.some((r) => r.type === "gcp:sql/databaseInstance:DatabaseInstance")).toBe(false);
  }, 240_000);
});

interface StateResource {
  urn: string;
  type: string;
  id?: string;
  parent?: string;
  protect?: boolean;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

/** Values the provider assigned (ids, computed outputs such as server-generated names) → where they came from. */
function computedValues(resources: readonly StateResource[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of resources) {
    if (r.id) out.set(r.id, `<${r.urn}.id>`);
    for (const [k, v] of Object.entries(r.outputs ?? {})) {
      if (typeof v === "string" && v.length >= 6 && !(k in (r.inputs ?? {}))) out.set(v, `<${r.urn}.${k}>`);
    }
  }
  return out;
}

/**
 * Inputs as the program passed them: secret values (encrypted with different keys in the two
 * states) as "[secret]", and values the provider computed in that deployment (ids, server-assigned
 * names, wherever they occur) as a reference to their source, so two independent deployments
 * compare equal exactly when the program and its config are the same.
 */
function normalize(value: unknown, computed: ReadonlyMap<string, string>): unknown {
  if (typeof value === "string") {
    // Computed values also appear inside strings (an uptime check id inside a dashboard's JSON).
    let out = value;
    for (const [v, ref] of [...computed].sort((a, b) => b[0].length - a[0].length))
      out = out.split(v).join(ref);
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => normalize(v, computed));
  if (value === null || typeof value !== "object") return value;
  if (SECRET_SIG_KEY in value) return "[secret]";
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v, computed)]));
}

describe("environments as a graph", () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup({
      shared: fixtureStack(),
      app1: fixtureStack({ dependsOn: ["shared"] }),
      app2: fixtureStack({ dependsOn: ["shared"] }),
      edge: fixtureStack({ dependsOn: ["app1"] }),
    });
  });

  it("runs dependencies first, independent stacks in parallel, each in its own process", async () => {
    const events: (OrchestratorEvent & { at: number })[] = [];
    // app1 and app2 are held until both have an operation in flight: they provably run at once.
    const gate = new Gate(s.dir, "graph");
    gate.open("shared", "edge");
    const running = up({
      ...s.base,
      env: "all",
      envVars: { ...s.base.envVars, ...gate.env },
      onEvent: (e) => events.push({ ...e, at: Date.now() }),
    });
    const held = (stack: string) => (l: TraceLine) => l.event === "op-held" && l.stack === stack;
    const [app1, app2] = [
      await gate.until(held("app1"), "app1 in flight"),
      await gate.until(held("app2"), "app2 in flight"),
    ];
    expect(app1.pid).not.toBe(app2.pid);
    expect(gate.lines().some((l) => l.event === "op-done" && l.stack !== "shared")).toBe(false);
    gate.open("app1", "app2");
    const run = await running;
    expect(run.ok).toBe(true);
    const at = (type: string, env: string) =>
      events.find((e) => e.type === type && "env" in e && e.env === env)!.at;
    expect(at("start", "app1")).toBeGreaterThanOrEqual(at("done", "shared"));
    expect(at("start", "app2")).toBeGreaterThanOrEqual(at("done", "shared"));
    expect(at("start", "edge")).toBeGreaterThanOrEqual(at("done", "app1"));
    // app1 and app2 overlap.
    expect(at("start", "app2")).toBeLessThan(at("done", "app1"));
    expect(at("start", "app1")).toBeLessThan(at("done", "app2"));
    for (const env of ["shared", "app1", "app2", "edge"])
      expect(stateResources(s, env).length).toBeGreaterThan(3);
  }, 180_000);

  it("a failure stops its dependents only", async () => {
    s.writeStack("app1", fixtureStack({ dependsOn: ["shared"], size: 2 }));
    s.writeStack("app2", fixtureStack({ dependsOn: ["shared"], size: 2 }));
    s.writeStack("edge", fixtureStack({ dependsOn: ["app1"], size: 2 }));
    const run = await up({
      ...s.base,
      env: "app1,app2,edge",
      // The failed program is stopped at once, not after the double's default 3 s grace.
      envVars: { ...s.base.envVars, PULUMI_DOUBLE_FAIL_ON: "app-bucket", PULUMI_DOUBLE_STOP_GRACE_MS: "0" },
      maxConcurrentStacks: 1,
    });
    expect(byEnv(run, "app1")).toMatchObject({
      status: Status.failed,
      error: expect.stringMatching(/injected provider error/),
    });
    expect(byEnv(run, "edge")).toMatchObject({
      status: Status.skipped,
      skippedBecause: "app1",
      error: "skipped: dependency app1 failed",
    });
    // app2 does not depend on app1: it ran (and failed on its own, the fault applies to every stack).
    expect(byEnv(run, "app2").status).toBe(Status.failed);
    expect(lockFiles(s, "app1")).toEqual([]);
  }, 180_000);

  it("destroys in reverse order", async () => {
    const events: (OrchestratorEvent & { at: number })[] = [];
    const run = await destroy({
      ...s.base,
      env: "all",
      onEvent: (e) => events.push({ ...e, at: Date.now() }),
    });
    expect(run.ok).toBe(true);
    const at = (type: string, env: string) =>
      events.find((e) => e.type === type && "env" in e && e.env === env)!.at;
    expect(at("start", "shared")).toBeGreaterThanOrEqual(Math.max(at("done", "app1"), at("done", "app2")));
    expect(at("start", "app1")).toBeGreaterThanOrEqual(at("done", "edge"));
    for (const env of ["shared", "app1", "app2", "edge"])
      expect(stateResources(s, env).filter((r) => r.type !== "pulumi:pulumi:Stack")).toEqual([]);
  }, 180_000);

  it("rejects unknown dependencies and cycles before any engine call", async () => {
    const bad = await setup({
      a: fixtureStack({ dependsOn: ["b"] }),
      b: fixtureStack({ dependsOn: ["a"] }),
      c: fixtureStack({ dependsOn: ["zzz"] }),
    });
    const failure = (env: string) =>
      up({ ...bad.base, env }).then(
        () => new Error("no error"),
        (e: Error) => e,
      );
    // What a's run needs (a, and b it depends on) is checked; c's broken file does not concern it.
    const error = await failure("a");
    expect(error.message).toMatch(/dependency cycle a → b → a/);
    expect(error.message).not.toMatch(/zzz/);
    const all = await failure("all");
    expect(all.message).toMatch(/c: platform-orchestrator\.dependsOn: unknown stack "zzz"/);
    expect(all.message).toMatch(/dependency cycle a → b → a/);
    expect(fs.existsSync(bad.backendDir)).toBe(false);
  });
});

describe("faults", () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup({ solo: fixtureStack(), other: fixtureStack() });
  });

  it("CRASH_AFTER: the CLI dies mid-update; pending operations, the stale lock and the recovery are reported", async () => {
    const crashed = await up({
      ...s.base,
      env: "solo",
      envVars: { ...s.base.envVars, PULUMI_DOUBLE_CRASH_AFTER: "1" },
    });
    const r = crashed.results[0]!;
    expect(r.status).toBe(Status.failed);
    expect(r.pendingOperations?.length).toBeGreaterThan(0);
    expect(r.recovery?.[0]).toMatch(/^npx platform cancel --env solo/);
    expect(r.recovery?.[1]).toMatch(/^npx platform refresh --env solo --yes/);
    expect(lockFiles(s, "solo")).toHaveLength(1);

    // The lock blocks the next update, which names the (dead) holder.
    const blocked = await up({ ...s.base, env: "solo" });
    expect(blocked.results[0]).toMatchObject({
      status: Status.locked,
      lock: [expect.objectContaining({ pid: expect.any(Number) })],
    });

    // Recovery as reported.
    expect((await cancel({ ...s.base, env: "solo" })).results[0]!.status).toBe(Status.succeeded);
    expect(lockFiles(s, "solo")).toEqual([]);
    expect((await refresh({ ...s.base, env: "solo", clearPendingCreates: true })).results[0]!.status).toBe(
      Status.succeeded,
    );
    expect((await up({ ...s.base, env: "solo" })).results[0]!.status).toBe(Status.succeeded);
  }, 180_000);

  it("a timeout aborts, then kills the whole process tree; pending operations are reported", async () => {
    // The clock is the test's: the timeout fires once an operation is in flight (held, never let
    // go), the kill once the engine has been asked to stop.
    const timers = new ManualTimers();
    const gate = new Gate(s.dir, "timeout");
    const running = up({
      ...s.base,
      env: "other",
      timeoutMs: 600_000,
      killAfterMs: 30_000,
      timers,
      envVars: { ...s.base.envVars, ...gate.env },
    });
    await gate.until((l) => l.event === "op-held", "an operation in flight");
    expect(timers.scheduled()).toEqual([600_000]);
    timers.advance(600_000);
    await gate.until((l) => l.event === "sigint", "the engine asked to stop");
    expect(timers.scheduled()).toEqual([30_000]);
    timers.advance(30_000);
    const run = await running;
    const r = run.results[0]!;
    expect(r.status).toBe(Status.aborted);
    expect(r.error).toMatch(/was killed/);
    expect(r.pendingOperations?.length).toBeGreaterThan(0);
    expect(r, JSON.stringify(r)).toMatchObject({
      recovery: [expect.stringMatching(/^npx platform cancel --env other/), expect.any(String)],
    });
    expect(await waitForNoLeftovers()).toEqual([]);
    expect((await cancel({ ...s.base, env: "other" })).ok).toBe(true);
    expect((await refresh({ ...s.base, env: "other", clearPendingCreates: true })).ok).toBe(true);
  }, 120_000);

  it("VERSION too old: a one-line error before any engine call", async () => {
    await expect(
      up({ ...s.base, env: "other", envVars: { ...s.base.envVars, PULUMI_DOUBLE_VERSION: "3.100.0" } }),
    ).rejects.toThrow(
      /^Pulumi CLI v3\.100\.0 \(.*bin\/pulumi\) is too old: the orchestrator needs v3\.181\.0 or newer; upgrade it/,
    );
    expect(stateResources(s, "other").some((r) => r.type === "platform:test:Bucket")).toBe(false);
  });

  it("a missing passphrase is an error naming the variable, before any engine call", async () => {
    const saved = process.env["PULUMI_CONFIG_PASSPHRASE"];
    delete process.env["PULUMI_CONFIG_PASSPHRASE"];
    try {
      await expect(up({ ...s.base, env: "other", envVars: {} })).rejects.toThrow(
        /^PULUMI_CONFIG_PASSPHRASE is not set/,
      );
    } finally {
      if (saved !== undefined) process.env["PULUMI_CONFIG_PASSPHRASE"] = saved;
    }
  });
});

describe("locks", () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup({ busy: fixtureStack() });
    expect((await up({ ...s.base, env: "busy" })).ok).toBe(true);
    s.writeStack("busy", fixtureStack({ size: 3 }));
  });

  it("a second concurrent up fails at once naming the holder, or waits and then succeeds", async () => {
    // The holder's one changed resource is held in flight until both others have met the lock.
    const gate = new Gate(s.dir, "locks");
    let holderStarted!: () => void;
    const started = new Promise<void>((r) => (holderStarted = r));
    const first = up({
      ...s.base,
      env: "busy",
      envVars: { ...s.base.envVars, ...gate.env },
      onEvent: (e) => {
        const pre =
          e.type === "engine"
            ? (e.event as { resourcePreEvent?: { metadata?: { op?: string } } }).resourcePreEvent
            : undefined;
        if (pre && pre.metadata?.op !== "same") holderStarted();
      },
    });
    await started;
    expect(lockFiles(s, "busy")).toHaveLength(1);
    const waits: OrchestratorEvent[] = [];
    let sawLock!: () => void;
    const waiterSawLock = new Promise<void>((r) => (sawLock = r));
    const immediateP = up({ ...s.base, env: "busy" });
    const waitingP = up({
      ...s.base,
      env: "busy",
      waitForLockMs: 120_000,
      onEvent: (e) => {
        if (e.type !== "lock-wait") return;
        waits.push(e);
        sawLock();
      },
    });
    const immediate = await immediateP;
    await waiterSawLock;
    gate.open("busy");
    const waiting = await waitingP;
    expect(immediate.results[0]).toMatchObject({
      status: Status.locked,
      lock: [expect.objectContaining({ user: expect.any(String), pid: expect.any(Number) })],
    });
    expect(immediate.results[0]!.error).toMatch(
      /stack busy is locked by .*\(pid \d+\).*npx platform cancel --env busy/,
    );
    expect((await first).results[0]!.status).toBe(Status.succeeded);
    const second = waiting.results[0]!;
    expect(second.status).toBe(Status.succeeded);
    expect(second.waitedForLockMs).toBeGreaterThan(0);
    expect(waits.length).toBeGreaterThan(0);
    expect(lockFiles(s, "busy")).toEqual([]);
  }, 180_000);
});

describe("audit log and secrets", () => {
  it("appends one line per environment and operation, never a secret", async () => {
    const s = await setup({ one: fixtureStack(), two: fixtureStack() });
    await up({ ...s.base, env: "one,two" });
    const shown = await outputs({ ...s.base, env: "one", showSecrets: true });
    const password = shown.results[0]!.outputs!["password"] as string;
    expect(password).toMatch(/.{16}/);
    const masked = await outputs({ ...s.base, env: "one" });
    expect(masked.results[0]!.outputs!["password"]).toBe("[secret]");
    await preview({ ...s.base, env: "two" });

    const lines = fs
      .readFileSync(s.auditLog, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    // Every operation has a start line and an end line.
    expect(
      lines
        .filter((l) => l["event"] === "start")
        .map((l) => `${l["verb"]}:${l["env"]}`)
        .sort(),
    ).toEqual(["up:one", "up:two", "outputs:one", "outputs:one", "preview:two"].sort());
    const ends = lines.filter((l) => l["event"] === "end");
    expect(ends.map((l) => `${l["verb"]}:${l["env"]}:${l["result"]}`).sort()).toEqual(
      [
        "up:one:succeeded",
        "up:two:succeeded",
        "outputs:one:succeeded",
        "outputs:one:succeeded",
        "preview:two:succeeded",
      ].sort(),
    );
    for (const l of lines)
      expect(Object.keys(l).sort()).toEqual([
        "backend",
        "changes",
        "durationMs",
        "env",
        "event",
        "host",
        "remote",
        "result",
        "stack",
        "time",
        "user",
        "verb",
      ]);
    expect(fs.readFileSync(s.auditLog, "utf8")).not.toContain(password);
    expect(leftoverProcesses()).toEqual([]);
  }, 180_000);
});
