/**
 * What a synth read, so that a cached result can be checked against the disk before it is reused:
 * every file outside the installed packages with the hash of the content the worker read, the hash
 * of every environment variable the worker, the SDK or the program read (before setting it), and
 * the identity of every dependency tree (`node_modules`) a loaded package came from.
 *
 * {@link recordDependencies} runs in the synth worker (installed first, so the SDK's and the
 * program's reads are all seen); {@link staleReason} runs in the parent before a cached result is
 * reused. Only hashes are kept: never a file's content or an environment variable's value.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

/** A synth's inputs beyond its key: content hashes by path and by variable name. */
export interface Depfile {
  /** Absolute path → SHA-256 of the content read (sources, stack and project files, tsconfig). */
  readonly files: Readonly<Record<string, string>>;
  /** Variable name → SHA-256 of the value the process saw, `null` when it was unset. */
  readonly env: Readonly<Record<string, string | null>>;
  /** Directory holding a `node_modules` a package was loaded from → SHA-256 of its lock file. */
  readonly trees: Readonly<Record<string, string>>;
}

/**
 * SHA-256 of a string (UTF-8) or bytes, hex.
 *
 * @example
 * ```ts
 * sha256("a"); // "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"
 * ```
 */
export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * The directory whose `node_modules` holds `file` when `file` belongs to an installed package
 * (the outermost `node_modules/<name>` segment), else `undefined`. A dot-directory such as
 * `node_modules/.cache` is no package: files there (a cached base build) are hashed like sources.
 *
 * @example
 * ```ts
 * packageTreeRoot("/repo/node_modules/@pulumi/pulumi/index.js"); // "/repo"
 * packageTreeRoot("/repo/node_modules/.cache/platform/x.js");    // undefined
 * packageTreeRoot("/repo/programs/index.ts");                    // undefined
 * ```
 */
export function packageTreeRoot(file: string): string | undefined {
  const m = /^(.*?)[/\\]node_modules[/\\](?!\.)[^/\\]/.exec(file);
  return m ? m[1] || path.parse(file).root : undefined;
}

/**
 * Files that identify what is installed in `<root>/node_modules`, most exact first: npm's and
 * pnpm's record of the installed tree, then the lock files a tree is installed from.
 */
export const TREE_IDENTITY_FILES = [
  "node_modules/.package-lock.json",
  "node_modules/.pnpm/lock.yaml",
  "node_modules/.yarn-state.yml",
  "package-lock.json",
  "pnpm-lock.yaml",
  "yarn.lock",
  "bun.lock",
] as const;

/**
 * SHA-256 of the first {@link TREE_IDENTITY_FILES} entry under `root` (with its name), or
 * `undefined` when there is none: then what is installed cannot be checked and nothing is cached.
 *
 * @example
 * ```ts
 * treeIdentity("/repo"); // "node_modules/.package-lock.json:9f2c…"
 * ```
 */
export function treeIdentity(root: string): string | undefined {
  for (const rel of TREE_IDENTITY_FILES) {
    try {
      return `${rel}:${sha256(fs.readFileSync(path.join(root, rel)))}`;
    } catch {
      /* not this one */
    }
  }
  return undefined;
}

/**
 * Why a {@link Depfile} no longer holds, or `undefined` when every file, variable and tree is as it
 * was. `env` is the environment the synth worker would start with.
 *
 * @example
 * ```ts
 * staleReason(entry.deps, { ...process.env, PULUMI_NODEJS_STACK: "dev" }); // "programs/index.ts changed"
 * ```
 */
export function staleReason(deps: Depfile, env: NodeJS.ProcessEnv): string | undefined {
  for (const [name, hash] of Object.entries(deps.env)) {
    const v = env[name];
    if ((v === undefined ? null : sha256(v)) !== hash) return `environment variable ${name} changed`;
  }
  for (const [root, id] of Object.entries(deps.trees))
    if (treeIdentity(root) !== id) return `the packages installed in ${root} changed`;
  for (const [file, hash] of Object.entries(deps.files)) {
    let now: string | undefined;
    try {
      now = sha256(fs.readFileSync(file));
    } catch {
      now = undefined;
    }
    if (now !== hash) return `${path.relative(process.cwd(), file) || file} changed`;
  }
  return undefined;
}

/** Names of environment variables that hold credentials (a passphrase, a token, a key). */
export const SECRET_NAME = /PASS(WORD|PHRASE)?|SECRET|TOKEN|CREDENTIAL|PRIVATE|(^|_)KEY(_|S?$)/i;

/**
 * What {@link recordDependencies} returns: collects the depfile once `program` (the entry) has run,
 * or `undefined` when its inputs cannot be checked.
 */
export type DepfileCollector = (program: string) => Depfile | undefined;

/**
 * True when `file` loads as an ES module: `.mjs` / `.mts`, or `.js` under a package.json with
 * `"type": "module"`.
 *
 * @example
 * ```ts
 * isEsmEntry("/src/infra/index.mjs"); // true
 * ```
 */
export function isEsmEntry(file: string): boolean {
  if (/\.m[jt]s$/.test(file)) return true;
  if (!file.endsWith(".js")) return false;
  for (let dir = path.dirname(path.resolve(file)); ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { type?: unknown };
      return pkg.type === "module";
    } catch {
      if (path.dirname(dir) === dir) return false;
    }
  }
}

/**
 * Starts recording this process's inputs (call it first: earlier reads are not seen; files already
 * loaded are hashed from disk when collected). Files: every `fs.readFileSync` and
 * `fs.promises.readFile` by path, hashed as read (a file edited while the synth runs is recorded as
 * the synth saw it), and every module in `require.cache`. Environment: `process.env` becomes a
 * proxy that notes each variable read before this process set it. A program that lists the whole
 * environment, reads a credential's variable ({@link SECRET_NAME}), is an ES module
 * ({@link isEsmEntry}), or loads a package from a tree without a lock file makes the synth
 * uncacheable: the collector then returns `undefined`. Not seen: directory listings, reads through
 * file descriptors, modules a CommonJS program `import()`s. `sourceOf` names the source a loaded
 * module was compiled from (a dist/ file's TypeScript twin): that source is recorded as well, so
 * editing it invalidates the synth even before a build.
 *
 * @example
 * ```ts
 * const collect = recordDependencies();
 * await runProgramFile(program);
 * const deps = collect(program); // written beside the inventory
 * ```
 */
export function recordDependencies(sourceOf?: (file: string) => string | undefined): DepfileCollector {
  const files = new Map<string, string>();
  const packageRoots = new Set<string>();
  // tsx's compile cache (`<tmp>/tsx-<uid>/`) is keyed by the sources' content, which is recorded.
  const tsxCache = path.join(os.tmpdir(), "tsx-");
  const note = (file: string, content: string | Uint8Array | undefined) => {
    const abs = path.resolve(file);
    if (abs.startsWith(tsxCache)) return;
    const root = packageTreeRoot(abs);
    if (root !== undefined) packageRoots.add(root);
    else if (!files.has(abs) && content !== undefined) files.set(abs, sha256(content));
  };
  // The module objects themselves (an `import *` namespace is a copy): Node's module loader and
  // tsx read through them.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const nodeFs = require("node:fs") as { readFileSync: typeof fs.readFileSync };
  const nodeFsp = require("node:fs/promises") as { readFile: typeof fs.promises.readFile };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const readFileSync = nodeFs.readFileSync;
  const readFile = nodeFsp.readFile;
  const noteRead = (file: unknown, options: unknown, out: string | Uint8Array) => {
    if (typeof file !== "string" && !(file instanceof URL)) return; // a descriptor: no path
    const enc = typeof options === "string" ? options : (options as { encoding?: string } | null)?.encoding;
    const bytes = typeof out === "string" ? Buffer.from(out, (enc ?? "utf8") as BufferEncoding) : out;
    note(file instanceof URL ? fileURLToPath(file) : file, bytes);
  };
  nodeFs.readFileSync = function (this: unknown, ...args: Parameters<typeof fs.readFileSync>) {
    const out = readFileSync.apply(this, args);
    noteRead(args[0], args[1], out);
    return out;
  } as typeof fs.readFileSync;
  nodeFsp.readFile = async function (this: unknown, ...args: Parameters<typeof fs.promises.readFile>) {
    const out = await readFile.apply(this, args);
    noteRead(args[0], args[1], out);
    return out;
  } as typeof fs.promises.readFile;

  const env = new Map<string, string | null>();
  const written = new Set<string>();
  let listed = false;
  const real = process.env;
  let secretRead = false;
  const read = (k: string | symbol) => {
    if (typeof k !== "string" || written.has(k) || env.has(k)) return;
    const v = real[k];
    // Not even a hash of a credential is kept (a short one could be guessed from it): uncached.
    if (v !== undefined && SECRET_NAME.test(k)) secretRead = true;
    env.set(k, v === undefined ? null : sha256(v));
  };
  process.env = new Proxy(real, {
    get: (t, k) => (read(k), Reflect.get(t, k)),
    has: (t, k) => (read(k), Reflect.has(t, k)),
    getOwnPropertyDescriptor: (t, k) => (read(k), Reflect.getOwnPropertyDescriptor(t, k)),
    set: (t, k, v) => (typeof k === "string" && written.add(k), Reflect.set(t, k, v)),
    deleteProperty: (t, k) => (typeof k === "string" && written.add(k), Reflect.deleteProperty(t, k)),
    ownKeys: (t) => ((listed = true), Reflect.ownKeys(t)),
  });

  return (program) => {
    nodeFs.readFileSync = readFileSync;
    nodeFsp.readFile = readFile;
    // An ES module program's imports load through Node's ESM loader, which neither this record
    // nor require.cache sees: not checkable.
    if (isEsmEntry(program)) return undefined;
    for (const file of Object.keys(require.cache)) {
      if (files.has(file) || packageTreeRoot(file) !== undefined) {
        note(file, undefined);
        continue;
      }
      try {
        note(file, readFileSync(file));
      } catch {
        return undefined; // a module that is gone cannot be checked
      }
    }
    for (const file of Object.keys(require.cache)) {
      const source = sourceOf?.(file);
      if (source === undefined || files.has(source)) continue;
      try {
        note(source, readFileSync(source));
      } catch {
        /* no such source: the module itself is recorded */
      }
    }
    if (listed || secretRead) return undefined;
    const trees: Record<string, string> = {};
    for (const root of packageRoots) {
      const id = treeIdentity(root);
      if (id === undefined) return undefined;
      trees[root] = id;
    }
    return { files: Object.fromEntries(files), env: Object.fromEntries(env), trees };
  };
}
