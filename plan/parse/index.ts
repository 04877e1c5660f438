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
import { open } from "node:fs/promises";
import type { PlanStep } from "../model";
import { parseEventLog } from "./events";
import { parseInventoryFile } from "./inventory";
import { parsePreviewJson } from "./preview";
import { changeKind, isRootStack, PlanParseError, type ParseOptions, type ParseResult } from "./types";

export * from "./types";
export * from "./values";
export * from "./lines";
export { buildStep, isOp, isReplacementHalf, StepStore, StringPool, type RawStep } from "./steps";
export * from "./events";
export * from "./preview";
export * from "./inventory";
export * from "./completeness";

/**
 * File formats {@link parsePlanFile} recognizes.
 *
 * @example
 * ```ts
 * if ((await detectPlanFormat(path)) === PlanFormat.inventory) console.log("offline inventory");
 * ```
 */
export const PlanFormat = {
  eventLog: "event-log",
  previewDigest: "preview-digest",
  inventory: "inventory",
} as const;
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
export async function detectPlanFormat(path: string): Promise<PlanFormat> {
  const handle = await openPlanFile(path);
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const head = buf.toString("utf8", 0, bytesRead).replace(/^\uFEFF/, "");
    const firstLine =
      head
        .split("\n")
        .find((l) => l.trim().length > 0)
        ?.trim() ?? "";
    if (firstLine.startsWith("{") && firstLine.endsWith("}")) {
      try {
        const value = JSON.parse(firstLine) as Record<string, unknown>;
        if (Object.keys(value).some((k) => k === "sequence" || k === "timestamp" || k.endsWith("Event")))
          return PlanFormat.eventLog;
        if (Array.isArray(value.resources)) return PlanFormat.inventory;
      } catch {
        // not a complete object on one line
      }
    }
    if (!head.trimStart().startsWith("{"))
      throw new PlanParseError(
        `${path}: not a plan file: expected JSON (an event log, \`pulumi preview --json\` output or a synth inventory), starts with ${JSON.stringify(head.trimStart().slice(0, 20))}`,
        path,
        1,
      );
    if (/"resources"\s*:\s*\[/.test(head) && !/"steps"\s*:/.test(head)) return PlanFormat.inventory;
    return PlanFormat.previewDigest;
  } finally {
    await handle.close();
  }
}

/** Opens a plan file; a missing file or a directory is a {@link PlanParseError} saying so. */
async function openPlanFile(path: string): Promise<Awaited<ReturnType<typeof open>>> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, "r");
    if ((await handle.stat()).isDirectory()) throw Object.assign(new Error("directory"), { code: "EISDIR" });
    return handle;
  } catch (e) {
    await handle?.close();
    const code = (e as NodeJS.ErrnoException).code;
    const what =
      code === "ENOENT"
        ? "does not exist"
        : code === "EISDIR"
          ? "is a directory, expected a plan file"
          : `cannot be read (${code ?? (e as Error).message})`;
    throw new PlanParseError(`${path} ${what}`, path);
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
export async function parsePlanFile(
  path: string,
  options: ParseOptions = {},
): Promise<{ format: PlanFormat; result: ParseResult }> {
  const format = await detectPlanFormat(path);
  switch (format) {
    case PlanFormat.eventLog:
      return { format, result: await parseEventLog(path, options) };
    case PlanFormat.inventory:
      return { format, result: await parseInventoryFile(path) };
    default:
      return { format, result: await parsePreviewJson(path, options) };
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
export function changedSteps(steps: readonly PlanStep[]): PlanStep[] {
  return steps.filter((s) => !isRootStack(s) && changeKind(s) !== undefined);
}
