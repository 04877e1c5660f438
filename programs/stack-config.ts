import { readFileSync } from "node:fs";
import * as path from "node:path";
import type * as Yaml from "yaml";
import { hint, PlatformError } from "../components/shared/errors";
import { currentProject } from "./project";

/** The YAML parser (72 modules), loaded on first use: a stack worker imports this file but parses no YAML. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = (): typeof Yaml => require("yaml") as typeof Yaml;

/**
 * Set to `1` (by bin/platform.cjs, when dist/ is older than the sources) to run this library's
 * TypeScript sources: its child processes and its own program then run them too.
 *
 * @example
 * ```ts
 * process.env[SOURCES_ENV] === "1"; // the sources run on purpose
 * ```
 */
export const SOURCES_ENV = "PLATFORM_RUN_SOURCES";

/** This library's root (its package.json), from this file's place in `programs/` or `dist/programs/`. */
export function repoRoot(): string {
  const here = __dirname;
  return path.basename(path.dirname(here)) === "dist"
    ? path.resolve(here, "..", "..")
    : path.resolve(here, "..");
}

/**
 * This library's package name and version, from its package.json (`{ name: "?", version: "0" }`
 * when it cannot be read). Read once per process.
 *
 * @example
 * ```ts
 * libraryPackage(); // { name: "@platform/pulumi-platform", version: "0.2.0" }
 * ```
 */
export function libraryPackage(): { readonly name: string; readonly version: string } {
  if (!libraryPackageCache) {
    let pkg: { name?: string; version?: string } = {};
    try {
      pkg = JSON.parse(readFileSync(path.join(repoRoot(), "package.json"), "utf8")) as typeof pkg;
    } catch {
      // No readable package.json: the fallback below.
    }
    libraryPackageCache = { name: pkg.name ?? "?", version: pkg.version ?? "0" };
  }
  return libraryPackageCache;
}
let libraryPackageCache: { readonly name: string; readonly version: string } | undefined;

/**
 * Where stack files live: `PLATFORM_STACKS_DIR`, else the project's Pulumi.yaml `stackConfigDir`
 * (the project in `projectDir`, else the nearest Pulumi.yaml at or above the working directory).
 *
 * @example
 * ```ts
 * stacksDir(); // "/repo/stacks" in this repository
 * ```
 */
export function stacksDir(projectDir?: string): string {
  return process.env["PLATFORM_STACKS_DIR"] ?? currentProject(projectDir).stacksDir;
}

/**
 * Reads `stacks/Pulumi.<env>.yaml` into `key → value` (structured values stay objects), exactly the
 * values `pulumi up -s <env>` would pass to the program.
 *
 * @example
 * ```ts
 * readStackConfig("dev")["platform:environment"]; // { profile: "dev", app: "shop" }
 * ```
 */
export function readStackConfig(env: string, dir = stacksDir()): Record<string, unknown> {
  if (!/^[A-Za-z0-9_.-]+$/.test(env))
    throw new PlatformError(
      `--env: stack names are letters, digits, '.', '_' or '-', got ${JSON.stringify(env)}`,
    );
  const file = path.join(dir, `Pulumi.${env}.yaml`);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new PlatformError(
      `no stack config for "${env}": ${path.relative(process.cwd(), file) || file} does not exist`,
    );
  }
  const config = parseStackFile(file, text)["config"] ?? {};
  if (typeof config !== "object" || config === null || Array.isArray(config)) {
    throw new PlatformError(`${file}: "config" must be a map of key → value, got ${describeYaml(config)}`);
  }
  return config as Record<string, unknown>;
}

/**
 * Top-level keys of a stack file: Pulumi's own, and the orchestrator's `platform-orchestrator`.
 * Pulumi ignores others silently, so a misspelt `conifg:` would mean "no config at all".
 */
export const STACK_FILE_KEYS = [
  "config",
  "secretsprovider",
  "encryptedkey",
  "encryptionsalt",
  "environment",
  "platform-orchestrator",
] as const;

/** What a YAML value is, for messages (never the value itself: it may be a secret). */
function describeYaml(v: unknown): string {
  if (v === null || v === undefined) return "nothing";
  if (Array.isArray(v)) return "a list";
  return typeof v === "object" ? "a map" : `a ${typeof v}`;
}

/**
 * Parses a stack file's text into its top-level map; one-line {@link PlatformError}s for invalid
 * YAML, an empty file, a list or scalar at the top, and unknown top-level keys (with a hint).
 *
 * @example
 * ```ts
 * parseStackFile("Pulumi.dev.yaml", "conifg:\n  gcp:project: p\n");
 * // PlatformError: Pulumi.dev.yaml: unknown top-level key "conifg" (did you mean "config"?); …
 * ```
 */
export function parseStackFile(file: string, text: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = yaml().parse(text, { maxAliasCount: 100 });
  } catch (e) {
    throw new PlatformError(`${file}: not valid YAML: ${(e as Error).message.split("\n")[0]}`);
  }
  if (doc === null || doc === undefined)
    throw new PlatformError(
      `${file} is empty: expected a map with a config: section (config:\n  gcp:project: …)`,
    );
  if (typeof doc !== "object" || Array.isArray(doc))
    throw new PlatformError(
      `${file}: the top level is ${describeYaml(doc)}, expected a map with a config: section`,
    );
  const unknown = Object.keys(doc).filter((k) => !(STACK_FILE_KEYS as readonly string[]).includes(k));
  if (unknown.length > 0)
    throw new PlatformError(
      `${file}: ${unknown.map((k) => `unknown top-level key ${JSON.stringify(k)}${hint(k, STACK_FILE_KEYS)}`).join("; ")}; allowed: ${STACK_FILE_KEYS.join(", ")}`,
    );
  return doc as Record<string, unknown>;
}

/**
 * The same values as Pulumi passes them to a program: structured values as JSON strings.
 *
 * @example
 * ```ts
 * pulumi.runtime.setAllConfig(toRuntimeConfig(readStackConfig("dev")));
 * ```
 */
export function toRuntimeConfig(values: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) out[k] = typeof v === "string" ? v : JSON.stringify(v);
  return out;
}

/** Structured config values arrive as JSON strings; plain strings stay strings. */
export function parseJsonish(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}
