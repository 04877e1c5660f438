// k8s-dev end to end through the real Automation API against the Pulumi CLI double: the same
// program `pulumi up -s k8s-dev` runs, deployed, previewed clean and destroyed. Requires
// `npm run build` (the double runs compiled).
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

describe("k8s-dev against the Pulumi CLI double", () => {
  it("deploys the synth inventory, previews clean and destroys everything (dev protects nothing)", async () => {
    const text = fs.readFileSync(path.join(REPO, "stacks", "Pulumi.k8s-dev.yaml"), "utf8");
    const s = await setup({ "k8s-dev": text }, { program: "platform" });
    const deployed = await up({ ...s.base, env: "k8s-dev" });
    expect(deployed.results[0]).toMatchObject({ env: "k8s-dev", status: Status.succeeded });
    expect(deployed.results[0]!.outputs).toMatchObject({
      cloud: "kubernetes",
      profile: "dev",
      namespace: "shop-k8s-dev",
      serviceUrl: "http://api.shop-k8s-dev.svc.cluster.local",
      serviceMode: "knative",
      databaseHost: "db-rw.shop-k8s-dev.svc",
      databaseSecret: "db-app",
      cacheEndpoint: "memory",
      budgetName: "budget",
    });

    const inventory = await synth("k8s-dev", { stacksDir: s.stacksDir });
    const deployedUrns = stateResources(s, "k8s-dev")
      // The explicit kubernetes provider is part of the inventory; the engine's default providers are not.
      .filter((r) => r.type !== "pulumi:pulumi:Stack" && !/::default(_[\w-]+)?$/.test(r.urn))
      .map((r) => r.urn)
      .sort();
    expect(deployedUrns).toEqual(inventory.resources.map((r) => r.urn).sort());

    const clean = await preview({ ...s.base, env: "k8s-dev", expectNoChanges: true });
    expect(clean.results[0]!.status).toBe(Status.succeeded);
    expect(Object.keys(clean.results[0]!.changes)).toEqual(["same"]);

    const destroyed = await destroy({ ...s.base, env: "k8s-dev" });
    expect(destroyed.results[0]).toMatchObject({ status: Status.succeeded });
    expect(stateResources(s, "k8s-dev").filter((r) => r.type.startsWith("kubernetes:"))).toEqual([]);
  }, 300_000);
});
