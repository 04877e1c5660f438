// The synth result cache without processes: the key, the depfile check, the directory, and the
// cache itself around a stand-in for the worker run (the real worker: synth-cache-worker.test.ts).
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { tempDir } from "../support/temp";
import {
  cachedSynth,
  KEEP_SYNTHS,
  readEntry,
  synthCacheDir,
  synthKey,
  type SynthKeyInput,
  type SynthRun,
} from "../../orchestrator/synth/cache";
import {
  isEsmEntry,
  packageTreeRoot,
  SECRET_NAME,
  sha256,
  staleReason,
  treeIdentity,
  type Depfile,
} from "../../orchestrator/synth/depfile";
import type { SynthResult } from "../../orchestrator/synth";

const RESULT: SynthResult = {
  env: "dev",
  stack: "dev",
  resources: [
    {
      urn: "urn:pulumi:dev::p::t:Thing::a",
      type: "t:Thing",
      name: "a",
      parent: "",
      inputs: { size: 1 },
      protect: false,
    },
  ],
  outputs: { url: "[secret]" },
};

/** A source file and a depfile that holds it, for a stand-in run. */
function sources(): { dir: string; file: string; deps: Depfile } {
  const dir = tempDir("synth-cache-src-");
  const file = path.join(dir, "index.ts");
  fs.writeFileSync(file, "export const a = 1;\n");
  return { dir, file, deps: { files: { [file]: sha256(fs.readFileSync(file)) }, env: {}, trees: {} } };
}

/** A stand-in worker run that counts its calls. */
function counted(make: () => Promise<SynthRun>): { run: () => Promise<SynthRun>; calls: () => number } {
  let n = 0;
  return {
    run: () => {
      n++;
      return make();
    },
    calls: () => n,
  };
}

const entries = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith(".json"));

describe("depfile", () => {
  it("a file belongs to an installed package by its outermost node_modules/<name>; dot-directories are no package", () => {
    expect(packageTreeRoot("/repo/node_modules/@pulumi/pulumi/index.js")).toBe("/repo");
    expect(packageTreeRoot("/repo/node_modules/a/node_modules/b/x.js")).toBe("/repo");
    expect(packageTreeRoot("/repo/node_modules/.cache/platform/base/dist/x.js")).toBeUndefined();
    expect(packageTreeRoot("/repo/node_modules/.cache/t/node_modules/zod/index.js")).toBe(
      "/repo/node_modules/.cache/t",
    );
    expect(packageTreeRoot("/repo/programs/index.ts")).toBeUndefined();
  });

  it("a tree is identified by npm's record of it, else a lock file; none: undefined", () => {
    const root = tempDir("synth-cache-tree-");
    expect(treeIdentity(root)).toBeUndefined();
    fs.writeFileSync(path.join(root, "package-lock.json"), "{}");
    expect(treeIdentity(root)).toBe(`package-lock.json:${sha256("{}")}`);
    fs.mkdirSync(path.join(root, "node_modules"));
    fs.writeFileSync(path.join(root, "node_modules", ".package-lock.json"), '{"a":1}');
    const first = treeIdentity(root);
    expect(first).toBe(`node_modules/.package-lock.json:${sha256('{"a":1}')}`);
    fs.writeFileSync(path.join(root, "node_modules", ".package-lock.json"), '{"a":2}');
    expect(treeIdentity(root)).not.toBe(first);
  });

  it("holds while nothing changed; names the file, variable or tree that did", () => {
    const { file, deps } = sources();
    const root = tempDir("synth-cache-tree-");
    fs.writeFileSync(path.join(root, "package-lock.json"), "{}");
    const all: Depfile = {
      ...deps,
      env: { LABEL: sha256("blue"), UNSET_ONE: null },
      trees: { [root]: treeIdentity(root)! },
    };
    expect(staleReason(all, { LABEL: "blue" })).toBeUndefined();
    expect(staleReason(all, { LABEL: "green" })).toBe("environment variable LABEL changed");
    expect(staleReason(all, {})).toBe("environment variable LABEL changed");
    expect(staleReason(all, { LABEL: "blue", UNSET_ONE: "" })).toBe("environment variable UNSET_ONE changed");
    fs.writeFileSync(path.join(root, "package-lock.json"), "{ }");
    expect(staleReason(all, { LABEL: "blue" })).toBe(`the packages installed in ${root} changed`);
    fs.writeFileSync(path.join(root, "package-lock.json"), "{}");
    fs.writeFileSync(file, "export const a = 2;\n");
    expect(staleReason(all, { LABEL: "blue" })).toContain("index.ts changed");
    fs.rmSync(file);
    expect(staleReason(all, { LABEL: "blue" })).toContain("index.ts changed");
  });

  it("an ES module entry is recognised (its imports are not recorded: never cached)", () => {
    const dir = tempDir("synth-cache-esm-");
    expect(isEsmEntry(path.join(dir, "index.mjs"))).toBe(true);
    expect(isEsmEntry(path.join(dir, "index.mts"))).toBe(true);
    expect(isEsmEntry(path.join(dir, "index.ts"))).toBe(false);
    fs.mkdirSync(path.join(dir, "esm"));
    fs.writeFileSync(path.join(dir, "esm", "package.json"), '{"type":"module"}');
    expect(isEsmEntry(path.join(dir, "esm", "index.js"))).toBe(true);
    fs.writeFileSync(path.join(dir, "esm", "package.json"), '{"type":"commonjs"}');
    expect(isEsmEntry(path.join(dir, "esm", "index.js"))).toBe(false);
  });

  it("credential variables are recognised by name", () => {
    for (const n of [
      "PULUMI_CONFIG_PASSPHRASE",
      "GITHUB_TOKEN",
      "AWS_SECRET_ACCESS_KEY",
      "API_KEY",
      "DB_PASSWORD",
    ])
      expect(SECRET_NAME.test(n), n).toBe(true);
    for (const n of ["PULUMI_NODEJS_STACK", "KUBECONFIG", "GRPC_DEFAULT_SSL_ROOTS_FILE_PATH", "KEYRING_NAME"])
      expect(SECRET_NAME.test(n), n).toBe(false);
  });
});

describe("synth cache key and directory", () => {
  function keyInput(): SynthKeyInput & { stackFile: string; workerFile: string } {
    const dir = tempDir("synth-cache-key-");
    const stackFile = path.join(dir, "Pulumi.dev.yaml");
    const workerFile = path.join(dir, "worker.js");
    fs.writeFileSync(stackFile, "config:\n  p:size: 1\n");
    fs.writeFileSync(workerFile, "// worker\n");
    return {
      env: "dev",
      stacksDir: dir,
      project: "p",
      program: path.join(dir, "index.ts"),
      worker: { file: workerFile, execArgv: [] },
      childEnv: { PULUMI_NODEJS_STACK: "dev" },
      stackFile,
      workerFile,
    };
  }

  it("is the same for the same inputs and differs when any input in it differs", () => {
    const input = keyInput();
    const key = synthKey(input);
    expect(synthKey({ ...input })).toBe(key);
    expect(synthKey({ ...input, run: input.program }), "running the program itself is the default").toBe(key);
    // Variables outside the key are the depfile's business, not the key's.
    expect(synthKey({ ...input, childEnv: { ...input.childEnv, UNRELATED: "x" } })).toBe(key);
    // The same stack file elsewhere, and under another stack name.
    const otherDir = tempDir("synth-cache-key-");
    fs.copyFileSync(input.stackFile, path.join(otherDir, "Pulumi.dev.yaml"));
    fs.copyFileSync(input.stackFile, path.join(input.stacksDir, "Pulumi.prod.yaml"));
    const variants: [string, SynthKeyInput][] = [
      ["env", { ...input, env: "prod" }],
      ["project", { ...input, project: "q" }],
      ["program", { ...input, program: path.join(input.stacksDir, "main.ts") }],
      ["the compiled twin run", { ...input, run: path.join(input.stacksDir, "dist", "index.js") }],
      ["stacksDir", { ...input, stacksDir: otherDir }],
      ["tsx", { ...input, worker: { ...input.worker, execArgv: ["--require", "tsx/cjs"] } }],
      ["NODE_OPTIONS", { ...input, childEnv: { ...input.childEnv, NODE_OPTIONS: "--require ./hook.js" } }],
      ["PLATFORM_RUN_SOURCES", { ...input, childEnv: { ...input.childEnv, PLATFORM_RUN_SOURCES: "1" } }],
      ["PLATFORM_PROJECT_DIR", { ...input, childEnv: { ...input.childEnv, PLATFORM_PROJECT_DIR: "/x" } }],
    ];
    for (const [what, v] of variants) {
      expect(synthKey(v) !== key, `${what} is in the key`).toBe(true);
    }
    fs.appendFileSync(input.stackFile, "  p:label: x\n");
    const edited = synthKey(input);
    expect(edited !== key, "the stack file's bytes are in the key").toBe(true);
    fs.appendFileSync(input.workerFile, "// v2\n");
    expect(synthKey(input) !== edited, "the worker's code is in the key").toBe(true);
    fs.rmSync(input.stackFile);
    expect(() => synthKey(input)).toThrow(/ENOENT/);
  });

  it("lives in PLATFORM_SYNTH_CACHE, is off with off / 0, else beside the review's base builds", () => {
    const root = tempDir("synth-cache-root-");
    fs.mkdirSync(path.join(root, "node_modules"));
    expect(synthCacheDir(root, { PLATFORM_SYNTH_CACHE: "off" })).toBeUndefined();
    expect(synthCacheDir(root, { PLATFORM_SYNTH_CACHE: "0" })).toBeUndefined();
    expect(synthCacheDir(root, { PLATFORM_SYNTH_CACHE: "OFF" })).toBeUndefined();
    expect(synthCacheDir(root, { PLATFORM_SYNTH_CACHE: "rel/dir" })).toBe(path.resolve("rel/dir"));
    expect(synthCacheDir(root, {})).toBe(path.join(root, "node_modules", ".cache", "platform", "synth"));
    expect(synthCacheDir(root, { PLATFORM_CACHE_DIR: "/c" })).toBe(path.join("/c", "synth"));
  });
});

describe("cachedSynth", () => {
  const key = "k".repeat(40);

  it("the second identical synth is read from the cache: one run, the same result, onStart says which", async () => {
    const dir = tempDir("synth-cache-");
    const { deps } = sources();
    const w = counted(async () => ({ result: RESULT, stderr: "warning: x\n", deps }));
    const started: boolean[] = [];
    const lookup = { dir, key: () => key, childEnv: {} };
    const first = await cachedSynth(lookup, (c) => started.push(c), w.run);
    const second = await cachedSynth(lookup, (c) => started.push(c), w.run);
    expect(w.calls()).toBe(1);
    expect(started).toEqual([false, true]);
    expect(second).toEqual(first);
    expect(second).toEqual({ result: RESULT, stderr: "warning: x\n" });
    expect(entries(dir)).toEqual([`${key}.json`]);
  });

  it("runs again when the depfile no longer holds, or another key is asked for", async () => {
    const dir = tempDir("synth-cache-");
    const { file, deps } = sources();
    const w = counted(async () => ({ result: RESULT, stderr: "", deps }));
    const lookup = { dir, key: () => key, childEnv: {} };
    await cachedSynth(lookup, () => undefined, w.run);
    fs.writeFileSync(file, "export const a = 2;\n");
    const started: boolean[] = [];
    await cachedSynth(lookup, (c) => started.push(c), w.run);
    await cachedSynth({ ...lookup, key: () => "x".repeat(40) }, (c) => started.push(c), w.run);
    expect(started).toEqual([false, false]);
    expect(w.calls()).toBe(3);
  });

  it("keeps no entry for a failed synth, nor for one whose inputs could not be recorded", async () => {
    const dir = tempDir("synth-cache-");
    const lookup = { dir, key: () => key, childEnv: {} };
    await expect(
      cachedSynth(
        lookup,
        () => undefined,
        () => Promise.reject(new Error('synth of "dev" failed')),
      ),
    ).rejects.toThrow('synth of "dev" failed');
    expect(entries(dir)).toEqual([]);
    const w = counted(async () => ({ result: RESULT, stderr: "", deps: undefined }));
    await cachedSynth(lookup, () => undefined, w.run);
    await cachedSynth(lookup, () => undefined, w.run);
    expect(w.calls()).toBe(2);
    expect(entries(dir)).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual([]); // no lock or temporary file left behind
  });

  it("a corrupt, truncated or foreign entry is a miss (no error) and is replaced", async () => {
    const dir = tempDir("synth-cache-");
    const { deps } = sources();
    const file = path.join(dir, `${key}.json`);
    const good = JSON.stringify({ format: 1, key, result: RESULT, stderr: "", deps });
    expect(readEntry((fs.writeFileSync(file, good), file), key, {})).toEqual({ result: RESULT, stderr: "" });
    for (const bad of [
      "{not json",
      good.slice(0, good.length / 2),
      "null",
      JSON.stringify({ format: 1, key: "other", result: RESULT, stderr: "", deps }),
      JSON.stringify({ format: 99, key, result: RESULT, stderr: "", deps }),
      JSON.stringify({ format: 1, key, result: { resources: "x" }, deps }),
      JSON.stringify({ format: 1, key, result: RESULT, deps: { files: 3, env: "x", trees: null } }),
    ]) {
      fs.writeFileSync(file, bad);
      expect(readEntry(file, key, {}), bad).toBeUndefined();
      const w = counted(async () => ({ result: RESULT, stderr: "", deps }));
      const got = await cachedSynth({ dir, key: () => key, childEnv: {} }, () => undefined, w.run);
      expect(got.result).toEqual(RESULT);
      expect(w.calls(), bad).toBe(1);
      expect(readEntry(file, key, {}), "replaced by a good entry").toEqual({ result: RESULT, stderr: "" });
    }
  });

  it("concurrent callers of the same synth run it once; the others read its entry", async () => {
    const dir = tempDir("synth-cache-");
    const { deps } = sources();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const w = counted(async () => {
      await gate;
      return { result: RESULT, stderr: "", deps };
    });
    const started: boolean[] = [];
    const lookup = { dir, key: () => key, childEnv: {} };
    const all = Promise.all([1, 2, 3].map(() => cachedSynth(lookup, (c) => started.push(c), w.run)));
    await new Promise((r) => setImmediate(r));
    release();
    const results = await all;
    expect(w.calls()).toBe(1);
    expect(started.sort()).toEqual([false, true, true]);
    for (const r of results) expect(r.result).toEqual(RESULT);
    expect(fs.readdirSync(dir)).toEqual([`${key}.json`]);
  });

  it("keeps the most recently used entries only", async () => {
    const dir = tempDir("synth-cache-");
    const { deps } = sources();
    const run = async () => ({ result: RESULT, stderr: "", deps });
    for (let i = 0; i < KEEP_SYNTHS + 3; i++)
      await cachedSynth({ dir, key: () => `k${i}`, childEnv: {} }, () => undefined, run);
    expect(entries(dir)).toHaveLength(KEEP_SYNTHS);
  });

  it("without a cache directory, or with one that cannot be made, every synth runs and nothing is kept", async () => {
    const { deps } = sources();
    const w = counted(async () => ({ result: RESULT, stderr: "", deps }));
    await cachedSynth({ dir: undefined, key: () => key, childEnv: {} }, () => undefined, w.run);
    const blocker = path.join(tempDir("synth-cache-"), "file");
    fs.writeFileSync(blocker, "");
    const started: boolean[] = [];
    const got = await cachedSynth(
      { dir: path.join(blocker, "sub"), key: () => key, childEnv: {} },
      (c) => started.push(c),
      w.run,
    );
    expect(got.result).toEqual(RESULT);
    expect(started).toEqual([false]);
    expect(w.calls()).toBe(2);
  });
});
