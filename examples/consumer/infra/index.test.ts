import { beforeAll, describe, expect, it } from "@jest/globals";
import { readStackConfig } from "@platform/pulumi-platform/config";
import { promiseOf, setupMocks, type MockHarness } from "@platform/pulumi-platform/testing";

let mocks: MockHarness;
let program: { url: unknown; databaseUrlSecret: unknown };

beforeAll(async () => {
  // The dev stack's own config, under Pulumi's mock runtime: no cloud, no Pulumi CLI.
  mocks = await setupMocks({
    stack: "dev",
    project: "acme-orders",
    config: readStackConfig("dev", "deploy"),
  });
  program = await import("./index");
  await mocks.settled();
});

describe("acme-orders dev", () => {
  it("has one zonal database with backups and a private IP only", () => {
    const sql = mocks.find("gcp:sql/databaseInstance:DatabaseInstance", "orders-db-instance");
    expect(sql.inputs["settings"]).toMatchObject({
      availabilityType: "ZONAL",
      backupConfiguration: { enabled: true },
      ipConfiguration: { ipv4Enabled: false },
    });
  });

  it("runs the service under its own service account and exports its URL", async () => {
    expect(mocks.counts()["gcp:serviceaccount/account:Account"]).toBe(1);
    expect(await promiseOf(program.url as string)).toMatch(/^https:\/\//);
  });
});
