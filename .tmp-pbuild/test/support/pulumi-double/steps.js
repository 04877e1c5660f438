"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ROOT_STACK_TYPE = void 0;
exports.urnQualifiedType = urnQualifiedType;
exports.makeUrn = makeUrn;
exports.isProviderType = isProviderType;
exports.isDefaultProvider = isDefaultProvider;
exports.planStep = planStep;
exports.matchesUrn = matchesUrn;
exports.protectedClosure = protectedClosure;
const props_1 = require("./props");
const provider_1 = require("./provider");
/** The root stack resource's type. */
exports.ROOT_STACK_TYPE = "pulumi:pulumi:Stack";
/** Qualified type of a URN (`parent$type` chain). */
function urnQualifiedType(urn) {
    return urn.split("::")[2] ?? "";
}
/** Builds a URN the way the engine does: the parent's qualified type chain, except for the root stack. */
function makeUrn(stack, project, type, name, parent) {
    let qualified = type;
    if (parent) {
        const parentType = urnQualifiedType(parent);
        if (parentType && parentType !== exports.ROOT_STACK_TYPE)
            qualified = `${parentType}$${type}`;
    }
    return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}
/** True for provider resources (`pulumi:providers:<pkg>`). */
function isProviderType(type) {
    return type.startsWith("pulumi:providers:");
}
/** True for default providers (`pulumi:providers:<pkg>::default…`), which events never show. */
function isDefaultProvider(s) {
    return isProviderType(s.type) && /::default(_[0-9a-zA-Z_-]+)?$/.test(s.urn);
}
/**
 * same / create / update / replace for a registration:
 * - no old state: create (import when an import id was given);
 * - a changed key in the type's replace-on-change set, in the resource's `replaceOnChanges`
 *   (`*` = all), or a `--replace` target: replace;
 * - other changed keys: update; nothing changed: same. Components are never replaced.
 */
function planStep(args) {
    const { old, type, custom, inputs } = args;
    if (!old) {
        return { op: args.importId ? "import" : "create", keys: [], diffs: [], detailedDiff: null };
    }
    const diff = (0, props_1.diffInputs)(old.inputs ?? {}, inputs, args.ignoreChanges);
    const diffs = [...diff.keys()];
    const schema = (0, provider_1.schemaFor)(type);
    const replaceAll = schema.replaceOnChanges === "*" || args.replaceOnChanges.includes("*");
    const replaceSet = new Set([
        ...(schema.replaceOnChanges === "*" ? [] : schema.replaceOnChanges),
        ...args.replaceOnChanges,
    ]);
    const keys = custom ? diffs.filter((k) => replaceAll || replaceSet.has(k)) : [];
    const detailed = {};
    for (const [k, kind] of diff) {
        detailed[k] = { diffKind: (keys.includes(k) ? `${kind}-replace` : kind), inputDiff: true };
    }
    const detailedDiff = diffs.length > 0 ? detailed : null;
    if (custom && (args.forceReplace || keys.length > 0))
        return { op: "replace", keys, diffs, detailedDiff };
    if (diffs.length > 0)
        return { op: "update", keys: [], diffs, detailedDiff };
    return { op: "same", keys: [], diffs: [], detailedDiff: null };
}
/** True when a URN matches a `--target`/`--exclude` pattern (`*` and `**` wildcards). */
function matchesUrn(pattern, urn) {
    if (!pattern.includes("*"))
        return pattern === urn;
    const re = new RegExp(`^${pattern
        .split("**")
        .map((p) => p.split("*").map(escape).join("[^:]*"))
        .join(".*")}$`);
    return re.test(urn);
}
function escape(s) {
    return s.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
}
/**
 * Resources to keep when deleting with `--exclude-protected`: the protected ones plus everything
 * they need (parents, providers, dependencies), transitively.
 */
function protectedClosure(resources) {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const keep = new Set();
    const visit = (urn) => {
        if (keep.has(urn))
            return;
        const r = byUrn.get(urn);
        if (!r)
            return;
        keep.add(urn);
        if (r.parent)
            visit(r.parent);
        if (r.provider)
            visit(r.provider.split("::").slice(0, -1).join("::"));
        for (const d of r.dependencies ?? [])
            visit(d);
    };
    for (const r of resources)
        if (r.protect)
            visit(r.urn);
    return keep;
}
//# sourceMappingURL=steps.js.map