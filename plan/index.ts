/**
 * The plan model and what reads and renders it: PlanStep / Finding / CostLine, parsers for engine
 * event logs, `pulumi preview --json` and synth inventories, the offline inventory diff, the
 * terminal / markdown / JSON renderers and the sticky pull-request comment. Package subpath
 * `@platform/pulumi-platform/plan`; cost and guards have their own (`/cost`, `/guards`).
 *
 * @example
 * ```ts
 * import { parsePlanFile, renderText } from "@platform/pulumi-platform/plan";
 * const { result } = await parsePlanFile("preview.json");
 * ```
 */
export * from "./model";
export * from "./parse";
export * from "./diff";
export * from "./render";
export * from "./github";
