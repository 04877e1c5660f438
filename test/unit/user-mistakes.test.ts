// Parts 3 and 4 of issue 10 without an engine: a user's mistake gets one clear message (no stack
// trace), secret config values are never echoed, and the pure helpers behind both.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { availableEnvs } from "../../orchestrator/envs";
import { readStackGraph } from "../../orchestrator/graph";
import { kmsDestroyNote } from "../../orchestrator/kms-note";
import { targetsByStack, unmatchedTargets } from "../../orchestrator/targets";
import { detectPlanFormat, MAX_VALUE_DEPTH, normalizeValue } from "../../plan/parse";
import { ConfigError, parseEnvironmentConfig } from "../../programs/config";
import { maskSecrets, secretPaths, SECRET_MASK } from "../../programs/secret-config";
import { parseStackFile, readStackConfig } from "../../programs/stack-config";

const ROOT = path.resolve(__dirname, "../..");
const CLI = path.join(ROOT, "dist/orchestrator/cli.js");
const DEV = readFileSync(path.join(ROOT, "stacks/Pulumi.dev.yaml"), "utf8");
const CANARY = "CANARY-5f1d-tier";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "user-mistakes-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stacks dir holding one dev stack file with this text. */
function stacks(name: string, dev: string): string {
  const d = path.join(dir, name);
  mkdirSync(d, { recursive: true });
  writeFileSync(path.join(d, "Pulumi.dev.yaml"), dev);
  return d;
}

function cli(
  args: readonly string[],
  stacksDir?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      {
        env: { ...process.env, ...(stacksDir ? { PLATFORM_STACKS_DIR: stacksDir } : {}) },
        maxBuffer: 64 << 20,
      },
      (err, stdout, stderr) =>
        resolve({ code: err ? Number((err as { code?: number }).code) : 0, stdout, stderr }),
    );
  });
}

const devBase = parseStackFile("Pulumi.dev.yaml", DEV)["config"] as Record<string, unknown>;
const withValue = (section: string, key: string, value: unknown) => ({
  ...devBase,
  [section]: { ...(devBase[section] as object), [key]: value },
});

describe("stack files say what is wrong with them", () => {
  it.each([
    ["empty", "", /is empty: expected a map with a config: section/],
    ["a list", "- a\n- b\n", /the top level is a list, expected a map with a config: section/],
    [
      "a misspelt config:",
      DEV.replace(/^config:/m, "conifg:"),
      /unknown top-level key "conifg" \(did you mean "config"\?\)/,
    ],
    ["invalid YAML", "config:\n  gcp:project: [x\n", /not valid YAML: /],
  ])("%s", (_name, text, message) => {
    expect(() => parseStackFile("Pulumi.dev.yaml", text)).toThrow(message);
  });

  it(".nan and .inf are reported as such, not as null", () => {
    const nan = parseStackFile("f", DEV.replace("amount: 20", "amount: .nan"))["config"] as Record<
      string,
      unknown
    >;
    expect(() => parseEnvironmentConfig("dev", nan)).toThrow(/platform:budget\.amount: must be .*, got NaN/);
    const inf = parseStackFile("f", DEV.replace("amount: 20", "amount: .inf"))["config"] as Record<
      string,
      unknown
    >;
    expect(() => parseEnvironmentConfig("dev", inf)).toThrow(
      /platform:budget\.amount: must be .*, got Infinity/,
    );
  });

  it("a missing stacks dir is one line naming it", () => {
    expect(() => availableEnvs(path.join(dir, "nope"))).toThrow(/stacks directory .*nope does not exist/);
  });

  it("a broken stack file blocks only the selection that needs it", () => {
    const d = stacks("graph", DEV);
    writeFileSync(path.join(d, "Pulumi.zz.yaml"), "config: [\n");
    writeFileSync(path.join(d, "Pulumi.app.yaml"), "platform-orchestrator:\n  dependsOn: [zz]\nconfig: {}\n");
    expect(readStackGraph(d, ["dev"]).get("dev")).toEqual([]);
    expect(() => readStackGraph(d, ["app"])).toThrow(/Pulumi\.zz\.yaml: not valid YAML/);
    expect(() => readStackGraph(d)).toThrow(/Pulumi\.zz\.yaml/);
  });
});

describe("secret config values", () => {
  const secure = { secure: "v1:c2VjcmV0LWNpcGhlcnRleHQ=" };

  it("secure leaves are found, masked for validation, and accepted without the passphrase in service.env", () => {
    const values = withValue("platform:service", "env", { LOG_LEVEL: "debug", API_KEY: secure });
    expect(secretPaths(values)).toEqual([{ key: "platform:service", path: ["env", "API_KEY"] }]);
    expect((maskSecrets(values, secretPaths(values))["platform:service"] as any).env.API_KEY).toBe(
      SECRET_MASK,
    );
    const cfg = parseEnvironmentConfig("dev", values);
    expect(cfg.secretEnvNames).toEqual(["API_KEY"]);
    expect(cfg.service.env["API_KEY"]).toBe(SECRET_MASK);
  });

  it("a secret anywhere else is a config error naming its path, never echoing the value", () => {
    const values = withValue("platform:database", "tier", CANARY);
    let err: ConfigError | undefined;
    try {
      parseEnvironmentConfig("dev", values, { secrets: [{ key: "platform:database", path: ["tier"] }] });
    } catch (e) {
      err = e as ConfigError;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect(err!.issues).toEqual([
      {
        path: "platform:database.tier",
        message: expect.stringMatching(/^is set as a secret, but only platform:service\.env/),
      },
    ]);
    expect(err!.message).not.toContain(CANARY);
    // Also when it is invalid anyway: validation only ever saw "[secret]".
    const ciphertext = withValue("platform:database", "tier", secure);
    expect(() => parseEnvironmentConfig("dev", ciphertext)).toThrow(
      /platform:database\.tier: is set as a secret/,
    );
    expect(() => parseEnvironmentConfig("dev", ciphertext)).not.toThrow(/v1:/);
  });

  it("other providers' secrets (gcp:credentials) are theirs, not the program's", () => {
    expect(secretPaths({ ...devBase, "gcp:credentials": secure })).toEqual([]);
  });

  it("readStackConfig keeps secure leaves for the offline view", () => {
    const d = stacks(
      "secure",
      DEV.replace("LOG_LEVEL: debug", `LOG_LEVEL: debug\n      API_KEY:\n        secure: ${secure.secure}`),
    );
    expect(secretPaths(readStackConfig("dev", d))).toHaveLength(1);
  });
});

describe("pure checks behind the flags and the plan parser", () => {
  const urn = (stack: string, name: string) =>
    `urn:pulumi:${stack}::platform::gcp:sql/databaseInstance:DatabaseInstance::${name}`;

  it("--target: URNs of the selected stacks only, every stack targeted, unmatched targets found", () => {
    expect(targetsByStack([urn("dev", "db")], ["dev"], "platform")).toEqual(
      new Map([["dev", [urn("dev", "db")]]]),
    );
    expect(() => targetsByStack(["db"], ["dev"], "platform")).toThrow(/"db" is not a URN/);
    expect(() => targetsByStack([urn("dev", "db")], ["dev", "prod"], "platform")).toThrow(
      /no target names a resource of prod/,
    );
    expect(unmatchedTargets([urn("dev", "db"), urn("dev", "gone")], [urn("dev", "db")])).toEqual([
      urn("dev", "gone"),
    ]);
    expect(unmatchedTargets(["urn:pulumi:dev::platform::**::db"], [urn("dev", "db")])).toEqual([]);
  });

  it("a value nested deeper than the limit is refused with a message, not a stack overflow", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    expect(() => normalizeValue(deep)).toThrow(new RegExp(`nested more than ${MAX_VALUE_DEPTH} levels`));
  });

  it("a missing plan file or a directory is a one-line error", async () => {
    await expect(detectPlanFormat(path.join(dir, "none.json"))).rejects.toThrow(/none\.json does not exist/);
    await expect(detectPlanFormat(dir)).rejects.toThrow(/is a directory, expected a plan file/);
  });

  it("destroying KMS keys says when their versions are destroyed", () => {
    const deployment = {
      deployment: {
        resources: [
          {
            urn: "urn:k1",
            type: "gcp:kms/cryptoKey:CryptoKey",
            inputs: { name: "data", destroyScheduledDuration: "2592000s" },
          },
          { urn: "urn:r", type: "gcp:kms/keyRing:KeyRing", inputs: { name: "shop-dev-kms-a1b2c3" } },
        ],
      },
    };
    expect(kmsDestroyNote(deployment, [], new Date("2026-12-01T10:00:00Z"))).toMatch(
      /^KMS: the versions of key data are scheduled for destruction in 30 days, on 2026-12-31;/,
    );
    expect(kmsDestroyNote(deployment, ["urn:k1"], new Date())).toBeUndefined();
  });
});

describe("the CLI: one message, no stack trace", () => {
  it.each([
    ["synth on invalid YAML", ["synth", "--env", "dev"], "config:\n  gcp:project: [x\n", 2, /not valid YAML/],
    ["cost on invalid YAML", ["cost", "--env", "dev"], "config:\n  gcp:project: [x\n", 2, /not valid YAML/],
    ["synth on an empty file", ["synth", "--env", "dev"], "", 2, /is empty/],
    [
      "synth with amount: .nan",
      ["synth", "--env", "dev"],
      DEV.replace("amount: 20", "amount: .nan"),
      2,
      /platform:budget\.amount: must be .*, got NaN/,
    ],
    [
      "synth with a secret tier (--json)",
      ["synth", "--env", "dev", "--json"],
      DEV.replace("tier: db-f1-micro", "tier:\n      secure: v1:Q0FOQVJZ"),
      2,
      /platform:database\.tier: is set as a secret/,
    ],
    [
      "review --events of a directory",
      ["review", "--env", "dev", "--events", "/tmp"],
      DEV,
      2,
      /plan file \/tmp is a directory/,
    ],
    [
      "review --events of a missing file",
      ["review", "--env", "dev", "--events", "/nonexistent.jsonl"],
      DEV,
      2,
      /does not exist/,
    ],
  ])("%s", async (name, args, stackFile, code, message) => {
    const run = await cli(args, stacks(name.replace(/\W+/g, "-"), stackFile));
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr + run.stdout).not.toContain("Q0FOQVJZ");
  });

  it("review --out to a directory is refused before any work (and cannot hide exit 3)", async () => {
    const run = await cli(["review", "--env", "dev", "--offline", "--out", dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--out .* is a directory; give a file name/);
  });

  it("a 10,000-level nested preview JSON is refused with a message naming the file", async () => {
    let inner = "1";
    for (let i = 0; i < 10_000; i++) inner = `{"a":${inner}}`;
    const file = path.join(dir, "deep.json");
    writeFileSync(
      file,
      `{"steps":[{"op":"create","urn":"urn:pulumi:dev::platform::gcp:storage/bucket:Bucket::b","newState":{"type":"gcp:storage/bucket:Bucket","inputs":{"x":${inner}}}}],"changeSummary":{"create":1}}`,
    );
    const run = await cli(["review", "--env", "dev", "--preview-json", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/deep\.json: a property value is nested more than 100 levels deep/);
    expect(run.stderr).not.toMatch(/RangeError|\n\s+at /);
  });
});
