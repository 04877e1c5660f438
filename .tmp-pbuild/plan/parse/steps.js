"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.StepStore = void 0;
exports.isOp = isOp;
exports.buildStep = buildStep;
/**
 * Building PlanSteps from engine step metadata (events) and preview-digest steps, and keeping one
 * step per URN.
 */
const model_1 = require("../model");
const values_1 = require("./values");
const OP_SET = new Set(model_1.OPS);
const DIFF_KINDS = new Set(Object.values(model_1.DiffKind));
/** The halves of a replacement: merged into the logical `replace` step of the same URN. */
const HALF_OPS = new Set([model_1.Op.createReplacement, model_1.Op.deleteReplaced, model_1.Op.discardReplaced]);
/** True when `value` is a known step operation. */
function isOp(value) {
    return typeof value === "string" && OP_SET.has(value);
}
/**
 * Builds a PlanStep, or returns a reason string when the raw step is unusable.
 *
 * @example
 * ```ts
 * const step = buildStep({ ...event.resourcePreEvent.metadata, diffKindKey: "diffKind" });
 * if (typeof step === "string") corrupt.push({ line, error: step });
 * ```
 */
function buildStep(raw) {
    if (!isOp(raw.op))
        return `unknown op ${JSON.stringify(raw.op)} (expected one of ${model_1.OPS.join(", ")})`;
    if (typeof raw.urn !== "string" || raw.urn.length === 0)
        return "step without a string urn";
    const urn = raw.urn;
    const oldState = asState(raw.old);
    const newState = asState(raw.new);
    const parsed = (0, model_1.parseUrn)(urn);
    const type = typeof raw.type === "string" && raw.type.length > 0
        ? raw.type
        : typeof newState?.type === "string"
            ? newState.type
            : typeof oldState?.type === "string"
                ? oldState.type
                : (parsed?.type ?? "");
    const name = parsed?.name ?? urn;
    let oldInputs;
    let newInputs;
    if (oldState)
        oldInputs = (0, values_1.normalizeInputs)(oldState.inputs);
    if (newState) {
        // `same` steps carry identical inputs twice: share one object (halves the memory of big previews).
        newInputs =
            oldState && oldInputs && (0, values_1.jsonEqual)(oldState.inputs ?? {}, newState.inputs ?? {})
                ? oldInputs
                : (0, values_1.normalizeInputs)(newState.inputs);
    }
    const state = newState ?? oldState;
    const parent = typeof state?.parent === "string" && state.parent.length > 0 ? state.parent : undefined;
    const provider = typeof raw.provider === "string" && raw.provider.length > 0
        ? raw.provider
        : typeof state?.provider === "string" && state.provider.length > 0
            ? state.provider
            : undefined;
    const detailedDiff = readDetailedDiff(raw.detailedDiff, raw.diffKindKey);
    return {
        op: raw.op,
        urn,
        type,
        name,
        ...(oldInputs !== undefined ? { oldInputs } : {}),
        ...(newInputs !== undefined ? { newInputs } : {}),
        diffs: stringList(raw.diffs),
        replaceReasons: stringList(raw.keys),
        ...(detailedDiff ? { detailedDiff } : {}),
        ...(parent ? { parent } : {}),
        ...(typeof state?.protect === "boolean" ? { protect: state.protect } : {}),
        ...(typeof raw.logical === "boolean" ? { logical: raw.logical } : {}),
        ...(provider ? { provider } : {}),
    };
}
function asState(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value) ? value : undefined;
}
function stringList(value) {
    return Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];
}
function readDetailedDiff(value, kindKey) {
    if (value === null || typeof value !== "object" || Array.isArray(value))
        return undefined;
    const out = {};
    let any = false;
    for (const [path, raw] of Object.entries(value)) {
        if (raw === null || typeof raw !== "object")
            continue;
        const entry = raw;
        // Accept either spelling: tools re-serialize digests and events in both ways.
        const kind = entry[kindKey] ?? entry[kindKey === "kind" ? "diffKind" : "kind"];
        if (typeof kind !== "string" || !DIFF_KINDS.has(kind))
            continue;
        out[path] = { kind: kind, inputDiff: entry["inputDiff"] === true };
        any = true;
    }
    return any ? out : undefined;
}
/**
 * Keeps one step per URN: the latest logical step wins; the halves of a replacement
 * (`create-replacement`, `delete-replaced`) are merged into the URN's `replace` step, or kept on
 * their own when there is none (a pending delete left by an earlier run).
 *
 * @example
 * ```ts
 * const store = new StepStore();
 * store.add(createReplacement); store.add(replace); store.add(deleteReplaced);
 * store.steps(); // [one "replace" step with old and new inputs and the union of the replace keys]
 * ```
 */
class StepStore {
    slots = new Map();
    /** Number of distinct URNs seen. */
    get size() {
        return this.slots.size;
    }
    add(step) {
        let slot = this.slots.get(step.urn);
        if (!slot) {
            slot = {};
            this.slots.set(step.urn, slot);
        }
        if (HALF_OPS.has(step.op) && step.logical !== true) {
            const halves = (slot.halves ??= []);
            const at = halves.findIndex((h) => h.op === step.op);
            if (at >= 0)
                halves[at] = step;
            else
                halves.push(step);
        }
        else {
            slot.logical = step;
        }
    }
    /** The steps, in order of each URN's first appearance. */
    steps() {
        const out = [];
        for (const slot of this.slots.values()) {
            const { logical, halves } = slot;
            if (logical && halves && logical.op === model_1.Op.replace)
                out.push(mergeReplacement(logical, halves));
            else {
                if (logical)
                    out.push(logical);
                if (halves)
                    out.push(...halves);
            }
        }
        return out;
    }
}
exports.StepStore = StepStore;
function mergeReplacement(replace, halves) {
    const create = halves.find((h) => h.op === model_1.Op.createReplacement);
    const del = halves.find((h) => h.op === model_1.Op.deleteReplaced);
    const union = (pick) => [
        ...new Set([...pick(replace), ...halves.flatMap(pick)]),
    ];
    const detailedDiff = Object.assign({}, ...halves.map((h) => h.detailedDiff ?? {}), replace.detailedDiff);
    const oldInputs = replace.oldInputs ?? del?.oldInputs ?? create?.oldInputs;
    const newInputs = replace.newInputs ?? create?.newInputs;
    return {
        ...replace,
        ...(oldInputs ? { oldInputs } : {}),
        ...(newInputs ? { newInputs } : {}),
        diffs: union((s) => s.diffs),
        replaceReasons: union((s) => s.replaceReasons),
        ...(Object.keys(detailedDiff).length > 0 ? { detailedDiff } : {}),
        logical: true,
    };
}
//# sourceMappingURL=steps.js.map