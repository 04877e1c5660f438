"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UsageError = exports.RESOURCE_USAGE_KEYS = exports.USAGE_KEYS = exports.DEFAULT_USAGE = void 0;
exports.parseUsage = parseUsage;
exports.usageFor = usageFor;
exports.loadUsage = loadUsage;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const zod_1 = require("zod");
const yaml_1 = require("yaml");
const errors_1 = require("../../components/shared/errors");
/**
 * The defaults: what an absent key (or an absent usage file) means.
 *
 * @example
 * ```ts
 * DEFAULT_USAGE.meanRequestDurationMs; // 200
 * ```
 */
exports.DEFAULT_USAGE = {
    version: 1,
    requestsPerMonth: 0,
    meanRequestDurationMs: 200,
    meanConcurrentRequests: 1,
    meanResponseKiB: 0,
    kmsOperationsPerMonth: 0,
    kmsHorizonMonths: 12,
    secretAccessesPerMonth: 0,
    cloudRunFreeTier: false,
    secretManagerFreeTier: false,
    resources: {},
};
const MSG = {
    count: "must be a number ≥ 0",
    atLeastOne: "must be a number ≥ 1",
    versions: "must be an integer ≥ 0",
    horizon: "must be an integer 1–120",
    bool: "must be true or false",
    version: "must be 1",
    overrides: "must be a map of usage overrides for this resource",
    resources: "must be a map of logical resource name → usage overrides",
    file: "must be a map of usage keys",
};
const count = () => zod_1.z.number({ error: MSG.count }).min(0, { error: MSG.count });
const RESOURCE_FIELDS = {
    requestsPerMonth: count(),
    meanRequestDurationMs: count(),
    meanConcurrentRequests: zod_1.z.number({ error: MSG.atLeastOne }).min(1, { error: MSG.atLeastOne }),
    meanResponseKiB: count(),
    backupStorageGb: count(),
    kmsOperationsPerMonth: count(),
    kmsKeyVersions: zod_1.z
        .number({ error: MSG.versions })
        .int({ error: MSG.versions })
        .min(0, { error: MSG.versions }),
    kmsHorizonMonths: zod_1.z
        .number({ error: MSG.horizon })
        .int({ error: MSG.horizon })
        .min(1, { error: MSG.horizon })
        .max(120, { error: MSG.horizon }),
    secretAccessesPerMonth: count(),
};
const optionalShape = (shape) => Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.optional()]));
const OVERRIDE_SCHEMA = zod_1.z.strictObject(optionalShape(RESOURCE_FIELDS), { error: MSG.overrides });
const FILE_SCHEMA = zod_1.z.strictObject({
    version: zod_1.z.literal(1, { error: MSG.version }).optional(),
    ...optionalShape(RESOURCE_FIELDS),
    cloudRunFreeTier: zod_1.z.boolean({ error: MSG.bool }).optional(),
    secretManagerFreeTier: zod_1.z.boolean({ error: MSG.bool }).optional(),
    resources: zod_1.z.record(zod_1.z.string(), OVERRIDE_SCHEMA, { error: MSG.resources }).optional(),
}, { error: MSG.file });
/**
 * Keys allowed at the top of a usage file.
 *
 * @example
 * ```ts
 * USAGE_KEYS.includes("requestsPerMonth"); // true
 * ```
 */
exports.USAGE_KEYS = Object.keys(FILE_SCHEMA.shape);
/**
 * Keys allowed under `resources.<name>`.
 *
 * @example
 * ```ts
 * RESOURCE_USAGE_KEYS.includes("cloudRunFreeTier"); // false: account-wide, not per resource
 * ```
 */
exports.RESOURCE_USAGE_KEYS = Object.keys(RESOURCE_FIELDS);
/**
 * Every problem in a usage file at once; one `path: problem` per line.
 *
 * @example
 * ```ts
 * try { loadUsage("dev", "stacks"); } catch (e) { if (e instanceof UsageError) console.error(e.message); }
 * ```
 */
class UsageError extends errors_1.PlatformError {
    source;
    issues;
    name = "UsageError";
    constructor(source, issues) {
        super(`Invalid usage file ${source}:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join("\n")}`);
        this.source = source;
        this.issues = issues;
    }
}
exports.UsageError = UsageError;
/**
 * Validates a parsed usage document and applies the defaults. `null`/`undefined` (an empty file)
 * means all defaults. Throws a {@link UsageError} naming every bad field, what is allowed and what
 * was given; unknown keys are rejected.
 *
 * @example
 * ```ts
 * parseUsage({ requestsPerMonth: 100_000 }).meanRequestDurationMs; // 200
 * parseUsage({ requestsPerMonth: "lots" }); // UsageError: usage.requestsPerMonth: must be a number ≥ 0, got "lots"
 * ```
 */
function parseUsage(raw, source = "usage file") {
    const parsed = FILE_SCHEMA.safeParse(raw ?? {});
    if (!parsed.success)
        throw new UsageError(source, issuesOf(parsed.error, raw));
    const { version: _version, resources, ...rest } = parsed.data;
    return {
        ...exports.DEFAULT_USAGE,
        ...stripUndefined(rest),
        resources: Object.fromEntries(Object.entries(resources ?? {}).map(([name, o]) => [name, stripUndefined(o)])),
    };
}
/**
 * The usage figures for one resource: the file's top-level figures with `resources.<name>` on top.
 *
 * @example
 * ```ts
 * usageFor(parseUsage({ requestsPerMonth: 10, resources: { api: { requestsPerMonth: 99 } } }), "api").requestsPerMonth; // 99
 * ```
 */
function usageFor(usage, name) {
    const override = Object.hasOwn(usage.resources, name) ? usage.resources[name] : undefined;
    return override ? { ...usage, ...override } : usage;
}
/**
 * Reads `<dir>/usage.<env>.yaml`. A missing file means all defaults ({@link DEFAULT_USAGE}); a file
 * that is not valid YAML or not a valid usage document throws a {@link UsageError}.
 *
 * @example
 * ```ts
 * const usage = loadUsage("dev", "stacks"); // stacks/usage.dev.yaml
 * ```
 */
function loadUsage(env, dir) {
    if (!/^[a-z][a-z0-9-]*$/.test(env)) {
        throw new errors_1.PlatformError(`loadUsage: env must be a stack name of lowercase letters, digits and '-', got ${got(env)}`);
    }
    const file = (0, node_path_1.join)(dir, `usage.${env}.yaml`);
    if (!(0, node_fs_1.existsSync)(file))
        return exports.DEFAULT_USAGE;
    const doc = (0, yaml_1.parseDocument)((0, node_fs_1.readFileSync)(file, "utf8"), { prettyErrors: true });
    if (doc.errors.length > 0) {
        throw new UsageError(file, doc.errors.map((e) => ({ path: "usage", message: `not valid YAML: ${e.message.split("\n")[0]}` })));
    }
    return parseUsage(doc.toJS(), file);
}
function issuesOf(error, raw) {
    const out = [];
    for (const issue of error.issues) {
        if (issue.code === "unrecognized_keys") {
            const allowed = issue.path.length === 0 ? exports.USAGE_KEYS : exports.RESOURCE_USAGE_KEYS;
            for (const key of issue.keys) {
                out.push({
                    path: pathOf([...issue.path, key]),
                    message: `unknown key${hint(key, allowed)}; allowed: ${allowed.join(", ")}`,
                });
            }
            continue;
        }
        out.push({ path: pathOf(issue.path), message: `${issue.message}, got ${got(valueAt(raw, issue.path))}` });
    }
    return out;
}
function pathOf(path) {
    return ["usage", ...path.map(String)].join(".");
}
function valueAt(input, path) {
    let cur = input;
    for (const key of path) {
        if (cur === null || typeof cur !== "object")
            return undefined;
        cur = cur[key];
    }
    return cur;
}
function got(value) {
    if (value === undefined)
        return "nothing";
    if (typeof value === "string")
        return JSON.stringify(value);
    if (typeof value === "number" && !Number.isFinite(value))
        return String(value);
    try {
        return JSON.stringify(value) ?? typeof value;
    }
    catch {
        return typeof value;
    }
}
/** " (did you mean "x"?)" for a key one or two edits away from an allowed one. */
function hint(key, allowed) {
    const lower = key.toLowerCase();
    const close = allowed.find((a) => a.toLowerCase() === lower || distance(a.toLowerCase(), lower) <= 2);
    return close ? ` (did you mean "${close}"?)` : "";
}
function distance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let prev = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const cur = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
            prev = cur;
        }
    }
    return row[b.length];
}
function stripUndefined(o) {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
//# sourceMappingURL=usage.js.map