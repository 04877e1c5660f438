// The orchestrator against the real Pulumi CLI: a file backend, a tiny inline program with
// @pulumi/random only (no cloud). Runs where `pulumi` is on PATH (or PLATFORM_PULUMI_ROOT is set);
// skips with the reason printed otherwise. Needs `npm run build` (workers run compiled).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { destroy, outputs, preview, up } from "../../orchestrator/verbs";
import { locatePulumi } from "../../orchestrator/workspace";

function pulumiAvailable(): string | undefined {
  try {
    locatePulumi(process.env["PLATFORM_PULUMI_ROOT"] || undefined);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

const missing = pulumiAvailable();
if (missing) console.log(`real-cli integration test skipped: ${missing}`);

describe("orchestrator with the real Pulumi CLI", () => {
  let base: Parameters<typeof up>[0];
  let dir: string | undefined;
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  beforeAll(() => {
    if (missing) return;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "orch-real-"));
    const stacksDir = path.join(dir, "stacks");
    fs.mkdirSync(stacksDir);
    fs.writeFileSync(path.join(stacksDir, "Pulumi.itest.yaml"), "config:\n  platform:petLength: 3\n");
    const program = path.join(dir, "program.js");
    fs.writeFileSync(
      program,
      [
        `const pulumi = require(${JSON.stringify(require.resolve("@pulumi/pulumi"))});`,
        `const random = require(${JSON.stringify(require.resolve("@pulumi/random"))});`,
        "module.exports = async () => {",
        "  const cfg = new pulumi.Config();",
        '  const pet = new random.RandomPet("pet", { length: cfg.requireNumber("petLength") });',
        '  const pw = new random.RandomPassword("pw", { length: 20 });',
        "  return { pet: pet.id, password: pw.result };",
        "};",
      ].join("\n"),
    );
    base = {
      env: "itest",
      stacksDir,
      backend: `file://${path.join(dir, "state")}`,
      dataDir: path.join(dir, "data"),
      programModule: program,
      envVars: { PULUMI_CONFIG_PASSPHRASE: "integration-test" },
    };
  });

  (missing !== undefined ? it.skip : it)(
    "up → outputs → preview (no changes) → destroy",
    async () => {
      const deployed = await up(base);
      expect(deployed.results[0]!.status).toBe("succeeded");
      // The stack and two random resources (whether the default provider counts differs by engine).
      expect((deployed.results[0]!.changes as Record<string, number>)["create"]).toBeGreaterThanOrEqual(3);
      expect(deployed.results[0]!.outputs).toMatchObject({
        pet: expect.stringMatching(/^\w+-\w+-\w+$/),
        password: "[secret]",
      });
      const outs = await outputs({ ...base, showSecrets: true });
      expect(outs.results[0]!.outputs!["password"]).toMatch(/^.{20}$/);
      const clean = await preview({ ...base, expectNoChanges: true });
      expect(clean.results[0]!.status).toBe("succeeded");
      const destroyed = await destroy(base);
      expect(destroyed.results[0]!.status).toBe("succeeded");
      expect((destroyed.results[0]!.changes as Record<string, number>)["delete"]).toBeGreaterThanOrEqual(3);
    },
    600_000,
  );
});
