import { beforeAll, it } from "@jest/globals";
import { expect } from "../support/expect";
import * as pulumi from "@pulumi/pulumi";
import { promiseOf, setupMocks } from "../support/harness";

let rec: Awaited<ReturnType<typeof setupMocks>>;
beforeAll(async () => {
  rec = await setupMocks();
});

it("the synth recorder captures parent, protect and masks secrets", async () => {
  const gcp = await import("@pulumi/gcp");
  const random = await import("@pulumi/random");
  class C extends pulumi.ComponentResource {
    constructor(n: string) {
      super("platform:test:C", n, {}, {});
      const pw = new random.RandomPassword(`${n}-pw`, { length: 20 }, { parent: this });
      const ring = new gcp.kms.KeyRing(
        `${n}-ring`,
        { location: "europe-west1", name: "r" },
        { parent: this, protect: true },
      );
      new gcp.secretmanager.SecretVersion(
        `${n}-v`,
        { secret: ring.id, secretData: pw.result },
        { parent: this },
      );
      this.registerOutputs({});
    }
  }
  const c = new C("x");
  await promiseOf(c.urn);
  await rec.settled();
  const ring = rec.find("gcp:kms/keyRing:KeyRing", "x-ring");
  expect(ring.protect).toBe(true);
  expect(ring.parent).toContain("platform:test:C");
  const v = rec.find("gcp:secretmanager/secretVersion:SecretVersion", "x-v");
  expect(v.inputs["secretData"]).toBe("[secret]");
});
