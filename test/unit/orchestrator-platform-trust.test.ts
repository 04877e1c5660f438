// Parts 3, 4 and 7 of issue 10 with the real platform program, through the CLI, the real
// Automation API and the Pulumi CLI double: a config secret set with
// `pulumi config set --secret --path platform:service.env.API_KEY` stays secret through every
// channel; an invalid stack file is refused before any engine call; dev can be destroyed and
// deployed again. Requires `npm run build`.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { review } from "../../orchestrator/review";
import { livePreviewSource } from "../../orchestrator/review/live";
import { renderComments, renderText, reviewJson } from "../../plan/render";
import {
  jsonLines,
  REPO,
  removeSetups,
  runCli,
  setup,
  waitForNoLeftovers,
  type Setup,
} from "./orchestrator-support";

const CANARY = `CANARY-${randomUUID()}`;
const TIER_CANARY = `CANARY-${randomUUID()}-tier`;

let s: Setup;
let plainDev: string;
/** The dev stack file with API_KEY set as a secret (as the double's `pulumi config set --secret --path` writes it). */
let secretDev: string;
/** …and with a secret database tier and an out-of-range disk size as well. */
let invalidDev: string;
/** TMPDIR of every CLI run: temp files must not outlive the run. */
let tmp: string;
const saved = process.env["PLATFORM_STACKS_DIR"];

/** Runs the double as `pulumi` in a project laid out like this repository. */
function pulumi(project: string, args: string[]): string {
  return execFileSync(path.join(s.root, "bin", "pulumi"), args, {
    cwd: project,
    env: {
      ...process.env,
      PULUMI_BACKEND_URL: `file://${path.join(s.dir, "init-state")}`,
      PULUMI_HOME: path.join(s.dir, "init-home"),
      PULUMI_CONFIG_PASSPHRASE: "orchestrator-test",
    },
    encoding: "utf8",
  });
}

beforeAll(async () => {
  plainDev = fs.readFileSync(path.join(REPO, "stacks", "Pulumi.dev.yaml"), "utf8");
  s = await setup({}, { program: "platform" });
  fs.copyFileSync(path.join(REPO, "stacks", "usage.dev.yaml"), path.join(s.stacksDir, "usage.dev.yaml"));
  tmp = path.join(s.dir, "tmp");
  fs.mkdirSync(tmp);
  const project = path.join(s.dir, "project");
  fs.mkdirSync(path.join(project, "stacks"), { recursive: true });
  fs.copyFileSync(path.join(REPO, "Pulumi.yaml"), path.join(project, "Pulumi.yaml"));
  const file = path.join(project, "stacks", "Pulumi.dev.yaml");
  fs.writeFileSync(file, plainDev);
  pulumi(project, ["stack", "init", "dev", "--non-interactive"]);
  pulumi(project, [
    "config",
    "set",
    "--secret",
    "--path",
    "platform:service.env.API_KEY",
    CANARY,
    "-s",
    "dev",
  ]);
  secretDev = fs.readFileSync(file, "utf8");
  pulumi(project, [
    "config",
    "set",
    "--secret",
    "--path",
    "platform:database.tier",
    TIER_CANARY,
    "-s",
    "dev",
  ]);
  invalidDev = fs.readFileSync(file, "utf8").replace(/diskSizeGb: 10\b/, "diskSizeGb: 5");
  process.env["PLATFORM_STACKS_DIR"] = s.stacksDir;
}, 120_000);

afterAll(async () => {
  if (saved === undefined) delete process.env["PLATFORM_STACKS_DIR"];
  else process.env["PLATFORM_STACKS_DIR"] = saved;
  try {
    expect(await waitForNoLeftovers()).toEqual([]);
  } finally {
    removeSetups();
  }
});

const env = () => ({ ...s.cliEnv, PLATFORM_STACKS_DIR: s.stacksDir, TMPDIR: tmp });
const ciphertexts = (text: string) => [...text.matchAll(/secure: (v1:\S+)/g)].map((m) => m[1]!);

function expectNoSecret(where: string, text: string): void {
  expect(text.includes(CANARY), `${where} shows the secret`).toBe(false);
  expect(text.includes(TIER_CANARY), `${where} shows the secret tier`).toBe(false);
  for (const c of ciphertexts(invalidDev)) expect(text.includes(c), `${where} shows ciphertext`).toBe(false);
}

/** Every file under a directory, with its text. */
function filesUnder(dir: string): [string, string][] {
  const out: [string, string][] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const p = path.join(e.parentPath, e.name);
    out.push([p, fs.readFileSync(p, "latin1")]);
  }
  return out;
}

interface StateResource {
  urn: string;
  type: string;
  inputs?: Record<string, any>;
}
const state = (): StateResource[] => {
  const file = path.join(s.backendDir, ".pulumi", "stacks", "platform", "dev.json");
  return (
    (
      JSON.parse(fs.readFileSync(file, "utf8")) as {
        checkpoint: { latest?: { resources?: StateResource[] } };
      }
    ).checkpoint.latest?.resources ?? []
  );
};
const ringName = () => state().find((r) => r.type === "gcp:kms/keyRing:KeyRing")?.inputs?.["name"] as string;

describe("an invalid stack file", () => {
  it("up and preview validate it as synth does, before any engine call: exit 2, every problem with its path, no secret, nothing created", async () => {
    s.writeStack("dev", invalidDev);
    expect(ciphertexts(invalidDev)).toHaveLength(2);
    for (const args of [
      ["up", "--env", "dev", "--yes", "--json", ...s.cliFlags],
      ["preview", "--env", "dev", "--json", ...s.cliFlags],
      ["synth", "--env", "dev", "--json"],
    ]) {
      const run = await runCli(args, env());
      expect({ args: args[0], code: run.code }).toEqual({ args: args[0], code: 2 });
      expect(run.stderr).toMatch(/^Invalid configuration for stack "dev":/);
      expect(run.stderr).toMatch(
        /platform:database\.tier: is set as a secret, but only platform:service\.env/,
      );
      expect(run.stderr).toMatch(/platform:database\.diskSizeGb: must be/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expectNoSecret(`${args[0]} error`, run.stdout + run.stderr);
    }
    expect(fs.existsSync(s.backendDir)).toBe(false);
  }, 120_000);
});

describe("a secret env var", () => {
  it("offline: synth and cost (review: below) accept it without the passphrase, show [secret], never the value or ciphertext", async () => {
    s.writeStack("dev", secretDev);
    const noPassphrase = { ...env(), PULUMI_CONFIG_PASSPHRASE: undefined };
    const stdout = new Map<string, string>();
    for (const args of [
      ["synth", "--env", "dev"],
      ["synth", "--env", "dev", "--json"],
      ["cost", "--env", "dev"],
      ["cost", "--env", "dev", "--json"],
    ]) {
      const run = await runCli(args, noPassphrase);
      expect({ args: args.join(" "), code: run.code, stderr: run.stderr }).toEqual({
        args: args.join(" "),
        code: 0,
        stderr: "",
      });
      expectNoSecret(args.join(" "), run.stdout);
      stdout.set(args.join(" "), run.stdout);
    }
    const inventory = JSON.parse(stdout.get("synth --env dev --json")!) as {
      resources: { type: string; name: string; inputs: Record<string, any> }[];
    };
    const service = inventory.resources.find((r) => r.type === "gcp:cloudrunv2/service:Service")!;
    const envs = service.inputs["template"].containers[0].envs as Record<string, any>[];
    const apiKey = envs.find((e) => e["name"] === "API_KEY")!;
    expect(apiKey["value"]).toBeUndefined();
    expect(apiKey["valueSource"]).toEqual({
      secretKeyRef: { secret: expect.any(String), version: "latest" },
    });
    const version = inventory.resources.find(
      (r) => r.type === "gcp:secretmanager/secretVersion:SecretVersion" && r.name.includes("api-key"),
    )!;
    expect(version.inputs["secretData"]).toBe("[secret]");
  }, 180_000);

  it("deployed: NDJSON events, state, review (all formats), audit log and temp files never hold it", async () => {
    s.writeStack("dev", secretDev);
    const deployed = await runCli(["up", "--env", "dev", "--yes", "--json", ...s.cliFlags], env());
    expect(deployed.code).toBe(0);
    expectNoSecret("up --json", deployed.stdout + deployed.stderr);

    // State: the service reads the value by reference; the Secret Manager version holds it as a secret.
    const resources = state();
    const service = resources.find((r) => r.type === "gcp:cloudrunv2/service:Service")!;
    const envs = service.inputs!["template"].containers[0].envs as Record<string, any>[];
    expect(envs.find((e) => e["name"] === "API_KEY")).toEqual({
      name: "API_KEY",
      valueSource: { secretKeyRef: { secret: expect.any(String), version: "latest" } },
    });

    // A CLI ≤ 3.205 gets a file event log from the Automation API: it must not outlive the run.
    const previewed = await runCli(["preview", "--env", "dev", "--json", ...s.cliFlags], {
      ...env(),
      PULUMI_DOUBLE_VERSION: "3.200.0",
    });
    expect(previewed.code).toBe(0);
    expectNoSecret("preview --json", previewed.stdout + previewed.stderr);
    expect(fs.readdirSync(tmp).filter((f) => f.startsWith("automation-logs-"))).toEqual([]);

    // Review of the recorded events (every format) and of a live preview.
    const events = jsonLines(deployed.stdout).events.filter((e) => e["type"] === "engine");
    const log = path.join(s.dir, "up-events.jsonl");
    fs.writeFileSync(log, `${events.map((e) => JSON.stringify(e["event"])).join("\n")}\n`);
    for (const format of ["text", "markdown", "json"]) {
      const run = await runCli(["review", "--env", "dev", "--events", log, "--format", format], {
        ...env(),
        PULUMI_CONFIG_PASSPHRASE: undefined, // offline: no passphrase needed
      });
      expect([0, 3]).toContain(run.code);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expectNoSecret(`review --format ${format}`, run.stdout + run.stderr);
    }
    const reviews = await review({ envs: ["dev"], source: livePreviewSource(["dev"], s.base) });
    expectNoSecret("live review text", renderText(reviews));
    expectNoSecret("live review markdown", renderComments(reviews).join("\n"));
    expectNoSecret("live review json", JSON.stringify(reviewJson(reviews)));

    // Nothing written anywhere holds the value: state, audit log, work dirs, temp files.
    for (const [file, text] of filesUnder(s.dir)) expect(text.includes(CANARY), file).toBe(false);
    expect(fs.readFileSync(s.auditLog, "utf8")).not.toContain(CANARY);
  }, 420_000);
});

describe("dev comes and goes", () => {
  it("destroy --env dev --yes succeeds, says when key versions are destroyed, and up works again with a new ring", async () => {
    s.writeStack("dev", plainDev);
    if (!fs.existsSync(path.join(s.backendDir, ".pulumi", "stacks", "platform", "dev.json")))
      expect((await runCli(["up", "--env", "dev", "--yes", ...s.cliFlags], env())).code).toBe(0);
    const firstRing = ringName();
    expect(firstRing).toMatch(/^shop-dev-kms-[0-9a-f]{6}$/);

    const destroyed = await runCli(["destroy", "--env", "dev", "--yes", ...s.cliFlags], env());
    expect({ code: destroyed.code, out: destroyed.stdout }).toMatchObject({ code: 0 });
    const on = /scheduled for destruction in 30 days, on (\d{4}-\d{2}-\d{2})/.exec(destroyed.stdout);
    expect(on, destroyed.stdout).not.toBeNull();
    const days = (Date.parse(on![1]!) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(28);
    expect(days).toBeLessThan(31);
    expect(
      state().filter((r) => r.type !== "pulumi:pulumi:Stack" && !r.type.startsWith("pulumi:providers:")),
    ).toEqual([]);

    const again = await runCli(["up", "--env", "dev", "--yes", ...s.cliFlags], env());
    expect(again.code).toBe(0);
    expect(ringName()).toMatch(/^shop-dev-kms-[0-9a-f]{6}$/);
    expect(ringName()).not.toBe(firstRing); // GCP keeps the old ring: the new one needs a new name
  }, 420_000);
});
