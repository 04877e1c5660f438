import { execFile } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  writeFileSync,
} from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { tempDir } from "../support/temp";

const REPO = path.resolve(__dirname, "..", "..");
const BIN = path.join(REPO, "bin", "platform.cjs");

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: REPO }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("the platform command (bin/platform.cjs)", () => {
  it("--version prints the package version", async () => {
    const r = await run(["--version"]);
    const pkg = JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as { version: string };
    expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });

  it("a misspelt flag is reported as unknown, with the flag it resembles", async () => {
    const r = await run(["synth", "--envv", "dev"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: unknown option '--envv'\n\(Did you mean --env\?\)/);
    expect(r.stderr).not.toContain("required option");
  });

  it("a missing required flag is still reported as missing", async () => {
    const r = await run(["up", "--yes"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: required option '--env <envs>' not specified/);
  });
});

/**
 * `prepare` in a scratch copy of the repository layout, with a fake `npm` first on PATH that records
 * its arguments: what a real `npm ci` and the first `npx platform` here make it do.
 */
function prepare(npmCommand: string): Promise<{ code: number; npmCalls: string[]; link: string }> {
  const root = tempDir("prepare-");
  mkdirSync(path.join(root, "scripts"));
  mkdirSync(path.join(root, "bin"));
  mkdirSync(path.join(root, "node_modules"));
  mkdirSync(path.join(root, "fake-bin"));
  copyFileSync(path.join(REPO, "scripts", "prepare.cjs"), path.join(root, "scripts", "prepare.cjs"));
  writeFileSync(path.join(root, "bin", "platform.cjs"), "");
  const calls = path.join(root, "npm-calls");
  const npm = path.join(root, "fake-bin", "npm");
  writeFileSync(npm, `#!/bin/sh\necho "$*" >> "${calls}"\n`);
  chmodSync(npm, 0o755);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(root, "scripts", "prepare.cjs")],
      {
        cwd: root,
        env: {
          ...process.env,
          npm_command: npmCommand,
          PATH: `${path.dirname(npm)}${path.delimiter}${process.env["PATH"] ?? ""}`,
        },
      },
      (err) =>
        resolve({
          code: err ? Number((err as { code?: number }).code ?? 1) : 0,
          npmCalls: existsSync(calls) ? readFileSync(calls, "utf8").trim().split("\n") : [],
          link: readlinkSync(path.join(root, "node_modules", ".bin", "platform")),
        }),
    );
  });
}

describe("prepare (scripts/prepare.cjs)", () => {
  it("npm ci / npm install: links node_modules/.bin/platform and builds dist/", async () => {
    const r = await prepare("ci");
    expect(r).toEqual({
      code: 0,
      npmCalls: ["run build"],
      link: path.join("..", "..", "bin", "platform.cjs"),
    });
  });

  it("the first `npx platform` here (npm exec installs the checkout into its cache): links, no build", async () => {
    const r = await prepare("exec");
    expect(r).toEqual({ code: 0, npmCalls: [], link: path.join("..", "..", "bin", "platform.cjs") });
  });
});

describe("the SDK's closure serializer in the orchestrator's processes (orchestrator/lazy-closure.ts)", () => {
  it("is not loaded with the SDK, and serializing a function still works (loading it then)", async () => {
    // What a stack worker does first (compile-cache.ts), then what a program with a Lambda callback does.
    const script = `
      require(${JSON.stringify(path.join(REPO, "dist", "orchestrator", "lazy-closure.js"))}).deferClosureSerializer();
      const loaded = () => Object.keys(require.cache).filter((f) => /[/]typescript[/]lib[/]typescript[.]js$|[/]@npmcli[/]arborist[/]/.test(f)).length;
      const pulumi = require("@pulumi/pulumi");
      require("@pulumi/pulumi/automation");
      const before = loaded();
      const greeting = "hello from a captured variable";
      pulumi.runtime.serializeFunction(() => greeting.toUpperCase(), { exportName: "handler" }).then((sf) => {
        const mod = { exports: {} };
        new Function("module", "exports", "require", sf.text)(mod, mod.exports, require);
        console.log(JSON.stringify({ before, after: loaded(), result: mod.exports.handler() }));
      });`;
    const { stdout: out } = await promisify(execFile)(process.execPath, ["--no-warnings", "-e", script], {
      cwd: REPO,
    });
    const r = JSON.parse(out.trim()) as { before: number; after: number; result: string };
    expect(r.before, "TypeScript or arborist loaded with the SDK").toBe(0);
    expect(r.after, "serializeFunction loaded the real serializer").toBeGreaterThan(0);
    expect(r.result).toBe("HELLO FROM A CAPTURED VARIABLE");
  });
});

describe("what config validation, cost and review load", () => {
  it("the config schema and the cost report load no Pulumi SDK (they run in the CLI's own process)", async () => {
    const script = `
      require(${JSON.stringify(path.join(REPO, "dist", "programs", "config.js"))});
      require(${JSON.stringify(path.join(REPO, "dist", "orchestrator", "review", "cost-report.js"))});
      const sdks = new Set(Object.keys(require.cache).map((f) => /[/]node_modules[/](@pulumi[/][^/]+)[/]/.exec(f)?.[1]).filter(Boolean));
      console.log(JSON.stringify([...sdks]));`;
    const { stdout } = await promisify(execFile)(process.execPath, ["-e", script], { cwd: REPO });
    expect(JSON.parse(stdout.trim()), "provider SDKs loaded by the schema or the cost report").toEqual([]);
  });
});

describe("the orchestrator's entry points (orchestrator/compile-cache.ts)", () => {
  it("the CLI process formats the SDK's promise captures plainly and other stacks as Node does", async () => {
    // Run `cli.js --version` (an entry point) with a preload that reports, at exit, how this
    // process formats a stack captured in debuggable.js and one captured elsewhere.
    const probe = path.join(tempDir("cli-start-"), "probe.js");
    writeFileSync(
      probe,
      `process.on("exit", () => {
        const site = (file) => ({ getFileName: () => file, toString: () => "f (" + file + ":1:1)" });
        const sdk = Error.prepareStackTrace(new Error("p"), [site("/x/node_modules/@pulumi/pulumi/runtime/debuggable.js")]);
        const other = Error.prepareStackTrace(new Error("o"), [site("/x/app.js")]);
        const name = Error.prepareStackTrace.name;
        // The SDK's capture is formatted when read (the SDK interpolates it): read it as text.
        require("node:fs").writeSync(2, JSON.stringify({ sdk: \`\${sdk}\`, other: typeof other, name }) + "\\n");
      });`,
    );
    const r = await promisify(execFile)(process.execPath, [
      "-r",
      probe,
      path.join(REPO, "dist", "orchestrator", "cli.js"),
      "--version",
    ]);
    const report = JSON.parse(r.stderr.trim().split("\n").pop()!) as {
      sdk: string;
      other: string;
      name: string;
    };
    // Node's own formatter is ErrorPrepareStackTrace: the entry point wrapped it.
    expect(report.name, "Error.prepareStackTrace").not.toBe("ErrorPrepareStackTrace");
    expect(report.sdk).toBe("Error: p\n    at f (/x/node_modules/@pulumi/pulumi/runtime/debuggable.js:1:1)");
    expect(report.other).toBe("string");
  });

  it("a worker loads the SDK's runtime with the OpenTelemetry API deferred (orchestrator/lazy-otel.ts)", async () => {
    // A synth worker for a stack that does not exist: it loads the SDK, then stops with an error.
    const dir = tempDir("cli-start-");
    const probe = path.join(dir, "probe.js");
    writeFileSync(
      probe,
      `process.on("exit", () => {
        const files = Object.keys(require.cache);
        const settings = files.some((f) => /[/\\\\]@pulumi[/\\\\]pulumi[/\\\\]runtime[/\\\\]settings\\.js$/.test(f));
        const otel = files.some((f) => /[/\\\\]@opentelemetry[/\\\\]api[/\\\\]/.test(f));
        const lazy = files.some((f) => f.endsWith("lazy-otel.js"));
        require("node:fs").writeSync(2, "\\n" + JSON.stringify({ settings, otel, lazy }) + "\\n");
      });`,
    );
    const worker = path.join(REPO, "dist", "orchestrator", "synth", "worker.js");
    const r = await promisify(execFile)(process.execPath, [
      "-r",
      probe,
      worker,
      "nope",
      dir,
      "p",
      probe,
    ]).then(
      () => ({ stderr: "" }),
      (e: { stderr: string }) => e,
    );
    expect(JSON.parse(r.stderr.trim().split("\n").pop()!)).toEqual({
      settings: true,
      otel: false,
      lazy: true,
    });
  });
});
