import type { SynthResult } from "./index";
/**
 * The settings worth seeing per resource type in the synth tree (property paths into the inputs).
 * Anything not listed still appears in `--json`.
 */
export declare const KEY_SETTINGS: Readonly<Record<string, readonly string[]>>;
/** Reads a dotted path (`settings.tier`) from inputs. */
export declare function getPath(obj: unknown, dotted: string): unknown;
/**
 * The text view of a synth: a tree by component (parent), each resource with its key settings.
 *
 * @example
 * ```ts
 * console.log(renderSynthTree(await synth("dev")));
 * ```
 */
export declare function renderSynthTree(result: SynthResult): string;
