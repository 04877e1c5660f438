/**
 * Loads a Pulumi program the way Pulumi's Node.js host does — `require` the module, call it when it
 * exports a function — with TypeScript compiled on the fly by tsx (esbuild, cached on disk): a
 * project's `main` is usually TypeScript and there is no build step between editing it and
 * running synth, cost, review or the orchestrator.
 */

let registered = false;

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
