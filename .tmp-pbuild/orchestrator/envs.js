"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.availableEnvs = availableEnvs;
exports.resolveEnvs = resolveEnvs;
const node_fs_1 = require("node:fs");
const config_1 = require("../programs/config");
const errors_1 = require("../components/shared/errors");
const stack_config_1 = require("../programs/stack-config");
/**
 * Environments that have a stack file (`stacks/Pulumi.<env>.yaml`), sorted.
 *
 * @example
 * ```ts
 * availableEnvs(); // ["dev", "prod", "staging"]
 * ```
 */
function availableEnvs(dir = (0, stack_config_1.stacksDir)()) {
    return (0, node_fs_1.readdirSync)(dir)
        .map((f) => /^Pulumi\.([A-Za-z0-9_.-]+)\.yaml$/.exec(f)?.[1])
        .filter((e) => e !== undefined)
        .sort();
}
/**
 * Parses `--env dev`, `--env dev,prod` or `--env all` into stack names; an unknown name is an error
 * that lists what exists and suggests the closest.
 *
 * @example
 * ```ts
 * resolveEnvs("prd"); // PlatformError: --env: unknown environment "prd" (did you mean "prod"?); available: dev, prod, staging
 * ```
 */
function resolveEnvs(spec, dir = (0, stack_config_1.stacksDir)()) {
    const available = availableEnvs(dir);
    if (spec === undefined || spec.trim() === "") {
        throw new errors_1.PlatformError(`--env is required: one of ${available.join(", ")}, a comma-separated list, or all`);
    }
    if (spec.trim() === "all")
        return available;
    const out = [];
    for (const raw of spec.split(",")) {
        const env = raw.trim();
        if (!available.includes(env)) {
            throw new errors_1.PlatformError(`--env: unknown environment ${JSON.stringify(env)}${(0, config_1.hint)(env, available)}; available: ${available.join(", ")}, all`);
        }
        if (!out.includes(env))
            out.push(env);
    }
    return out;
}
//# sourceMappingURL=envs.js.map