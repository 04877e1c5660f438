/**
 * The Pulumi CLI double run directly (no Automation API) and through LocalWorkspace's non-operation
 * calls: version, stack and config commands, error texts the Automation API classifies, a local
 * (non-inline) Node.js program, `preview --json`, the file-based event log of older CLI versions,
 * invokes, `--target`, `--expect-no-changes`, and a second SIGINT. Build first (`npm run build`).
 */
import { execFile, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, it, jest } from "@jest/globals";
import { expect } from "../support/expect";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import {
  LocalWorkspace,
  PulumiCommand,
  StackAlreadyExistsError,
  StackNotFoundError,
  type EngineEvent,
} from "@pulumi/pulumi/automation";
import { waitForNoStrayProcesses } from "../support/processes";
import { PULUMI_SDK_DIR } from "../support/pulumi-double/proto";
import { doubleMainPath } from "../support/pulumi-double/install";
import {
  doubleEnv,
  removeDoubleEnv,
  inlineStack,
  lockFiles,
  processAlive,
  readCheckpoint,
  runCli,
  waitFor,
  Gate,
  type DoubleEnv,
} from "../support/pulumi-double/testing";

const NODE_PATH = path.resolve(PULUMI_SDK_DIR, "..", "..");
const PROGRAM = `
const pulumi = require("@pulumi/pulumi");
const random = require("@pulumi/random");
const cfg = new pulumi.Config();
const count = cfg.getNumber("count") ?? 2;
const strings = [];
for (let i = 0; i < count; i++) strings.push(new random.RandomString("s" + i, { length: 8, special: false }));
exports.values = strings.map((s) => s.result);
exports.secret = pulumi.secret("hidden-value");
exports.region = cfg.get("region");
`;

let de: DoubleEnv;
let proj: string;

beforeAll(async () => {
  de = await doubleEnv();
  proj = path.join(de.dir, "local");
  fs.mkdirSync(proj);
  fs.writeFileSync(
    path.join(proj, "Pulumi.yaml"),
    `name: local\nruntime: nodejs\nmain: index.js\nconfig:\n  region:\n    type: string\n    default: europe-west1\n`,
  );
  fs.writeFileSync(path.join(proj, "index.js"), PROGRAM);
});

afterAll(async () => {
  delete process.env["PULUMI_DOUBLE_VERSION"];
  await removeDoubleEnv(de);
  // CLIs, local programs, language hosts: nothing this file started is still running.
  expect(await waitForNoStrayProcesses()).toEqual([]);
});

const cli = (args: string[], env: Record<string, string | undefined> = {}) =>
  runCli(de, args, { cwd: proj, env: { NODE_PATH, ...env } });

describe("pulumi double CLI", () => {
  jest.setTimeout(180_000);
  it("prints its version, overridable with PULUMI_DOUBLE_VERSION", async () => {
    expect((await cli(["version"])).stdout).toBe("v3.270.0\n");
    expect((await cli(["version"], { PULUMI_DOUBLE_VERSION: "3.199.1" })).stdout).toBe("v3.199.1\n");
    const unknown = await cli(["frobnicate"]);
    expect(unknown.code).toBe(255);
    expect(unknown.stderr).toContain('error: unknown command "frobnicate"');
  });

  it("starts through launch.js, which keeps a code cache per command and changes no output", async () => {
    const shim = fs.readFileSync(path.join(de.root, "bin", "pulumi"), "utf8");
    expect(shim).toContain(path.join("pulumi-double", "launch.js"));
    const cache = path.join(de.dir, "launch-cache");
    const env = { NODE_COMPILE_CACHE: cache };
    // Caches an earlier build left: this command's is replaced, another command's is not touched.
    const older = "pulumi-double-version-0000000000000000.v8";
    const other = "pulumi-double-stack-output-0000000000000000.v8";
    fs.mkdirSync(cache);
    for (const f of [older, other]) fs.writeFileSync(path.join(cache, f), "old");
    const first = await cli(["version"], env);
    expect(fs.existsSync(path.join(cache, other))).toBe(true);
    fs.rmSync(path.join(cache, other));
    const kept = fs.readdirSync(cache).filter((f) => f.startsWith("pulumi-double-"));
    expect(kept).toEqual([expect.stringMatching(/^pulumi-double-version-[0-9a-f]{16}\.v8$/)]);
    expect(kept[0] !== older, "the older build's cache is gone").toBe(true);
    const written = fs.statSync(path.join(cache, kept[0]!)).mtimeMs;
    const second = await cli(["version"], env);
    expect(fs.statSync(path.join(cache, kept[0]!)).mtimeMs, "a cache V8 accepted is kept as it is").toBe(
      written,
    );
    const failed = await cli(["frobnicate"], env);
    expect(
      fs
        .readdirSync(cache)
        .filter((f) => f.startsWith("pulumi-double-"))
        .sort(),
    ).toEqual([expect.stringMatching(/^pulumi-double-frobnicate-/), kept[0]]);
    // The bundle run directly prints the same, byte for byte.
    const bundle = path.join(path.dirname(doubleMainPath()), "main.bundle.cjs");
    const direct = (args: string[]) =>
      new Promise<{ stdout: string; stderr: string }>((resolve) =>
        execFile(process.execPath, [bundle, ...args], { cwd: proj }, (_e, stdout, stderr) =>
          resolve({ stdout, stderr }),
        ),
      );
    for (const [run, args] of [
      [first, ["version"]],
      [second, ["version"]],
      [failed, ["frobnicate"]],
    ] as const)
      expect({ stdout: run.stdout, stderr: run.stderr }).toEqual(await direct([...args]));
  });

  it("manages stacks with the real CLI's messages", async () => {
    expect((await cli(["stack", "init", "dev"])).code).toBe(0);
    const dup = await cli(["stack", "init", "dev"]);
    expect(dup.code).toBe(255);
    expect(dup.stderr).toMatch(/stack.*already exists/);
    const missing = await cli(["stack", "select", "--stack", "nope"]);
    expect(missing.stderr).toMatch(/no stack named.*found/);
    const noPass = await cli(["stack", "init", "other"], { PULUMI_CONFIG_PASSPHRASE: undefined });
    expect(noPass.code).toBe(255);
    expect(noPass.stderr).toContain(
      "passphrase must be set with PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE",
    );
    expect((await cli(["stack", "init", "other"], { PULUMI_CONFIG_PASSPHRASE: "" })).code).toBe(0);
    const wrong = await cli(["config", "set", "--secret", "k", "v", "--stack", "dev"], {
      PULUMI_CONFIG_PASSPHRASE: "wrong",
    });
    expect(wrong.stderr).toContain("incorrect passphrase");
    const ls = JSON.parse((await cli(["stack", "ls", "--json"])).stdout) as {
      name: string;
      current: boolean;
    }[];
    expect(ls.map((s) => [s.name, s.current])).toEqual([
      ["dev", false],
      ["other", true],
    ]);
    expect((await cli(["stack", "select", "dev"])).code).toBe(0);
    expect((await cli(["stack", "tag", "set", "owner", "platform-team"])).code).toBe(0);
    expect(JSON.parse((await cli(["stack", "tag", "ls", "--json"])).stdout)).toEqual({
      owner: "platform-team",
      "pulumi:project": "local",
      "pulumi:runtime": "nodejs",
    });
    expect((await cli(["stack", "tag", "get", "owner"])).stdout).toBe("platform-team\n");
    expect((await cli(["stack", "rm", "--yes", "other"])).code).toBe(0);
    expect(fs.existsSync(path.join(proj, "Pulumi.other.yaml"))).toBe(false);
    expect(JSON.parse((await cli(["whoami", "--json"])).stdout)).toMatchObject({
      url: de.env["PULUMI_BACKEND_URL"],
    });
  });

  it("stores config per stack in Pulumi.<stack>.yaml, with --path and secrets", async () => {
    expect((await cli(["config", "set", "--path", "obj.inner.list[0]", "x"])).code).toBe(0);
    expect((await cli(["config", "set-all", "--plaintext", "count=3", "--secret", "token=t0k"])).code).toBe(
      0,
    );
    const file = fs.readFileSync(path.join(proj, "Pulumi.dev.yaml"), "utf8");
    expect(file).toMatch(/^encryptionsalt: v1:/);
    expect(file).toContain('local:count: "3"');
    expect(file).not.toContain("t0k");
    const all = JSON.parse((await cli(["config", "--json", "--show-secrets"])).stdout);
    expect(all).toMatchObject({
      "local:count": { value: "3", secret: false },
      "local:token": { value: "t0k", secret: true },
      "local:obj": { objectValue: { inner: { list: ["x"] } }, secret: false },
      "local:region": { value: "europe-west1", secret: false },
    });
    const masked = JSON.parse((await cli(["config", "--json"])).stdout);
    expect(masked["local:token"]).toEqual({ secret: true });
    expect(JSON.parse((await cli(["config", "get", "token", "--json"])).stdout)).toEqual({
      value: "t0k",
      secret: true,
    });
    expect((await cli(["config", "rm-all", "token", "obj"])).code).toBe(0);
    expect((await cli(["config", "get", "token"])).stderr).toContain("configuration key 'token' not found");
  });

  it("runs a local Node.js program: preview --json, up, stack output, history", async () => {
    const pv = await cli(["preview", "--json"]);
    expect(pv.code).toBe(0);
    const digest = JSON.parse(pv.stdout);
    expect(digest.changeSummary).toEqual({ create: 4 });
    expect(digest.steps.map((s: { op: string }) => s.op)).toEqual(["create", "create", "create", "create"]);
    expect(typeof digest.duration).toBe("number");

    const up = await cli(["up", "--yes", "--skip-preview", "--message", "local up"]);
    expect(up.code).toBe(0);
    expect(up.stdout).toContain("+ 4 created");
    const outs = JSON.parse((await cli(["stack", "output", "--json"])).stdout);
    expect(outs).toMatchObject({ secret: "[secret]", region: "europe-west1" });
    expect(outs.values).toHaveLength(3);
    const plain = JSON.parse((await cli(["stack", "output", "--json", "--show-secrets"])).stdout);
    expect(plain.secret).toBe("hidden-value");
    const hist = JSON.parse(
      (await cli(["stack", "history", "--json", "--page-size", "1", "--page", "1"])).stdout,
    );
    expect(hist).toHaveLength(1);
    expect(hist[0]).toMatchObject({
      kind: "update",
      result: "succeeded",
      message: "local up",
      resourceChanges: { create: 4 },
    });

    const noop = await cli(["up", "--yes", "--skip-preview", "--expect-no-changes"]);
    expect(noop.code).toBe(0);
    expect((await cli(["config", "set", "count", "4"])).code).toBe(0);
    const expectNone = await cli(["preview", "--expect-no-changes"]);
    expect(expectNone.code).toBe(255);
    expect(expectNone.stderr).toContain("no changes were expected but changes were proposed");
    const needsYes = await cli(["up"]);
    expect(needsYes.stderr).toContain("--yes or --skip-preview must be passed in");
  });

  it("limits an update to --target resources", async () => {
    const target = "urn:pulumi:dev::local::random:index/randomString:RandomString::s3";
    const res = await cli(["up", "--yes", "--skip-preview", "--target", target]);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain("+ 1 created");
    expect(
      readCheckpoint(de, "local", "dev").checkpoint.latest.resources.map((r: { urn: string }) => r.urn),
    ).toContain(target);
  });

  it("a second SIGINT exits at once, leaving the lock and the pending operation", async () => {
    expect((await cli(["config", "set", "count", "6"])).code).toBe(0);
    const gate = new Gate(de.dir, "second-sigint"); // never opened: the operations stay in flight
    const child = spawn(path.join(de.root, "bin", "pulumi"), ["up", "--yes", "--skip-preview"], {
      cwd: proj,
      env: { ...process.env, ...de.env, NODE_PATH, ...gate.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
    await gate.until((l) => l.event === "op-held", "an operation in flight");
    expect(readCheckpoint(de, "local", "dev").checkpoint.latest.pending_operations.length).toBeGreaterThan(0);
    const started = Date.now();
    child.kill("SIGINT");
    await waitFor(() => stdout.includes("^C received; cancelling"), 10_000, "the first ^C message");
    expect(gate.lines().filter((l) => l.event === "sigint")).toEqual([
      { pid: child.pid, stack: "dev", event: "sigint", count: 1 },
    ]);
    child.kill("SIGINT");
    expect(await exited).toBe(255);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(stdout).toContain("^C received; terminating");
    expect(lockFiles(de, "local", "dev")).toHaveLength(1);
    expect(readCheckpoint(de, "local", "dev").checkpoint.latest.pending_operations.length).toBeGreaterThan(0);
    expect(processAlive(child.pid!)).toBe(false);
    // The program child (the SDK runner) went down with the CLI.
    await waitFor(() => !runnerAlive(proj), 10_000, "the program process to exit");

    expect((await cli(["up", "--yes", "--skip-preview"])).stderr).toContain(
      "the stack is currently locked by 1 lock(s)",
    );
    expect((await cli(["cancel", "--yes"])).stdout).toContain("has been canceled");
    const after = await cli(["up", "--yes", "--skip-preview"]);
    expect(after.code).toBe(0);
    expect(after.stdout).toContain("pending operations from previous deployment");

    const rmNotEmpty = await cli(["stack", "rm", "--yes", "dev"]);
    expect(rmNotEmpty.stderr).toContain("'dev' still has resources; removal rejected");
    const destroy = await cli(["destroy", "--yes", "--skip-preview", "--remove"]);
    expect(destroy.code).toBe(0);
    expect(destroy.stdout).toContain("- 7 deleted");
    expect((await cli(["stack", "ls", "--json"])).stdout).toBe("[]\n");
  });
});

/** True while an SDK runner for this project is running (its args carry --root-directory=<dir>). */
function runnerAlive(dir: string): boolean {
  for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (cmdline.includes(`--root-directory=${dir}`)) return true;
    } catch {
      // The process exited while we looked.
    }
  }
  return false;
}

describe("pulumi double through LocalWorkspace helpers", () => {
  jest.setTimeout(180_000);
  it("maps missing and existing stacks to StackNotFoundError and StackAlreadyExistsError", async () => {
    const program = async () => ({});
    const opts = {
      workDir: proj,
      pulumiCommand: de.cmd,
      envVars: de.env,
    };
    await expect(
      LocalWorkspace.selectStack({ stackName: "ghost", projectName: "local", program }, opts),
    ).rejects.toBeInstanceOf(StackNotFoundError);
    expect((await cli(["stack", "init", "taken"])).code).toBe(0);
    await expect(
      LocalWorkspace.createStack({ stackName: "taken", projectName: "local", program }, opts),
    ).rejects.toBeInstanceOf(StackAlreadyExistsError);
  });

  it("answers getProject, fails unknown invokes, and uses a file event log for CLI versions <= 3.205", async () => {
    process.env["PULUMI_DOUBLE_VERSION"] = "v3.200.0";
    const cmd = await PulumiCommand.get({ root: de.root, skipVersionCheck: true });
    expect(cmd.version?.toString()).toBe("3.200.0");
    const stack = await inlineStack(
      { ...de, cmd },
      {
        project: "invokes",
        stack: "dev",
        env: { PULUMI_DOUBLE_VERSION: "v3.200.0" },
        program: async () => {
          const project = await pulumi.runtime.invoke("gcp:organizations/getProject:getProject", {});
          await pulumi.log.warn("careful: this is a warning");
          const adopted = random.RandomString.get("adopted", "existing-id");
          return { projectId: project["projectId"], number: project["number"], adoptedId: adopted.id };
        },
      },
    );
    await stack.setConfig("gcp:project", { value: "acme-prod" });
    const events: EngineEvent[] = [];
    const res = await stack.up({ onEvent: (e) => events.push(e) });
    expect(res.outputs["projectId"]!.value).toBe("acme-prod");
    expect(res.outputs["number"]!.value).toBe("123456789012");
    expect(res.outputs["adoptedId"]!.value).toBe("existing-id");
    expect(res.summary.resourceChanges).toEqual({ create: 1, read: 1 });
    expect(res.stdout).toContain("warning: careful: this is a warning");
    const warning = events.find((e) => e.diagnosticEvent?.severity === "warning")!.diagnosticEvent!;
    expect(warning.message).toContain("careful: this is a warning");
    // The SDK tails the file (@logdna/tail-file, polled every 200 ms): when the CLI exits between
    // two polls, the tailer's final read can hand over lines a poll already did (seen once under
    // load). The double writes each sequence number once, so a repeat must be the same event.
    const bySequence = new Map<number, string>();
    for (const e of events) {
      const json = JSON.stringify(e);
      expect(bySequence.get(e.sequence) ?? json, `event ${e.sequence} delivered twice, differently`).toBe(
        json,
      );
      bySequence.set(e.sequence, json);
    }
    expect([...bySequence.keys()]).toEqual([...bySequence.keys()].map((_, i) => i));
    expect((JSON.parse(bySequence.get(bySequence.size - 2)!) as EngineEvent).summaryEvent).toBeDefined();

    const bad = await inlineStack(
      { ...de, cmd },
      {
        project: "invokes",
        stack: "dev",
        env: { PULUMI_DOUBLE_VERSION: "v3.200.0" },
        program: async () => {
          await pulumi.runtime.invoke("gcp:compute/getZones:getZones", {});
          return {};
        },
      },
    );
    await expect(bad.up()).rejects.toThrow(/unknown invoke token 'gcp:compute\/getZones:getZones'/);
  });
});
