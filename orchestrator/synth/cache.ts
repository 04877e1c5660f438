/**
 * The synth result cache: a synth whose inputs have not changed is read from disk instead of
 * starting a worker (1.5–3 s of CPU each). An entry is found by a key of what is known before the
 * run ({@link synthKey}: versions, the worker, the environment, the stack file) and reused only
 * when its depfile still holds (./depfile.ts: every source file the program loaded, every
 * environment variable read, the installed packages). Only successful synths are stored; config
 * errors and crashes always run again. Entries hold the inventory (secrets already "[secret]"),
 * what the worker printed on stderr, and hashes: never a secret, a ciphertext or a file's content.
 *
 * Entries live in `$PLATFORM_SYNTH_CACHE`, else `<cache>/synth` beside the review's base builds
 * (`node_modules/.cache/platform`, see ../review/base-build.ts, whose lock, atomic write and
 * pruning are reused here); `PLATFORM_SYNTH_CACHE=off` (or `0`) turns the cache off.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { cacheDir, prune, withLock, writeAtomic } from "../review/base-build";
import { libraryPackage } from "../../programs/stack-config";
import type { ChildEntry } from "../child-entry";
import { sha256, staleReason, type Depfile } from "./depfile";
import type { SynthResult } from "./index";

/** Names the cache directory, or turns the cache off with `off` / `0` / `false`. */
export const SYNTH_CACHE_ENV = "PLATFORM_SYNTH_CACHE";
const OFF = ["off", "0", "false", "no"] as const;
/** Bumped when the layout of an entry changes (older entries then never match). */
const ENTRY_FORMAT = 1;
/** Entries kept (most recently used first): a few hundred kB each. @default 64 */
export const KEEP_SYNTHS = 64;

/**
 * Environment variables in the key, each because it changes what the worker runs before it can
 * record anything. Every other variable the worker, the SDK or the program reads is recorded as
 * it is read (the depfile's `env`): the SDK's PULUMI_* and GRPC_* settings, tsx's TSX_*, a
 * program's own.
 */
export const KEY_ENV = [
  // The stack the mock runtime runs (set to the environment; in the key so a caller cannot differ).
  "PULUMI_NODEJS_STACK",
  // Flags and preloaded modules of the worker's Node.js (`--require`, `--import`, V8 options).
  "NODE_OPTIONS",
  // Picks the worker: the compiled one, or the TypeScript sources through tsx (../child-entry.ts).
  "PLATFORM_RUN_SOURCES",
  // The project a program reading the platform's project helpers resolves (programs/project.ts).
  "PLATFORM_PROJECT_DIR",
] as const;

/**
 * The cache directory for a project (`root`: where its node_modules is), or `undefined` when the
 * cache is off.
 *
 * @example
 * ```ts
 * synthCacheDir("/repo");                                  // "/repo/node_modules/.cache/platform/synth"
 * synthCacheDir("/repo", { PLATFORM_SYNTH_CACHE: "off" }); // undefined
 * ```
 */
export function synthCacheDir(root: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const v = env[SYNTH_CACHE_ENV]?.trim();
  if (v && (OFF as readonly string[]).includes(v.toLowerCase())) return undefined;
  if (v) return path.resolve(v);
  return path.join(cacheDir(root, env), "synth");
}

/** What a synth is known to depend on before it runs (see {@link synthKey}). */
export interface SynthKeyInput {
  readonly env: string;
  readonly stacksDir: string;
  readonly project: string;
  readonly program: string;
  /**
   * The file the worker loads when it is not `program` itself: its compiled twin in dist/
   * (programs/loader.ts `compiledTwin`). @default program
   */
  readonly run?: string;
  /** The worker that would run. */
  readonly worker: ChildEntry;
  /** The environment the worker would start with. */
  readonly childEnv: NodeJS.ProcessEnv;
}

/**
 * The key of a synth: a hash of everything its result depends on that is known before it runs.
 * Throws when the stack file cannot be read (synth reports that first).
 *
 * @example
 * ```ts
 * synthKey({ env: "dev", stacksDir, project: "platform", program, worker, childEnv }); // "3b1f…"
 * ```
 */
export function synthKey(input: SynthKeyInput): string {
  const parts = {
    format: ENTRY_FORMAT,
    // This package's version: the library that synthesizes (its own dist is also in the depfile).
    library: `${libraryPackage().name}@${libraryPackage().version}`,
    // The worker's own code and flags (dist build identity; tsx when it runs the sources).
    worker: [
      path.resolve(input.worker.file),
      sha256(fs.readFileSync(input.worker.file)),
      input.worker.execArgv,
    ],
    // The runtime: module resolution, V8 semantics and the SDK's Node-specific paths.
    node: [process.version, process.platform, process.arch],
    // The worker's arguments: stack name (URNs), Pulumi project name (URNs), program, stack directory.
    env: input.env,
    project: input.project,
    program: path.resolve(input.program),
    // How it runs: the TypeScript through tsx, or the compiled twin of a current build.
    run: path.resolve(input.run ?? input.program),
    stacksDir: path.resolve(input.stacksDir),
    // The stack file the worker reads for config and secret paths (its bytes, hashed).
    stack: sha256(fs.readFileSync(path.join(input.stacksDir, `Pulumi.${input.env}.yaml`))),
    vars: KEY_ENV.map((n) => [n, input.childEnv[n] ?? null]),
  };
  return sha256(JSON.stringify(parts)).slice(0, 40);
}

/** What one synth produced, as stored and replayed. */
export interface SynthOutcome {
  readonly result: SynthResult;
  /** What the worker printed on stderr (warnings), replayed on a hit. */
  readonly stderr: string;
}

/** A worker run: its outcome and, when it could be recorded, its depfile (else it is not stored). */
export interface SynthRun extends SynthOutcome {
  readonly deps: Depfile | undefined;
}

/** An entry on disk. */
interface Entry extends SynthOutcome {
  readonly format: number;
  readonly key: string;
  readonly deps: Depfile;
}

/**
 * The entry `file` when it is complete, has this `key` and its depfile holds against `childEnv`;
 * else `undefined` (missing, unreadable, corrupt or stale: a miss, never an error).
 *
 * @example
 * ```ts
 * readEntry(`${dir}/${key}.json`, key, childEnv)?.result.resources.length; // 212
 * ```
 */
export function readEntry(file: string, key: string, childEnv: NodeJS.ProcessEnv): SynthOutcome | undefined {
  let e: Entry;
  try {
    e = JSON.parse(fs.readFileSync(file, "utf8")) as Entry;
  } catch {
    return undefined;
  }
  if (typeof e !== "object" || e === null || e.format !== ENTRY_FORMAT || e.key !== key) return undefined;
  if (!Array.isArray(e.result?.resources) || typeof e.deps !== "object" || e.deps === null) return undefined;
  try {
    if (staleReason(e.deps, childEnv) !== undefined) return undefined;
  } catch {
    return undefined;
  }
  return { result: e.result, stderr: typeof e.stderr === "string" ? e.stderr : "" };
}

/** Where and under which key {@link cachedSynth} looks. */
export interface SynthCacheLookup {
  /** The cache directory; `undefined`: no cache (always run). */
  readonly dir: string | undefined;
  /** Computes the key (only when there is a cache). */
  readonly key: () => string;
  readonly childEnv: NodeJS.ProcessEnv;
}

/**
 * A synth through the cache: the stored outcome when it holds, else `run()` (under a lock per key,
 * so concurrent callers of the same synth run it once and the others read its entry), stored when
 * it succeeded and recorded its depfile. `onStart(cached)` says which before anything runs. A cache
 * that cannot be read or written (permissions, a full disk) only costs the run.
 *
 * @example
 * ```ts
 * const lookup = { dir, key: () => synthKey(input), childEnv };
 * const { result } = await cachedSynth(lookup, (cached) => log(cached), runWorker);
 * ```
 */
export async function cachedSynth(
  lookup: SynthCacheLookup,
  onStart: (cached: boolean) => void,
  run: () => Promise<SynthRun>,
): Promise<SynthOutcome> {
  const fresh = async (): Promise<SynthOutcome> => {
    onStart(false);
    const { result, stderr } = await run();
    return { result, stderr };
  };
  if (lookup.dir === undefined) return fresh();
  const dir = lookup.dir;
  const key = lookup.key();
  const file = path.join(dir, `${key}.json`);
  const hit = () => {
    const found = readEntry(file, key, lookup.childEnv);
    if (found) {
      onStart(true);
      touch(file);
    }
    return found;
  };
  const first = hit();
  if (first) return first;
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch {
    return fresh();
  }
  let outcome: SynthOutcome | undefined;
  await withLock(`${file}.lock`, async () => {
    outcome = hit(); // written by another process meanwhile
    if (outcome) return;
    onStart(false);
    const done = await run();
    outcome = { result: done.result, stderr: done.stderr };
    if (done.deps === undefined) return;
    const entry: Entry = { format: ENTRY_FORMAT, key, ...outcome, deps: done.deps };
    try {
      writeAtomic(file, JSON.stringify(entry));
      prune(dir, KEEP_SYNTHS);
    } catch {
      /* the result stands; it is just not kept */
    }
  });
  return outcome!;
}

/** Marks an entry most recently used (kept by pruning). */
function touch(file: string): void {
  try {
    const now = new Date();
    fs.utimesSync(file, now, now);
  } catch {
    /* pruned meanwhile: harmless */
  }
}
