/**
 * Turning Automation-API errors into one paragraph for people. A `CommandError`'s message is the
 * whole command result (`code: -2 stdout: … stderr: … err?: …`); what matters are the CLI's
 * `error:` lines.
 */
import type * as Automation from "@pulumi/pulumi/automation";

/** The Automation API, loaded on first use: errorSummary() runs in processes that never load it. */
function automation(): typeof Automation {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("@pulumi/pulumi/automation") as typeof Automation;
}

const ERROR_LINE = /^\s*error:\s*(.*\S)\s*$/i;
const NOISE = [/^update failed$/i, /^preview failed$/i, /^refresh failed$/i, /^destroy failed$/i];
const MAX_LENGTH = 2_000;

/**
 * The CLI's `error:` lines of a failed command, de-duplicated and joined; the first meaningful
 * line for other errors; never a stack trace.
 *
 * @example
 * ```ts
 * errorSummary(new Error("code: 255\n stdout: \n stderr: error: update failed\nerror: gcp:sql: boom\n err?: "));
 * // "gcp:sql: boom"
 * ```
 */
export function errorSummary(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const lines: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const m = ERROR_LINE.exec(raw.replace(/^\s*(stderr|stdout):\s*/, ""));
    if (!m) continue;
    const line = m[1]!;
    if (NOISE.some((n) => n.test(line)) || lines.includes(line)) continue;
    lines.push(line);
  }
  let out = lines.join("; ");
  if (out === "") {
    const first = text
      .split(/\r?\n/)
      .map((l) => l.replace(/^\s*(code: -?\d+|stdout:|stderr:|err\?:)\s*/, "").trim())
      .find((l) => l !== "" && !/^Error$/.test(l) && !/^at /.test(l));
    out = first ?? (e instanceof Error ? e.name : "unknown error");
    const failed = /Command failed with exit code (\d+): (\S+) (\S+(?: \S+)?)/.exec(text);
    if (failed && lines.length === 0 && /Command failed/.test(out))
      out = `\`pulumi ${failed[3]}\` exited with code ${failed[1]}`;
  }
  return out.length > MAX_LENGTH ? `${out.slice(0, MAX_LENGTH)}…` : out;
}

/** True when the stack does not exist in the backend. */
export function isStackNotFound(e: unknown): boolean {
  return (
    e instanceof automation().StackNotFoundError ||
    (e instanceof Error && e.constructor?.name === "StackNotFoundError")
  );
}

/** True for any error the Pulumi CLI reported (as opposed to our own code failing). */
export function isCommandError(e: unknown): boolean {
  return (
    e instanceof automation().CommandError ||
    (e instanceof Error &&
      /CommandError|ConcurrentUpdateError|StackNotFoundError|StackAlreadyExistsError/.test(
        e.constructor?.name ?? "",
      ))
  );
}
