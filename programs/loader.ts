/**
 * Loads a Pulumi program the way Pulumi's Node.js host does — `require` the module, call it when it
 * exports a function — with TypeScript compiled on the fly by tsx (esbuild, cached on disk): a
 * project's `main` is usually TypeScript and there is no build step between editing it and
 * running synth, cost, review or the orchestrator. A program of this library's own source checkout
 * runs its compiled twin in dist/ instead while that build is current ({@link compiledTwin}).
 */
import { existsSync } from "node:fs";
import * as path from "node:path";
import { repoRoot, SOURCES_ENV } from "./stack-config";

let registered = false;

/** A source checkout's build: where it is and whether it is current (see {@link compiledTwin}). */
export interface CheckoutBuild {
  /** The package root (holds package.json, the sources and dist/). */
  readonly root: string;
  /** The folders the build compiles, relative to `root`. */
  readonly sourceDirs: readonly string[];
  /** The first source newer than the last build, or `undefined` while the build is current. */
  readonly staleSource: () => string | undefined;
}

/**
 * This library's build as bin/build-state.cjs judges it (the rule bin/platform.cjs runs dist/ by),
 * or `undefined` when there is no such file (an installed package has no sources to judge).
 *
 * @example
 * ```ts
 * checkoutBuild()?.staleSource(); // undefined: dist/ is current
 * ```
 */
export function checkoutBuild(): CheckoutBuild | undefined {
  const root = repoRoot();
  const file = path.join(root, "bin", "build-state.cjs");
  if (!existsSync(file)) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const state = require(file) as { SOURCE_DIRS: readonly string[]; staleSource(): string | undefined };
  return { root, sourceDirs: state.SOURCE_DIRS, staleSource: () => state.staleSource() };
}

/**
 * The compiled twin (`dist/<path>.js`) of a TypeScript file of this library's source checkout,
 * when it can stand in for the source: the file is under one of the folders the build compiles,
 * its twin exists, the build is current (no source newer than it) and the sources are not being
 * run on purpose (`PLATFORM_RUN_SOURCES=1`). Else `undefined`: run the file itself (through tsx).
 * The twin needs no transpiling and shares the modules a worker already loaded from dist/: about
 * a quarter of a synth of the platform program (dev 1.96 → 1.44 s of CPU).
 *
 * @default build: {@link checkoutBuild}()
 * @example
 * ```ts
 * compiledTwin("/repo/programs/index.ts");   // "/repo/dist/programs/index.js" (build current)
 * compiledTwin("/src/acme-infra/index.ts");  // undefined (not this library's source)
 * ```
 */
export function compiledTwin(
  file: string,
  env: NodeJS.ProcessEnv = process.env,
  build: CheckoutBuild | undefined = checkoutBuild(),
): string | undefined {
  if (build === undefined || env[SOURCES_ENV] === "1" || !/(?<!\.d|\.test)\.ts$/.test(file)) return undefined;
  const rel = path.relative(build.root, path.resolve(file));
  if (rel.startsWith("..") || path.isAbsolute(rel) || !build.sourceDirs.includes(rel.split(path.sep)[0]!))
    return undefined;
  const twin = path.join(build.root, "dist", rel.replace(/\.ts$/, ".js"));
  return existsSync(twin) && build.staleSource() === undefined ? twin : undefined;
}

/**
 * Makes `require` accept TypeScript files in this process (once; a no-op when something already
 * does, e.g. the CLI running from a source checkout).
 *
 * @example
 * ```ts
 * registerTypeScript();
 * require("/src/acme-infra/index.ts");
 * ```
 */
export function registerTypeScript(): void {
  if (registered || require.extensions[".ts"] !== undefined) {
    registered = true;
    return;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require("tsx/cjs/api") as typeof import("tsx/cjs/api")).register();
  registered = true;
}

/**
 * `require`s a module file, TypeScript included.
 *
 * @example
 * ```ts
 * const mod = requireModule("/src/acme-infra/program.ts");
 * ```
 */
export function requireModule(file: string): unknown {
  if (/\.[cm]?tsx?$/.test(file)) registerTypeScript();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as unknown;
}

/**
 * Runs a program file as Pulumi's Node.js host does and returns its stack outputs: the module's
 * exports, or what the exported (async) function returns (`export = async () => ({ url })`).
 *
 * @example
 * ```ts
 * const outputs = await runProgramFile("/src/acme-infra/index.ts"); // { url: Output<string> }
 * ```
 */
export async function runProgramFile(file: string): Promise<Record<string, unknown>> {
  let exported = requireModule(file);
  const esDefault = (exported as { __esModule?: boolean; default?: unknown } | null)?.default;
  if ((exported as { __esModule?: boolean } | null)?.__esModule && typeof esDefault === "function")
    exported = esDefault;
  if (typeof exported === "function") exported = await (exported as () => unknown)();
  return (typeof exported === "object" && exported !== null ? exported : {}) as Record<string, unknown>;
}
