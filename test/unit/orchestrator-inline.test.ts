// A program passed from code as a function runs in this process (one stack at a time), through the
// real Automation API against the Pulumi CLI double. Requires `npm run build` (the double runs compiled).
import { afterAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { outputs, preview, up } from "../../orchestrator/verbs";
import { Status } from "../../orchestrator/types";
import { bundleProgram } from "../support/pulumi-double/fixture-program";
import { fixtureStack, removeSetups, setup } from "./orchestrator-support";

afterAll(() => removeSetups());

describe("an inline program function passed from code", () => {
  it("preview, up and outputs run it in dependency order, with the stack files' config", async () => {
    const s = await setup({
      base: fixtureStack({ size: 1 }),
      app: fixtureStack({ dependsOn: ["base"], size: 2 }),
    });
    const events: string[] = [];
    const options = {
      ...s.base,
      program: bundleProgram,
      onEvent: (e: { type: string; env: string }) => {
        if (e.type === "start") events.push(e.env);
      },
    };
    const planned = await preview({ ...options, env: "all" });
    expect(planned.results.map((r) => [r.env, r.status])).toEqual([
      ["app", Status.succeeded],
      ["base", Status.succeeded],
    ]);
    const run = await up({ ...options, env: "all" });
    expect(run.ok).toBe(true);
    expect(events.slice(-2)).toEqual(["base", "app"]); // the dependency first
    const out = await outputs({ ...s.base, env: "app" });
    expect(out.results[0]!.outputs).toMatchObject({ size: 2, password: "[secret]" });
  }, 240_000);

  it("a program that throws fails its stack and skips its dependents", async () => {
    const s = await setup({ base: fixtureStack(), app: fixtureStack({ dependsOn: ["base"] }) });
    const run = await up({
      ...s.base,
      env: "all",
      program: async () => {
        throw new Error("program exploded");
      },
    });
    const byEnv = Object.fromEntries(run.results.map((r) => [r.env, r]));
    expect(byEnv["base"]).toMatchObject({
      status: Status.failed,
      error: expect.stringContaining("program exploded"),
    });
    expect(byEnv["app"]).toMatchObject({ status: Status.skipped, skippedBecause: "base" });
  }, 240_000);
});
