// aws-dev end to end through the real Automation API against the Pulumi CLI double: the same
// program `pulumi up -s aws-dev` runs, plausible AWS ids and ARNs from the double, and a dev that
// destroys completely (nothing protected). Requires `npm run build` (the double runs compiled).
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { synth } from "../../orchestrator/synth";
import { Status } from "../../orchestrator/types";
import { destroy, preview, up } from "../../orchestrator/verbs";
import { REPO, removeSetups, setup, stateResources, waitForNoLeftovers } from "./orchestrator-support";

afterAll(async () => {
  expect(await waitForNoLeftovers()).toEqual([]);
  removeSetups();
});

describe("aws-dev against the Pulumi CLI double", () => {
  it("deploys the synth inventory, reads back AWS ARNs, previews clean and destroys everything (dev protects nothing)", async () => {
    const text = fs.readFileSync(path.join(REPO, "stacks", "Pulumi.aws-dev.yaml"), "utf8");
    const s = await setup({ "aws-dev": text }, { program: "platform" });
    const deployed = await up({ ...s.base, env: "aws-dev" });
    expect(deployed.results[0]).toMatchObject({ env: "aws-dev", status: Status.succeeded });
    const outs = deployed.results[0]!.outputs as Record<string, any>;
    expect(outs).toMatchObject({
      cloud: "aws",
      profile: "dev",
      serviceUrl: expect.stringMatching(/^https:\/\/[0-9a-f]{32}\.lambda-url\.us-east-1\.on\.aws\/$/),
      functionName: "shop-aws-dev-api",
      serviceRoleArn: "arn:aws:iam::111122223333:role/shop-aws-dev-api-run",
      databaseEndpoint: expect.stringMatching(
        /^shop-aws-dev-db\.cluster-c[0-9a-f]{11}\.us-east-1\.rds\.amazonaws\.com$/,
      ),
      databaseSecretArn: expect.stringMatching(
        /^arn:aws:secretsmanager:us-east-1:111122223333:secret:shop\/aws-dev\/db-master-[0-9a-f]{6}$/,
      ),
      cacheEndpoint: "memory",
      vpcId: expect.stringMatching(/^vpc-0[0-9a-f]{16}$/),
      budgetName: "shop-aws-dev-budget",
    });
    expect(outs["keyArns"]["data"]).toMatch(/^arn:aws:kms:us-east-1:111122223333:key\/[0-9a-f-]{36}$/);
    expect(JSON.stringify(outs)).not.toMatch(/password/i);

    // The orchestrator's inline program registers exactly what the `pulumi up` entry registers (synth).
    const inventory = await synth("aws-dev", { stacksDir: s.stacksDir });
    const deployedUrns = stateResources(s, "aws-dev")
      .filter((r) => r.type !== "pulumi:pulumi:Stack" && !r.type.startsWith("pulumi:providers:"))
      .map((r) => r.urn)
      .sort();
    expect(deployedUrns).toEqual(inventory.resources.map((r) => r.urn).sort());
    // dev comes and goes: nothing is protected (the KMS key waits out its 7-day deletion window).
    expect(stateResources(s, "aws-dev").filter((r) => r.protect)).toEqual([]);
    expect(inventory.resources.filter((r) => r.protect)).toEqual([]);
    expect(
      inventory.resources.find((r) => r.type === "aws:kms/key:Key" && r.name === "kms-key-data")!.inputs,
    ).toMatchObject({ deletionWindowInDays: 7 });

    const clean = await preview({ ...s.base, env: "aws-dev", expectNoChanges: true });
    expect(clean.results[0]!.status).toBe(Status.succeeded);
    expect(Object.keys(clean.results[0]!.changes)).toEqual(["same"]);

    const destroyed = await destroy({ ...s.base, env: "aws-dev" });
    expect(destroyed.results[0]).toMatchObject({ status: Status.succeeded });
    expect(stateResources(s, "aws-dev").filter((r) => r.type.startsWith("aws:"))).toEqual([]);
  }, 300_000);
});
