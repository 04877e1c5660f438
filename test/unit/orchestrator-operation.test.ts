// runOperation against a fake StackHandle (the StackFactory seam): the behaviours that the Pulumi
// CLI double cannot provoke on demand (outputs failing after a successful update, a summary that
// never arrives) and exact lock-wait timing.
import * as os from "node:os";
import { ConcurrentUpdateError, CommandError, StackNotFoundError } from "@pulumi/pulumi/automation";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { runOperation, type Job } from "../../orchestrator/operation";
import { Status, type OrchestratorEvent } from "../../orchestrator/types";
import type { StackFactory, StackHandle, WorkspaceSpec } from "../../orchestrator/workspace";

const spec: WorkspaceSpec = {
  env: "dev",
  stackName: "dev",
  projectName: "platform",
  runtime: "nodejs",
  backendUrl: "gs://not-a-file-backend",
  workDir: "/nonexistent",
  pulumiHome: "/nonexistent",
  stackSettings: {},
  envVars: {},
};

const LOCKED =
  "code: -2\n stderr: error: the stack is currently locked by 1 lock(s). Either wait for the other process(es) to end or delete the lock file with `pulumi cancel`.\n\n" +
  `  file:///s/.pulumi/locks/organization/platform/dev/1.json: created by ana@${os.hostname()} (pid 4242) at 2026-01-02T03:04:05Z\n`;

// The SDK's error constructors are internal; build instances the way createCommandError does.
function sdkError<T extends Error>(cls: new (...args: any[]) => T, message: string): T {
  const e = Object.create(cls.prototype) as T;
  Object.defineProperty(e, "message", { value: message });
  Object.defineProperty(e, "name", { value: cls.name });
  return e;
}

function fakeStack(over: Partial<StackHandle>): StackHandle {
  const stack: StackHandle = {
    name: "dev",
    up: async function (this: StackHandle) {
      const outputs = await this.outputs();
      return { summary: { resourceChanges: { create: 2 } }, outputs };
    },
    preview: async () => ({ changeSummary: { same: 3 } }),
    refresh: async () => ({ summary: { resourceChanges: { same: 3 } } }),
    previewRefresh: async () => ({ changeSummary: { same: 2, update: 1 } }),
    destroy: async () => ({ summary: { resourceChanges: { delete: 3 } } }),
    outputs: async () => ({
      ip: { value: "10.0.0.3", secret: false },
      pw: { value: "hunter2", secret: true },
    }),
    exportStack: async () => ({ deployment: { resources: [] } }),
    cancel: async () => undefined,
    ...over,
  };
  return stack;
}

async function run(
  verb: Job["verb"],
  stack: StackHandle | (() => never),
  options: Job["options"] = {},
  signal = new AbortController().signal,
) {
  const events: OrchestratorEvent[] = [];
  const factory: StackFactory = async () => (typeof stack === "function" ? stack() : stack);
  const result = await runOperation(
    { verb, spec, options },
    { factory, program: async () => undefined, signal, emit: (e) => events.push(e) },
  );
  return { result, events };
}

describe("runOperation", () => {
  it("returns outputs with secrets masked unless showSecrets", async () => {
    const { result } = await run("up", fakeStack({}));
    expect(result).toMatchObject({
      status: Status.succeeded,
      changes: { create: 2 },
      outputs: { ip: "10.0.0.3", pw: "[secret]" },
    });
    expect((await run("up", fakeStack({}), { showSecrets: true })).result.outputs).toEqual({
      ip: "10.0.0.3",
      pw: "hunter2",
    });
  });

  it("reports a failure to read outputs after a successful update as its own status", async () => {
    const stack = fakeStack({
      up: async function (this: StackHandle) {
        await this.outputs(); // Stack.up() reads outputs after the update succeeded
        return { outputs: {} };
      },
      outputs: async () => {
        throw sdkError(
          CommandError,
          "code: -2\n stderr: error: could not read stack outputs: connection reset",
        );
      },
    });
    const { result } = await run("up", stack);
    expect(result.status).toBe(Status.outputsUnavailable);
    expect(result.error).toMatch(
      /^the update succeeded, but reading its outputs afterwards failed: could not read stack outputs/,
    );
    expect(result.recovery).toEqual(["npx platform outputs --env dev"]);
  });

  it("reports an update that failed before finishing as failed", async () => {
    const stack = fakeStack({
      up: async () => {
        throw sdkError(CommandError, "code: -2\n stderr: error: update failed\n  error: provider says no");
      },
    });
    expect((await run("up", stack)).result).toMatchObject({
      status: Status.failed,
      error: "provider says no",
      changes: "unknown",
    });
  });

  it("treats a preview without a change summary as unknown, and cannot confirm no changes then", async () => {
    const stack = fakeStack({ preview: async () => ({ changeSummary: {} }) });
    expect((await run("preview", stack)).result).toMatchObject({
      status: Status.succeeded,
      changes: "unknown",
    });
    expect((await run("preview", stack, { expectNoChanges: true })).result).toMatchObject({
      status: Status.failed,
      error: expect.stringMatching(/cannot confirm/),
    });
  });

  it("falls back to engine events when the summary is missing", async () => {
    const stack = fakeStack({
      preview: async (opts?: Record<string, unknown>) => {
        const onEvent = opts!["onEvent"] as (e: unknown) => void;
        onEvent({
          sequence: 1,
          timestamp: 1,
          resourcePreEvent: {
            metadata: {
              op: "update",
              urn: "urn:pulumi:dev::platform::t:m:T::a",
              type: "t:m:T",
              provider: "",
            },
          },
        });
        return { changeSummary: {} };
      },
    });
    const { result, events } = await run("preview", stack, { expectNoChanges: true });
    expect(result).toMatchObject({ status: Status.changesDetected, changes: { update: 1 } });
    expect(events.filter((e) => e.type === "engine")).toHaveLength(1);
  });

  it("detects drift with a preview-only refresh", async () => {
    const { result } = await run("refresh", fakeStack({}), { previewOnly: true, expectNoChanges: true });
    expect(result).toMatchObject({
      status: Status.changesDetected,
      changes: { same: 2, update: 1 },
      error: "1 resource(s) would change",
    });
  });

  it("fails at once on a lock, naming the holder and the recovery, and never cancels", async () => {
    let cancelled = false;
    const stack = fakeStack({
      up: async () => {
        throw sdkError(ConcurrentUpdateError, LOCKED);
      },
      cancel: async () => {
        cancelled = true;
      },
    });
    const { result } = await run("up", stack);
    expect(result.status).toBe(Status.locked);
    expect(result.lock).toEqual([expect.objectContaining({ user: "ana", pid: 4242 })]);
    expect(result.error).toMatch(/stack dev is locked by ana@.* \(pid 4242\)/);
    expect(result.recovery).toContain("npx platform cancel --env dev   # only after the holder is gone");
    expect(cancelled).toBe(false);
  });

  it("waits for a lock with backoff, then succeeds", async () => {
    let attempts = 0;
    const stack = fakeStack({
      up: async function (this: StackHandle) {
        if (++attempts < 3) throw sdkError(ConcurrentUpdateError, LOCKED);
        return { summary: { resourceChanges: { same: 1 } }, outputs: await this.outputs() };
      },
    });
    const { result, events } = await run("up", stack, { waitForLockMs: 20_000 });
    expect(attempts).toBe(3);
    expect(result.status).toBe(Status.succeeded);
    expect(result.waitedForLockMs).toBeGreaterThan(1500);
    expect(events.filter((e) => e.type === "lock-wait")).toHaveLength(2);
  }, 20_000);

  it("gives up waiting when the budget runs out", async () => {
    const stack = fakeStack({
      up: async () => {
        throw sdkError(ConcurrentUpdateError, LOCKED);
      },
    });
    const { result } = await run("up", stack, { waitForLockMs: 1200 });
    expect(result.status).toBe(Status.locked);
    expect(result.error).toMatch(/\(waited 1s\)/);
  }, 10_000);

  it("stops waiting for a lock when aborted", async () => {
    const controller = new AbortController();
    const stack = fakeStack({
      up: async () => {
        throw sdkError(ConcurrentUpdateError, LOCKED);
      },
    });
    setTimeout(() => controller.abort(), 300);
    const { result } = await run("up", stack, { waitForLockMs: 60_000 }, controller.signal);
    expect(result.status).toBe(Status.aborted);
  });

  it("refuses to destroy protected resources and lists them", async () => {
    const exported = {
      deployment: {
        resources: [{ urn: "urn:pulumi:dev::platform::gcp:kms/keyRing:KeyRing::kms-ring", protect: true }],
      },
    };
    let destroyed = false;
    const stack = fakeStack({
      exportStack: async () => exported,
      destroy: async () => {
        destroyed = true;
        return { summary: { resourceChanges: { delete: 1 } } };
      },
    });
    const blocked = (await run("destroy", stack)).result;
    expect(blocked).toMatchObject({
      status: Status.blocked,
      protectedResources: ["urn:pulumi:dev::platform::gcp:kms/keyRing:KeyRing::kms-ring"],
    });
    expect(blocked.error).toMatch(/--exclude-protected/);
    expect(destroyed).toBe(false);
    const kept = (await run("destroy", stack, { excludeProtected: true })).result;
    expect(kept).toMatchObject({
      status: Status.succeeded,
      protectedResources: ["urn:pulumi:dev::platform::gcp:kms/keyRing:KeyRing::kms-ring"],
    });
    expect(destroyed).toBe(true);
  });

  it("treats destroying a stack that does not exist as nothing to do, and outputs of one as an error", async () => {
    const missing = () => {
      throw sdkError(StackNotFoundError, "code: -2\n stderr: error: no stack named 'dev' found");
    };
    expect((await run("destroy", missing)).result).toMatchObject({
      status: Status.succeeded,
      note: expect.stringMatching(/does not exist/),
    });
    expect((await run("outputs", missing)).result).toMatchObject({
      status: Status.failed,
      error: expect.stringMatching(/npx platform up --env dev/),
    });
  });

  it("reports pending operations and the recovery after an aborted update", async () => {
    const controller = new AbortController();
    const stack = fakeStack({
      up: async () => {
        controller.abort();
        throw sdkError(CommandError, "code: -2\n stderr: error: update canceled");
      },
      exportStack: async () => ({
        deployment: {
          resources: [],
          pending_operations: [{ resource: { urn: "urn:x", type: "t:m:T" }, type: "creating" }],
        },
      }),
    });
    const { result } = await run("up", stack, {}, controller.signal);
    expect(result).toMatchObject({
      status: Status.aborted,
      pendingOperations: [{ urn: "urn:x", type: "t:m:T", operation: "creating" }],
    });
    expect(result.recovery).toEqual([
      expect.stringMatching(/^npx platform refresh --env dev --yes --clear-pending-creates/),
    ]);
  });
});
