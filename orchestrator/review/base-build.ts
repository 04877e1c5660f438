/**
 * Builds of one git commit for the offline review, made once per commit and shared read-only: the
 * commit's files (`git archive`) compiled to JavaScript in `<cache>/base-builds/<sha>-<key>/`, where
 * every later review (and every concurrent process: a lock directory lets one build while the
 * others wait) finds them. The compile is a transpile without type check (the base was checked
 * when it was merged), so a first build takes seconds, a cached one nothing.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PlatformError } from "../../components/shared/errors";

/** Bumped when the layout of a cached build changes (old entries are then ignored and pruned). */
const BUILD_FORMAT = 1;
/** Cached builds kept (most recently used first). @default 5 */
export const KEEP_BUILDS = 5;
/** A lock older than this is taken over even when its holder cannot be checked. */
const STALE_LOCK_MS = 10 * 60_000;
const COMPLETE = ".platform-build.json";

/**
 * The cache directory: `$PLATFORM_CACHE_DIR`, else `<root>/node_modules/.cache/platform` (where
 * build tools keep their caches), else `<tmp>/platform-cache` when node_modules is not writable.
 *
 * @example
 * ```ts
 * cacheDir("/repo"); // "/repo/node_modules/.cache/platform"
 * ```
 */
export function cacheDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env["PLATFORM_CACHE_DIR"]) return path.resolve(env["PLATFORM_CACHE_DIR"]);
  const modules = path.join(root, "node_modules");
  try {
    fs.accessSync(modules, fs.constants.W_OK);
    return path.join(modules, ".cache", "platform");
  } catch {
    return path.join(os.tmpdir(), "platform-cache");
  }
}

/** A step of the base build, for progress displays. */
export interface BaseBuildStep {
  readonly step: "checkout" | "build";
  /** True when the cached build was used (nothing was done). */
  readonly cached: boolean;
}

/** What the cache key depends on besides the commit: the compiler and the build format. */
function buildKey(root: string): string {
  const tsPkg = path.join(root, "node_modules", "typescript", "package.json");
  const tsVersion = fs.existsSync(tsPkg)
    ? (JSON.parse(fs.readFileSync(tsPkg, "utf8")) as { version: string }).version
    : "none";
  return createHash("sha256").update(`${BUILD_FORMAT}\0${tsVersion}`).digest("hex").slice(0, 12);
}

/**
 * The directory of the commit's build (its sources, `dist/` and a `node_modules` link to this
 * checkout's), building it first unless cached. Concurrent callers build once.
 *
 * @example
 * ```ts
 * const dir = await baseBuild("3f2c…", "/repo");
 * require(`${dir}/dist/orchestrator/synth/index.js`);
 * ```
 */
export async function baseBuild(
  sha: string,
  root: string,
  onStep: (s: BaseBuildStep) => void = () => undefined,
): Promise<string> {
  const entry = path.join(cacheDir(root), "base-builds", `${sha}-${buildKey(root)}`);
  await cachedEntry(
    sha,
    entry,
    async (tmp) => {
      onStep({ step: "checkout", cached: false });
      await extract(sha, root, tmp);
      if (!fs.existsSync(path.join(tmp, "orchestrator", "synth", "worker.ts")))
        throw new PlatformError("that revision predates offline synth; pick a newer base");
      fs.symlinkSync(path.join(root, "node_modules"), path.join(tmp, "node_modules"), "dir");
      onStep({ step: "build", cached: false });
      transpile(tmp, root);
    },
    () => {
      onStep({ step: "checkout", cached: true });
      onStep({ step: "build", cached: true });
    },
  );
  return entry;
}

/**
 * A checkout of one commit of a user's own Pulumi project (a repository that depends on the
 * package), made once per commit in `<cache>/base-trees/<sha>/` and shared like {@link baseBuild}.
 * Nothing is compiled: the synth worker runs the project's TypeScript program as it is. Each
 * `node_modules` of this checkout (the repository root's, and the project directory's when the
 * project sits in a subdirectory) is linked into the tree, so the base program resolves the
 * package and its other dependencies the way the head program does.
 *
 * @example
 * ```ts
 * const tree = await baseCheckout("3f2c…", "/work/my-infra", ["infra"]);
 * // tree + "/infra/Pulumi.yaml" is the project as it was at 3f2c…
 * ```
 */
export async function baseCheckout(
  sha: string,
  gitRoot: string,
  moduleDirs: readonly string[],
  onStep: (s: BaseBuildStep) => void = () => undefined,
): Promise<string> {
  const entry = path.join(cacheDir(gitRoot), "base-trees", `${sha}-${BUILD_FORMAT}`);
  await cachedEntry(
    sha,
    entry,
    async (tmp) => {
      onStep({ step: "checkout", cached: false });
      await extract(sha, gitRoot, tmp);
      for (const rel of ["", ...moduleDirs]) {
        const modules = path.join(gitRoot, rel, "node_modules");
        const link = path.join(tmp, rel, "node_modules");
        if (fs.existsSync(modules) && fs.existsSync(path.dirname(link)) && !fs.existsSync(link))
          fs.symlinkSync(modules, link, "dir");
      }
    },
    () => onStep({ step: "checkout", cached: true }),
  );
  return entry;
}

/**
 * Makes the cache directory `entry` for commit `sha` once: under a lock (concurrent callers make it once), `fill`
 * writes into a temporary sibling that is marked complete and renamed into place, so a crash never
 * leaves a half-made entry that looks done. `cached` runs instead when it already exists. Either
 * way the entry is marked most recently used and its folder pruned to the newest {@link KEEP_BUILDS}.
 */
async function cachedEntry(
  sha: string,
  entry: string,
  fill: (tmp: string) => Promise<void>,
  cached: () => void,
): Promise<void> {
  if (!fs.existsSync(path.join(entry, COMPLETE))) {
    fs.mkdirSync(path.dirname(entry), { recursive: true });
    await withLock(`${entry}.lock`, async () => {
      if (fs.existsSync(path.join(entry, COMPLETE))) return; // made by another process meanwhile
      const tmp = `${entry}.tmp-${process.pid}`;
      fs.rmSync(tmp, { recursive: true, force: true });
      fs.mkdirSync(tmp);
      try {
        await fill(tmp);
        fs.writeFileSync(
          path.join(tmp, COMPLETE),
          JSON.stringify({ sha, builtAt: new Date().toISOString() }),
        );
        fs.rmSync(entry, { recursive: true, force: true });
        fs.renameSync(tmp, entry);
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    });
  } else cached();
  const now = new Date();
  fs.utimesSync(entry, now, now); // most recently used: kept by prune()
  prune(path.dirname(entry), KEEP_BUILDS);
}

/** Writes the commit's files into `dir` (`git archive | tar -x`): no worktree to register or remove. */
function extract(sha: string, root: string, dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // `env` named: the caller's PATH decides which git and tar run (also under a test's own env).
    const env = process.env;
    const git = spawn("git", ["archive", "--format=tar", sha], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const tar = spawn("tar", ["-x", "-C", dir], { env, stdio: ["pipe", "ignore", "pipe"] });
    let stderr = "";
    git.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    tar.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    git.stdout.pipe(tar.stdin);
    git.on("error", reject);
    tar.on("error", reject);
    // Both exit codes, in whichever order the two processes close (tar can close first).
    const closed = (p: ChildProcess) => new Promise<number | null>((done) => p.on("close", done));
    void Promise.all([closed(git), closed(tar)]).then(([gitCode, tarCode]) => {
      if (gitCode === 0 && tarCode === 0) resolve();
      else reject(new PlatformError(`could not extract commit ${sha}: ${stderr.trim()}`));
    });
  });
}

/**
 * Compiles the tree's TypeScript (its own `tsconfig.build.json`) file by file, without type check,
 * with this checkout's compiler. Syntax errors fail the build, naming the files.
 */
function transpile(tree: string, root: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require(path.join(root, "node_modules", "typescript")) as typeof import("typescript");
  const configFile = ["tsconfig.build.json", "tsconfig.json"]
    .map((f) => path.join(tree, f))
    .find(fs.existsSync);
  if (!configFile) throw new PlatformError("the base revision has no tsconfig.build.json");
  const read = ts.readConfigFile(configFile, (f) => ts.sys.readFile(f));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, tree);
  const options = { ...parsed.options, declaration: false, sourceMap: false, noEmit: false };
  const outDir = options.outDir ?? tree;
  const rootDir = options.rootDir ?? tree;
  const errors: string[] = [];
  for (const file of parsed.fileNames) {
    if (file.endsWith(".d.ts")) continue;
    const out = ts.transpileModule(fs.readFileSync(file, "utf8"), {
      compilerOptions: options,
      fileName: file,
      reportDiagnostics: true,
    });
    for (const d of out.diagnostics ?? [])
      errors.push(`${path.relative(tree, file)}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
    const target = path.join(outDir, path.relative(rootDir, file)).replace(/\.([mc]?)tsx?$/, ".$1js");
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, out.outputText);
  }
  if (errors.length > 0)
    throw new PlatformError(`the base revision does not build:\n${errors.slice(0, 10).join("\n")}`);
}

/**
 * Keeps the `keep` most recently used complete entries of a cache folder (builds, checkouts, synth
 * results); removes the rest. Locks and temporary siblings (`.lock`, `.tmp-`) are left alone.
 *
 * @example
 * ```ts
 * prune(path.join(cacheDir(root), "base-builds"), KEEP_BUILDS);
 * ```
 */
export function prune(builds: string, keep: number): void {
  const entries = fs
    .readdirSync(builds)
    .filter((e) => !e.endsWith(".lock") && !e.includes(".tmp-"))
    .map((e) => ({ dir: path.join(builds, e), used: fs.statSync(path.join(builds, e)).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  for (const e of entries.slice(keep)) fs.rmSync(e.dir, { recursive: true, force: true });
}

/**
 * Writes `file` atomically: a temporary sibling renamed into place, so a reader never sees half a
 * file and concurrent writers of the same content are both right.
 *
 * @example
 * ```ts
 * writeAtomic(path.join(dir, "dev.json"), JSON.stringify(result));
 * ```
 */
export function writeAtomic(file: string, data: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * Runs `fn` holding the lock directory `lock` (mkdir is atomic), waiting while another process
 * holds it; a lock left by a dead process is taken over.
 *
 * @example
 * ```ts
 * await withLock(`${entry}.lock`, async () => build(entry));
 * ```
 */
export async function withLock(lock: string, fn: () => Promise<void>): Promise<void> {
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    if (staleLock(lock)) fs.rmSync(lock, { recursive: true, force: true });
    else await new Promise((r) => setTimeout(r, 100));
  }
  fs.writeFileSync(path.join(lock, "owner.json"), JSON.stringify({ pid: process.pid, host: os.hostname() }));
  try {
    await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** True when the lock's holder is gone (same host, dead pid) or the lock is too old to trust. */
function staleLock(lock: string): boolean {
  try {
    const age = Date.now() - fs.statSync(lock).mtimeMs;
    if (age > STALE_LOCK_MS) return true;
    const owner = JSON.parse(fs.readFileSync(path.join(lock, "owner.json"), "utf8")) as {
      pid: number;
      host: string;
    };
    if (owner.host !== os.hostname()) return false;
    try {
      process.kill(owner.pid, 0);
      return false;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === "ESRCH";
    }
  } catch {
    return false; // just created (owner not written yet) or just released
  }
}
