/**
 * The pull-request comment: one for the whole PR, all environments. A summary table first (what
 * a reviewer needs at a glance), then one collapsed section per environment with the per-resource
 * diff, the cost breakdown and the findings, blocking ones first.
 */
import type { Finding } from "../model";
import {
  classSentence,
  eachCostRow,
  type CostRow,
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
 * Options for {@link renderMarkdown}.
 *
 * @example
 * ```ts
 * renderMarkdown(reviews, { title: "Infra review", maxPropertiesPerResource: 20, footer: `commit ${sha}` });
 * ```
 */
export interface MarkdownOptions {
  /** Heading text. @default "Platform review" */
  readonly title?: string;
  /** Property lines per resource before "… N more". @default 40 */
  readonly maxPropertiesPerResource?: number;
  /** Rows of a cost table before "… N more". @default 40 */
  readonly maxCostRows?: number;
  /** Expand the sections of failing environments. @default true */
  readonly openFailing?: boolean;
  /** A markdown line under the summary (not escaped), e.g. the commit and a link to the run. */
  readonly footer?: string;
}

const STATUS_EMOJI: Readonly<Record<Status, string>> = { ok: "✅", warn: "⚠️", fail: "❌" };
const STATUS_WORD: Readonly<Record<Status, string>> = {
  ok: "ready",
  warn: "needs attention",
  fail: "blocked",
};
/** Diff-block prefixes: GitHub colours `+` green, `-` red and `!` orange. */
const OP_PREFIX: Readonly<Record<ResourceChange["kind"], string>> = {
  create: "+",
  update: "!",
  delete: "-",
  replace: "-/+",
};

/**
 * Escapes `&`, `<` and `>` so text cannot open a tag (or fake the hidden comment marker). Used in
 * HTML contexts (`<summary>`) and for messages, whose markdown (backticks) is kept.
 *
 * @example
 * ```ts
 * escapeHtml("<details>"); // "&lt;details&gt;"
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Escapes text for markdown outside code: HTML characters plus markdown's `\`, backtick, `*`, `_`,
 * `[`, `]` and `|` (safe in table cells).
 *
 * @example
 * ```ts
 * escapeMarkdown("<b>*x*|y"); // "&lt;b&gt;\\*x\\*\\|y"
 * ```
 */
export function escapeMarkdown(text: string): string {
  return escapeHtml(text).replace(/([\\`*_[\]|])/g, "\\$1");
}

/**
 * Inline code that survives backticks and pipes inside the text (safe in table cells).
 *
 * @example
 * ```ts
 * inlineCode("a`b"); // "`` a`b ``"
 * ```
 */
export function inlineCode(text: string): string {
  const clean = text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
  const longest = Math.max(0, ...[...clean.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = "`".repeat(longest + 1);
  const pad = longest > 0 ? " " : "";
  return `${ticks}${pad}${clean}${pad}${ticks}`;
}

/** A code fence longer than any backtick run in `content`. */
function fenceFor(content: string): string {
  const longest = Math.max(0, ...[...content.matchAll(/`{3,}/g)].map((m) => m[0].length));
  return "`".repeat(Math.max(3, longest + 1));
}

function budgetCell(review: EnvReview): string {
  const b = review.budget;
  if (!b) return "—";
  const after = review.cost?.after;
  const pct = after !== undefined && b.amount > 0 ? ` (${Math.round((after / b.amount) * 100)}%)` : "";
  return `${formatMoney(b.amount, b.currency)}${pct} ${STATUS_EMOJI[b.status]}`;
}

function guardCell(findings: readonly Finding[]): string {
  const blocking = findings.filter((f) => f.blocking).length;
  const status = guardStatus(findings);
  const tally = findings.some((f) => f.class !== undefined) ? ` (${classSentence(findings)})` : "";
  const introduced = groupFindings(findings).introduced.length;
  if (status === Status.fail) return `${STATUS_EMOJI.fail} ${blocking} blocking${tally}`;
  if (status === Status.warn) return `${STATUS_EMOJI.warn} ${introduced} to check${tally}`;
  return introduced > 0 ? `${STATUS_EMOJI.ok} ${introduced} info${tally}` : `${STATUS_EMOJI.ok} pass${tally}`;
}

function summaryTable(reviews: readonly EnvReview[]): string[] {
  const lines = [
    "| Environment | + | ~ | - | ± | Δ / month | Total / month | Budget | Guards |",
    "|:--|--:|--:|--:|--:|--:|--:|:--|:--|",
  ];
  for (const r of reviews) {
    const env = `**${escapeMarkdown(r.env)}**`;
    if (r.error !== undefined) {
      lines.push(
        `| ${env} | — | — | — | — | — | — | ${budgetCell(r)} | ${STATUS_EMOJI.fail} preview failed |`,
      );
      continue;
    }
    const c = envCounts(r);
    const currency = r.cost?.currency ?? "USD";
    const delta = r.cost ? formatDelta(r.cost.after - r.cost.before, currency) : "—";
    // A total that leaves out not-priced resources says so.
    const total = r.cost
      ? `${formatMoney(r.cost.after, currency)}${r.cost.notPriced.length > 0 ? " (partial)" : ""}`
      : "—";
    lines.push(
      `| ${env} | ${c.create} | ${c.update} | ${c.delete} | ${c.replace} | ${delta} | ${total} | ${budgetCell(r)} | ${guardCell(r.findings)} |`,
    );
  }
  return lines;
}

function changesBlock(changes: Iterable<ResourceChange>): string[] {
  const body: string[] = [];
  for (const c of changes) {
    const flags = [
      c.protect ? "protected" : "",
      c.kind === "replace" && c.replaceReasons.length > 0 ? `replace: ${c.replaceReasons.join(", ")}` : "",
    ]
      .filter(Boolean)
      .join("; ");
    body.push(
      `${OP_PREFIX[c.kind]} ${c.type} ${c.name}${flags ? `  (${flags})` : ""}`.replace(/[\r\n]+/g, " "),
    );
    for (const p of c.properties)
      body.push(
        `    ${propertyLineText(p, c.kind === "create", "  # forces replacement").replace(/\r?\n/g, " ")}`,
      );
    if (c.omitted > 0) body.push(`    … ${c.omitted} more properties`);
  }
  const content = body.join("\n");
  const fence = fenceFor(content);
  return [`${fence}diff`, content, fence];
}

function costSection(review: EnvReview, maxRows: number): string[] {
  const cost = review.cost;
  if (!cost) return [];
  const currency = cost.currency ?? "USD";
  // The rows shown, and how many there are (a large plan has tens of thousands).
  const rows: CostRow[] = [];
  let count = 0;
  for (const r of eachCostRow(cost)) {
    if (r.delta === 0 && (r.after ?? 0) === 0 && !r.notPriced) continue;
    if (count++ < maxRows) rows.push(r);
  }
  const out = [
    "#### Cost",
    "",
    `${formatMoney(cost.before, currency)} → **${formatMoney(cost.after, currency)}** per month (${formatDelta(cost.after - cost.before, currency)})`,
    "",
  ];
  if (count > 0) {
    out.push("| Resource | Type | Before | After | Δ |", "|:--|:--|--:|--:|--:|");
    for (const r of rows) {
      const money = (v: number | undefined) => (v === undefined ? "—" : formatMoney(v, currency));
      out.push(
        `| ${inlineCode(r.name)} | ${inlineCode(r.type)} | ${money(r.before)} | ${r.notPriced ? "not priced" : money(r.after)} | ${formatDelta(r.delta, currency)} |`,
      );
    }
    if (count > maxRows) out.push(`| … ${count - maxRows} more | | | | |`);
    out.push("");
  }
  if (cost.notPriced.length > 0) {
    out.push(`Not priced (the total is partial): ${cost.notPriced.map(inlineCode).join(", ")}`, "");
  }
  return out;
}

function findingLine(f: Finding): string {
  const icon = f.blocking
    ? STATUS_EMOJI.fail
    : f.class === "fixed"
      ? "✔️"
      : f.severity === "info" || f.severity === "low" || f.class === "existing"
        ? "ℹ️"
        : STATUS_EMOJI.warn;
  const refs = f.refs && f.refs.length > 0 ? ` (${f.refs.map(escapeHtml).join(", ")})` : "";
  const where = f.urn ? ` — ${inlineCode(f.urn.slice(f.urn.lastIndexOf("::") + 2))}` : "";
  const blocking = f.blocking ? " **blocking**" : "";
  return `- ${icon} **${f.severity}**${blocking} ${inlineCode(f.id)}${refs}: ${escapeHtml(f.message).replace(/\r?\n/g, " ")}${where}`;
}

/**
 * Introduced findings in full; existing ones (present before the change too, never blocking) in
 * their own collapsed block; fixed ones listed; rules not evaluated on a partial plan named.
 */
function findingsSection(review: EnvReview): string[] {
  const findings = review.findings;
  const notEvaluated = review.notEvaluated ?? [];
  if (findings.length === 0 && notEvaluated.length === 0) return [];
  const g = groupFindings(findings);
  const classified = findings.some((f) => f.class !== undefined);
  const out = ["#### Findings", ""];
  if (classified) out.push(`${classSentence(findings)}`, "");
  out.push(...g.introduced.map(findingLine));
  if (g.introduced.length > 0) out.push("");
  if (g.fixed.length > 0)
    out.push(`Fixed by this change (${g.fixed.length}):`, "", ...g.fixed.map(findingLine), "");
  if (g.existing.length > 0)
    out.push(
      `<details><summary>${g.existing.length} existing finding${g.existing.length === 1 ? "" : "s"} (present before this change, not blocking)</summary>`,
      "",
      ...g.existing.map(findingLine),
      "",
      "</details>",
      "",
    );
  if (notEvaluated.length > 0)
    out.push(
      `Not evaluated: partial plan (the plan lacks the stack's other resources): ${notEvaluated.map((n) => inlineCode(n.id)).join(", ")}`,
      "",
    );
  return out;
}

function envSection(
  review: EnvReview,
  options: Required<Omit<MarkdownOptions, "footer" | "title">>,
): string[] {
  const status = envStatus(review);
  const counts = envCounts(review);
  const open = options.openFailing && status === Status.fail ? " open" : "";
  const costText = review.cost
    ? ` · ${escapeHtml(formatDelta(review.cost.after - review.cost.before, review.cost.currency ?? "USD"))}/month`
    : "";
  const what = review.error !== undefined ? "preview failed" : countsSentence(counts);
  const summary = `<b>${escapeHtml(review.env)}</b> · <code>${escapeHtml(review.stack)}</code> · ${review.source} · ${what}${costText} · ${STATUS_EMOJI[status]}`;
  const out = [`<details${open}><summary>${summary}</summary>`, ""];
  if (review.error !== undefined) {
    const fence = fenceFor(review.error);
    out.push("#### Error", "", fence, review.error, fence, "");
  }
  if (review.error === undefined) {
    out.push("#### Changes", "");
    // Every step with a change kind is counted: none counted, none to describe.
    if (counts.create + counts.update + counts.delete + counts.replace === 0)
      out.push("No resource changes.", "");
    // One change at a time: a large plan's changes are never all described at once.
    else
      out.push(
        ...changesBlock(reviewChanges(review, { maxProperties: options.maxPropertiesPerResource })),
        "",
      );
  }
  out.push(...costSection(review, options.maxCostRows));
  out.push(...findingsSection(review));
  out.push("</details>", "");
  return out;
}

/**
 * Renders the whole review as one markdown document (without the hidden marker; see
 * `renderComments`, which adds it and splits long bodies). Secrets always show as `[secret]` and
 * unknown values as `(known after apply)`.
 *
 * @example
 * ```ts
 * const body = renderMarkdown([devReview, prodReview], { footer: `commit ${sha}` });
 * ```
 */
export function renderMarkdown(reviews: readonly EnvReview[], options: MarkdownOptions = {}): string {
  const status = overallStatus(reviews);
  const title = options.title ?? "Platform review";
  const resolved = {
    maxPropertiesPerResource: options.maxPropertiesPerResource ?? 40,
    maxCostRows: options.maxCostRows ?? 40,
    openFailing: options.openFailing ?? true,
  };
  const envs = reviews.length === 1 ? "1 environment" : `${reviews.length} environments`;
  const out = [
    `### ${escapeMarkdown(title)}: ${envs} · ${STATUS_EMOJI[status]} ${STATUS_WORD[status]}`,
    "",
    ...summaryTable(reviews),
    "",
    "<sub>+ create · ~ update · - delete · ± replace · costs are monthly list-price estimates</sub>",
    "",
  ];
  if (options.footer) out.push(options.footer, "");
  for (const review of reviews) out.push(...envSection(review, resolved));
  return out.join("\n");
}
