/**
 * Environments as a graph. A stack declares what it depends on in its stack file, in a top-level
 * key next to `config:` (Pulumi ignores unknown top-level keys of a stack file, and the program's
 * config schema never sees it):
 *
 * ```yaml
 * # stacks/Pulumi.staging.yaml
 * platform-orchestrator:
 *   dependsOn: [shared]
 * config:
 *   ...
 * ```
 *
 * `up` runs a stack after the stacks it depends on, independent stacks at the same time; `destroy`
 * runs in reverse. Only the selected environments run: a dependency outside the selection is
 * assumed deployed. Unknown dependencies and cycles are `ConfigError`s, raised before any
 * engine call.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { hint, PlatformError } from "../components/shared/errors";
import type { ConfigIssue } from "../programs/config";
import { parseStackFile, stacksDir as defaultStacksDir } from "../programs/stack-config";
import { availableEnvs } from "./envs";
import { configError } from "./lazy-config";

/** The top-level stack-file key holding orchestrator settings. */
export const ORCHESTRATOR_KEY = "platform-orchestrator";
/** Path of the dependency list, as error messages name it. */
export const DEPENDS_ON_PATH = `${ORCHESTRATOR_KEY}.dependsOn`;

/** Stack name → the stacks it depends on. */
export type StackGraph = ReadonlyMap<string, readonly string[]>;

/**
 * The raw stack file (`Pulumi.<env>.yaml`) as an object.
 *
 * @example
 * ```ts
 * readStackFile("dev").config; // { "gcp:project": "acme-shop-dev", ... }
 * ```
 */
export function readStackFile(env: string, dir = defaultStacksDir()): Record<string, unknown> {
  const file = path.join(dir, `Pulumi.${env}.yaml`);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new PlatformError(`no stack file for "${env}": ${file} does not exist`);
  }
  return parseStackFile(file, text);
}

/**
 * The dependencies one stack file declares (empty when none); a malformed list is a
 * `ConfigError` naming the key.
 *
 * @example
 * ```ts
 * dependenciesOf("staging", { "platform-orchestrator": { dependsOn: ["shared"] } }); // ["shared"]
 * ```
 */
export function dependenciesOf(env: string, stackFile: Readonly<Record<string, unknown>>): string[] {
  const section = stackFile[ORCHESTRATOR_KEY];
  if (section === undefined || section === null) return [];
  if (typeof section !== "object" || Array.isArray(section)) {
    throw configError(env, [
      { path: ORCHESTRATOR_KEY, message: `must be a map such as { dependsOn: [shared] }` },
    ]);
  }
  const unknownKeys = Object.keys(section).filter((k) => k !== "dependsOn");
  if (unknownKeys.length > 0) {
    throw configError(
      env,
      unknownKeys.map((k) => ({
        path: `${ORCHESTRATOR_KEY}.${k}`,
        message: `unknown key${hint(k, ["dependsOn"])}; allowed: dependsOn`,
      })),
    );
  }
  const deps = (section as { dependsOn?: unknown }).dependsOn;
  if (deps === undefined || deps === null) return [];
  if (!Array.isArray(deps) || deps.some((d) => typeof d !== "string" || d.trim() === "")) {
    throw configError(env, [
      { path: DEPENDS_ON_PATH, message: `must be a list of stack names, got ${JSON.stringify(deps)}` },
    ]);
  }
  return [...new Set((deps as string[]).map((d) => d.trim()))];
}

/**
 * Reads the dependency graph of the stacks in the stacks directory (the `selected` ones and what
 * they depend on; all by default) and checks it: each dependency must have a stack file, a stack
 * must not depend on itself, and there must be no cycle. All problems are reported at once. An
 * unreadable stack file outside the selection does not matter.
 *
 * @example
 * ```ts
 * const graph = readStackGraph(); // Map { "dev" => [], "staging" => ["shared"], ... }
 * ```
 */
export function readStackGraph(dir = defaultStacksDir(), selected?: readonly string[]): StackGraph {
  const envs = availableEnvs(dir);
  const graph = new Map<string, readonly string[]>();
  const broken = new Map<string, Error>();
  for (const env of envs) {
    try {
      graph.set(env, dependenciesOf(env, readStackFile(env, dir)));
    } catch (e) {
      broken.set(env, e as Error);
    }
  }
  // A broken stack file blocks only the selected stacks and what they depend on (and `all`).
  const needed = new Set<string>();
  const visit = (env: string) => {
    if (needed.has(env)) return;
    needed.add(env);
    for (const dep of graph.get(env) ?? []) visit(dep);
  };
  for (const env of selected ?? envs) visit(env);
  const blocking = [...broken].filter(([env]) => needed.has(env));
  if (blocking.length === 1) throw blocking[0]![1];
  if (blocking.length > 1) throw new PlatformError(blocking.map(([, e]) => e.message).join("\n"));
  const subgraph = new Map([...graph].filter(([env]) => needed.has(env)));
  validateGraph(subgraph, envs);
  return subgraph;
}

/**
 * Throws a `ConfigError` for unknown dependencies, self-dependencies and cycles.
 *
 * @example
 * ```ts
 * validateGraph(new Map([["a", ["b"]], ["b", ["a"]]]), ["a", "b"]); // ConfigError: dependency cycle a → b → a
 * ```
 */
export function validateGraph(graph: StackGraph, known: readonly string[]): void {
  const issues: { env: string; issue: ConfigIssue }[] = [];
  for (const [env, deps] of graph) {
    for (const dep of deps) {
      if (dep === env)
        issues.push({ env, issue: { path: DEPENDS_ON_PATH, message: `"${env}" cannot depend on itself` } });
      else if (!known.includes(dep)) {
        issues.push({
          env,
          issue: {
            path: DEPENDS_ON_PATH,
            message: `unknown stack "${dep}"${hint(dep, known)}; stacks with a stack file: ${known.join(", ")}`,
          },
        });
      }
    }
  }
  const cycle = findCycle(graph);
  if (cycle)
    issues.push({
      env: cycle[0]!,
      issue: { path: DEPENDS_ON_PATH, message: `dependency cycle ${cycle.join(" → ")}` },
    });
  if (issues.length > 0)
    throw configError(
      issues[0]!.env,
      issues.map((i) => ({ ...i.issue, path: `${i.env}: ${i.issue.path}` })),
    );
}

/** The first cycle found (as `[a, b, …, a]`), or undefined. */
export function findCycle(graph: StackGraph): string[] | undefined {
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    const s = state.get(node);
    if (s === "done") return undefined;
    if (s === "visiting") return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, "visiting");
    stack.push(node);
    for (const dep of graph.get(node) ?? []) {
      if (dep === node || !graph.has(dep)) continue;
      const found = visit(dep);
      if (found) return found;
    }
    stack.pop();
    state.set(node, "done");
    return undefined;
  };
  for (const node of [...graph.keys()].sort()) {
    const found = visit(node);
    if (found) return found;
  }
  return undefined;
}

/**
 * The graph restricted to the selected environments, with edges pointing at what must finish
 * first: dependencies for `up`-like verbs, dependents for `destroy` (reverse order).
 *
 * @example
 * ```ts
 * runOrder(graph, ["shared", "staging"], false).get("staging"); // ["shared"]
 * runOrder(graph, ["shared", "staging"], true).get("shared");   // ["staging"]
 * ```
 */
export function runOrder(
  graph: StackGraph,
  selected: readonly string[],
  reverse: boolean,
): Map<string, string[]> {
  const waitFor = new Map<string, string[]>(selected.map((e) => [e, []]));
  for (const env of selected) {
    for (const dep of graph.get(env) ?? []) {
      if (!waitFor.has(dep)) continue;
      if (reverse) waitFor.get(dep)!.push(env);
      else waitFor.get(env)!.push(dep);
    }
  }
  return waitFor;
}

/**
 * A topological order of the selected environments (ties keep the requested order); what the
 * summary prints and what a one-at-a-time run follows.
 *
 * @example
 * ```ts
 * topologicalOrder(runOrder(graph, ["staging", "shared"], false)); // ["shared", "staging"]
 * ```
 */
export function topologicalOrder(waitFor: ReadonlyMap<string, readonly string[]>): string[] {
  const done = new Set<string>();
  const out: string[] = [];
  while (out.length < waitFor.size) {
    const next = [...waitFor.keys()].find(
      (e) => !done.has(e) && (waitFor.get(e) ?? []).every((d) => done.has(d)),
    );
    if (next === undefined)
      throw new PlatformError(
        `dependency cycle among ${[...waitFor.keys()].filter((e) => !done.has(e)).join(", ")}`,
      );
    done.add(next);
    out.push(next);
  }
  return out;
}
