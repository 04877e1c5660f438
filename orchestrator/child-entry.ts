import { existsSync } from "node:fs";
import * as path from "node:path";
import { PlatformError } from "../components/shared/errors";
import { repoRoot, SOURCES_ENV } from "../programs/stack-config";

/** A Node.js entry for a child process: the file and the flags it needs. */
export interface ChildEntry {
  readonly file: string;
  readonly execArgv: readonly string[];
}

/**
 * The entry of a child process (`orchestrator/worker`, `orchestrator/synth/worker`): compiled
 * (`dist/…js`) when the caller is compiled; when the caller runs from the TypeScript sources, the
 * compiled one too (tests run after a build), unless the CLI runs the sources (`PLATFORM_RUN_SOURCES=1`,
 * set by bin/platform.cjs when dist/ is older than the sources) or there is no build: then the
 * `.ts` source through tsx — so a source checkout never runs a stale worker.
 *
 * @example
 * ```ts
 * const { file, execArgv } = childEntry("orchestrator/worker", __filename);
 * fork(file, [], { execArgv: [...execArgv] });
 * ```
 */
export function childEntry(module: string, caller: string): ChildEntry {
  const compiled = path.join(repoRoot(), "dist", `${module}.js`);
  const source = path.join(repoRoot(), `${module}.ts`);
  const fromSources =
    /\.[cm]?ts$/.test(caller) &&
    (process.env[SOURCES_ENV] === "1" || !existsSync(compiled)) &&
    existsSync(source);
  const file = fromSources ? source : compiled;
  if (!existsSync(file))
    throw new PlatformError(`${file} is missing: run \`npm run build\` (or reinstall the package)`);
  return { file, execArgv: fromSources ? ["--require", require.resolve("tsx/cjs")] : [] };
}
