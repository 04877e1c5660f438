"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConfigError = exports.PROVIDER_KEYS = exports.NAMESPACE = void 0;
exports.parseEnvironmentConfig = parseEnvironmentConfig;
exports.contextOf = contextOf;
exports.shapeKeysAt = shapeKeysAt;
exports.hint = hint;
exports.editDistance = editDistance;
const zod_1 = require("zod");
const errors_1 = require("../components/shared/errors");
const fields_1 = require("./schema/fields");
const schema_1 = require("./schema");
/** The config namespace every platform key lives in. */
exports.NAMESPACE = "platform";
/** Provider keys the program reads besides `platform:*`. */
exports.PROVIDER_KEYS = ["gcp:project", "gcp:region"];
/**
 * Every config problem at once. Its message lists one `path: problem` per line and nothing else
 * (the CLI prints it without a stack trace).
 */
class ConfigError extends errors_1.PlatformError {
    env;
    issues;
    name = "ConfigError";
    constructor(env, issues) {
        super(`Invalid configuration for stack "${env}":\n${issues.map((i) => `  ${i.path}: ${i.message}`).join("\n")}`);
        this.env = env;
        this.issues = issues;
    }
}
exports.ConfigError = ConfigError;
/**
 * Validates raw stack config (`key → value`, structured values already parsed) into an
 * {@link EnvironmentConfig}. Throws a {@link ConfigError} listing every violation with its path.
 *
 * @example
 * ```ts
 * parseEnvironmentConfig("dev", { "platform:databse": {} }); // ConfigError: platform:databse: unknown key (did you mean "platform:database"?)
 * ```
 */
function parseEnvironmentConfig(env, values) {
    const issues = [];
    const known = [`${exports.NAMESPACE}:environment`, ...Object.keys(schema_1.SECTIONS).map((k) => `${exports.NAMESPACE}:${k}`)];
    for (const key of Object.keys(values)) {
        if (key.startsWith(`${exports.NAMESPACE}:`) && !known.includes(key)) {
            issues.push({ path: key, message: `unknown key${hint(key, known)}; allowed: ${known.join(", ")}` });
        }
    }
    const project = values["gcp:project"];
    if (typeof project !== "string" || !/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(project)) {
        issues.push({
            path: "gcp:project",
            message: `must be a GCP project id (6–30 lowercase letters, digits, '-'), got ${(0, fields_1.got)(project)}`,
        });
    }
    const region = values["gcp:region"];
    if (typeof region !== "string" || !/^[a-z]+-[a-z]+\d+$/.test(region)) {
        issues.push({
            path: "gcp:region",
            message: `must be a GCP region such as europe-west1, got ${(0, fields_1.got)(region)}`,
        });
    }
    const envRaw = values[`${exports.NAMESPACE}:environment`];
    const envParsed = schema_1.ENVIRONMENT_SECTION.schema.safeParse(envRaw);
    if (!envParsed.success)
        issues.push(...zodIssues(`${exports.NAMESPACE}:environment`, envParsed.error, schema_1.ENVIRONMENT_SECTION.schema, envRaw));
    const profile = envParsed.success ? envParsed.data.profile : undefined;
    const resolved = {};
    const ctx = { profile: profile ?? "dev", env };
    for (const [key, section] of Object.entries(schema_1.SECTIONS)) {
        const raw = values[`${exports.NAMESPACE}:${key}`];
        const parsed = section.schema.safeParse(raw ?? {});
        if (!parsed.success) {
            issues.push(...zodIssues(`${exports.NAMESPACE}:${key}`, parsed.error, section.schema, raw));
            continue;
        }
        resolved[key] = section.resolve(parsed.data, ctx);
    }
    // Profile invariants only make sense once the profile and the section itself are valid.
    if (profile !== undefined) {
        for (const [key, section] of Object.entries(schema_1.SECTIONS)) {
            if (resolved[key] === undefined || !("invariants" in section) || !section.invariants)
                continue;
            issues.push(...section.invariants(resolved[key], ctx, resolved));
        }
    }
    if (issues.length > 0)
        throw new ConfigError(env, dedupe(issues));
    const e = envParsed.success ? envParsed.data : undefined;
    return {
        ...resolved,
        env,
        profile: profile,
        app: e.app,
        labels: e.labels ?? {},
        project: project,
        region: region,
    };
}
/** The component context for an environment. */
function contextOf(cfg) {
    return {
        env: cfg.env,
        profile: cfg.profile,
        app: cfg.app,
        project: cfg.project,
        region: cfg.region,
        labels: cfg.labels,
    };
}
function zodIssues(prefix, error, schema, input) {
    const out = [];
    for (const issue of error.issues) {
        const at = pathString(prefix, issue.path);
        if (issue.code === "unrecognized_keys") {
            const allowed = shapeKeysAt(schema, issue.path);
            for (const key of issue.keys) {
                out.push({
                    path: pathString(prefix, [...issue.path, key]),
                    message: `unknown key${hint(key, allowed)}${allowed.length ? `; allowed: ${allowed.join(", ")}` : ""}`,
                });
            }
            continue;
        }
        const received = valueAt(input, issue.path);
        out.push({
            path: at,
            message: issue.code === "invalid_type" && received === undefined ? "is required" : issue.message,
        });
    }
    return out;
}
function pathString(prefix, path) {
    let s = prefix;
    for (const p of path)
        s += typeof p === "number" ? `[${p}]` : `.${String(p)}`;
    return s;
}
function valueAt(input, path) {
    let cur = input;
    for (const p of path) {
        if (cur === null || typeof cur !== "object")
            return undefined;
        cur = cur[p];
    }
    return cur;
}
/** Keys allowed at a path of a (possibly wrapped) zod object schema. */
function shapeKeysAt(schema, path) {
    let cur = unwrap(schema);
    for (const p of path) {
        if (!cur)
            return [];
        if (cur instanceof zod_1.z.ZodObject)
            cur = unwrap(cur.shape[String(p)]);
        else if (cur instanceof zod_1.z.ZodRecord)
            cur = unwrap(cur.valueType);
        else if (cur instanceof zod_1.z.ZodArray)
            cur = unwrap(cur.element);
        else
            return [];
    }
    return cur instanceof zod_1.z.ZodObject ? Object.keys(cur.shape) : [];
}
function unwrap(s) {
    let cur = s;
    for (let i = 0; i < 10 && cur; i++) {
        if (cur instanceof zod_1.z.ZodOptional || cur instanceof zod_1.z.ZodNullable || cur instanceof zod_1.z.ZodDefault)
            cur = cur.unwrap();
        else if (cur instanceof zod_1.z.ZodPipe)
            cur = cur.in;
        else
            break;
    }
    return cur;
}
/** ` (did you mean "x"?)` for the closest allowed key within edit distance 3, else "". */
function hint(key, allowed) {
    let best;
    let bestD = Infinity;
    // A key that is a prefix of an allowed one ("rotation" → "rotationDays") is the likeliest slip.
    const prefixed = allowed.filter((a) => key.length >= 3 && a.toLowerCase().startsWith(key.toLowerCase()));
    if (prefixed.length === 1)
        return ` (did you mean "${prefixed[0]}"?)`;
    for (const a of allowed) {
        const d = editDistance(key.toLowerCase(), a.toLowerCase());
        if (d < bestD)
            [best, bestD] = [a, d];
    }
    return best !== undefined && bestD <= Math.max(2, Math.floor(key.length / 3))
        ? ` (did you mean "${best}"?)`
        : "";
}
/** Levenshtein distance. */
function editDistance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let prev = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const tmp = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
            prev = tmp;
        }
    }
    return row[b.length];
}
function dedupe(issues) {
    const seen = new Set();
    return issues.filter((i) => {
        const k = `${i.path}\u0000${i.message}`;
        if (seen.has(k))
            return false;
        seen.add(k);
        return true;
    });
}
//# sourceMappingURL=config.js.map