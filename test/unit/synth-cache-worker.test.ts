// The synth cache with the real worker: a small Pulumi project of its own (a program, a component
// file it imports, a stack file), so each edit below is one the cache must notice. This file has
// its own cache directory (not the run's shared one) so it can count entries.
import { execFile } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { tempDir } from "../support/temp";
import { synth, type SynthOptions, type SynthResult } from "../../orchestrator/synth";

const ROOT = path.resolve(__dirname, "../..");
const CLI = path.join(ROOT, "dist", "orchestrator", "cli.js");
const CANARY = `CANARY-${randomUUID()}`;
/** bin/build-state.cjs: whether dist/ is current (then this repository's program runs compiled). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const buildState = require(path.join(ROOT, "bin", "build-state.cjs")) as { staleSource(): unknown };

const PROGRAM = `import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { Thing } from "./thing";
const cfg = new pulumi.Config();
const thing = new Thing("t", {
  size: Number(cfg.require("size")),
  label: process.env["SYNTH_CACHE_TEST_LABEL"] ?? "none",
  token: cfg.requireSecret("token"),
});
export const size = thing.size;
export const token = cfg.requireSecret("token");
export const note = fs.readFileSync(path.join(__dirname, "note.txt"), "utf8").trim();
`;
const COMPONENT = `import * as pulumi from "@pulumi/pulumi";
export class Thing extends pulumi.CustomResource {
  declare readonly size: pulumi.Output<number>;
  constructor(name: string, args: { size: number; label: string; token: pulumi.Input<string> }) {
    super("cachetest:index:Thing", name, { ...args, kind: "v1" });
  }
}
`;
const STACK = (size: number) =>
  `config:\n  cachetest:size: "${size}"\n  cachetest:token:\n    secure: v1:${CANARY}\n`;

let project: string;
let cache: string;
const saved = { cache: process.env["PLATFORM_SYNTH_CACHE"], label: process.env["SYNTH_CACHE_TEST_LABEL"] };
const write = (rel: string, text: string) => fs.writeFileSync(path.join(project, rel), text);
const entries = () => fs.readdirSync(cache).filter((f) => f.endsWith(".json"));

/** A synth of the project's dev stack, and whether it came from the cache. */
async function run(options: SynthOptions = {}): Promise<{ result: SynthResult; cached: boolean[] }> {
  const cached: boolean[] = [];
  const result = await synth("dev", {
    projectDir: project,
    stacksDir: path.join(project, "stacks"),
    onStart: (c) => cached.push(c),
    ...options,
  });
  return { result, cached };
}

const thing = (r: SynthResult) => r.resources.find((x) => x.type === "cachetest:index:Thing")!.inputs;

beforeAll(() => {
  project = tempDir("synth-cache-project-");
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(project, "node_modules"), "dir");
  write("Pulumi.yaml", "name: cachetest\nruntime: nodejs\nmain: index.ts\nstackConfigDir: stacks\n");
  fs.mkdirSync(path.join(project, "stacks"));
});
beforeEach(() => {
  cache = tempDir("synth-cache-dir-");
  process.env["PLATFORM_SYNTH_CACHE"] = cache;
  delete process.env["SYNTH_CACHE_TEST_LABEL"];
  write("index.ts", PROGRAM);
  write("thing.ts", COMPONENT);
  write("stacks/Pulumi.dev.yaml", STACK(1));
  write("note.txt", "first\n");
});
afterAll(() => {
  for (const [k, v] of [
    ["PLATFORM_SYNTH_CACHE", saved.cache],
    ["SYNTH_CACHE_TEST_LABEL", saved.label],
  ] as const)
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
});

describe("synth through the cache (real worker)", () => {
  it("a second identical synth is read from the cache and deep-equals an uncached synth", async () => {
    const first = await run();
    const second = await run();
    expect([first.cached, second.cached]).toEqual([[false], [true]]);
    expect(entries()).toHaveLength(1);
    const fresh = await run({ cache: false });
    expect(fresh.cached).toEqual([false]);
    expect(second.result).toEqual(fresh.result);
    expect(first.result).toEqual(fresh.result);
    expect(thing(second.result)).toMatchObject({ size: 1, label: "none", kind: "v1", token: "[secret]" });
    expect(second.result.outputs).toEqual({ size: 1, token: "[secret]", note: "first" });
  }, 60_000);

  it("misses after an edit of the program, a component file it imports, the stack file or a file it reads", async () => {
    await run();
    write("index.ts", PROGRAM.replace("export const size = thing.size;", "export const size = 7;"));
    const program = await run();
    expect(program.cached).toEqual([false]);
    expect(program.result.outputs["size"]).toBe(7);
    write("thing.ts", COMPONENT.replace('kind: "v1"', 'kind: "v2"'));
    const component = await run();
    expect(component.cached).toEqual([false]);
    expect(thing(component.result)["kind"]).toBe("v2");
    write("stacks/Pulumi.dev.yaml", STACK(3));
    const stack = await run();
    expect(stack.cached).toEqual([false]);
    expect(thing(stack.result)["size"]).toBe(3);
    write("note.txt", "second\n");
    const data = await run();
    expect(data.cached, "a data file the program reads").toEqual([false]);
    expect(data.result.outputs["note"]).toBe("second");
    expect((await run()).cached, "and hits again once nothing changes").toEqual([true]);
  }, 90_000);

  it("misses when an environment variable the program read changes, or one in the key", async () => {
    process.env["SYNTH_CACHE_TEST_LABEL"] = "blue";
    expect(thing((await run()).result)["label"]).toBe("blue");
    expect((await run()).cached).toEqual([true]);
    process.env["SYNTH_CACHE_TEST_LABEL"] = "green";
    const changed = await run();
    expect(changed.cached).toEqual([false]);
    expect(thing(changed.result)["label"]).toBe("green");
    const options = process.env["NODE_OPTIONS"];
    process.env["NODE_OPTIONS"] = `${options ?? ""} --stack-trace-limit=42`.trim();
    try {
      expect((await run()).cached).toEqual([false]);
    } finally {
      if (options === undefined) delete process.env["NODE_OPTIONS"];
      else process.env["NODE_OPTIONS"] = options;
    }
  }, 90_000);

  it("keeps nothing for a failed synth: a program that throws, a config error", async () => {
    write("index.ts", 'throw new Error("boom in the program");\n');
    await expect(run()).rejects.toThrow("boom in the program");
    await expect(run()).rejects.toThrow("boom in the program");
    write(
      "index.ts",
      'import * as pulumi from "@pulumi/pulumi";\nthrow new pulumi.RunError("size: must be 1–9");\n',
    );
    await expect(run()).rejects.toThrow("size: must be 1–9");
    expect(entries()).toEqual([]);
  }, 60_000);

  it("what the program printed on stderr is kept and replayed as it was", async () => {
    write("index.ts", `console.error("warning: size is deprecated");\n${PROGRAM}`);
    const printed: string[] = [];
    const first = await run({ onStderr: (t) => printed.push(t) });
    const second = await run({ onStderr: (t) => printed.push(t) });
    expect([first.cached, second.cached]).toEqual([[false], [true]]);
    expect(printed).toEqual(["warning: size is deprecated\n", "warning: size is deprecated\n"]);
  }, 60_000);

  it("a corrupt entry is a miss, not an error, and is replaced", async () => {
    const good = await run();
    const [file] = entries();
    fs.writeFileSync(path.join(cache, file!), '{"format":1,"key":');
    const again = await run();
    expect(again.cached).toEqual([false]);
    expect(again.result).toEqual(good.result);
    expect((await run()).cached).toEqual([true]);
  }, 60_000);

  it("concurrent synths of the same stack run one worker; the others read its entry", async () => {
    const runs = await Promise.all([run(), run(), run()]);
    expect(runs.map((r) => r.cached[0]).sort()).toEqual([false, true, true]);
    for (const r of runs) expect(r.result).toEqual(runs[0].result);
    expect(fs.readdirSync(cache)).toEqual(entries()); // no lock or temporary file left
    expect(entries()).toHaveLength(1);
  }, 60_000);

  it("an entry never holds a secret: no ciphertext from the stack file, no credential variable", async () => {
    await run();
    const text = fs.readFileSync(path.join(cache, entries()[0]!), "utf8");
    expect(text.includes(CANARY), "the cache entry holds the ciphertext").toBe(false);
    expect(text).toContain("[secret]");
    // A program that reads a credential's variable is not cached (not even a hash of it is kept).
    write(
      "index.ts",
      `${PROGRAM}export const user = process.env["SYNTH_CACHE_TEST_TOKEN"] ? "set" : "unset";\n`,
    );
    process.env["SYNTH_CACHE_TEST_TOKEN"] = CANARY;
    try {
      const r = await run();
      expect(r.result.outputs["user"]).toBe("set");
      expect((await run()).cached).toEqual([false]);
    } finally {
      delete process.env["SYNTH_CACHE_TEST_TOKEN"];
    }
    expect(entries()).toHaveLength(1);
    for (const f of fs.readdirSync(cache))
      expect(fs.readFileSync(path.join(cache, f), "utf8").includes(CANARY), f).toBe(false);
  }, 60_000);
});

describe("platform synth through the cache", () => {
  const cli = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [CLI, ...args],
        { env: { ...process.env, PLATFORM_PROJECT_DIR: project }, maxBuffer: 64 * 1024 * 1024 },
        (err, stdout, stderr) =>
          resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });

  it("--no-cache neither reads nor keeps a result; without it the output is byte for byte the same", async () => {
    const uncached = await cli(["synth", "--env", "dev", "--json", "--no-cache"]);
    expect({ code: uncached.code, stderr: uncached.stderr }).toEqual({ code: 0, stderr: "" });
    expect(entries()).toEqual([]);
    const first = await cli(["synth", "--env", "dev", "--json"]);
    expect(entries()).toHaveLength(1);
    const second = await cli(["synth", "--env", "dev", "--json"]);
    expect(first.stdout).toBe(uncached.stdout);
    expect(second.stdout).toBe(uncached.stdout);
    expect(second.stderr).toBe(uncached.stderr);
    expect(JSON.parse(second.stdout)).toMatchObject({ env: "dev", stack: "dev" });
    // PLATFORM_SYNTH_CACHE=off: nothing read or written either.
    fs.rmSync(path.join(cache, entries()[0]!));
    const off = await new Promise<number>((resolve) =>
      execFile(
        process.execPath,
        [CLI, "synth", "--env", "dev", "--json"],
        { env: { ...process.env, PLATFORM_PROJECT_DIR: project, PLATFORM_SYNTH_CACHE: "off" } },
        (err) => resolve(err ? 1 : 0),
      ),
    );
    expect(off).toBe(0);
    expect(entries()).toEqual([]);
  }, 90_000);

  it("concurrent CLI processes with one cache directory: both right, one entry, nothing left over", async () => {
    const [a, b] = await Promise.all([
      cli(["synth", "--env", "dev", "--json"]),
      cli(["synth", "--env", "dev", "--json"]),
    ]);
    expect([a.code, b.code, a.stderr, b.stderr]).toEqual([0, 0, "", ""]);
    expect(b.stdout).toBe(a.stdout);
    expect(fs.readdirSync(cache)).toEqual(entries());
    expect(entries()).toHaveLength(1);
    const again = await cli(["synth", "--env", "dev", "--json", "--no-cache"]);
    expect(again.stdout).toBe(a.stdout);
  }, 90_000);

  it("cost takes --no-cache too (this repository's dev stack), and review lists it", async () => {
    const repo = (args: string[]) =>
      new Promise<{ code: number; stdout: string }>((resolve) =>
        execFile(process.execPath, [CLI, ...args], { env: process.env, cwd: ROOT }, (err, stdout) =>
          resolve({ code: err ? 1 : 0, stdout }),
        ),
      );
    const fresh = await repo(["cost", "--env", "dev", "--json", "--no-cache"]);
    expect(fresh.code).toBe(0);
    expect(entries()).toEqual([]);
    const kept = await repo(["cost", "--env", "dev", "--json"]);
    expect(entries()).toHaveLength(1);
    expect(kept.stdout).toBe(fresh.stdout);
    expect((await repo(["review", "--help"])).stdout).toContain("--no-cache");
  }, 90_000);

  it("this repository's program runs compiled while its build is current, its sources recorded; PLATFORM_RUN_SOURCES=1 runs them through tsx", async () => {
    const repo = (env: NodeJS.ProcessEnv) =>
      new Promise<{ code: number; stdout: string }>((resolve) =>
        execFile(
          process.execPath,
          [CLI, "synth", "--env", "dev", "--json"],
          { env: { ...process.env, ...env }, cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
          (err, stdout) => resolve({ code: err ? 1 : 0, stdout }),
        ),
      );
    const files = (entry: string) =>
      (
        JSON.parse(fs.readFileSync(path.join(cache, entry), "utf8")) as {
          deps: { files: Record<string, string> };
        }
      ).deps.files;
    const main = path.join(ROOT, "programs", "index.ts");
    const twin = path.join(ROOT, "dist", "programs", "index.js");
    const current = buildState.staleSource() === undefined;
    const built = await repo({});
    expect(built.code).toBe(0);
    const [first] = entries();
    const compiled = files(first!);
    expect(Object.keys(compiled).includes(twin), "the compiled twin ran").toBe(current);
    // The sources behind what ran are recorded with their content: editing one is a miss.
    expect(compiled[main]).toBe(createHash("sha256").update(fs.readFileSync(main)).digest("hex"));
    expect(Object.keys(compiled)).toContain(path.join(ROOT, "programs", "platform.ts"));
    const sources = await repo({ PLATFORM_RUN_SOURCES: "1" });
    expect(sources.code).toBe(0);
    expect(sources.stdout, "the same inventory either way").toBe(built.stdout);
    expect(entries(), "a key of its own").toHaveLength(2);
    const viaTsx = files(entries().find((f) => f !== first)!);
    expect(Object.keys(viaTsx)).toContain(main);
    expect(Object.keys(viaTsx)).not.toContain(twin);
  }, 90_000);
});
