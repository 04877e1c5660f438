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
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.PlanFormat = exports.StepStore = exports.isOp = exports.buildStep = void 0;
exports.detectPlanFormat = detectPlanFormat;
exports.parsePlanFile = parsePlanFile;
exports.changedSteps = changedSteps;
/**
 * Parsers from what Pulumi (or our synth) writes to {@link PlanStep}s.
 *
 * | input | function |
 * |---|---|
 * | `--event-log` JSON lines, Automation API `onEvent` | {@link parseEventLog}, {@link EngineEventCollector} |
 * | `pulumi preview --json` (digest or streaming) | {@link parsePreviewJson}, {@link parsePreviewDigest} |
 * | `platform synth --json` inventory | {@link readInventory}, {@link inventorySteps} |
 * | any of them, sniffed | {@link parsePlanFile} |
 */
const promises_1 = require("node:fs/promises");
const events_1 = require("./events");
const inventory_1 = require("./inventory");
const preview_1 = require("./preview");
const types_1 = require("./types");
__exportStar(require("./types"), exports);
__exportStar(require("./values"), exports);
__exportStar(require("./lines"), exports);
var steps_1 = require("./steps");
Object.defineProperty(exports, "buildStep", { enumerable: true, get: function () { return steps_1.buildStep; } });
Object.defineProperty(exports, "isOp", { enumerable: true, get: function () { return steps_1.isOp; } });
Object.defineProperty(exports, "StepStore", { enumerable: true, get: function () { return steps_1.StepStore; } });
__exportStar(require("./events"), exports);
__exportStar(require("./preview"), exports);
__exportStar(require("./inventory"), exports);
/** File formats {@link parsePlanFile} recognizes. */
exports.PlanFormat = {
    eventLog: "event-log",
    previewDigest: "preview-digest",
    inventory: "inventory",
};
/**
 * Sniffs a file's format from its first bytes: JSON lines of engine events (an event log or a
 * streaming preview), a synth inventory (`"resources"` near the top) or a preview digest.
 *
 * @example
 * ```ts
 * await detectPlanFormat("preview.json"); // "preview-digest"
 * ```
 */
async function detectPlanFormat(path) {
    const handle = await (0, promises_1.open)(path, "r");
    try {
        const buf = Buffer.alloc(64 * 1024);
        const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
        const head = buf.toString("utf8", 0, bytesRead).replace(/^\uFEFF/, "");
        const firstLine = head.split("\n").find((l) => l.trim().length > 0)?.trim() ?? "";
        if (firstLine.startsWith("{") && firstLine.endsWith("}")) {
            try {
                const value = JSON.parse(firstLine);
                if (Object.keys(value).some((k) => k === "sequence" || k === "timestamp" || k.endsWith("Event")))
                    return exports.PlanFormat.eventLog;
                if (Array.isArray(value.resources))
                    return exports.PlanFormat.inventory;
            }
            catch {
                // not a complete object on one line
            }
        }
        if (!head.trimStart().startsWith("{"))
            throw new types_1.PlanParseError(`${path}: not a plan file: expected JSON (an event log, \`pulumi preview --json\` output or a synth inventory), starts with ${JSON.stringify(head.trimStart().slice(0, 20))}`, path, 1);
        if (/"resources"\s*:\s*\[/.test(head) && !/"steps"\s*:/.test(head))
            return exports.PlanFormat.inventory;
        return exports.PlanFormat.previewDigest;
    }
    finally {
        await handle.close();
    }
}
/**
 * Parses any plan file, detecting its format.
 *
 * @example
 * ```ts
 * const { format, result } = await parsePlanFile(process.argv[2]!);
 * console.log(format, countChanges(result.steps));
 * ```
 */
async function parsePlanFile(path, options = {}) {
    const format = await detectPlanFormat(path);
    switch (format) {
        case exports.PlanFormat.eventLog:
            return { format, result: await (0, events_1.parseEventLog)(path, options) };
        case exports.PlanFormat.inventory:
            return { format, result: await (0, inventory_1.parseInventoryFile)(path) };
        default:
            return { format, result: await (0, preview_1.parsePreviewJson)(path, options) };
    }
}
/**
 * Steps that change something (have a {@link changeKind}), without the root stack step: what the
 * renderers list.
 *
 * @example
 * ```ts
 * changedSteps(result.steps).map((s) => `${s.op} ${s.name}`);
 * ```
 */
function changedSteps(steps) {
    return steps.filter((s) => !(0, types_1.isRootStack)(s) && (0, types_1.changeKind)(s) !== undefined);
}
//# sourceMappingURL=index.js.map