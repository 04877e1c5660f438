import type { PlanStep } from "../model";
import { type ParseOptions, type ParseResult } from "./types";
export * from "./types";
export * from "./values";
export * from "./lines";
export { buildStep, isOp, StepStore, type RawStep } from "./steps";
export * from "./events";
export * from "./preview";
export * from "./inventory";
/** File formats {@link parsePlanFile} recognizes. */
export declare const PlanFormat: {
    readonly eventLog: "event-log";
    readonly previewDigest: "preview-digest";
    readonly inventory: "inventory";
};
/** A recognized plan file format. */
export type PlanFormat = (typeof PlanFormat)[keyof typeof PlanFormat];
/**
 * Sniffs a file's format from its first bytes: JSON lines of engine events (an event log or a
 * streaming preview), a synth inventory (`"resources"` near the top) or a preview digest.
 *
 * @example
 * ```ts
 * await detectPlanFormat("preview.json"); // "preview-digest"
 * ```
 */
export declare function detectPlanFormat(path: string): Promise<PlanFormat>;
/**
 * Parses any plan file, detecting its format.
 *
 * @example
 * ```ts
 * const { format, result } = await parsePlanFile(process.argv[2]!);
 * console.log(format, countChanges(result.steps));
 * ```
 */
export declare function parsePlanFile(path: string, options?: ParseOptions): Promise<{
    format: PlanFormat;
    result: ParseResult;
}>;
/**
 * Steps that change something (have a {@link changeKind}), without the root stack step: what the
 * renderers list.
 *
 * @example
 * ```ts
 * changedSteps(result.steps).map((s) => `${s.op} ${s.name}`);
 * ```
 */
export declare function changedSteps(steps: readonly PlanStep[]): PlanStep[];
