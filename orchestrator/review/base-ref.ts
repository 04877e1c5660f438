import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { PlatformError } from "../../components/shared/errors";
import { repoRoot } from "../../programs/stack-config";
import type { SynthResult } from "../synth";

const run = promisify(execFile);

/** Inventories already synthesized per commit and environment (a commit's synth never changes). */
const cache = new Map<string, SynthResult>();

/**
 * Synthesizes environments as they were at a git ref (the pull request's base), for the offline
 * review of pull requests from forks, which get no cloud credentials. The ref is checked out in a
 * temporary git worktree that shares this checkout's node_modules, built with its own sources, and
 * its own synth runs with its own stack files. The worktree is removed afterwards.
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
  root = repoRoot(),
): Promise<Map<string, SynthResult>> {
  if (!/^[\w./@^~-]+$/.test(ref)) throw new PlatformError(`--base: not a git ref: ${JSON.stringify(ref)}`);
  let sha: string;
  try {
    sha = (
      await run("git", ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { cwd: root })
    ).stdout.trim();
  } catch {
    throw new PlatformError(
      `--base: unknown git ref ${JSON.stringify(ref)} (fetch it first, e.g. git fetch origin ${ref})`,
    );
  }
  if (envs.every((e) => cache.has(`${sha}/${e}`)))
    return new Map(envs.map((e) => [e, cache.get(`${sha}/${e}`)!]));
  const dir = mkdtempSync(path.join(tmpdir(), "platform-base-"));
  const tree = path.join(dir, "tree");
  await run("git", ["worktree", "add", "--detach", tree, ref], { cwd: root });
  try {
    if (!existsSync(path.join(tree, "orchestrator", "synth", "worker.ts"))) {
      throw new PlatformError(`--base ${ref}: that revision predates offline synth; pick a newer base`);
    }
    symlinkSync(path.join(root, "node_modules"), path.join(tree, "node_modules"), "dir");
    try {
      await run(
        process.execPath,
        [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"],
        {
          cwd: tree,
          maxBuffer: 64 * 1024 * 1024,
        },
      );
    } catch (e) {
      const out = (e as { stdout?: string }).stdout ?? "";
      throw new PlatformError(
        `--base ${ref}: the base revision does not build:\n${out.split("\n").slice(0, 10).join("\n")}`,
      );
    }
    // Load the base's own synth (its program, its components, its stack files).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const baseSynth = require(
      path.join(tree, "dist", "orchestrator", "synth", "index.js"),
    ) as typeof import("../synth");
    const out = new Map<string, SynthResult>();
    for (const env of envs) {
      const stacks = path.join(tree, "stacks");
      if (!existsSync(path.join(stacks, `Pulumi.${env}.yaml`))) {
        out.set(env, { env, stack: env, resources: [], outputs: {} });
        continue;
      }
      try {
        const result = await baseSynth.synth(env, { stacksDir: stacks, projectDir: tree });
        cache.set(`${sha}/${env}`, result);
        out.set(env, result);
      } catch (e) {
        throw new PlatformError(
          `--base ${ref}: synth of "${env}" at the base failed: ${(e as Error).message}`,
        );
      }
    }
    return out;
  } finally {
    await run("git", ["worktree", "remove", "--force", tree], { cwd: root }).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}
