/**
 * PULUMI_DOUBLE_TRACE=<file>: the double appends one JSON line per moment a test may want to wait
 * for (a provider operation started, held, done; a SIGINT received), so tests synchronize on what
 * happened instead of sleeping for a guessed time. Lines carry the CLI's pid and the stack.
 */
import * as fs from "node:fs";

/** One line of the trace file. */
export type TraceEvent =
  | { readonly event: "op-start" | "op-held" | "op-done"; readonly kind: string; readonly urn: string }
  | { readonly event: "sigint"; readonly count: number };

/** A trace line as read back. */
export type TraceLine = TraceEvent & { readonly pid: number; readonly stack: string };

/** Appends a line to the trace file (no-op without one). Appends of one short line are atomic. */
export function trace(file: string | undefined, stack: string, e: TraceEvent): void {
  if (!file) return;
  try {
    fs.appendFileSync(file, `${JSON.stringify({ pid: process.pid, stack, ...e })}\n`);
  } catch {
    // tracing must never break the CLI
  }
}

/** The lines of a trace file so far (none when it does not exist yet). */
export function readTrace(file: string): TraceLine[] {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return [];
  }
  return text
    .split("\n")
    .filter((l) => l.startsWith("{") && l.endsWith("}"))
    .map((l) => JSON.parse(l) as TraceLine);
}

/** Resolves once `file` exists (polling every 10 ms; the timer keeps the process alive). */
export async function untilExists(file: string): Promise<void> {
  while (!fs.existsSync(file)) await new Promise((r) => setTimeout(r, 10));
}
