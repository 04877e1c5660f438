/**
 * The review for a terminal: plain text, ANSI colours only when asked for (a TTY without
 * `NO_COLOR`, see {@link shouldColor}).
 */
import type { Finding } from "../model";
import {
  classSentence,
  eachCostRow,
  countsSentence,
  reviewChanges,
  envCounts,
  envStatus,
  formatDelta,
  formatMoney,
  groupFindings,
  guardStatus,
  overallStatus,
  propertyLineText,
  type ResourceChange,
} from "./describe";
import { Status, type EnvReview } from "./types";

/**
 * Options for {@link renderText}.
 *
 * @example
 * ```ts
 * renderText(reviews, { color: shouldColor(process.stdout), maxCostRows: 5 });
 * ```
 */
export interface TextOptions {
  /** Use ANSI colours. @default false */
  readonly color?: boolean;
  /** Property lines per resource. @default 20 */
  readonly maxPropertiesPerResource?: number;
  /** Cost rows per environment. @default 15 */
  readonly maxCostRows?: number;
}

const ANSI = { red: 31, green: 32, yellow: 33, magenta: 35, cyan: 36, dim: 2, bold: 1 } as const;
type Style = keyof typeof ANSI;

const OP_SYMBOL: Readonly<Record<ResourceChange["kind"], string>> = {
  create: "+",
  update: "~",
  delete: "-",
  replace: "±",
};
const OP_STYLE: Readonly<Record<ResourceChange["kind"], Style>> = {
  create: "green",
  update: "yellow",
  delete: "red",
  replace: "magenta",
};
const STATUS_STYLE: Readonly<Record<Status, Style>> = { ok: "green", warn: "yellow", fail: "red" };
const STATUS_TEXT: Readonly<Record<Status, string>> = { ok: "OK", warn: "WARN", fail: "FAIL" };

/**
 * Whether to colour output for a stream: a TTY, unless `NO_COLOR` is set; `FORCE_COLOR` forces it.
 *
 * @example
 * ```ts
 * renderText(reviews, { color: shouldColor(process.stdout) });
 * ```
 */
export function shouldColor(
  stream: { isTTY?: boolean },
  env: Readonly<Record<string, string | undefined>> = process.env,
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  return stream.isTTY === true;
}

/** Removes terminal control sequences from untrusted text (names, values, messages). */
function sanitize(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "");
}

function pad(text: string, width: number, right = false): string {
  const n = Math.max(0, width - [...text].length);
  return right ? " ".repeat(n) + text : text + " ".repeat(n);
}

/**
 * Renders the review as terminal text.
 *
 * @example
 * ```ts
 * process.stdout.write(renderText(reviews, { color: shouldColor(process.stdout) }));
 * ```
 */
export function renderText(reviews: readonly EnvReview[], options: TextOptions = {}): string {
  const lines: string[] = [];
  emitText(reviews, options, (line) => lines.push(line));
  return lines.join("\n");
}

/**
 * {@link renderText} written in pieces of about 64 KiB as it is made: a 100,000-step review's text
 * is never held whole. The bytes written are `renderText(reviews, options)`'s.
 *
 * @example
 * ```ts
 * writeText(reviews, (s) => process.stdout.write(s), { color: false });
 * ```
 */
export function writeText(
  reviews: readonly EnvReview[],
  write: (chunk: string) => void,
  options: TextOptions = {},
): void {
  let chunk = "";
  let first = true;
  emitText(reviews, options, (line) => {
    chunk += first ? line : `\n${line}`;
    first = false;
    if (chunk.length >= 1 << 16) {
      write(chunk);
      chunk = "";
    }
  });
  if (chunk.length > 0) write(chunk);
}

/** Hands each line of the text to `emit`, in order. */
function emitText(reviews: readonly EnvReview[], options: TextOptions, emit: (line: string) => void): void {
  const paint = (style: Style, text: string) =>
    options.color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text;
  const maxProps = options.maxPropertiesPerResource ?? 20;
  const maxRows = options.maxCostRows ?? 15;
  const status = overallStatus(reviews);
  const out = {
    push(...lines: string[]): void {
      for (const l of lines) emit(l);
    },
  };
  out.push(
    `${paint("bold", "Platform review")}: ${reviews.length} environment${reviews.length === 1 ? "" : "s"}, ${paint(STATUS_STYLE[status], STATUS_TEXT[status])}`,
    "",
  );

  // Summary table.
  const header = ["ENV", "+", "~", "-", "±", "Δ/MONTH", "TOTAL/MONTH", "BUDGET", "GUARDS"];
  const rows = reviews.map((r) => {
    if (r.error !== undefined)
      return [sanitize(r.env), "-", "-", "-", "-", "-", "-", budgetText(r), "preview failed"];
    const c = envCounts(r);
    const cur = r.cost?.currency ?? "USD";
    return [
      sanitize(r.env),
      String(c.create),
      String(c.update),
      String(c.delete),
      String(c.replace),
      r.cost ? formatDelta(r.cost.after - r.cost.before, cur) : "-",
      r.cost ? `${formatMoney(r.cost.after, cur)}${r.cost.notPriced.length > 0 ? " (partial)" : ""}` : "-",
      budgetText(r),
      guardText(r.findings),
    ];
  });
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...r[i]!].length)));
  const right = new Set([1, 2, 3, 4, 5, 6]);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i]!, right.has(i)))
      .join("  ")
      .trimEnd();
  out.push(paint("dim", line(header)));
  rows.forEach((r, i) => {
    const s = envStatus(reviews[i]!);
    out.push(s === Status.ok ? line(r) : paint(STATUS_STYLE[s], line(r)));
  });
  out.push("");

  for (const review of reviews) {
    const s = envStatus(review);
    out.push(
      `${paint("bold", `== ${sanitize(review.env)}`)} (${sanitize(review.stack)}, ${review.source}): ${review.error !== undefined ? "preview failed" : countsSentence(envCounts(review))} [${paint(STATUS_STYLE[s], STATUS_TEXT[s])}]`,
    );
    if (review.error !== undefined) {
      for (const l of sanitize(review.error).split("\n")) out.push(`  ${paint("red", l)}`);
    }
    for (const c of reviewChanges(review, { maxProperties: maxProps })) {
      const flags = [
        c.protect ? "protected" : "",
        c.kind === "replace" && c.replaceReasons.length > 0 ? `replace: ${c.replaceReasons.join(", ")}` : "",
      ]
        .filter(Boolean)
        .join("; ");
      out.push(
        `  ${paint(OP_STYLE[c.kind], `${OP_SYMBOL[c.kind]} ${sanitize(c.type)} ${sanitize(c.name)}`)}${flags ? ` (${sanitize(flags)})` : ""}`,
      );
      for (const p of c.properties)
        out.push(`      ${sanitize(propertyLineText(p, c.kind === "create", " (forces replacement)"))}`);
      if (c.omitted > 0) out.push(paint("dim", `      … ${c.omitted} more properties`));
    }
    if (review.cost) {
      const cur = review.cost.currency ?? "USD";
      out.push(
        `  Cost: ${formatMoney(review.cost.before, cur)} → ${formatMoney(review.cost.after, cur)} per month (${formatDelta(review.cost.after - review.cost.before, cur)})`,
      );
      let shown = 0;
      for (const r of eachCostRow(review.cost)) {
        if (r.delta === 0 && !r.notPriced) continue;
        if (shown++ >= maxRows) continue; // counted for the "more" line
        const after = r.notPriced ? "not priced" : r.after === undefined ? "-" : formatMoney(r.after, cur);
        out.push(`    ${sanitize(r.name)} (${sanitize(r.type)}): ${after} (${formatDelta(r.delta, cur)})`);
      }
      if (shown > maxRows) out.push(paint("dim", `    … ${shown - maxRows} more`));
      if (review.cost.notPriced.length > 0)
        out.push(`    not priced (the total is partial): ${review.cost.notPriced.map(sanitize).join(", ")}`);
    }
    if (review.budget)
      out.push(
        `  Budget: ${budgetText(review)}${review.budget.message ? ` — ${sanitize(review.budget.message)}` : ""}`,
      );
    const notEvaluated = review.notEvaluated ?? [];
    if (review.findings.length > 0 || notEvaluated.length > 0) {
      const classified = review.findings.some((f) => f.class !== undefined);
      out.push(`  Findings${classified ? ` (${classSentence(review.findings)})` : ""}:`);
      const g = groupFindings(review.findings);
      const line = (f: Finding, label?: string) => {
        const tag = f.blocking
          ? paint("red", `BLOCKING ${f.severity}`)
          : paint(
              f.severity === "low" || f.severity === "info" || label !== undefined ? "dim" : "yellow",
              label !== undefined ? `${label} ${f.severity}` : f.severity,
            );
        const where = f.urn ? ` (${sanitize(f.urn.slice(f.urn.lastIndexOf("::") + 2))})` : "";
        out.push(`    [${tag}] ${sanitize(f.id)}: ${sanitize(f.message)}${where}`);
      };
      for (const f of g.introduced) line(f);
      for (const f of g.fixed) line(f, "fixed");
      for (const f of g.existing) line(f, "existing");
      if (notEvaluated.length > 0)
        out.push(
          `    not evaluated: partial plan (the plan lacks the stack's other resources): ${notEvaluated.map((n) => sanitize(n.id)).join(", ")}`,
        );
    }
    out.push("");
  }
}

function budgetText(review: EnvReview): string {
  const b = review.budget;
  if (!b) return "-";
  return `${formatMoney(b.amount, b.currency)} ${STATUS_TEXT[b.status].toLowerCase()}`;
}

function guardText(findings: readonly Finding[]): string {
  const s = guardStatus(findings);
  if (s === Status.fail) return `${findings.filter((f) => f.blocking).length} blocking`;
  if (s === Status.warn) return `${groupFindings(findings).introduced.length} to check`;
  return "pass";
}
