import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { isBlocked, review } from "../../orchestrator/review";
import { livePreviewSource } from "../../orchestrator/review/live";
import { up } from "../../orchestrator/verbs";
import { REPO, setup, type Setup } from "./orchestrator-support";

// A real preview of the platform program through the orchestrator and the real Automation API,
// against the Pulumi CLI double (test/support/pulumi-double).
let s: Setup;
const saved = process.env["PLATFORM_STACKS_DIR"];

beforeAll(async () => {
  s = await setup(
    { dev: fs.readFileSync(path.join(REPO, "stacks", "Pulumi.dev.yaml"), "utf8") },
    { program: "platform" },
  );
  fs.copyFileSync(path.join(REPO, "stacks", "usage.dev.yaml"), path.join(s.stacksDir, "usage.dev.yaml"));
  process.env["PLATFORM_STACKS_DIR"] = s.stacksDir;
});
afterAll(() => {
  if (saved === undefined) delete process.env["PLATFORM_STACKS_DIR"];
  else process.env["PLATFORM_STACKS_DIR"] = saved;
});

describe("review from a live preview", () => {
  it("a new environment: every resource is a create, priced, and the guards pass", async () => {
    const [r] = await review({ envs: ["dev"], source: livePreviewSource(["dev"], s.base) });
    expect(r!.source).toBe("preview");
    const creates = r!.steps.filter((x) => x.op === "create");
    expect(creates.length).toBeGreaterThan(50);
    expect(creates.some((x) => x.type === "gcp:sql/databaseInstance:DatabaseInstance")).toBe(true);
    expect(r!.cost!.before).toBe(0);
    expect(r!.cost!.after).toBeGreaterThan(9);
    expect(isBlocked([r!])).toBe(false);
  });

  it("after up, a tier change previews as an update with its cost Δ", async () => {
    const deployed = await up({ ...s.base, env: "dev" });
    expect(deployed.results[0]!.status).toBe("succeeded");
    const file = path.join(s.stacksDir, "Pulumi.dev.yaml");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("tier: db-f1-micro", "tier: db-g1-small"));
    const [r] = await review({ envs: ["dev"], source: livePreviewSource(["dev"], s.base) });
    const changed = r!.steps.filter((x) => x.op !== "same" && x.type !== "pulumi:pulumi:Stack");
    expect(changed.map((x) => [x.op, x.name])).toEqual([["update", "db-instance"]]);
    expect(r!.cost!.after - r!.cost!.before).toBeGreaterThan(10); // db-g1-small costs ~$18 more than db-f1-micro
  });
});
