/**
 * A stand-in for the two closure-serialization modules that `@pulumi/pulumi/runtime` loads eagerly
 * (`runtime/closure/serializeClosure` and `runtime/closure/codePaths`). Those pull in TypeScript
 * (9 MB), @npmcli/arborist and normalize-package-data: about 0.45 s of CPU in every process that
 * loads the SDK (measured on Node 22 with a warm compile cache: `require("@pulumi/pulumi/automation")`
 * 0.75 s → 0.30 s), although only function serialization (`pulumi.runtime.serializeFunction`,
 * magic Lambda callbacks, dynamic providers) and `computeCodePaths` use them. Here the same three
 * functions load the real modules on their first call, so behaviour is unchanged and only the cost
 * moves to the first use.
 *
 * {@link deferClosureSerializer} points the SDK's `require` of those two modules here (Node's
 * `module.registerHooks`); Jest maps them here with `moduleNameMapper` (see jest.config.js).
 */
import * as nodeModule from "node:module";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type * as Serialize from "@pulumi/pulumi/runtime/closure/serializeClosure";
import type * as CodePaths from "@pulumi/pulumi/runtime/closure/codePaths";

const closureDir = () => path.join(path.dirname(require.resolve("@pulumi/pulumi")), "runtime", "closure");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const serialize = () => require(path.join(closureDir(), "serializeClosure.js")) as typeof Serialize;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const codePaths = () => require(path.join(closureDir(), "codePaths.js")) as typeof CodePaths;

/** `pulumi.runtime.serializeFunctionAsync`, loaded on first call. */
export const serializeFunctionAsync: typeof Serialize.serializeFunctionAsync = (...a) =>
  serialize().serializeFunctionAsync(...a);

/** `pulumi.runtime.serializeFunction`, loaded on first call. */
export const serializeFunction: typeof Serialize.serializeFunction = (...a) =>
  serialize().serializeFunction(...a);

/** `pulumi.runtime.computeCodePaths`, loaded on first call. */
export const computeCodePaths: typeof CodePaths.computeCodePaths = ((...a: unknown[]) =>
  (codePaths().computeCodePaths as (...x: unknown[]) => unknown)(...a)) as typeof CodePaths.computeCodePaths;

/** The requests of `@pulumi/pulumi/runtime/index.js` that are answered by this module. */
export const DEFERRED_REQUESTS = ["./closure/serializeClosure", "./closure/codePaths"] as const;

/**
 * Makes `@pulumi/pulumi/runtime/index.js` load this module instead of the closure serializer, for
 * the rest of the process. Call before the SDK is loaded; a no-op on Node versions without
 * `module.registerHooks` (before 22.15) and when run from the TypeScript sources, where the SDK
 * loads as it always did.
 *
 * @example
 * ```ts
 * deferClosureSerializer();
 * await import("@pulumi/pulumi/automation"); // TypeScript and arborist stay unloaded
 * ```
 */
export function deferClosureSerializer(): void {
  redirectRequests(
    __filename,
    (specifier, parent) =>
      (DEFERRED_REQUESTS as readonly string[]).includes(specifier) &&
      /[/\\]@pulumi[/\\]pulumi[/\\]runtime[/\\]index\.js$/.test(parent),
  );
}

/** A redirect of {@link redirectRequests}: what it picks and the file it loads instead. */
interface Redirect {
  readonly url: string;
  readonly wanted: (specifier: string, parentURL: string) => boolean;
}

/** The process's redirects, all answered by one resolve hook (each hook is a layer every `require` passes). */
let redirects: Redirect[] | undefined;

/**
 * Makes every later `require` that `wanted` picks (by the requested specifier and the requiring
 * module's URL) load `file` instead, a compiled CommonJS module of this package. How the
 * orchestrator's processes defer SDK dependencies they rarely use (this file, ./lazy-otel.ts). A
 * no-op without `module.registerHooks` (Node before 22.15) and for a file that is not compiled.
 * However many redirects a process makes, one hook serves them: each registered hook is another
 * layer on every module resolution of the process.
 *
 * @example
 * ```ts
 * redirectRequests(__filename, (specifier, parent) => specifier === "@opentelemetry/api" && parent.endsWith("/settings.js"));
 * ```
 */
export function redirectRequests(
  file: string,
  wanted: (specifier: string, parentURL: string) => boolean,
): void {
  // Typed as always there by @types/node 22.20; absent at run time before Node 22.15.
  if (typeof nodeModule.registerHooks !== "function") return;
  // Compiled only: under a TypeScript loader (tsx) the file is not plain CommonJS.
  if (!file.endsWith(".js")) return;
  const redirect = { url: pathToFileURL(file).href, wanted };
  if (redirects) {
    redirects.push(redirect);
    return;
  }
  const all: Redirect[] = [redirect];
  redirects = all;
  nodeModule.registerHooks({
    resolve(specifier, context, next) {
      const parent = context.parentURL ?? "";
      for (const r of all)
        if (r.wanted(specifier, parent)) return { url: r.url, format: "commonjs", shortCircuit: true };
      return next(specifier, context);
    },
  });
}
