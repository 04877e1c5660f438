/**
 * Fault injection in the Pulumi CLI double, through the real Automation API: provider errors,
 * a concurrent update, a crash mid-update (lock and pending operations left behind), `cancel`,
 * a graceful SIGINT, protected resources. Build first (`npm run build`).
 */
import { afterAll, beforeAll, describe, it, jest } from "@jest/globals";
import { expect } from "../support/expect";
import { CommandError, ConcurrentUpdateError, type EngineEvent } from "@pulumi/pulumi/automation";
import { waitForNoStrayProcesses } from "../support/processes";
import { bundleProgram } from "../support/pulumi-double/fixture-program";
import {
  doubleEnv,
  removeDoubleEnv,
  inlineStack,
  lockFiles,
  processAlive,
  readCheckpoint,
  waitFor,
  withEnv,
  Gate,
  type DoubleEnv,
} from "../support/pulumi-double/testing";

const BUCKET = "platform:test:Bundle$platform:test:Bucket::app-bucket";
/** After a failure or a cancel the double stops the program at once, not after its default 3 s grace. */
const STOP_AT_ONCE = { PULUMI_DOUBLE_STOP_GRACE_MS: "0" };

let de: DoubleEnv;
beforeAll(async () => {
  de = await doubleEnv();
});

afterAll(async () => {
  await removeDoubleEnv(de);
  // The crashed and cancelled CLIs and their programs: nothing this file started is still running.
  expect(await waitForNoStrayProcesses()).toEqual([]);
});

/** The execa failure behind a CommandError (exit code, signal, output). */
function failure(e: unknown): { exitCode?: number; signal?: string; message: string } {
  expect(e).toBeInstanceOf(CommandError);
  const err =
    (e as { commandResult: { err?: { exitCode?: number; signal?: string } } }).commandResult.err ?? {};
  return { exitCode: err.exitCode, signal: err.signal, message: String((e as Error).message) };
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected the operation to fail");
}

function urns(project: string, stack: string): string[] {
  const latest = readCheckpoint(de, project, stack).checkpoint.latest;
  return (latest?.resources ?? []).map((r: { urn: string }) => r.urn);
}

describe("pulumi double faults", () => {
  jest.setTimeout(180_000);
  it("PULUMI_DOUBLE_FAIL_ON fails that resource like a provider error and keeps the rest", async () => {
    const stack = await inlineStack(de, { project: "failon", stack: "dev", program: bundleProgram });
    const events: EngineEvent[] = [];
    const e = await withEnv(stack, { PULUMI_DOUBLE_FAIL_ON: "app-bucket", ...STOP_AT_ONCE }, () =>
      rejection(stack.up({ onEvent: (ev) => events.push(ev) })),
    );
    const f = failure(e);
    expect(f.exitCode).toBe(255);
    expect(f.message).toContain("injected provider error");
    expect(f.message).toContain("error: update failed");

    const failed = events.find((ev) => ev.resOpFailedEvent)!.resOpFailedEvent!;
    expect(failed.metadata.op).toBe("create");
    expect(failed.metadata.urn).toContain(BUCKET);
    const diag = events.find((ev) => ev.diagnosticEvent?.severity === "error" && ev.diagnosticEvent.urn)!;
    expect(diag.diagnosticEvent!.urn).toContain(BUCKET);
    expect(events.find((ev) => ev.summaryEvent)!.summaryEvent).toMatchObject({ result: "failed" });

    const done = urns("failon", "dev");
    expect(done.some((u) => u.endsWith("::app-suffix"))).toBe(true);
    expect(done.some((u) => u.endsWith("::app-pw"))).toBe(true);
    expect(done.some((u) => u.endsWith("::app-bucket"))).toBe(false);
    expect(lockFiles(de, "failon", "dev")).toEqual([]);
    expect((await stack.history(1, 1))[0]!.result).toBe("failed");

    const retry = await stack.up();
    expect(retry.summary.resourceChanges).toEqual({ same: 4, create: 1 });
  });

  it("--continue-on-error keeps going past a failed resource and still exits 255", async () => {
    // The SDK rejects the outputs of a resource that failed to register. An exported one is awaited
    // only after that rejection (Node's PromiseRejectionHandledWarning): export all but app-pw's.
    const program = async () => {
      const outputs = await bundleProgram();
      delete outputs["password"];
      return outputs;
    };
    const stack = await inlineStack(de, { project: "continue", stack: "dev", program });
    const e = await withEnv(stack, { PULUMI_DOUBLE_FAIL_ON: "app-pw", ...STOP_AT_ONCE }, () =>
      rejection(stack.up({ continueOnError: true })),
    );
    expect(failure(e).exitCode).toBe(255);
    const done = urns("continue", "dev");
    expect(done.some((u) => u.endsWith("::app-bucket"))).toBe(true);
    expect(done.some((u) => u.endsWith("::app-pw"))).toBe(false);
  });

  it("a second concurrent update fails with ConcurrentUpdateError, the first completes", async () => {
    const stack = await inlineStack(de, { project: "concurrent", stack: "dev", program: bundleProgram });
    await stack.up();
    await stack.setConfig("size", { value: "2" });
    const gate = new Gate(de.dir, "concurrent");
    const first = withEnv(stack, gate.env, () => stack.up());
    await gate.until((l) => l.event === "op-held", "the first update's operation in flight");
    expect(lockFiles(de, "concurrent", "dev")).toHaveLength(1);
    const e = await rejection(stack.up());
    expect(e).toBeInstanceOf(ConcurrentUpdateError);
    expect(String((e as Error).message)).toContain("the stack is currently locked by 1 lock(s)");
    gate.open("dev");
    const res = await first;
    expect(res.summary.resourceChanges).toEqual({ same: 4, update: 1 });
    expect(lockFiles(de, "concurrent", "dev")).toEqual([]);
  });

  it("PULUMI_DOUBLE_CRASH_AFTER kills the CLI, leaving the lock and a pending operation; cancel recovers", async () => {
    const stack = await inlineStack(de, { project: "crash", stack: "dev", program: bundleProgram });
    const e = await withEnv(stack, { PULUMI_DOUBLE_CRASH_AFTER: "2" }, () => rejection(stack.up()));
    expect(failure(e).signal).toBe("SIGKILL");

    const locks = lockFiles(de, "crash", "dev");
    expect(locks).toHaveLength(1);
    const { readFileSync } = await import("node:fs");
    const holder = JSON.parse(readFileSync(locks[0]!, "utf8")) as { pid: number };
    expect(processAlive(holder.pid)).toBe(false);

    const exported = await stack.exportStack();
    const pending = exported.deployment.pending_operations as { type: string; resource: { urn: string } }[];
    expect(pending).toHaveLength(1);
    expect(pending[0]!.type).toBe("creating");
    expect(pending[0]!.resource.urn).toContain(BUCKET);

    expect(await rejection(stack.up())).toBeInstanceOf(ConcurrentUpdateError);
    await stack.cancel();
    expect(lockFiles(de, "crash", "dev")).toEqual([]);

    const res = await stack.up();
    expect(res.stdout).toContain("pending operations from previous deployment");
    expect(res.summary.resourceChanges).toEqual({ same: 4, create: 1 });
    expect((await stack.exportStack()).deployment.pending_operations).toBeUndefined();
  });

  it("a first SIGINT cancels gracefully: in-flight operations finish, state is written, lock released", async () => {
    const stack = await inlineStack(de, { project: "sigint", stack: "dev", program: bundleProgram });
    const ac = new AbortController();
    const events: EngineEvent[] = [];
    const gate = new Gate(de.dir, "sigint");
    const run = withEnv(stack, { ...gate.env, ...STOP_AT_ONCE }, () =>
      rejection(stack.up({ signal: ac.signal, onEvent: (ev) => events.push(ev) })),
    );
    await waitFor(
      () =>
        events.some((ev) => ev.resourcePreEvent?.metadata.type === "random:index/randomString:RandomString"),
      20_000,
      "a resource operation in flight",
    );
    await gate.until((l) => l.event === "op-held" && l.urn.endsWith("::app-suffix"), "app-suffix in flight");
    ac.abort();
    // In-flight operations finish after the cancel: let them go once the engine heard it.
    await gate.until((l) => l.event === "sigint", "the engine's cancel");
    gate.open("dev");
    const f = failure(await run);
    expect(f.exitCode).toBe(255);
    expect(f.message).toContain("^C received; cancelling");
    expect(f.message).toContain("error: update canceled");
    const done = urns("sigint", "dev");
    expect(done.some((u) => u.endsWith("::app-suffix"))).toBe(true);
    expect(done.some((u) => u.endsWith("::app-bucket"))).toBe(false);
    expect(lockFiles(de, "sigint", "dev")).toEqual([]);
    expect(readCheckpoint(de, "sigint", "dev").checkpoint.latest.pending_operations).toBeUndefined();
    expect(events.find((ev) => ev.summaryEvent)!.summaryEvent).toMatchObject({ result: "failed" });

    const res = await stack.up();
    expect(res.summary.resourceChanges).toEqual({ same: 4, create: 1 });
  });

  it("a failing program fails the update without deleting anything", async () => {
    const stack = await inlineStack(de, { project: "progerr", stack: "dev", program: bundleProgram });
    await stack.up();
    const before = urns("progerr", "dev");
    const broken = await inlineStack(de, {
      project: "progerr",
      stack: "dev",
      program: async () => {
        throw new Error("boom in the program");
      },
    });
    const f = failure(await rejection(broken.up()));
    expect(f.exitCode).toBe(255);
    expect(f.message).toContain("boom in the program");
    expect(f.message).toContain("error: update failed");
    expect(urns("progerr", "dev")).toEqual(before);

    const e = await withEnv(stack, { PULUMI_DOUBLE_FAIL_ON: "app-pw" }, () => rejection(stack.refresh()));
    expect(failure(e).message).toContain(
      "reading urn:pulumi:dev::progerr::platform:test:Bundle$random:index/randomPassword:RandomPassword::app-pw",
    );
    expect((await stack.refresh()).summary.resourceChanges).toEqual({ same: 5 });
  });

  it("refuses to replace or delete a protected resource, with the real CLI's messages", async () => {
    const stack = await inlineStack(de, { project: "protect", stack: "dev", program: bundleProgram });
    await stack.setConfig("protectBucket", { value: "true" });
    await stack.up();

    await stack.setConfig("bucketPrefix", { value: "z" });
    const replace = failure(await withEnv(stack, STOP_AT_ONCE, () => rejection(stack.up())));
    expect(replace.exitCode).toBe(255);
    expect(replace.message).toContain(`unable to replace resource "urn:pulumi:dev::protect::${BUCKET}"`);
    expect(replace.message).toContain("as it is currently marked for protection");
    await stack.removeConfig("bucketPrefix");

    const destroy = failure(await rejection(stack.destroy()));
    expect(destroy.message).toContain(`resource "urn:pulumi:dev::protect::${BUCKET}" cannot be deleted`);
    expect(destroy.message).toContain("because it is protected");
    expect(urns("protect", "dev").some((u) => u.endsWith("::app-bucket"))).toBe(true);

    const partial = await stack.destroy({ excludeProtected: true });
    expect(partial.summary.resourceChanges).toEqual({ delete: 1 });
    const left = urns("protect", "dev");
    expect(left.some((u) => u.endsWith("::app-pw"))).toBe(false);
    expect(left.some((u) => u.endsWith("::app-bucket"))).toBe(true);
  });
});
