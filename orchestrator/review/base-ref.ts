import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { PlatformError } from "../../components/shared/errors";
import { currentProject, programEntry, readProject } from "../../programs/project";
import { libraryPackage, repoRoot } from "../../programs/stack-config";
import type { SynthResult } from "../synth";
import { baseBuild, baseCheckout, writeAtomic, type BaseBuildStep } from "./base-build";
import { synth } from "../synth";

const run = promisify(execFile);

/** Inventories already synthesized per commit and environment (a commit's synth never changes). */
const cache = new Map<string, SynthResult>();

/** Progress of {@link synthAtRef}: the base build's steps, then one synth per environment. */
export type BaseRefStep =
  | (BaseBuildStep & { readonly state: "start" | "done" })
  | {
      readonly step: "synth";
      readonly env: string;
      readonly state: "start" | "done";
      readonly cached: boolean;
    };

/**
 * Maps with at most `limit` calls in flight (synth workers are processes: one per core).
 *
 * @example
 * ```ts
 * await mapLimit(["dev", "prod"], 2, (env) => synth(env));
 * ```
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return out;
}

/** How many synth workers run at once. */
export const SYNTH_CONCURRENCY = Math.max(2, availableParallelism());

/** Resolves a ref to its commit, or fails naming the ref. */
export async function resolveCommit(ref: string, root = repoRoot()): Promise<string> {
  if (!/^[\w./@^~-]+$/.test(ref)) throw new PlatformError(`--base: not a git ref: ${JSON.stringify(ref)}`);
  try {
    return (
      await run("git", ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { cwd: root })
    ).stdout.trim();
  } catch {
    throw new PlatformError(
      `--base: unknown git ref ${JSON.stringify(ref)} (fetch it first, e.g. git fetch origin ${ref})`,
    );
  }
}

/** Key of the dependencies a synth result depends on besides the commit (this checkout's lock file). */
function depsKey(root: string): string {
  const lock = path.join(root, "package-lock.json");
  return createHash("sha256")
    .update(existsSync(lock) ? readFileSync(lock) : "")
    .digest("hex")
    .slice(0, 12);
}

/**
 * Synthesizes environments as they were at a git ref (the pull request's base), for the offline
 * review of pull requests from forks, which get no cloud credentials. The commit is built once
 * (see {@link baseBuild}: its files compiled into a cache directory shared by later reviews and
 * concurrent processes), and its own synth runs with its own stack files; synth results are cached
 * beside the build, so reviewing against an unchanged base costs nothing but the head's synth.
 *
 * An environment that does not exist at the base ref yields an empty inventory (everything is a
 * create); a base whose config is invalid is an error naming the ref.
 *
 * @example
 * ```ts
 * const base = await synthAtRef("origin/main", ["dev", "prod"]);
 * ```
 */
export async function synthAtRef(
  ref: string,
  envs: readonly string[],
  root?: string,
  onStep: (s: BaseRefStep) => void = () => undefined,
): Promise<Map<string, SynthResult>> {
  if (root !== undefined) return synthLibraryAtRef(ref, envs, root, onStep);
  // The Pulumi project being reviewed: this package's own repository (its bundled program is built
  // at the base with the base's own library), or a user's project that depends on the package.
  let project;
  try {
    project = currentProject();
  } catch {
    return synthLibraryAtRef(ref, envs, repoRoot(), onStep); // no project here: the bundled one
  }
  const gitRoot = await gitToplevel(project.dir);
  if (path.resolve(gitRoot) === path.resolve(repoRoot()))
    return synthLibraryAtRef(ref, envs, gitRoot, onStep);
  return synthProjectAtRef(ref, envs, { gitRoot, projectDir: project.dir }, onStep);
}

/** The work tree a directory belongs to, or an error saying the offline review needs git. */
async function gitToplevel(dir: string): Promise<string> {
  try {
    return (await run("git", ["rev-parse", "--show-toplevel"], { cwd: dir })).stdout.trim();
  } catch {
    throw new PlatformError(
      `--offline: ${dir} is not in a git repository; the offline review compares the working tree with a commit (--base)`,
    );
  }
}

/**
 * {@link synthAtRef} for a user's own Pulumi project: the commit's files are checked out once per
 * commit (see {@link baseCheckout}) and the project's program at the base runs through this
 * package's synth, with the project's Pulumi.yaml (`name`, `main`, `stackConfigDir`) as it was at
 * the base. Synth results are cached per commit, lock file and package version.
 */
async function synthProjectAtRef(
  ref: string,
  envs: readonly string[],
  where: { readonly gitRoot: string; readonly projectDir: string },
  onStep: (s: BaseRefStep) => void,
): Promise<Map<string, SynthResult>> {
  const sha = await resolveCommit(ref, where.gitRoot);
  const key = (env: string) => `${sha}/${path.resolve(where.projectDir)}/${env}`;
  if (envs.every((e) => cache.has(key(e)))) {
    onStep({ step: "checkout", state: "done", cached: true });
    for (const env of envs) onStep({ step: "synth", env, state: "done", cached: true });
    return new Map(envs.map((e) => [e, cache.get(key(e))!]));
  }
  const rel = path.relative(path.resolve(where.gitRoot), path.resolve(where.projectDir));
  let current: BaseBuildStep | undefined;
  const tree = await baseCheckout(sha, where.gitRoot, rel === "" ? [] : [rel], (s) => {
    current = s;
    onStep({ ...s, state: "start" });
  }).catch((e: unknown) => {
    throw e instanceof PlatformError ? new PlatformError(`--base ${ref}: ${e.message}`) : e;
  });
  if (current) onStep({ ...current, state: "done" });
  const projectDir = path.join(tree, rel);
  const project = (() => {
    try {
      return readProject(projectDir);
    } catch {
      return undefined; // no Pulumi project at the base: every environment is new
    }
  })();
  const deps = `${depsKey(where.projectDir)}-${depsKey(where.gitRoot)}-${libraryPackage().version}`;
  const results = await mapLimit(envs, SYNTH_CONCURRENCY, async (env): Promise<SynthResult> => {
    if (!project || !existsSync(path.join(project.stacksDir, `Pulumi.${env}.yaml`)))
      return { env, stack: env, resources: [], outputs: {} };
    const file = path.join(tree, ".synth", rel.replaceAll(path.sep, "_"), `${env}-${deps}.json`);
    return cachedBaseSynth(ref, env, file, onStep, () =>
      synth(env, {
        cache: false, // kept per commit beside the checkout instead
        projectDir,
        stacksDir: project.stacksDir,
        project: project.name,
        program: programEntry(project),
      }),
    );
  });
  const out = new Map<string, SynthResult>();
  for (const r of results) {
    cache.set(key(r.env), r);
    out.set(r.env, r);
  }
  return out;
}

/**
 * One environment's synth at the base through its on-disk cache `file`: read when present, else
 * `run` and write it. Written atomically: concurrent reviews of the same base may race here, and
 * both are right.
 */
async function cachedBaseSynth(
  ref: string,
  env: string,
  file: string,
  onStep: (s: BaseRefStep) => void,
  run: () => Promise<SynthResult>,
): Promise<SynthResult> {
  if (existsSync(file)) {
    onStep({ step: "synth", env, state: "start", cached: true });
    const result = JSON.parse(readFileSync(file, "utf8")) as SynthResult;
    onStep({ step: "synth", env, state: "done", cached: true });
    return result;
  }
  onStep({ step: "synth", env, state: "start", cached: false });
  let result: SynthResult;
  try {
    result = await run();
  } catch (e) {
    throw new PlatformError(`--base ${ref}: synth of "${env}" at the base failed: ${(e as Error).message}`);
  }
  writeAtomic(file, JSON.stringify(result));
  onStep({ step: "synth", env, state: "done", cached: false });
  return result;
}

/** {@link synthAtRef} in this package's own repository: the base commit's library is built and runs. */
async function synthLibraryAtRef(
  ref: string,
  envs: readonly string[],
  root: string,
  onStep: (s: BaseRefStep) => void,
): Promise<Map<string, SynthResult>> {
  const sha = await resolveCommit(ref, root);
  if (envs.every((e) => cache.has(`${sha}/${e}`))) {
    for (const step of ["checkout", "build"] as const) onStep({ step, state: "done", cached: true });
    for (const env of envs) onStep({ step: "synth", env, state: "done", cached: true });
    return new Map(envs.map((e) => [e, cache.get(`${sha}/${e}`)!]));
  }
  let current: BaseBuildStep | undefined;
  const tree = await baseBuild(sha, root, (s) => {
    if (current) onStep({ ...current, state: "done" });
    current = s;
    onStep({ ...s, state: "start" });
  }).catch((e: unknown) => {
    throw e instanceof PlatformError ? new PlatformError(`--base ${ref}: ${e.message}`) : e;
  });
  if (current) onStep({ ...current, state: "done" });
  // Load the base's own synth (its program, its components, its stack files).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const baseSynth = require(
    path.join(tree, "dist", "orchestrator", "synth", "index.js"),
  ) as typeof import("../synth");
  const stacks = path.join(tree, "stacks");
  const results = await mapLimit(envs, SYNTH_CONCURRENCY, async (env): Promise<SynthResult> => {
    if (!existsSync(path.join(stacks, `Pulumi.${env}.yaml`)))
      return { env, stack: env, resources: [], outputs: {} };
    const file = path.join(tree, ".synth", `${env}-${depsKey(root)}.json`);
    return cachedBaseSynth(ref, env, file, onStep, () =>
      baseSynth.synth(env, { stacksDir: stacks, projectDir: tree, cache: false }),
    );
  });
  const out = new Map<string, SynthResult>();
  for (const r of results) {
    cache.set(`${sha}/${r.env}`, r);
    out.set(r.env, r);
  }
  return out;
}
