import { existsSync } from "node:fs";
import * as path from "node:path";
import { PlatformError } from "../components/shared/errors";

/** A Node.js entry for a child process: the file and the flags it needs. */
export interface ChildEntry {
  readonly file: string;
  readonly execArgv: readonly string[];
}

/**
 * The entry of a child process (`worker`, `synth/worker`) next to the calling module: the compiled
 * `.js` when the caller is compiled, else the `.ts` source through tsx — so a source checkout runs
 * what is on disk, never a stale build.
 *
 * @example
 * ```ts
 * const { file, execArgv } = childEntry(__dirname, "worker", __filename);
 * fork(file, [], { execArgv: [...execArgv] });
 * ```
 */
export function childEntry(dir: string, name: string, caller: string): ChildEntry {
  const fromSources = /\.[cm]?ts$/.test(caller);
  const file = path.join(dir, `${name}${fromSources ? ".ts" : ".js"}`);
  if (!existsSync(file))
    throw new PlatformError(`${file} is missing: the package is incomplete (reinstall it)`);
  return { file, execArgv: fromSources ? ["--require", require.resolve("tsx/cjs")] : [] };
}
