/**
 * INTEGRATION (slow, full tier: ~2–4 minutes; needs the npm registry or a warm npm cache and a
 * built dist/). The package as another team gets it: `npm pack`, then a scratch consumer project
 * (a copy of examples/consumer: its own Pulumi.yaml with `main: infra/index.ts` and
 * `stackConfigDir: deploy`) installs the tarball, type-checks its program, its Jest test and its
 * deploy script, runs its Jest test with the `testing` harness, and runs the `platform` CLI there:
 * synth, cost, config errors, flags, and preview / up / outputs against the Pulumi CLI double.
 * Everything is created in one temp dir, removed afterwards.
 */
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { makePulumiRoot } from "../support/pulumi-double/install";
import { asPackageImports, EXAMPLES_DIR, exampleFiles } from "../support/readme-examples";

const REPO = path.resolve(__dirname, "..", "..");
const INSTALL_TIMEOUT_MS = 15 * 60_000;
/** One step (a type-check, a Jest run, a CLI call or three); generous: CI machines are shared. */
const STEP_TIMEOUT_MS = 5 * 60_000;

let dir = "";
let app = "";
let packed: { filename: string; files: { path: string }[] };
/**
 * The consumer's two type-checks (node10 and node16 resolution), started as soon as the project is
 * installed: each is one single-threaded tsc that only reads the project, so they run beside the
 * other steps instead of one after another (about 20 s each of CPU).
 */
let typeChecks: { readonly node10: Promise<Run>; readonly node16: Promise<Run> } | undefined;
/** The README's examples as the consumer writes them (package imports), relative to the project. */
const EXAMPLES = exampleFiles().map((f) => path.join("readme-examples", f));

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment for child commands: this Node first on PATH, none of the outer npm run's settings. */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!/^npm_(package|lifecycle|config_(prefix|global|local_prefix))/i.test(k) && k !== "INIT_CWD")
      env[k] = v;
  env["PATH"] = `${path.dirname(process.execPath)}${path.delimiter}${process.env["PATH"] ?? ""}`;
  return { ...env, ...extra };
}

function run(
  cmd: string,
  args: readonly string[],
  cwd: string,
  extra: Record<string, string> = {},
): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      cmd,
      [...args],
      { cwd, env: childEnv(extra), maxBuffer: 64 * 1024 * 1024, timeout: INSTALL_TIMEOUT_MS },
      (err, stdout, stderr) =>
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** `npx platform …` in the consumer project, exactly as its README says. */
const platform = (args: readonly string[], extra: Record<string, string> = {}) =>
  run("npx", ["--no-install", "platform", ...args], app, extra);

beforeAll(async () => {
  if (!existsSync(path.join(REPO, "dist", "index.js")))
    throw new Error("dist/ is missing: run `npm run build` first (the tarball ships dist/)");
  dir = mkdtempSync(path.join(tmpdir(), "platform-consumer-"));
  const pack = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], REPO);
  expect(pack.stderr.includes("ERR!") ? pack.stderr : "").toBe("");
  packed = (JSON.parse(pack.stdout) as (typeof packed)[])[0]!;
  app = path.join(dir, "acme-orders");
  cpSync(path.join(REPO, "examples", "consumer"), app, { recursive: true });
  mkdirSync(path.join(app, "readme-examples"));
  for (const f of exampleFiles()) {
    const source = readFileSync(path.join(EXAMPLES_DIR, f), "utf8");
    writeFileSync(
      path.join(app, "readme-examples", f),
      asPackageImports(source, "@platform/pulumi-platform", f),
    );
  }
  const pkgFile = path.join(app, "package.json");
  const pkg = JSON.parse(readFileSync(pkgFile, "utf8")) as { dependencies: Record<string, string> };
  pkg.dependencies["@platform/pulumi-platform"] = `file:${path.join(dir, packed.filename)}`;
  writeFileSync(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
  const install = await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"], app);
  if (install.code !== 0) throw new Error(`npm install in the consumer failed:\n${install.stderr}`);
  typeChecks = {
    node10: run("npx", ["--no-install", "tsc", "--noEmit", "-p", "."], app),
    node16: run(
      "npx",
      [
        "--no-install",
        "tsc",
        "--noEmit",
        "--strict",
        "--target",
        "es2022",
        "--esModuleInterop",
        "--skipLibCheck",
        "--types",
        "node",
        "--module",
        "node16",
        "--moduleResolution",
        "node16",
        "infra/index.ts",
        "scripts/deploy.ts",
        ...EXAMPLES,
      ],
      app,
    ),
  };
}, INSTALL_TIMEOUT_MS);

afterAll(async () => {
  // No type-check may outlive the project it reads (a filtered run never awaited them).
  if (typeChecks) await Promise.allSettled([typeChecks.node10, typeChecks.node16]);
  // Retries: a CLI child that outlived a failed step may still be writing into the project.
  if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}, INSTALL_TIMEOUT_MS);

describe("the packed tarball", () => {
  it(
    "holds the compiled library, the bin, the policy pack files and the stack schema; no sources, tests or maps",
    () => {
      const files = packed.files.map((f) => f.path);
      for (const f of [
        "package.json",
        "README.md",
        "bin/platform.cjs",
        "dist/index.js",
        "dist/index.d.ts",
        "dist/orchestrator/cli.js",
        "dist/orchestrator/worker.js",
        "dist/orchestrator/synth/worker.js",
        "dist/testing/index.d.ts",
        "dist/policy/index.js",
        "policy/PulumiPolicy.yaml",
        "policy/package.json",
        "stacks/platform.schema.json",
      ])
        expect(files).toContain(f);
      const unwanted = files.filter(
        (f) =>
          (f.endsWith(".ts") && !f.endsWith(".d.ts")) || f.startsWith("dist/test/") || f.endsWith(".map"),
      );
      expect(unwanted).toEqual([]);
    },
    STEP_TIMEOUT_MS,
  );
});

describe("a consumer project that installed the tarball", () => {
  it(
    "runs its Jest test with the testing harness",
    async () => {
      const r = await run("npx", ["--no-install", "jest", "--ci"], app);
      expect(r.stderr).toMatch(/Tests:\s+2 passed, 2 total/);
      expect(r.code).toBe(0);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    "`platform --version` and a misspelt flag reported as unknown",
    async () => {
      const version = await platform(["--version"]);
      expect(version.stdout.trim()).toBe(
        (JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as { version: string }).version,
      );
      const typo = await platform(["synth", "--envv", "dev"]);
      expect(typo.code).toBe(2);
      expect(typo.stderr).toContain("error: unknown option '--envv'");
      expect(typo.stderr).toContain("(Did you mean --env?)");
    },
    STEP_TIMEOUT_MS,
  );

  it(
    "synth runs the project's own program with its own stack files and project name",
    async () => {
      const r = await platform(["synth", "--env", "dev", "--json"]);
      expect(r.stderr).toBe("");
      const doc = JSON.parse(r.stdout) as {
        env: string;
        resources: { urn: string; type: string; name: string }[];
      };
      expect(doc.env).toBe("dev");
      const byType = (t: string) => doc.resources.filter((x) => x.type === t).map((x) => x.name);
      expect(byType("platform:data:PostgresWithBackups")).toEqual(["orders-db"]);
      expect(byType("platform:compute:CloudRunService")).toEqual(["orders-api"]);
      expect(byType("gcp:redis/instance:Instance")).toEqual([]); // not in this program
      for (const res of doc.resources) expect(res.urn).toMatch(/^urn:pulumi:dev::acme-orders::/);
    },
    STEP_TIMEOUT_MS,
  );

  it(
    "config read through the library is validated with the profile's rules (exit 2, every problem)",
    async () => {
      writeFileSync(
        path.join(app, "deploy", "Pulumi.broken.yaml"),
        [
          "config:",
          "  gcp:project: acme-orders-prod",
          "  gcp:region: europe-west1",
          "  acme-orders:image: europe-docker.pkg.dev/acme/apps/orders:1.0.0",
          "  platform:environment: { profile: prod, app: orders }",
          "  platform:kms: { protectionLevel: SOFTWARE }",
          "  platform:databse: {}",
        ].join("\n"),
      );
      try {
        const r = await platform(["synth", "--env", "broken"]);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe("");
        expect(r.stderr).toContain('Invalid configuration for stack "broken":');
        expect(r.stderr).toContain('platform:databse: unknown key (did you mean "platform:database"?)');
        expect(r.stderr).toContain('platform:kms.protectionLevel: prod requires HSM keys, got "SOFTWARE"');
      } finally {
        rmSync(path.join(app, "deploy", "Pulumi.broken.yaml"), { force: true });
      }
    },
    STEP_TIMEOUT_MS,
  );

  it(
    "cost prices the project's own program against the profile's budget",
    async () => {
      const r = await platform(["cost", "--env", "dev", "--json"]);
      expect(r.stderr).toBe("");
      const doc = JSON.parse(r.stdout) as { env: string; total: number; byComponent: Record<string, number> };
      expect(doc.env).toBe("dev");
      expect(doc.total).toBeGreaterThan(0);
      expect(Object.keys(doc.byComponent)).toContain("postgres");
    },
    STEP_TIMEOUT_MS,
  );

  it(
    "preview, up and outputs run the project's program through the orchestrator (Pulumi CLI double)",
    async () => {
      const root = await makePulumiRoot(path.join(dir, "pulumi-cli"));
      const env = { PLATFORM_PULUMI_ROOT: root, PULUMI_CONFIG_PASSPHRASE: "consumer-test" };
      const preview = await platform(["preview", "--env", "dev", "--json"], env);
      expect(preview.code).toBe(0);
      const result = JSON.parse(preview.stdout.trim().split("\n").pop()!) as {
        ok: boolean;
        results: { changes: Record<string, number> }[];
      };
      expect(result.ok).toBe(true);
      expect(result.results[0]!.changes["create"]).toBeGreaterThan(20);
      const up = await platform(["up", "--env", "dev", "--yes"], env);
      expect(up.code).toBe(0);
      const outputs = await platform(["outputs", "--env", "dev", "--json"], env);
      expect(outputs.code).toBe(0);
      const last = JSON.parse(outputs.stdout.trim().split("\n").pop()!) as {
        results: { outputs: Record<string, unknown> }[];
      };
      expect(Object.keys(last.results[0]!.outputs).sort()).toEqual(["databaseUrlSecret", "url"]);
      // State and the audit log live in the consumer project, not in the library.
      expect(existsSync(path.join(app, ".pulumi-state"))).toBe(true);
      expect(readFileSync(path.join(app, ".platform", "audit.log"), "utf8")).toContain('"verb":"up"');
    },
    STEP_TIMEOUT_MS,
  );
  // Last: the type-checks started after the install have run beside the steps above.
  const typeCheckPasses = (which: "node10" | "node16") => async () => {
    const r = await typeChecks![which];
    expect(r.stdout + r.stderr).toBe("");
    expect(r.code).toBe(0);
  };
  it(
    "type-checks its program, Jest test and deploy script (Pulumi's template: node10 resolution)",
    typeCheckPasses("node10"),
    STEP_TIMEOUT_MS,
  );
  it(
    "type-checks the program, the deploy script and the README's examples (package imports) with node16 module resolution too",
    typeCheckPasses("node16"),
    STEP_TIMEOUT_MS,
  );
});
