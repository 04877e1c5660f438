/**
 * `pulumi preview --json` output → PlanSteps. Two shapes exist:
 * - the **digest** (`display.PreviewDigest`): one JSON object printed at the end, steps with
 *   `oldState`/`newState`, `diffReasons`, `replaceReasons` and `detailedDiff` entries `{ kind, inputDiff }`;
 * - **streaming** newline-delimited engine events (`PULUMI_ENABLE_STREAMING_JSON_PREVIEW=true`),
 *   read exactly like an event log (`detailedDiff` entries `{ diffKind, inputDiff }`).
 *
 * {@link parsePreviewJson} tells them apart by the first line. The digest is one JSON document, so it is
 * read whole (digests hold inputs only once per step and stay small); the streaming form is read line
 * by line.
 */
import { forEachLine, sourceName, type LineSource } from "./lines";
import { EngineEventCollector, readOpCounts, stripColorMarkup } from "./events";
import { buildStep, StepStore, StringPool } from "./steps";
import {
  DiagnosticSeverity,
  PlanParseError,
  type ChangeSummary,
  type ParseOptions,
  type ParseResult,
  type PlanDiagnostic,
  showValue,
} from "./types";

const DIAGNOSTIC_SEVERITIES: ReadonlySet<string> = new Set(Object.values(DiagnosticSeverity));

/**
 * Turns a parsed preview digest into a {@link ParseResult}. Throws a {@link PlanParseError} naming the
 * file and the JSON path when the value is not digest-shaped.
 *
 * @example
 * ```ts
 * const result = parsePreviewDigest(JSON.parse(text), { file: "preview.json" });
 * result.steps.filter((s) => s.op === "create").length;
 * ```
 */
export function parsePreviewDigest(digest: unknown, options: ParseOptions = {}): ParseResult {
  const file = options.file ?? "<preview>";
  const fail = (path: string, expected: string, got: string): never => {
    throw new PlanParseError(`${file}: ${path}: expected ${expected}, got ${got}`, file);
  };
  if (digest === null || typeof digest !== "object" || Array.isArray(digest))
    fail(
      "(top level)",
      "a preview digest object ({ steps, changeSummary, … }) from `pulumi preview --json`",
      showValue(digest),
    );
  const d = digest as Record<string, unknown>;
  if (!("steps" in d) && !("changeSummary" in d) && !("config" in d) && !("diagnostics" in d))
    fail(
      "(top level)",
      "a preview digest with `steps` or `changeSummary`",
      `an object with keys [${Object.keys(d).join(", ")}]`,
    );
  if (d.steps !== undefined && d.steps !== null && !Array.isArray(d.steps))
    fail("steps", "an array", showValue(d.steps));

  const store = new StepStore();
  const strings = new StringPool();
  const rawSteps = (d.steps ?? []) as unknown[];
  rawSteps.forEach((raw, i) => {
    if (raw === null || typeof raw !== "object" || Array.isArray(raw))
      fail(`steps[${i}]`, "a step object with op and urn", showValue(raw));
    const s = raw as Record<string, any>;
    const step = buildStep(
      {
        op: s.op,
        urn: s.urn,
        old: s.oldState,
        new: s.newState,
        diffs: s.diffReasons,
        keys: s.replaceReasons,
        detailedDiff: s.detailedDiff,
        diffKindKey: "kind",
        provider: s.provider,
      },
      strings,
    );
    if (typeof step === "string")
      throw new PlanParseError(
        `${file}: steps[${i}]${typeof s.urn === "string" ? ` (${s.urn})` : ""}: ${step}`,
        file,
      );
    store.add(step);
  });

  const diagnostics: PlanDiagnostic[] = [];
  if (Array.isArray(d.diagnostics)) {
    for (const raw of d.diagnostics as unknown[]) {
      if (raw === null || typeof raw !== "object") continue;
      const diag = raw as Record<string, unknown>;
      const severity = typeof diag.severity === "string" ? diag.severity : "info";
      if (severity === "debug" || !DIAGNOSTIC_SEVERITIES.has(severity) || typeof diag.message !== "string")
        continue;
      diagnostics.push({
        severity: severity as DiagnosticSeverity,
        message: stripColorMarkup(diag.message),
        ...(typeof diag.urn === "string" && diag.urn.length > 0 ? { urn: diag.urn } : {}),
      });
    }
  }
  const summary: ChangeSummary | undefined =
    d.changeSummary !== undefined || d.duration !== undefined
      ? {
          resourceChanges: readOpCounts(d.changeSummary),
          maybeCorrupt: d.maybeCorrupt === true,
          ...(typeof d.duration === "number" ? { durationSeconds: d.duration / 1e9 } : {}),
          isPreview: true,
        }
      : undefined;
  return {
    steps: store.steps(),
    ...(summary ? { summary } : {}),
    diagnostics,
    corrupt: [],
    failures: [],
    policy: [],
    stats: { lines: rawSteps.length, events: 0, corruptLines: 0 },
  };
}

/**
 * Parses preview digest text, reporting JSON syntax errors with the file, line and column.
 *
 * @example
 * ```ts
 * parsePreviewDigestText(fs.readFileSync("preview.json", "utf8"), { file: "preview.json" });
 * ```
 */
export function parsePreviewDigestText(text: string, options: ParseOptions = {}): ParseResult {
  const file = options.file ?? "<preview>";
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const pos = /position (\d+)/.exec(message);
    const at = pos ? lineColumn(text, Number(pos[1])) : undefined;
    throw new PlanParseError(
      `${file}${at ? `:${at.line}:${at.column}` : ""}: not valid JSON (${message}); expected the output of \`pulumi preview --json\``,
      file,
      at?.line,
    );
  }
  return parsePreviewDigest(value, { ...options, file });
}

/**
 * Parses `pulumi preview --json` output from a file or stream: a digest, or newline-delimited
 * engine events when the preview was streamed.
 *
 * @example
 * ```ts
 * const { steps, summary } = await parsePreviewJson("preview.json");
 * ```
 */
export async function parsePreviewJson(source: LineSource, options: ParseOptions = {}): Promise<ParseResult> {
  const file = sourceName(source, options.file);
  const state: { mode: "undecided" | "events" | "digest" } = { mode: "undecided" };
  const collector = new EngineEventCollector({ ...options, file });
  const digestLines: string[] = [];
  await forEachLine(
    source,
    (line, n) => {
      if (state.mode === "undecided") {
        if (line.trim().length === 0) {
          digestLines.push(line);
          return;
        }
        state.mode = looksLikeEventLine(line) ? "events" : "digest";
      }
      if (state.mode === "events") collector.addLine(line, n);
      else digestLines.push(line);
    },
    {
      onOverlong: (n, bytes) =>
        collector.reject(n, `line of ${bytes} bytes is longer than the limit; skipped`),
    },
  );
  if (state.mode === "events") {
    collector.assertLooksLikeEvents(file);
    return collector.result();
  }
  if (digestLines.every((l) => l.trim().length === 0))
    throw new PlanParseError(`${file}: empty; expected the output of \`pulumi preview --json\``, file);
  return parsePreviewDigestText(digestLines.join("\n"), { ...options, file });
}

/** True when a line is a complete JSON object that is an engine event. */
function looksLikeEventLine(line: string): boolean {
  const trimmed = line.trim();
  if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) return false;
  try {
    const value = JSON.parse(trimmed) as unknown;
    if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
    return Object.keys(value).some((k) => k === "sequence" || k === "timestamp" || k.endsWith("Event"));
  } catch {
    return false;
  }
}

function lineColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf("\n"); i !== -1 && i < position; i = text.indexOf("\n", i + 1)) {
    line++;
    last = i;
  }
  return { line, column: position - last };
}
