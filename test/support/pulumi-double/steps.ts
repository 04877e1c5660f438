/**
 * Pure step computation: URNs, which operation a registration becomes (same / create / update /
 * replace), the detailed diff shown in events, and the order in which resources are deleted.
 */
import type { Op } from "./events";
import { diffInputs, type DiffKind, type Props } from "./props";
import { schemaFor } from "./provider";
import type { ResourceState } from "./state";

/** The root stack resource's type. */
export const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/** Qualified type of a URN (`parent$type` chain). */
export function urnQualifiedType(urn: string): string {
  return urn.split("::")[2] ?? "";
}

/** Builds a URN the way the engine does: the parent's qualified type chain, except for the root stack. */
export function makeUrn(stack: string, project: string, type: string, name: string, parent: string): string {
  let qualified = type;
  if (parent) {
    const parentType = urnQualifiedType(parent);
    if (parentType && parentType !== ROOT_STACK_TYPE) qualified = `${parentType}$${type}`;
  }
  return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

/** True for provider resources (`pulumi:providers:<pkg>`). */
export function isProviderType(type: string): boolean {
  return type.startsWith("pulumi:providers:");
}

/** True for default providers (`pulumi:providers:<pkg>::default…`), which events never show. */
export function isDefaultProvider(s: { type: string; urn: string }): boolean {
  return isProviderType(s.type) && /::default(_[0-9a-zA-Z_-]+)?$/.test(s.urn);
}

/** The plan for one registration against its old state. */
export interface StepPlan {
  op: Extract<Op, "same" | "create" | "update" | "replace" | "import">;
  /** Keys whose change forces the replacement. */
  keys: string[];
  /** Keys that changed. */
  diffs: string[];
  detailedDiff: Record<string, { diffKind: DiffKind; inputDiff: boolean }> | null;
}

/**
 * same / create / update / replace for a registration:
 * - no old state: create (import when an import id was given);
 * - a changed key in the type's replace-on-change set, in the resource's `replaceOnChanges`
 *   (`*` = all), or a `--replace` target: replace;
 * - other changed keys: update; nothing changed: same. Components are never replaced.
 */
export function planStep(args: {
  old: ResourceState | undefined;
  type: string;
  custom: boolean;
  inputs: Props;
  ignoreChanges: readonly string[];
  replaceOnChanges: readonly string[];
  forceReplace: boolean;
  importId?: string;
}): StepPlan {
  const { old, type, custom, inputs } = args;
  if (!old) {
    return { op: args.importId ? "import" : "create", keys: [], diffs: [], detailedDiff: null };
  }
  const diff = diffInputs(old.inputs ?? {}, inputs, args.ignoreChanges);
  const diffs = [...diff.keys()];
  const schema = schemaFor(type);
  const replaceAll = schema.replaceOnChanges === "*" || args.replaceOnChanges.includes("*");
  const replaceSet = new Set([
    ...(schema.replaceOnChanges === "*" ? [] : schema.replaceOnChanges),
    ...args.replaceOnChanges,
  ]);
  const keys = custom ? diffs.filter((k) => replaceAll || replaceSet.has(k)) : [];
  const detailed: StepPlan["detailedDiff"] = {};
  for (const [k, kind] of diff) {
    const diffKind: DiffKind = keys.includes(k) ? `${kind}-replace` : kind;
    detailed[k] = { diffKind, inputDiff: true };
  }
  const detailedDiff = diffs.length > 0 ? detailed : null;
  if (custom && (args.forceReplace || keys.length > 0)) return { op: "replace", keys, diffs, detailedDiff };
  if (diffs.length > 0) return { op: "update", keys: [], diffs, detailedDiff };
  return { op: "same", keys: [], diffs: [], detailedDiff: null };
}

/** True when a URN matches a `--target`/`--exclude` pattern (`*` and `**` wildcards). */
export function matchesUrn(pattern: string, urn: string): boolean {
  if (!pattern.includes("*")) return pattern === urn;
  const re = new RegExp(
    `^${pattern
      .split("**")
      .map((p) => p.split("*").map(escape).join("[^:]*"))
      .join(".*")}$`,
  );
  return re.test(urn);
}

function escape(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Resources to keep when deleting with `--exclude-protected`: the protected ones plus everything
 * they need (parents, providers, dependencies), transitively.
 */
export function protectedClosure(resources: readonly ResourceState[]): Set<string> {
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  const keep = new Set<string>();
  const visit = (urn: string) => {
    if (keep.has(urn)) return;
    const r = byUrn.get(urn);
    if (!r) return;
    keep.add(urn);
    if (r.parent) visit(r.parent);
    if (r.provider) visit(r.provider.split("::").slice(0, -1).join("::"));
    for (const d of r.dependencies ?? []) visit(d);
  };
  for (const r of resources) if (r.protect) visit(r.urn);
  return keep;
}
