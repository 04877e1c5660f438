// The `platform` CLI as a process (stdin closed, no terminal) against the Pulumi CLI double: exit
// codes, argument errors before any engine call, --json, secrets, faults, Ctrl-C. Requires
// `npm run build`.
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import {
  fixtureStack,
  jsonLines,
  lockFiles,
  runCli,
  setup,
  startCli,
  stateResources,
  waitForNoLeftovers,
  removeSetups,
  type Setup,
} from "./orchestrator-support";
import { Gate } from "../support/pulumi-double/testing";

let s: Setup;
/** A CLI root whose bin/pulumi logs every invocation, then runs the double. */
let shimRoot: string;
let shimLog: string;

beforeAll(async () => {
  s = await setup({ solo: fixtureStack(), two: fixtureStack(), live: fixtureStack({ profile: "prod" }) });
  shimRoot = path.join(s.dir, "shim");
  shimLog = path.join(s.dir, "shim.log");
  fs.mkdirSync(path.join(shimRoot, "bin"), { recursive: true });
  fs.writeFileSync(
    path.join(shimRoot, "bin", "pulumi"),
    `#!/bin/sh\necho "$*" >> '${shimLog}'\nexec '${s.root}/bin/pulumi' "$@"\n`,
    { mode: 0o755 },
  );
});

afterAll(async () => {
  expect(await waitForNoLeftovers()).toEqual([]);
  removeSetups();
});

describe("argument errors exit 2 before any engine call", () => {
  const cases: [string, string[], NodeJS.ProcessEnv, RegExp][] = [
    [
      "unknown environment",
      ["up", "--env", "sol", "--yes"],
      {},
      /--env: unknown environment "sol" \(did you mean "solo"\?\)/,
    ],
    [
      "bad duration",
      ["up", "--env", "solo", "--yes", "--wait-for-lock", "soon"],
      {},
      /--wait-for-lock: not a duration: "soon"/,
    ],
    [
      "bad parallelism",
      ["up", "--env", "solo", "--yes", "--parallel", "0"],
      {},
      /--parallel must be an integer 1–256/,
    ],
    [
      "no terminal, no --yes",
      ["up", "--env", "solo"],
      {},
      /refusing to up solo without confirmation: there is no terminal to ask on; pass --yes/,
    ],
    [
      "prod destroy without --confirm",
      ["destroy", "--env", "live", "--yes"],
      {},
      /destroying live \(profile prod\) needs explicit confirmation: pass --confirm live/,
    ],
    [
      "prod destroy confirming another stack",
      ["destroy", "--env", "live", "--yes", "--confirm", "solo"],
      {},
      /pass --confirm live/,
    ],
    [
      "unsupported backend",
      ["up", "--env", "solo", "--yes", "--backend", "ftp://x"],
      {},
      /--backend: unsupported URL "ftp:\/\/x"/,
    ],
    ["unknown flag", ["up", "--env", "solo", "--yes", "--frobnicate"], {}, /unknown option '--frobnicate'/],
    [
      "missing passphrase",
      ["up", "--env", "solo", "--yes"],
      { PULUMI_CONFIG_PASSPHRASE: undefined },
      /^PULUMI_CONFIG_PASSPHRASE is not set/m,
    ],
    [
      "missing Pulumi CLI",
      ["up", "--env", "solo", "--yes"],
      { PLATFORM_PULUMI_ROOT: "/nonexistent/pulumi" },
      /^Pulumi CLI not found: \/nonexistent\/pulumi\/bin\/pulumi does not exist/,
    ],
    [
      "remote without a cloud backend",
      ["up", "--env", "solo", "--yes", "--remote", "--remote-org", "acme"],
      {},
      /--remote runs through Pulumi Deployments and needs a Pulumi Cloud backend/,
    ],
  ];
  it.each(cases)("%s", async (_name, args, env, message) => {
    fs.rmSync(shimLog, { force: true });
    const flags = args.includes("--backend")
      ? s.cliFlags.filter((f, i, all) => f !== "--backend" && all[i - 1] !== "--backend")
      : s.cliFlags;
    const run = await runCli([...args, ...flags], { ...s.cliEnv, PLATFORM_PULUMI_ROOT: shimRoot, ...env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(fs.existsSync(shimLog)).toBe(false); // the Pulumi CLI was never started
    expect(fs.existsSync(s.backendDir)).toBe(false);
  });

  it("a too-old CLI is one line saying what to install; only `pulumi version` ran", async () => {
    fs.rmSync(shimLog, { force: true });
    const run = await runCli(["up", "--env", "solo", "--yes", ...s.cliFlags], {
      ...s.cliEnv,
      PLATFORM_PULUMI_ROOT: shimRoot,
      PULUMI_DOUBLE_VERSION: "3.100.0",
    });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(
      /Pulumi CLI v3\.100\.0 .* is too old: the orchestrator needs v3\.181\.0 or newer; upgrade it with `curl -fsSL https:\/\/get\.pulumi\.com \| sh`/,
    );
    expect(fs.readFileSync(shimLog, "utf8").trim().split("\n")).toEqual(["version"]);
  });
});

describe("runs", () => {
  let password: string;

  it("up --json prints one JSON object per line and a final result; secrets stay masked", async () => {
    const run = await runCli(["up", "--env", "solo,two", "--yes", "--json", ...s.cliFlags], s.cliEnv);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n");
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    const { events, result } = jsonLines(run.stdout);
    expect(
      events
        .filter((e) => e["type"] === "start")
        .map((e) => e["env"])
        .sort(),
    ).toEqual(["solo", "two"]);
    expect(events.some((e) => e["type"] === "engine" && e["event"]["resourcePreEvent"])).toBe(true);
    expect(result).toMatchObject({ type: "result", verb: "up", ok: true });
    expect(result!["results"].map((r: { status: string }) => r.status)).toEqual(["succeeded", "succeeded"]);
    expect(result!["results"][0].outputs.password).toBe("[secret]");

    const shown = await runCli(
      ["outputs", "--env", "solo", "--show-secrets", "--json", ...s.cliFlags],
      s.cliEnv,
    );
    password = jsonLines(shown.stdout).result!["results"][0].outputs.password as string;
    expect(password).toMatch(/^.{16}$/);
    expect(run.stdout + run.stderr).not.toContain(password);
  }, 120_000);

  it("outputs mask secrets unless --show-secrets; text output has the summary table", async () => {
    const masked = await runCli(["outputs", "--env", "solo", ...s.cliFlags], s.cliEnv);
    expect(masked.code).toBe(0);
    expect(masked.stdout).toMatch(/^env\s+result\s+changes\s+duration\nsolo\s+succeeded\s+-\s+\d/);
    expect(masked.stdout).toContain('password: "[secret]"');
    expect(masked.stdout).not.toContain(password);
    const shown = await runCli(["outputs", "--env", "solo", "--show-secrets", ...s.cliFlags], s.cliEnv);
    expect(shown.stdout).toContain(`password: ${JSON.stringify(password)}`);
    const previewed = await runCli(["preview", "--env", "solo", "--json", ...s.cliFlags], s.cliEnv);
    expect(previewed.code).toBe(0);
    expect(previewed.stdout).not.toContain(password);
    expect(fs.readFileSync(path.join(s.dataDir, "audit.log"), "utf8")).not.toContain(password);
  }, 120_000);

  it("preview --expect-no-changes exits 1 when something would change", async () => {
    s.writeStack("two", fixtureStack({ size: 5 }));
    const run = await runCli(["preview", "--env", "two", "--expect-no-changes", ...s.cliFlags], s.cliEnv);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/two\s+changes-detected\s+~1 update, 4 same/);
  }, 60_000);

  it("refresh --preview-only detects drift without writing", async () => {
    const run = await runCli(
      ["refresh", "--env", "solo", "--preview-only", "--expect-no-changes", "--json", ...s.cliFlags],
      s.cliEnv,
    );
    const { result } = jsonLines(run.stdout);
    expect(result!["results"][0]).toMatchObject({ verb: "refresh" });
    expect(["succeeded", "changes-detected"]).toContain(result!["results"][0].status);
    expect(run.code).toBe(result!["results"][0].status === "succeeded" ? 0 : 1);
  }, 60_000);
});

describe("faults through the CLI", () => {
  it("FAIL_ON: exit 1, the provider error, the lock released", async () => {
    s.writeStack("two", fixtureStack({ size: 6 }));
    const run = await runCli(["up", "--env", "two", "--yes", ...s.cliFlags], {
      ...s.cliEnv,
      PULUMI_DOUBLE_FAIL_ON: "app-bucket",
      // The failed program is stopped at once, not after the double's default 3 s grace.
      PULUMI_DOUBLE_STOP_GRACE_MS: "0",
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/two\s+failed/);
    expect(run.stdout).toMatch(/error: .*injected provider error \(PULUMI_DOUBLE_FAIL_ON=app-bucket\)/);
    expect(lockFiles(s, "two")).toEqual([]);
  }, 60_000);

  it("a held lock: exit 3 naming the holder and the recovery", async () => {
    s.writeStack("two", fixtureStack({ size: 7 }));
    const gate = new Gate(s.dir, "held-lock");
    const holder = startCli(["up", "--env", "two", "--yes", "--json", ...s.cliFlags], {
      ...s.cliEnv,
      ...gate.env,
    });
    await holder.waitFor('"op":"update"');
    await gate.until((l) => l.event === "op-held", "the holder's update in flight");
    const run = await runCli(["up", "--env", "two", "--yes", ...s.cliFlags], s.cliEnv);
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/two\s+locked/);
    expect(run.stdout).toMatch(/stack two is locked by \S+@\S+ \(pid \d+\) since/);
    expect(run.stdout).toContain("npx platform cancel --env two");
    gate.open("two");
    expect((await holder.done).code).toBe(0);
  }, 120_000);
});

describe("Ctrl-C", () => {
  it("once: the engine stops gracefully, exit 130, the lock released, no orphan process", async () => {
    s.writeStack("solo", fixtureStack({ size: 8 }));
    const gate = new Gate(s.dir, "ctrl-c-once");
    const cli = startCli(["up", "--env", "solo", "--yes", "--json", ...s.cliFlags], {
      ...s.cliEnv,
      ...gate.env,
    });
    await cli.waitFor('"op":"update"');
    await gate.until((l) => l.event === "op-held", "the update in flight");
    cli.signal("SIGINT");
    // The in-flight operation finishes only after the engine heard the Ctrl-C.
    await gate.until((l) => l.event === "sigint", "the engine's cancel");
    gate.open("solo");
    const run = await cli.done;
    expect(run.code).toBe(130);
    expect(run.stderr).toContain("cancelling");
    const { result } = jsonLines(run.stdout);
    expect(result!["results"][0]).toMatchObject({ env: "solo", status: "aborted" });
    expect(lockFiles(s, "solo")).toEqual([]);
    expect(await waitForNoLeftovers()).toEqual([]);
  }, 120_000);

  it("twice: every process of the stack is killed; pending operations and the exact recovery are reported", async () => {
    s.writeStack("solo", fixtureStack({ size: 9 }));
    const gate = new Gate(s.dir, "ctrl-c-twice");
    const cli = startCli(["up", "--env", "solo", "--yes", ...s.cliFlags], { ...s.cliEnv, ...gate.env });
    // Text mode: wait until the update is under way (an operation held in flight, never let go),
    // press Ctrl-C, and again once the engine is cancelling.
    await gate.until((l) => l.event === "op-held", "the update in flight");
    cli.signal("SIGINT");
    await gate.until((l) => l.event === "sigint", "the engine's cancel");
    cli.signal("SIGINT");
    const run = await cli.done;
    expect(run.code).toBe(130);
    expect(run.stderr).toContain("terminating");
    expect(run.stdout).toMatch(/solo\s+aborted/);
    expect(run.stdout).toMatch(
      /pending operations \(1\), state of these resources is unknown:\n\s+updating urn:pulumi:solo::platform::platform:test:Bundle\$platform:test:Bucket::app-bucket/,
    );
    expect(run.stdout).toContain("npx platform cancel --env solo");
    expect(run.stdout).toContain("npx platform refresh --env solo --yes");
    expect(await waitForNoLeftovers()).toEqual([]);
    expect(lockFiles(s, "solo")).toHaveLength(1);

    // The reported recovery works.
    expect((await runCli(["cancel", "--env", "solo", "--yes", ...s.cliFlags], s.cliEnv)).code).toBe(0);
    expect((await runCli(["refresh", "--env", "solo", "--yes", ...s.cliFlags], s.cliEnv)).code).toBe(0);
    const again = await runCli(["up", "--env", "solo", "--yes", ...s.cliFlags], s.cliEnv);
    expect(again.code).toBe(0);
    expect(stateResources(s, "solo").find((r) => r.type === "platform:test:Bucket")).toBeDefined();
  }, 180_000);

  it("cancel refuses while the lock's holder is alive", async () => {
    s.writeStack("solo", fixtureStack({ size: 10 }));
    const gate = new Gate(s.dir, "cancel-alive");
    const holder = startCli(["up", "--env", "solo", "--yes", "--json", ...s.cliFlags], {
      ...s.cliEnv,
      ...gate.env,
    });
    await holder.waitFor('"op":"update"');
    await gate.until((l) => l.event === "op-held", "the holder's update in flight");
    const run = await runCli(["cancel", "--env", "solo", "--yes", ...s.cliFlags], s.cliEnv);
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/solo\s+blocked/);
    expect(run.stdout).toMatch(/still running \(pid \d+ on /);
    expect(lockFiles(s, "solo")).toHaveLength(1);
    gate.open("solo");
    expect((await holder.done).code).toBe(0);
  }, 120_000);
});
