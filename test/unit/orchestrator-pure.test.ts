import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { PlatformError } from "../../components/shared/errors";
import { ConfigError } from "../../programs/config";
import { auditEntry } from "../../orchestrator/audit";
import { durationFlag, exitCodeOf, intFlag } from "../../orchestrator/commands/common";
import { errorSummary } from "../../orchestrator/errors";
import {
  dependenciesOf,
  findCycle,
  readStackGraph,
  runOrder,
  topologicalOrder,
  validateGraph,
} from "../../orchestrator/graph";
import {
  describeHolder,
  lockBackoffMs,
  lockedMessage,
  parseLockHolders,
  readDiyLocks,
  holderAlive,
} from "../../orchestrator/locks";
import {
  changeCount,
  changesFrom,
  maskOutputs,
  pendingOperationsOf,
  protectedResourcesOf,
  recoveryFor,
  redactEvent,
  SECRET_SIG_KEY,
} from "../../orchestrator/operation";
import { ProgressModel } from "../../orchestrator/progress";
import { buildRemoteRequest, resolveRemote } from "../../orchestrator/remote";
import { formatChanges, formatDuration, renderRun, renderSummaryTable } from "../../orchestrator/summary";
import { Status, type EnvResult, type RunResult } from "../../orchestrator/types";
import { requireDestroyConfirmation, validateCommonOptions } from "../../orchestrator/verbs";
import {
  backendScheme,
  checkPulumiVersion,
  displayBackend,
  effectiveSecretsProvider,
  locatePulumi,
  MIN_PULUMI_VERSION,
  requirePassphrase,
  stackSettingsFrom,
  validateSecretsProvider,
  type WorkspaceSpec,
} from "../../orchestrator/workspace";

const tmpDirs: string[] = [];
afterAll(() => {
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

function tmpStacks(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "orch-stacks-"));
  tmpDirs.push(dir);
  for (const [env, text] of Object.entries(files))
    fs.writeFileSync(path.join(dir, `Pulumi.${env}.yaml`), text);
  return dir;
}

const result = (over: Partial<EnvResult>): EnvResult => ({
  env: "dev",
  stack: "dev",
  verb: "up",
  status: Status.succeeded,
  changes: { create: 2 },
  durationMs: 1500,
  ...over,
});

describe("graph", () => {
  it("reads dependsOn from the top-level platform-orchestrator key", () => {
    expect(
      dependenciesOf("staging", { "platform-orchestrator": { dependsOn: ["shared", "shared"] } }),
    ).toEqual(["shared"]);
    expect(dependenciesOf("dev", { config: {} })).toEqual([]);
  });

  it("rejects malformed sections with the key path", () => {
    expect(() => dependenciesOf("x", { "platform-orchestrator": { dependsOn: "shared" } })).toThrow(
      /platform-orchestrator\.dependsOn: must be a list/,
    );
    expect(() => dependenciesOf("x", { "platform-orchestrator": { dependOn: ["a"] } })).toThrow(
      /unknown key \(did you mean "dependsOn"\?\)/,
    );
  });

  it("orders up forward and destroy in reverse, restricted to the selection", () => {
    const graph = new Map([
      ["shared", []],
      ["a", ["shared"]],
      ["b", ["shared"]],
      ["c", ["a"]],
    ]);
    const fwd = runOrder(graph, ["c", "a", "shared", "b"], false);
    expect(fwd.get("c")).toEqual(["a"]);
    expect(topologicalOrder(fwd)).toEqual(["shared", "a", "c", "b"]);
    const rev = runOrder(graph, ["shared", "a", "b"], true);
    expect(rev.get("shared")!.sort()).toEqual(["a", "b"]);
    expect(topologicalOrder(rev).at(-1)).toBe("shared");
    // A dependency outside the selection is assumed deployed.
    expect(runOrder(graph, ["c"], false).get("c")).toEqual([]);
  });

  it("finds cycles and unknown dependencies as config errors, all at once", () => {
    expect(
      findCycle(
        new Map([
          ["a", ["b"]],
          ["b", ["c"]],
          ["c", ["a"]],
        ]),
      ),
    ).toEqual(["a", "b", "c", "a"]);
    const err = (() => {
      try {
        validateGraph(
          new Map([
            ["a", ["b", "nope"]],
            ["b", ["a"]],
            ["c", ["c"]],
          ]),
          ["a", "b", "c"],
        );
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error("no error");
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toMatch(/a: platform-orchestrator\.dependsOn: unknown stack "nope"/);
    expect(err.message).toMatch(/c: platform-orchestrator\.dependsOn: "c" cannot depend on itself/);
    expect(err.message).toMatch(/dependency cycle a → b → a/);
  });

  it("reads the whole stacks directory", () => {
    const dir = tmpStacks({
      shared: "config: {}\n",
      app: "platform-orchestrator:\n  dependsOn: [shared]\nconfig: {}\n",
      bad: "platform-orchestrator:\n  dependsOn: [shraed]\n",
    });
    expect(() => readStackGraph(dir)).toThrow(/unknown stack "shraed" \(did you mean "shared"\?\)/);
    fs.rmSync(path.join(dir, "Pulumi.bad.yaml"));
    expect(readStackGraph(dir).get("app")).toEqual(["shared"]);
  });
});

describe("locks", () => {
  const message =
    "code: -2\n stderr: error: the stack is currently locked by 1 lock(s). Either wait for the other process(es) to end or delete the lock file with `pulumi cancel`.\n\n" +
    "  file:///s/.pulumi/locks/organization/platform/dev/0a1b.json: created by ana@ci-3 (pid 4242) at 2026-01-02T03:04:05Z\n";

  it("parses who holds a DIY lock", () => {
    expect(parseLockHolders(message)).toEqual([
      {
        where: "file:///s/.pulumi/locks/organization/platform/dev/0a1b.json",
        user: "ana",
        host: "ci-3",
        pid: 4242,
        since: "2026-01-02T03:04:05Z",
      },
    ]);
    expect(parseLockHolders("[409] Conflict: Another update is currently in progress.")).toEqual([
      { where: "Pulumi Cloud" },
    ]);
  });

  it("says who holds it and how to recover, without cancelling", () => {
    const text = lockedMessage("dev", parseLockHolders(message), 0);
    expect(text).toContain("ana@ci-3 (pid 4242) since 2026-01-02T03:04:05Z");
    expect(text).toContain("npx platform cancel --env dev");
    expect(text).toContain("--wait-for-lock");
    expect(text).toContain("`ps -p 4242` on ci-3");
    expect(describeHolder({ where: "Pulumi Cloud" })).toBe("another update on Pulumi Cloud");
  });

  it("backs off exponentially with jitter, capped by the remaining budget", () => {
    expect(lockBackoffMs(0, 60_000, () => 0.5)).toBe(1000);
    expect(lockBackoffMs(3, 60_000, () => 0.5)).toBe(8000);
    expect(lockBackoffMs(10, 60_000, () => 0.5)).toBe(15_000);
    expect(lockBackoffMs(10, 2_000, () => 1)).toBe(2_000);
    expect(lockBackoffMs(0, 0)).toBe(0);
  });

  it("reads DIY lock files and checks whether the holder lives here", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "orch-locks-"));
    tmpDirs.push(dir);
    const lockDir = path.join(dir, ".pulumi", "locks", "organization", "platform", "dev");
    fs.mkdirSync(lockDir, { recursive: true });
    fs.writeFileSync(
      path.join(lockDir, "x.json"),
      JSON.stringify({ pid: process.pid, username: "me", hostname: os.hostname(), timestamp: "t" }),
    );
    const holders = readDiyLocks(`file://${dir}`, "platform", "dev");
    expect(holders).toHaveLength(1);
    expect(holderAlive(holders[0]!)).toBe(true);
    expect(holderAlive({ ...holders[0]!, pid: 2 ** 22 + 12345 })).toBe(false);
    expect(holderAlive({ ...holders[0]!, host: "elsewhere" })).toBeUndefined();
    expect(readDiyLocks("gs://bucket", "platform", "dev")).toEqual([]);
  });
});

describe("workspace checks", () => {
  it("accepts known backends and secrets providers only", () => {
    expect(backendScheme("gs://acme-state")).toBe("gs");
    expect(backendScheme("https://api.pulumi.com")).toBe("https");
    expect(() => backendScheme("ftp://x")).toThrow(PlatformError);
    expect(() =>
      validateSecretsProvider("gcpkms://projects/p/locations/global/keyRings/r/cryptoKeys/k"),
    ).not.toThrow();
    expect(() => validateSecretsProvider("rot13")).toThrow(/--secrets-provider: unsupported "rot13"/);
    expect(displayBackend("s3://key:secret@bucket?region=x")).toBe("s3://bucket");
  });

  it("requires the passphrase only for the passphrase provider", () => {
    expect(effectiveSecretsProvider("file:///x", undefined, {})).toBe("passphrase");
    expect(effectiveSecretsProvider("https://api.pulumi.com", undefined, {})).toBe("default");
    expect(effectiveSecretsProvider("https://api.pulumi.com", undefined, { encryptionsalt: "v1:x" })).toBe(
      "passphrase",
    );
    expect(() => requirePassphrase("passphrase", {})).toThrow(/PULUMI_CONFIG_PASSPHRASE is not set/);
    expect(() => requirePassphrase("passphrase", { PULUMI_CONFIG_PASSPHRASE: "" })).not.toThrow();
    expect(() => requirePassphrase("gcpkms://k", {})).not.toThrow();
  });

  it("checks the CLI version against the orchestrator's floor", () => {
    expect(checkPulumiVersion("v3.270.0\n", "pulumi")).toBe("3.270.0");
    expect(checkPulumiVersion(`v${MIN_PULUMI_VERSION}`, "pulumi")).toBe(MIN_PULUMI_VERSION);
    expect(() => checkPulumiVersion("v3.100.0", "pulumi")).toThrow(
      /v3\.100\.0 \(pulumi\) is too old: the orchestrator needs v3\.181\.0 or newer; upgrade it/,
    );
    expect(() => checkPulumiVersion("v4.0.0", "pulumi")).toThrow(/not supported/);
    expect(() => checkPulumiVersion("garbage", "pulumi")).toThrow(/could not read the Pulumi CLI version/);
  });

  it("locates the CLI in a root or on PATH, with a one-line error naming what to install", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "orch-root-"));
    tmpDirs.push(root);
    expect(() => locatePulumi(root)).toThrow(
      /Pulumi CLI not found: .*bin\/pulumi does not exist.*get\.pulumi\.com/,
    );
    fs.mkdirSync(path.join(root, "bin"));
    fs.writeFileSync(path.join(root, "bin", "pulumi"), "#!/bin/sh\n", { mode: 0o755 });
    expect(locatePulumi(root)).toEqual({ command: path.join(root, "bin", "pulumi"), root });
    expect(locatePulumi(undefined, path.join(root, "bin"))).toEqual({ command: "pulumi" });
    let err: Error | undefined;
    try {
      locatePulumi(undefined, "/nonexistent");
    } catch (e) {
      err = e as Error;
    }
    expect(err?.message.split("\n")).toHaveLength(1);
    expect(err?.message).toMatch(/^Pulumi CLI not found on PATH; install it/);
  });

  it("copies the stack file's settings as the Automation API names them", () => {
    const settings = stackSettingsFrom({
      config: { "gcp:project": "p" },
      encryptionsalt: "v1:s",
      secretsprovider: "passphrase",
      "platform-orchestrator": { dependsOn: [] },
    });
    expect(settings).toEqual({
      config: { "gcp:project": "p" },
      encryptionSalt: "v1:s",
      secretsProvider: "passphrase",
    });
    expect(stackSettingsFrom({}, "gcpkms://k")).toEqual({ secretsProvider: "gcpkms://k" });
  });

  it("validates numeric options and duration flags", () => {
    expect(() => validateCommonOptions({ env: "dev", parallel: 0 })).toThrow(
      /--parallel must be a positive integer, got 0/,
    );
    expect(() => validateCommonOptions({ env: "dev", waitForLockMs: -1 })).toThrow(/--wait-for-lock/);
    expect(durationFlag("--wait-for-lock", "1m30s")).toBe(90_000);
    expect(() => durationFlag("--wait-for-lock", "soon")).toThrow(/--wait-for-lock: not a duration: "soon"/);
    expect(() => intFlag("--parallel", "x")).toThrow(/--parallel must be a positive integer/);
  });

  it("requires --confirm <stack> to destroy a prod-profile stack", () => {
    const dir = tmpStacks({
      dev: "config:\n  platform:environment: { profile: dev, app: shop }\n",
      live: "config:\n  platform:environment: { profile: prod, app: shop }\n",
    });
    expect(() => requireDestroyConfirmation(["dev"], undefined, dir)).not.toThrow();
    expect(() => requireDestroyConfirmation(["dev", "live"], undefined, dir)).toThrow(
      /destroying live \(profile prod\) needs explicit confirmation: pass --confirm live/,
    );
    expect(() => requireDestroyConfirmation(["live"], ["dev"], dir)).toThrow(PlatformError);
    expect(() => requireDestroyConfirmation(["live"], ["live"], dir)).not.toThrow();
    expect(() => requireDestroyConfirmation(["live"], "dev,live", dir)).not.toThrow();
  });
});

describe("results", () => {
  it("masks secret outputs unless asked", () => {
    const outs = {
      url: { value: "postgres://u:hunter2@x", secret: true },
      ip: { value: "10.0.0.3", secret: false },
    };
    expect(maskOutputs(outs, false)).toEqual({ url: "[secret]", ip: "10.0.0.3" });
    expect(maskOutputs(outs, true)).toEqual({ url: "postgres://u:hunter2@x", ip: "10.0.0.3" });
  });

  it("keeps secrets and debug payloads out of the engine events it shows", () => {
    const secret = { [SECRET_SIG_KEY]: "1b47061264138c4ac30d75fd1eb44270", value: "hunter2" };
    const debug = {
      sequence: 1,
      timestamp: 1,
      diagnosticEvent: { severity: "debug", message: `resp: ${SECRET_SIG_KEY},value,hunter2`, color: "raw" },
    };
    expect(redactEvent(debug as never)).toBeUndefined();
    const outputs = {
      sequence: 2,
      timestamp: 1,
      resOutputsEvent: {
        metadata: {
          op: "create",
          urn: "u",
          type: "t",
          provider: "",
          new: { outputs: { result: secret, length: 16, note: `x ${SECRET_SIG_KEY} hunter2` } },
        },
      },
    };
    const shown = redactEvent(outputs as never)!;
    expect(JSON.stringify(shown)).not.toContain("hunter2");
    expect((shown as any).resOutputsEvent.metadata.new.outputs).toEqual({
      result: "[secret]",
      length: 16,
      note: "[secret]",
    });
    const warning = {
      sequence: 3,
      timestamp: 1,
      diagnosticEvent: { severity: "warning", message: "careful", color: "raw" },
    };
    expect(redactEvent(warning as never)).toEqual(warning);
  });

  it("treats an empty change summary as unknown, never as no changes", () => {
    expect(changesFrom({}, undefined)).toBe("unknown");
    expect(changesFrom(undefined, undefined)).toBe("unknown");
    expect(changesFrom({ same: 3, update: 1 }, undefined)).toEqual({ same: 3, update: 1 });
    expect(changeCount("unknown")).toBeUndefined();
    expect(changeCount({ same: 3, update: 1, create: 2 })).toBe(3);
    expect(formatChanges("unknown")).toBe("unknown");
    expect(formatChanges({ same: 4 })).toBe("no changes (4 same)");
    expect(formatChanges({ create: 3, update: 1, same: 12 })).toBe("+3 create, ~1 update, 12 same");
  });

  it("reads pending operations and protected resources from an export", () => {
    const deployment = {
      deployment: {
        resources: [
          { urn: "urn:a", protect: true },
          { urn: "urn:b", protect: false },
        ],
        pending_operations: [
          { resource: { urn: "urn:c", type: "gcp:sql/databaseInstance:DatabaseInstance" }, type: "creating" },
        ],
      },
    };
    expect(protectedResourcesOf(deployment)).toEqual(["urn:a"]);
    expect(pendingOperationsOf(deployment)).toEqual([
      { urn: "urn:c", type: "gcp:sql/databaseInstance:DatabaseInstance", operation: "creating" },
    ]);
    expect(recoveryFor("dev", pendingOperationsOf(deployment), true)).toEqual([
      expect.stringMatching(/^npx platform cancel --env dev/),
      expect.stringMatching(/^npx platform refresh --env dev --yes --clear-pending-creates/),
    ]);
  });

  it("summarizes CLI errors to their error: lines", () => {
    const e = new Error(
      "code: -2\n stdout: \n stderr: Command failed with exit code 255: pulumi up --yes\nerror: update failed\n  error: gcp:sql/databaseInstance:DatabaseInstance db-instance: quota exceeded\n err?: Error: x\n    at foo (bar.js:1:1)",
    );
    expect(errorSummary(e)).toBe("gcp:sql/databaseInstance:DatabaseInstance db-instance: quota exceeded");
    expect(errorSummary(new Error("plain message"))).toBe("plain message");
  });

  it("maps runs to exit codes", () => {
    const run = (statuses: EnvResult["status"][]): RunResult => ({
      verb: "up",
      ok: statuses.every((s) => s === "succeeded"),
      durationMs: 1,
      results: statuses.map((status, i) => result({ env: `e${i}`, status })),
    });
    expect(exitCodeOf(run(["succeeded", "succeeded"]))).toBe(0);
    expect(exitCodeOf(run(["succeeded", "failed", "skipped"]))).toBe(1);
    expect(exitCodeOf(run(["locked"]))).toBe(3);
    expect(exitCodeOf(run(["blocked", "succeeded"]))).toBe(3);
    expect(exitCodeOf(run(["aborted", "failed"]))).toBe(130);
    expect(exitCodeOf(run(["succeeded-outputs-unavailable"]))).toBe(1);
    expect(exitCodeOf(run(["changes-detected"]))).toBe(1);
  });

  it("renders one summary table and the recovery commands", () => {
    const run: RunResult = {
      verb: "up",
      ok: false,
      durationMs: 5000,
      results: [
        result({
          env: "shared",
          status: Status.failed,
          changes: "unknown",
          error: "boom",
          recovery: ["npx platform cancel --env shared"],
        }),
        result({
          env: "app",
          status: Status.skipped,
          skippedBecause: "shared",
          error: "skipped: dependency shared failed",
        }),
        result({ env: "other", changes: { create: 2, same: 1 }, durationMs: 125_400 }),
      ],
    };
    const table = renderSummaryTable(run).split("\n");
    expect(table[0]).toMatch(/^env\s+result\s+changes\s+duration$/);
    expect(table[1]).toMatch(/^shared\s+failed\s+unknown\s+1\.5s$/);
    expect(table[2]).toMatch(/^app\s+skipped\s+dependency shared did not succeed\s+-$/);
    expect(table[3]).toMatch(/^other\s+succeeded\s+\+2 create, 1 same\s+2m05s$/);
    const text = renderRun(run, { showOutputs: false });
    expect(text).toContain("to recover, run:\n    npx platform cancel --env shared");
    expect(formatDuration(999)).toBe("1.0s");
  });

  it("writes audit entries without secrets or error text", () => {
    const entry = auditEntry(result({ error: "password=hunter2", outputs: { pw: "hunter2" } }), {
      backend: "s3://k:s@bucket",
      remote: false,
      now: new Date(0),
    });
    expect(entry).toMatchObject({
      time: "1970-01-01T00:00:00.000Z",
      env: "dev",
      verb: "up",
      result: "succeeded",
      changes: { create: 2 },
      durationMs: 1500,
      backend: "s3://bucket",
    });
    expect(JSON.stringify(entry)).not.toContain("hunter2");
    expect(typeof entry.user).toBe("string");
  });
});

describe("progress", () => {
  it("shows counts by op, the resource in flight and elapsed time", () => {
    let now = 1000;
    const model = new ProgressModel(() => now);
    model.apply({ type: "start", env: "dev", verb: "up", time: "" });
    const pre = (op: string, name: string) => ({
      type: "engine" as const,
      env: "dev",
      event: {
        sequence: 1,
        timestamp: 1,
        resourcePreEvent: {
          metadata: {
            op,
            urn: `urn:pulumi:dev::platform::gcp:sql/databaseInstance:DatabaseInstance::${name}`,
            type: "gcp:sql/databaseInstance:DatabaseInstance",
            provider: "",
          },
        },
      } as never,
    });
    model.apply(pre("create", "db-instance"));
    now = 3500;
    expect(model.lines()).toEqual([
      "dev    2.5s  1 create  creating db-instance (gcp:sql/databaseInstance:DatabaseInstance)",
    ]);
    model.apply({
      type: "lock-wait",
      env: "dev",
      holders: [{ user: "ana", host: "h", pid: 1 }],
      retryInMs: 2000,
      waitedMs: 0,
    });
    expect(model.lines()[0]).toContain("waiting for the stack lock (ana@h pid 1), retry in 2s");
    model.apply({ type: "done", env: "dev", result: result({}) });
    now = 9000;
    expect(model.lines()[0]).toMatch(/^dev\s+2\.5s\s+1 create\s+succeeded$/);
  });
});

describe("remote", () => {
  const spec: WorkspaceSpec = {
    env: "dev",
    stackName: "acme/platform/dev",
    projectName: "platform",
    runtime: "nodejs",
    backendUrl: "https://api.pulumi.com",
    workDir: "/tmp/w",
    pulumiHome: "/tmp/h",
    stackSettings: { encryptionSalt: "v1:salt" },
    envVars: {},
    remote: {
      org: "acme",
      repoUrl: "https://github.com/acme/platform.git",
      branch: "main",
      envVars: { GOOGLE_PROJECT: "p" },
      secretEnvVars: { GOOGLE_CREDENTIALS: "{…}" },
    },
  };

  it("builds the Deployments request: git source, env vars (secrets marked), pre-run commands", () => {
    const { args, opts } = buildRemoteRequest(spec, { PULUMI_CONFIG_PASSPHRASE: "pass" });
    expect(args).toEqual({
      stackName: "acme/platform/dev",
      url: "https://github.com/acme/platform.git",
      projectPath: ".",
      branch: "refs/heads/main",
    });
    expect(opts).toEqual({
      envVars: {
        GOOGLE_PROJECT: "p",
        GOOGLE_CREDENTIALS: { secret: "{…}" },
        PULUMI_CONFIG_PASSPHRASE: { secret: "pass" },
      },
      preRunCommands: ["npm ci"],
      skipInstallDependencies: true,
    });
    const pinned = buildRemoteRequest(
      {
        ...spec,
        stackSettings: {},
        remote: { ...spec.remote!, commit: "abc123", preRunCommands: ["npm ci", "npm run build"] },
      },
      {},
    );
    expect(pinned.args).toMatchObject({ commitHash: "abc123" });
    expect(pinned.args).not.toHaveProperty("branch");
    expect(pinned.opts.envVars).not.toHaveProperty("PULUMI_CONFIG_PASSPHRASE");
    expect(pinned.opts.preRunCommands).toEqual(["npm ci", "npm run build"]);
  });

  it("checks the backend, token and git facts before anything runs", () => {
    const git = (args: string[]) =>
      args[0] === "remote" ? "git@github.com:acme/platform.git\n" : "feature/x\n";
    expect(() => resolveRemote({ org: "acme" }, "file:///x", { PULUMI_ACCESS_TOKEN: "t" }, git)).toThrow(
      /needs a Pulumi Cloud backend/,
    );
    expect(() => resolveRemote({ org: "acme" }, "https://api.pulumi.com", {}, git)).toThrow(
      /PULUMI_ACCESS_TOKEN/,
    );
    expect(
      resolveRemote({ org: "acme" }, "https://api.pulumi.com", { PULUMI_ACCESS_TOKEN: "t" }, git),
    ).toMatchObject({
      repoUrl: "git@github.com:acme/platform.git",
      branch: "feature/x",
    });
    expect(() =>
      resolveRemote({ org: "acme" }, "https://api.pulumi.com", { PULUMI_ACCESS_TOKEN: "t" }, () => "HEAD"),
    ).toThrow(/detached HEAD/);
  });
});
