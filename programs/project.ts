/**
 * The Pulumi project that the CLI and the library verbs work on: the nearest `Pulumi.yaml` at or
 * above the working directory — a platform team's own project that depends on this library, or
 * this repository (the reference platform). Its `main` is the program that synth, cost, review and
 * the orchestrator run, its `stackConfigDir` holds the stack files, its `name` is in every URN.
 * Loads no Pulumi code (the CLI reads it at start-up).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import type * as Yaml from "yaml";
import { PlatformError } from "../components/shared/errors";

/** The YAML parser (72 modules), loaded on first use: a stack worker imports this file but parses no YAML. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = (): typeof Yaml => require("yaml") as typeof Yaml;

/** The project file names Pulumi accepts, in the order it looks for them. */
export const PROJECT_FILES = ["Pulumi.yaml", "Pulumi.yml"] as const;
/** Extensions tried for a `main` without one, and for a directory's `index`, like Pulumi's Node.js host with TypeScript. */
export const PROGRAM_EXTENSIONS = [".ts", ".js", ".cts", ".cjs", ".mts", ".mjs"] as const;

/**
 * A Pulumi project as the platform tools see it.
 *
 * @example
 * ```ts
 * const p = readProject("/src/acme-infra");
 * p.stacksDir; // "/src/acme-infra/stacks" (Pulumi.yaml `stackConfigDir: stacks`)
 * ```
 */
export interface PulumiProject {
  /** Directory holding Pulumi.yaml. */
  readonly dir: string;
  /** The project file. */
  readonly file: string;
  /** `name` (part of every URN). */
  readonly name: string;
  /** `runtime` (or `runtime.name`). @default "nodejs" */
  readonly runtime: string;
  /** `main` as written, relative to {@link dir}. @default "." (the project directory) */
  readonly mainSpec: string;
  /** Directory of the stack files: `stackConfigDir`. @default the project directory */
  readonly stacksDir: string;
}

/**
 * The directory of the nearest project file at or above `from`, or undefined.
 *
 * @example
 * ```ts
 * findProjectDir("/src/acme-infra/programs"); // "/src/acme-infra"
 * ```
 */
export function findProjectDir(from: string = process.cwd()): string | undefined {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (PROJECT_FILES.some((f) => existsSync(path.join(dir, f)))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * Reads a project: `dir`'s Pulumi.yaml. Throws a {@link PlatformError} naming the file when it is
 * missing or not valid YAML.
 *
 * @example
 * ```ts
 * readProject(".").name; // "platform"
 * ```
 */
export function readProject(dir: string): PulumiProject {
  const root = path.resolve(dir);
  const file = PROJECT_FILES.map((f) => path.join(root, f)).find((f) => existsSync(f));
  if (!file) throw new PlatformError(`no Pulumi.yaml in ${root}`);
  let doc: unknown;
  try {
    doc = yaml().parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new PlatformError(`${file}: not valid YAML: ${(e as Error).message}`);
  }
  const o = (typeof doc === "object" && doc !== null ? doc : {}) as Record<string, unknown>;
  const rt = o["runtime"];
  const rtName = typeof rt === "object" && rt !== null ? (rt as Record<string, unknown>)["name"] : rt;
  const main = typeof o["main"] === "string" && o["main"] !== "" ? o["main"] : ".";
  const stackConfigDir = typeof o["stackConfigDir"] === "string" ? o["stackConfigDir"] : ".";
  return {
    dir: root,
    file,
    name: typeof o["name"] === "string" ? o["name"] : path.basename(root),
    runtime: typeof rtName === "string" ? rtName : "nodejs",
    mainSpec: main,
    stacksDir: path.resolve(root, stackConfigDir),
  };
}

/**
 * The project to work on: `dir` when given, else `PLATFORM_PROJECT_DIR`, else the nearest
 * Pulumi.yaml at or above the working directory. Throws when there is none.
 *
 * @example
 * ```ts
 * currentProject().dir; // process.cwd() in a project's root
 * ```
 */
export function currentProject(dir?: string): PulumiProject {
  const given = dir ?? (process.env["PLATFORM_PROJECT_DIR"] || undefined);
  if (given) return readProject(given);
  const found = findProjectDir();
  if (!found)
    throw new PlatformError(
      `no Pulumi.yaml in ${process.cwd()} or any directory above it: run platform in a Pulumi project ` +
        "(a Pulumi.yaml with `main` and `stackConfigDir`), or set PLATFORM_PROJECT_DIR",
    );
  return readProject(found);
}

/**
 * The program file `main` names, resolved the way Pulumi's Node.js host does: a file (extension
 * optional), or a directory with a package.json `main` or an `index` file.
 *
 * @example
 * ```ts
 * programEntry(readProject("."));                 // "/repo/programs/index.ts" (main: programs/index.ts)
 * programEntry({ dir: "/src/infra", mainSpec: "." }); // "/src/infra/index.ts"
 * ```
 */
export function programEntry(project: Pick<PulumiProject, "dir" | "mainSpec">): string {
  const target = path.resolve(project.dir, project.mainSpec);
  const found = resolveFile(target) ?? resolveDirectory(target);
  if (!found)
    throw new PlatformError(
      `Pulumi.yaml main: ${JSON.stringify(project.mainSpec)} (${target}) is not a program file; ` +
        `expected a file, a file without its extension (${PROGRAM_EXTENSIONS.join(", ")}) or a directory with index.ts`,
    );
  return found;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function resolveFile(target: string): string | undefined {
  if (isFile(target)) return target;
  return PROGRAM_EXTENSIONS.map((ext) => target + ext).find(isFile);
}

function resolveDirectory(dir: string): string | undefined {
  const pkg = path.join(dir, "package.json");
  if (isFile(pkg)) {
    try {
      const main = (JSON.parse(readFileSync(pkg, "utf8")) as { main?: unknown }).main;
      if (typeof main === "string") {
        const hit = resolveFile(path.resolve(dir, main));
        if (hit) return hit;
      }
    } catch {
      // an unreadable package.json: fall back to index.*
    }
  }
  return resolveFile(path.join(dir, "index"));
}
