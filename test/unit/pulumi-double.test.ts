/**
 * The Pulumi CLI double driven by the REAL Automation API (`@pulumi/pulumi/automation`) with an
 * inline program: the full lifecycle of one stack, event-log contents, refresh, export/import,
 * destroy and removal. Build first (`npm run build`): the double runs from dist/.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, it, jest } from "@jest/globals";
import { expect } from "../support/expect";
import type { EngineEvent, Stack } from "@pulumi/pulumi/automation";
import { bundleProgram } from "../support/pulumi-double/fixture-program";
import {
  doubleEnv,
  removeDoubleEnv,
  inlineStack,
  lockFiles,
  readCheckpoint,
  type DoubleEnv,
} from "../support/pulumi-double/testing";

const PROJECT = "lifecycle";
const BUCKET_TYPE = "platform:test:Bucket";

let de: DoubleEnv;
let stack: Stack;

function preEvents(events: EngineEvent[]) {
  return events.filter((e) => e.resourcePreEvent).map((e) => e.resourcePreEvent!.metadata);
}

beforeAll(async () => {
  de = await doubleEnv();
  stack = await inlineStack(de, { project: PROJECT, stack: "dev", program: bundleProgram });
});

afterAll(async () => {
  await removeDoubleEnv(de);
});

describe("pulumi double through the Automation API", () => {
  jest.setTimeout(180_000);
  it("reports the configured version through PulumiCommand.get", () => {
    expect(de.cmd.version?.toString()).toBe("3.270.0");
  });

  it("creates everything on the first up and keeps secrets secret", async () => {
    const events: EngineEvent[] = [];
    const res = await stack.up({ onEvent: (e) => events.push(e), message: "first" });
    expect(res.summary.result).toBe("succeeded");
    expect(res.summary.kind).toBe("update");
    expect(res.summary.message).toBe("first");
    // Stack, Bundle, suffix, password, bucket (the default providers are not counted).
    expect(res.summary.resourceChanges).toEqual({ create: 5 });
    expect(res.outputs["password"]).toMatchObject({ secret: true });
    expect(String(res.outputs["password"]!.value)).toHaveLength(16);
    expect(res.outputs["suffix"]!.secret).toBe(false);
    expect(res.outputs["bucketName"]!.value).toBe(`b-${String(res.outputs["suffix"]!.value)}`);
    expect(res.stdout).toContain("Updating (dev):");
    expect(res.stdout).toMatch(/\+ 5 created/);
    expect(res.stdout).toContain("password  : [secret]");

    const summary = events.find((e) => e.summaryEvent)!.summaryEvent!;
    expect(summary.resourceChanges).toEqual({ create: 5 });
    const pre = preEvents(events);
    expect(pre.map((m) => m.op)).toEqual(["create", "create", "create", "create", "create"]);
    const bucket = pre.find((m) => m.type === BUCKET_TYPE)!;
    expect(bucket.urn).toBe(`urn:pulumi:dev::${PROJECT}::platform:test:Bundle$${BUCKET_TYPE}::app-bucket`);
    expect(bucket.provider).toMatch(
      /^urn:pulumi:dev::lifecycle::pulumi:providers:platform::default::[0-9a-f-]{36}$/,
    );
    expect(bucket.new?.inputs).toEqual({ labels: { env: "dev" }, name: expect.any(String), size: 1 });
    // Secrets are blinded in resource events. (The SDK's own debug-severity log lines echo RPC
    // responses verbatim, secrets included, with the real CLI too: consumers drop debug events.)
    const pwOut = events.find(
      (e) => e.resOutputsEvent?.metadata.type === "random:index/randomPassword:RandomPassword",
    );
    expect(JSON.stringify(pwOut)).toContain('"ciphertext":"[secret]"');
    const visible = events.filter((e) => (e.diagnosticEvent?.severity as string | undefined) !== "debug");
    expect(JSON.stringify(visible)).not.toContain(String(res.outputs["password"]!.value));
    expect(events[0]!.preludeEvent).toBeDefined();
    expect(events.at(-1)!.cancelEvent).toBeDefined();
    expect(lockFiles(de, PROJECT, "dev")).toEqual([]);
  });

  it("previews no changes as same only", async () => {
    const res = await stack.preview();
    expect(res.changeSummary).toEqual({ same: 5 });
  });

  it("previews and applies an in-place update after a config change", async () => {
    await stack.setConfig("size", { value: "3" });
    expect(await stack.getConfig("size")).toEqual({ value: "3", secret: false });
    const events: EngineEvent[] = [];
    const pv = await stack.preview({ onEvent: (e) => events.push(e), diff: true });
    expect(pv.changeSummary).toEqual({ same: 4, update: 1 });
    const upd = preEvents(events).find((m) => m.op === "update")!;
    expect(upd.type).toBe(BUCKET_TYPE);
    expect(upd.diffs).toEqual(["size"]);
    expect(upd.detailedDiff).toEqual({ size: { diffKind: "update", inputDiff: true } });
    expect(events.find((e) => e.resourcePreEvent)!.resourcePreEvent!.planning).toBe(true);
    expect(pv.stdout).toContain("~ 1 to update");

    const before = await stack.outputs();
    const up = await stack.up();
    expect(up.summary.resourceChanges).toEqual({ same: 4, update: 1 });
    expect(up.outputs["size"]!.value).toBe(3);
    expect(up.outputs["bucketName"]!.value).toBe(before["bucketName"]!.value);
  });

  it("replaces the bucket when its name changes, creating before deleting", async () => {
    await stack.setAllConfig({ bucketPrefix: { value: "c" }, dbPassword: { value: "s3cr3t", secret: true } });
    const events: EngineEvent[] = [];
    const up = await stack.up({ onEvent: (e) => events.push(e) });
    expect(up.summary.resourceChanges).toEqual({ same: 4, replace: 1 });
    const ops = preEvents(events)
      .filter((m) => m.type === BUCKET_TYPE)
      .map((m) => m.op);
    expect(ops).toEqual(["create-replacement", "replace", "delete-replaced"]);
    const repl = preEvents(events).find((m) => m.op === "create-replacement")!;
    expect(repl.keys).toEqual(["name"]);
    expect(repl.detailedDiff).toEqual({ name: { diffKind: "update-replace", inputDiff: true } });
    expect(String(up.outputs["bucketName"]!.value)).toMatch(/^c-/);
    // The secret config value is masked in the prelude and stored encrypted in the stack file.
    const prelude = events.find((e) => e.preludeEvent)!.preludeEvent!;
    expect(prelude.config[`${PROJECT}:dbPassword`]).toBe("[secret]");
    const settings = fs.readFileSync(path.join(de.dir, PROJECT, "Pulumi.dev.yaml"), "utf8");
    expect(settings).toMatch(/lifecycle:dbPassword:\n\s+secure: v1:/);
    expect(settings).not.toContain("s3cr3t");
    expect(await stack.getAllConfig()).toMatchObject({
      [`${PROJECT}:dbPassword`]: { value: "s3cr3t", secret: true },
    });
  });

  it("deletes resources removed from the program", async () => {
    await stack.setConfig("withExtra", { value: "true" });
    expect((await stack.up()).summary.resourceChanges).toEqual({ same: 5, create: 1 });
    await stack.removeConfig("withExtra");
    const events: EngineEvent[] = [];
    const up = await stack.up({ onEvent: (e) => events.push(e) });
    expect(up.summary.resourceChanges).toEqual({ same: 5, delete: 1 });
    const del = preEvents(events).find((m) => m.op === "delete")!;
    expect(del.urn).toContain("::extra");
    expect(del.new).toBeNull();
  });

  it("refreshes without drift", async () => {
    const events: EngineEvent[] = [];
    const res = await stack.refresh({ onEvent: (e) => events.push(e) });
    expect(res.summary.kind).toBe("refresh");
    expect(res.summary.resourceChanges).toEqual({ same: 5 });
    expect(preEvents(events).every((m) => m.op === "refresh")).toBe(true);
    expect(preEvents(events)).toHaveLength(3);
    const preview = await stack.previewRefresh();
    expect(preview.changeSummary).toEqual({ same: 5 });
    // `up --refresh` reads everything back first; nothing drifted, so nothing changes.
    const up = await stack.up({ refresh: true, expectNoChanges: true });
    expect(up.summary.resourceChanges).toEqual({ same: 5 });
  });

  it("reports the last update in history", async () => {
    const hist = await stack.history(1, 1);
    expect(hist).toHaveLength(1);
    expect(hist[0]).toMatchObject({ kind: "update", result: "succeeded", resourceChanges: { same: 5 } });
    expect(hist[0]!.startTime).toBeInstanceOf(Date);
    expect(hist[0]!.environment["exec.kind"]).toBe("auto.inline");
    const all = await stack.history();
    expect(all.map((h) => h.version)).toEqual([7, 6, 5, 4, 3, 2, 1]);
  });

  it("round-trips the state through export and import", async () => {
    const exported = await stack.exportStack();
    expect(exported.version).toBe(3);
    const resources = exported.deployment.resources as { type: string; outputs?: Record<string, unknown> }[];
    expect(resources.map((r) => r.type)).toContain("pulumi:providers:random");
    const pw = resources.find((r) => r.type === "random:index/randomPassword:RandomPassword")!;
    expect(pw.outputs!["result"]).toMatchObject({
      "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
      plaintext: expect.any(String),
    });
    const outsBefore = await stack.outputs();
    // Import a copy without the bucket's labels change: state is replaced wholesale.
    await stack.importStack(exported);
    const outsAfter = await stack.outputs();
    expect(outsAfter).toEqual(outsBefore);
    const onDisk = JSON.stringify(readCheckpoint(de, PROJECT, "dev"));
    expect(onDisk).not.toContain(String(outsBefore["password"]!.value));
    expect((await stack.preview()).changeSummary).toEqual({ same: 5 });
  });

  it("destroys everything and removes the stack", async () => {
    const events: EngineEvent[] = [];
    const preview = await stack.previewDestroy({ onEvent: (e) => events.push(e) });
    expect(preview.changeSummary).toEqual({ delete: 5 });
    expect(preEvents(events).map((m) => m.type)[0]).toBe(BUCKET_TYPE);
    expect(readCheckpoint(de, PROJECT, "dev").checkpoint.latest.resources.length).toBeGreaterThan(5);
    const res = await stack.destroy();
    expect(res.summary.kind).toBe("destroy");
    expect(res.summary.resourceChanges).toEqual({ delete: 5 });
    expect(readCheckpoint(de, PROJECT, "dev").checkpoint.latest.resources).toEqual([]);
    expect(await stack.outputs()).toEqual({});
    await stack.workspace.removeStack("dev");
    expect(await stack.workspace.listStacks()).toEqual([]);
    expect(fs.existsSync(path.join(de.dir, PROJECT, "Pulumi.dev.yaml"))).toBe(false);
  });
});
