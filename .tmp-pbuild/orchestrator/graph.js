"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEPENDS_ON_PATH = exports.ORCHESTRATOR_KEY = void 0;
exports.readStackFile = readStackFile;
exports.dependenciesOf = dependenciesOf;
exports.readStackGraph = readStackGraph;
exports.validateGraph = validateGraph;
exports.findCycle = findCycle;
exports.runOrder = runOrder;
exports.topologicalOrder = topologicalOrder;
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
 * assumed deployed. Unknown dependencies and cycles are {@link ConfigError}s, raised before any
 * engine call.
 */
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const yaml_1 = require("yaml");
const errors_1 = require("../components/shared/errors");
const config_1 = require("../programs/config");
const stack_config_1 = require("../programs/stack-config");
const envs_1 = require("./envs");
/** The top-level stack-file key holding orchestrator settings. */
exports.ORCHESTRATOR_KEY = "platform-orchestrator";
/** Path of the dependency list, as error messages name it. */
exports.DEPENDS_ON_PATH = `${exports.ORCHESTRATOR_KEY}.dependsOn`;
/**
 * The raw stack file (`Pulumi.<env>.yaml`) as an object.
 *
 * @example
 * ```ts
 * readStackFile("dev").config; // { "gcp:project": "acme-shop-dev", ... }
 * ```
 */
function readStackFile(env, dir = (0, stack_config_1.stacksDir)()) {
    const file = path.join(dir, `Pulumi.${env}.yaml`);
    let text;
    try {
        text = (0, node_fs_1.readFileSync)(file, "utf8");
    }
    catch {
        throw new errors_1.PlatformError(`no stack file for "${env}": ${file} does not exist`);
    }
    let doc;
    try {
        doc = (0, yaml_1.parse)(text);
    }
    catch (e) {
        throw new errors_1.PlatformError(`${file}: not valid YAML: ${e.message}`);
    }
    if (doc === null || doc === undefined)
        return {};
    if (typeof doc !== "object" || Array.isArray(doc))
        throw new errors_1.PlatformError(`${file}: expected a map at the top level`);
    return doc;
}
/**
 * The dependencies one stack file declares (empty when none); a malformed list is a
 * {@link ConfigError} naming the key.
 *
 * @example
 * ```ts
 * dependenciesOf("staging", { "platform-orchestrator": { dependsOn: ["shared"] } }); // ["shared"]
 * ```
 */
function dependenciesOf(env, stackFile) {
    const section = stackFile[exports.ORCHESTRATOR_KEY];
    if (section === undefined || section === null)
        return [];
    if (typeof section !== "object" || Array.isArray(section)) {
        throw new config_1.ConfigError(env, [{ path: exports.ORCHESTRATOR_KEY, message: `must be a map such as { dependsOn: [shared] }` }]);
    }
    const unknownKeys = Object.keys(section).filter((k) => k !== "dependsOn");
    if (unknownKeys.length > 0) {
        throw new config_1.ConfigError(env, unknownKeys.map((k) => ({ path: `${exports.ORCHESTRATOR_KEY}.${k}`, message: `unknown key${(0, config_1.hint)(k, ["dependsOn"])}; allowed: dependsOn` })));
    }
    const deps = section.dependsOn;
    if (deps === undefined || deps === null)
        return [];
    if (!Array.isArray(deps) || deps.some((d) => typeof d !== "string" || d.trim() === "")) {
        throw new config_1.ConfigError(env, [{ path: exports.DEPENDS_ON_PATH, message: `must be a list of stack names, got ${JSON.stringify(deps)}` }]);
    }
    return [...new Set(deps.map((d) => d.trim()))];
}
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
function readStackGraph(dir = (0, stack_config_1.stacksDir)()) {
    const envs = (0, envs_1.availableEnvs)(dir);
    const graph = new Map();
    for (const env of envs)
        graph.set(env, dependenciesOf(env, readStackFile(env, dir)));
    validateGraph(graph, envs);
    return graph;
}
/**
 * Throws a {@link ConfigError} for unknown dependencies, self-dependencies and cycles.
 *
 * @example
 * ```ts
 * validateGraph(new Map([["a", ["b"]], ["b", ["a"]]]), ["a", "b"]); // ConfigError: dependency cycle a → b → a
 * ```
 */
function validateGraph(graph, known) {
    const issues = [];
    for (const [env, deps] of graph) {
        for (const dep of deps) {
            if (dep === env)
                issues.push({ env, issue: { path: exports.DEPENDS_ON_PATH, message: `"${env}" cannot depend on itself` } });
            else if (!known.includes(dep)) {
                issues.push({
                    env,
                    issue: {
                        path: exports.DEPENDS_ON_PATH,
                        message: `unknown stack "${dep}"${(0, config_1.hint)(dep, known)}; stacks with a stack file: ${known.join(", ")}`,
                    },
                });
            }
        }
    }
    const cycle = findCycle(graph);
    if (cycle)
        issues.push({ env: cycle[0], issue: { path: exports.DEPENDS_ON_PATH, message: `dependency cycle ${cycle.join(" → ")}` } });
    if (issues.length > 0)
        throw new config_1.ConfigError(issues[0].env, issues.map((i) => ({ ...i.issue, path: `${i.env}: ${i.issue.path}` })));
}
/** The first cycle found (as `[a, b, …, a]`), or undefined. */
function findCycle(graph) {
    const state = new Map();
    const stack = [];
    const visit = (node) => {
        const s = state.get(node);
        if (s === "done")
            return undefined;
        if (s === "visiting")
            return [...stack.slice(stack.indexOf(node)), node];
        state.set(node, "visiting");
        stack.push(node);
        for (const dep of graph.get(node) ?? []) {
            if (dep === node || !graph.has(dep))
                continue;
            const found = visit(dep);
            if (found)
                return found;
        }
        stack.pop();
        state.set(node, "done");
        return undefined;
    };
    for (const node of [...graph.keys()].sort()) {
        const found = visit(node);
        if (found)
            return found;
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
function runOrder(graph, selected, reverse) {
    const waitFor = new Map(selected.map((e) => [e, []]));
    for (const env of selected) {
        for (const dep of graph.get(env) ?? []) {
            if (!waitFor.has(dep))
                continue;
            if (reverse)
                waitFor.get(dep).push(env);
            else
                waitFor.get(env).push(dep);
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
function topologicalOrder(waitFor) {
    const done = new Set();
    const out = [];
    while (out.length < waitFor.size) {
        const next = [...waitFor.keys()].find((e) => !done.has(e) && (waitFor.get(e) ?? []).every((d) => done.has(d)));
        if (next === undefined)
            throw new errors_1.PlatformError(`dependency cycle among ${[...waitFor.keys()].filter((e) => !done.has(e)).join(", ")}`);
        done.add(next);
        out.push(next);
    }
    return out;
}
//# sourceMappingURL=graph.js.map