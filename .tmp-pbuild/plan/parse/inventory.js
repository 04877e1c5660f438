"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseInventory = parseInventory;
exports.readInventory = readInventory;
exports.inventorySteps = inventorySteps;
exports.parseInventoryFile = parseInventoryFile;
/**
 * The synth inventory (`npx platform synth --env <env> --json`):
 * `{ env, stack, resources: [{ urn, type, name, parent, inputs, protect }] }`, inputs as the program
 * passed them with secrets as `"[secret]"` and unknowns as `"[unknown]"`.
 */
const promises_1 = require("node:fs/promises");
const model_1 = require("../model");
const values_1 = require("./values");
const types_1 = require("./types");
/**
 * Validates and normalizes a parsed synth inventory. Throws a {@link PlanParseError} naming the file
 * and the JSON path of the first problem.
 *
 * @example
 * ```ts
 * const inv = parseInventory(JSON.parse(fs.readFileSync("dev.json", "utf8")), { file: "dev.json" });
 * inv.resources.length;
 * ```
 */
function parseInventory(value, options = {}) {
    const file = options.file ?? "<inventory>";
    const fail = (path, expected, got) => {
        throw new types_1.PlanParseError(`${file}: ${path}: expected ${expected}, got ${show(got)}`, file);
    };
    if (value === null || typeof value !== "object" || Array.isArray(value))
        fail("(top level)", "a synth inventory object { env, stack, resources: [...] }", value);
    const v = value;
    if (!Array.isArray(v.resources))
        fail("resources", "an array of resources", v.resources);
    if (v.env !== undefined && typeof v.env !== "string")
        fail("env", "a string", v.env);
    if (v.stack !== undefined && typeof v.stack !== "string")
        fail("stack", "a string", v.stack);
    const seen = new Set();
    const resources = v.resources.map((raw, i) => {
        const at = `resources[${i}]`;
        if (raw === null || typeof raw !== "object" || Array.isArray(raw))
            fail(at, "a resource object { urn, type, name, parent, inputs, protect }", raw);
        const r = raw;
        if (typeof r.urn !== "string" || r.urn.length === 0)
            fail(`${at}.urn`, "a non-empty string", r.urn);
        if (typeof r.type !== "string" || r.type.length === 0)
            fail(`${at}.type`, "a non-empty string", r.type);
        if (typeof r.name !== "string")
            fail(`${at}.name`, "a string", r.name);
        if (r.parent !== undefined && r.parent !== null && typeof r.parent !== "string")
            fail(`${at}.parent`, "a string", r.parent);
        if (r.inputs !== undefined &&
            (r.inputs === null || typeof r.inputs !== "object" || Array.isArray(r.inputs)))
            fail(`${at}.inputs`, "an object", r.inputs);
        if (r.protect !== undefined && typeof r.protect !== "boolean")
            fail(`${at}.protect`, "a boolean", r.protect);
        const urn = r.urn;
        if (seen.has(urn))
            fail(`${at}.urn`, "a URN not used by an earlier resource", urn);
        seen.add(urn);
        const parent = typeof r.parent === "string" && r.parent.length > 0 ? r.parent : undefined;
        return {
            urn,
            type: r.type,
            name: r.name,
            ...(parent ? { parent } : {}),
            inputs: (0, values_1.normalizeInputs)(r.inputs ?? {}),
            protect: r.protect === true,
        };
    });
    return {
        ...(typeof v.env === "string" ? { env: v.env } : {}),
        ...(typeof v.stack === "string" ? { stack: v.stack } : {}),
        resources,
    };
}
/**
 * Reads and validates an inventory file.
 *
 * @example
 * ```ts
 * const base = await readInventory("base/dev.json");
 * ```
 */
async function readInventory(path) {
    const text = await (0, promises_1.readFile)(path, "utf8");
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (err) {
        throw new types_1.PlanParseError(`${path}: not valid JSON (${err.message}); expected a synth inventory from \`platform synth --json\``, path);
    }
    return parseInventory(value, { file: path });
}
/**
 * Every inventory resource as a `create` step: what deploying the environment from nothing does.
 *
 * @example
 * ```ts
 * inventorySteps(inv).every((s) => s.op === "create"); // true
 * ```
 */
function inventorySteps(inventory) {
    return inventory.resources.map((r) => ({
        op: model_1.Op.create,
        urn: r.urn,
        type: r.type,
        name: r.name,
        newInputs: r.inputs,
        diffs: [],
        replaceReasons: [],
        ...(r.parent ? { parent: r.parent } : {}),
        protect: r.protect,
        logical: true,
    }));
}
/**
 * Reads an inventory file as all-create steps in the common {@link ParseResult} shape.
 *
 * @example
 * ```ts
 * const { steps } = await parseInventoryFile("dev.json");
 * ```
 */
async function parseInventoryFile(path) {
    const inventory = await readInventory(path);
    return {
        steps: inventorySteps(inventory),
        diagnostics: [],
        corrupt: [],
        failures: [],
        policy: [],
        stats: { lines: inventory.resources.length, events: 0, corruptLines: 0 },
    };
}
function show(value) {
    if (value === undefined)
        return "nothing";
    const json = JSON.stringify(value);
    return json === undefined ? String(value) : json.length > 80 ? `${json.slice(0, 77)}...` : json;
}
//# sourceMappingURL=inventory.js.map