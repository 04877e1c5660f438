/**
 * Text output of a run: one summary table (env, result, changes, duration), then what each
 * environment needs a person to know (errors, lock holders, pending operations, protected
 * resources, exact recovery commands, outputs).
 */
import { Op } from "../plan/model";
import type { Changes, EnvResult, RunResult } from "./types";

const SYMBOLS: Readonly<Partial<Record<string, string>>> = {
  [Op.create]: "+",
  [Op.update]: "~",
  [Op.delete]: "-",
  [Op.replace]: "+-",
  [Op.createReplacement]: "++",
  [Op.deleteReplaced]: "--",
  [Op.refresh]: "r",
  [Op.read]: ">",
  [Op.import]: "=",
};

/**
 * A change summary in one cell: `"unknown"` stays unknown, `{}` (or only unchanged resources) is
 * `"no changes"`.
 *
 * @example
 * ```ts
 * formatChanges({ create: 3, update: 1, same: 12 }); // "+3 create, ~1 update, 12 same"
 * formatChanges("unknown"); // "unknown"
 * ```
 */
export function formatChanges(changes: Changes): string {
  if (changes === "unknown") return "unknown";
  const parts: string[] = [];
  let same = 0;
  for (const [op, n] of Object.entries(changes)) {
    if (!n) continue;
    if (op === Op.same) same = n;
    else parts.push(`${SYMBOLS[op] ?? ""}${n} ${op}`);
  }
  if (parts.length === 0) return same > 0 ? `no changes (${same} same)` : "no changes";
  return same > 0 ? `${parts.join(", ")}, ${same} same` : parts.join(", ");
}

/**
 * Milliseconds for people.
 *
 * @example
 * ```ts
 * formatDuration(125_400); // "2m05s"
 * ```
 */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const m = Math.floor(ms / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  return `${m}m${String(s).padStart(2, "0")}s`;
}

/**
 * The summary table.
 *
 * @example
 * ```ts
 * renderSummaryTable(run);
 * // env      result     changes              duration
 * // dev      succeeded  +12 create, 1 same   14.2s
 * ```
 */
export function renderSummaryTable(run: RunResult): string {
  const rows = [["env", "result", "changes", "duration"]];
  for (const r of run.results) {
    const changes =
      r.status === "skipped"
        ? r.skippedBecause
          ? `dependency ${r.skippedBecause} did not succeed`
          : "-"
        : r.verb === "outputs" || r.verb === "cancel"
          ? "-"
          : formatChanges(r.changes);
    rows.push([r.env, r.status, changes, r.status === "skipped" ? "-" : formatDuration(r.durationMs)]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join("  "))
    .join("\n");
}

/** The details of one environment (empty when there is nothing to add to the table). */
export function renderDetails(r: EnvResult, { showOutputs }: { showOutputs: boolean }): string {
  const lines: string[] = [];
  if (r.error) lines.push(`  ${r.status === "skipped" ? "" : "error: "}${r.error}`);
  if (r.note) lines.push(`  note: ${r.note}`);
  if (r.waitedForLockMs)
    lines.push(`  waited ${formatDuration(r.waitedForLockMs)} for another update's lock`);
  if (r.pendingOperations && r.pendingOperations.length > 0) {
    lines.push(`  pending operations (${r.pendingOperations.length}), state of these resources is unknown:`);
    for (const p of r.pendingOperations) lines.push(`    ${p.operation} ${p.urn}`);
  }
  if (r.protectedResources && r.protectedResources.length > 0) {
    lines.push(`  protected resources (${r.protectedResources.length}), left in place:`);
    for (const urn of r.protectedResources) lines.push(`    ${urn}`);
  }
  if (r.recovery && r.recovery.length > 0) {
    lines.push("  to recover, run:");
    for (const cmd of r.recovery) lines.push(`    ${cmd}`);
  }
  if (showOutputs && r.outputs) {
    const keys = Object.keys(r.outputs).sort();
    if (keys.length === 0) lines.push("  (no outputs)");
    for (const k of keys) lines.push(`  ${k}: ${JSON.stringify(r.outputs[k])}`);
  }
  return lines.length > 0 ? `${r.env}:\n${lines.join("\n")}` : "";
}

/**
 * The whole text report: the table, then details per environment.
 *
 * @example
 * ```ts
 * process.stdout.write(`${renderRun(run, { showOutputs: run.verb === "outputs" })}\n`);
 * ```
 */
export function renderRun(run: RunResult, { showOutputs }: { showOutputs: boolean }): string {
  const details = run.results.map((r) => renderDetails(r, { showOutputs })).filter((d) => d !== "");
  return [renderSummaryTable(run), ...details].join("\n\n");
}
