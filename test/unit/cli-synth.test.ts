import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { tempDir } from "../support/temp";

const CLI = path.resolve(__dirname, "../../dist/orchestrator/cli.js");

function run(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

describe("platform synth", () => {
  it("--json prints the documented inventory shape with secrets masked", async () => {
    const r = await run(["synth", "--env", "prod", "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { env: string; stack: string; resources: Record<string, unknown>[] };
    expect(doc.env).toBe("prod");
    expect(doc.stack).toBe("prod");
    for (const res of doc.resources)
      expect(Object.keys(res).sort()).toEqual(["inputs", "name", "parent", "protect", "type", "urn"]);
    const versions = doc.resources.filter((x) => x.type === "gcp:secretmanager/secretVersion:SecretVersion");
    expect(versions.length).toBe(3); // DATABASE_URL, DB password, Redis AUTH
    for (const v of versions) expect((v.inputs as Record<string, unknown>)["secretData"]).toBe("[secret]");
    expect(r.stdout).not.toMatch(/postgresql:\/\/[^"]*:[^"[]/);
  });

  it("prints a tree by component with key settings", async () => {
    const r = await run(["synth", "--env", "dev"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Stack dev: \d+ resources/);
    expect(r.stdout).toContain("├─ platform:data:PostgresWithBackups db");
    expect(r.stdout).toContain("platform:data:RedisCache cache");
    expect(r.stdout).toContain("settings.tier = db-f1-micro");
    expect(r.stdout).toContain("secretData = [secret]");
  });

  it("several environments as a JSON array", async () => {
    const r = await run(["synth", "--env", "dev,staging", "--json"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { env: string }[]).map((d) => d.env)).toEqual(["dev", "staging"]);
  });

  it("bad config → exit 2 and the config error text, nothing else", async () => {
    const dir = tempDir("stacks-");
    writeFileSync(
      path.join(dir, "Pulumi.broken.yaml"),
      [
        "config:",
        "  gcp:project: acme-shop-prod",
        "  gcp:region: europe-west1",
        "  platform:environment: { profile: prod, app: shop }",
        "  platform:observability: { notifyEmails: [oncall@acme.example] }",
        "  platform:database: { highAvailability: false, backups: { retainedBackups: 0 } }",
        "  platform:kms: { protectionLevel: SOFTWARE }",
      ].join("\n"),
    );
    const r = await run(["synth", "--env", "broken"], { PLATFORM_STACKS_DIR: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      [
        'Invalid configuration for stack "broken":',
        "  platform:database.backups.retainedBackups: must be an integer 1–365, got 0",
        '  platform:kms.protectionLevel: prod requires HSM keys, got "SOFTWARE"',
        "",
      ].join("\n"),
    );
  });

  it("unknown environment → exit 2 with a suggestion", async () => {
    const r = await run(["synth", "--env", "prd"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      '--env: unknown environment "prd" (did you mean "prod"?); available: aws-dev, aws-prod, aws-staging, dev, k8s-dev, k8s-prod, prod, staging, all',
    );
  });

  it("missing --env → exit 2", async () => {
    const r = await run(["synth"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("required option '--env <envs>' not specified");
  });
});
