/**
 * Pure step computation: URNs, which operation a registration becomes (same / create / update /
 * replace), the detailed diff shown in events, and the order in which resources are deleted.
 */
import type { Op } from "./events";
import { type DiffKind, type Props } from "./props";
import type { ResourceState } from "./state";
/** The root stack resource's type. */
export declare const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";
/** Qualified type of a URN (`parent$type` chain). */
export declare function urnQualifiedType(urn: string): string;
/** Builds a URN the way the engine does: the parent's qualified type chain, except for the root stack. */
export declare function makeUrn(stack: string, project: string, type: string, name: string, parent: string): string;
/** True for provider resources (`pulumi:providers:<pkg>`). */
export declare function isProviderType(type: string): boolean;
/** True for default providers (`pulumi:providers:<pkg>::default…`), which events never show. */
export declare function isDefaultProvider(s: {
    type: string;
    urn: string;
}): boolean;
/** The plan for one registration against its old state. */
export interface StepPlan {
    op: Extract<Op, "same" | "create" | "update" | "replace" | "import">;
    /** Keys whose change forces the replacement. */
    keys: string[];
    /** Keys that changed. */
    diffs: string[];
    detailedDiff: Record<string, {
        diffKind: DiffKind;
        inputDiff: boolean;
    }> | null;
}
/**
 * same / create / update / replace for a registration:
 * - no old state: create (import when an import id was given);
 * - a changed key in the type's replace-on-change set, in the resource's `replaceOnChanges`
 *   (`*` = all), or a `--replace` target: replace;
 * - other changed keys: update; nothing changed: same. Components are never replaced.
 */
export declare function planStep(args: {
    old: ResourceState | undefined;
    type: string;
    custom: boolean;
    inputs: Props;
    ignoreChanges: readonly string[];
    replaceOnChanges: readonly string[];
    forceReplace: boolean;
    importId?: string;
}): StepPlan;
/** True when a URN matches a `--target`/`--exclude` pattern (`*` and `**` wildcards). */
export declare function matchesUrn(pattern: string, urn: string): boolean;
/**
 * Resources to keep when deleting with `--exclude-protected`: the protected ones plus everything
 * they need (parents, providers, dependencies), transitively.
 */
export declare function protectedClosure(resources: readonly ResourceState[]): Set<string>;
