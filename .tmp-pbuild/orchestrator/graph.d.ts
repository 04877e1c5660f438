/** The top-level stack-file key holding orchestrator settings. */
export declare const ORCHESTRATOR_KEY = "platform-orchestrator";
/** Path of the dependency list, as error messages name it. */
export declare const DEPENDS_ON_PATH = "platform-orchestrator.dependsOn";
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
export declare function readStackFile(env: string, dir?: string): Record<string, unknown>;
/**
 * The dependencies one stack file declares (empty when none); a malformed list is a
 * {@link ConfigError} naming the key.
 *
 * @example
 * ```ts
 * dependenciesOf("staging", { "platform-orchestrator": { dependsOn: ["shared"] } }); // ["shared"]
 * ```
 */
export declare function dependenciesOf(env: string, stackFile: Readonly<Record<string, unknown>>): string[];
/**
 * Reads the dependency graph of every stack in the stacks directory and checks it: each
 * dependency must have a stack file, a stack must not depend on itself, and there must be no
 * cycle. All problems are reported at once.
 *
 * @example
 * ```ts
 * const graph = readStackGraph(); // Map { "dev" => [], "staging" => ["shared"], ... }
 * ```
 */
export declare function readStackGraph(dir?: string): StackGraph;
/**
 * Throws a {@link ConfigError} for unknown dependencies, self-dependencies and cycles.
 *
 * @example
 * ```ts
 * validateGraph(new Map([["a", ["b"]], ["b", ["a"]]]), ["a", "b"]); // ConfigError: dependency cycle a → b → a
 * ```
 */
export declare function validateGraph(graph: StackGraph, known: readonly string[]): void;
/** The first cycle found (as `[a, b, …, a]`), or undefined. */
export declare function findCycle(graph: StackGraph): string[] | undefined;
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
export declare function runOrder(graph: StackGraph, selected: readonly string[], reverse: boolean): Map<string, string[]>;
/**
 * A topological order of the selected environments (ties keep the requested order); what the
 * summary prints and what a one-at-a-time run follows.
 *
 * @example
 * ```ts
 * topologicalOrder(runOrder(graph, ["staging", "shared"], false)); // ["shared", "staging"]
 * ```
 */
export declare function topologicalOrder(waitFor: ReadonlyMap<string, readonly string[]>): string[];
