/**
 * Engine event logs (`pulumi up/preview --event-log`, Automation API `onEvent`, and
 * `PULUMI_ENABLE_STREAMING_JSON_PREVIEW` output) → PlanSteps.
 *
 * Only `resourcePreEvent`s make steps (what the engine plans to do); `resOutputsEvent`s repeat
 * the state with outputs and are skipped. The event kinds the TypeScript `EngineEvent` type lacks
 * (`progressEvent`, `errorEvent`, `policyLoadEvent`, `startDebuggingEvent`, policy summaries …) and
 * unknown keys are ignored, except `errorEvent`, which becomes an error diagnostic.
 */
import { parseUrn, Severity, type PlanStep } from "../model";
import { forEachLine, sourceName, type LineSource } from "./lines";
import { buildStep, isOp, StepStore, StringPool } from "./steps";
import {
  DiagnosticSeverity,
  EnforcementLevel,
  MAX_CORRUPT_LISTED,
  PlanParseError,
  type ChangeSummary,
  type CorruptLine,
  type OpCounts,
  type ParseOptions,
  type ParseResult,
  type PlanDiagnostic,
  type PolicyViolation,
  type StepFailure,
} from "./types";

const SEVERITIES: ReadonlySet<string> = new Set(Object.values(Severity));
const DIAGNOSTIC_SEVERITIES: ReadonlySet<string> = new Set(Object.values(DiagnosticSeverity));
const ENFORCEMENT_LEVELS: ReadonlySet<string> = new Set(Object.values(EnforcementLevel));

/**
 * Lines of event kinds nothing reads, as the engine writes them (`{"sequence":N,"timestamp":N,"resOutputsEvent":…}`):
 * recognized by their first bytes and closing brace and not parsed. resOutputsEvents repeat each
 * resource's whole state and are about half of a log.
 */
const SKIPPED_LINE = /^\{"sequence":\d+,"timestamp":\d+,"(?:resOutputsEvent|stdoutEvent|progressEvent)":\{/;

/**
 * Options for event-log parsing.
 *
 * @example
 * ```ts
 * await parseEventLog("events.jsonl", { parseAll: true }); // report damage in every line
 * ```
 */
export interface EventLogOptions extends ParseOptions {
  /**
   * JSON-parse every line, also those of event kinds nothing reads (resOutputsEvent, stdoutEvent,
   * progressEvent), so that any damage in them is reported as a corrupt line. Otherwise such lines
   * are only checked for their framing (engine prefix and closing brace), which catches truncation.
   * Implied by `strict`.
   * @default false
   */
  readonly parseAll?: boolean;
  /**
   * Hands each step to this callback as it is read instead of keeping it: `result().steps` is then
   * empty, and steps of one URN arrive separately (a replacement's halves are not merged). For a
   * consumer that folds a plan too large to hold (the review's fold). @default undefined (kept)
   */
  readonly onStep?: (step: PlanStep) => void;
}

/** Pulumi's colour markup in diagnostic and policy messages, e.g. `<{%fg 1%}>` and `<{%reset%}>`. */
const COLOR_MARKUP = /<\{%[^%]*%\}>/g;

/**
 * Removes Pulumi's colour markup and trailing newlines from an engine message.
 *
 * @example
 * ```ts
 * stripColorMarkup("<{%reset%}>Could not delete typB<{%reset%}>\n"); // "Could not delete typB"
 * ```
 */
export function stripColorMarkup(message: string): string {
  return message.replace(COLOR_MARKUP, "").replace(/\s+$/, "");
}

/**
 * Collects engine events one at a time, from text lines or from already-parsed objects (the
 * Automation API's `onEvent` callback), and produces a {@link ParseResult}. Memory grows with the
 * number of resources, not with the length of the log.
 *
 * @example
 * ```ts
 * const collector = new EngineEventCollector();
 * await stack.preview({ onEvent: (e) => collector.addEvent(e) });
 * const { steps, summary } = collector.result();
 * ```
 */
export class EngineEventCollector {
  private readonly store = new StepStore();
  private readonly strings = new StringPool();
  /** Long input strings of the lines parsed here, one copy each (released by {@link result}). */
  private readonly values = new Map<string, string>();
  private summary: ChangeSummary | undefined;
  private readonly diagnostics: PlanDiagnostic[] = [];
  private readonly corrupt: CorruptLine[] = [];
  private readonly failures: StepFailure[] = [];
  private readonly policy: PolicyViolation[] = [];
  private lines = 0;
  private events = 0;
  private corruptLines = 0;
  private firstLine: string | undefined;

  private readonly parseAll: boolean;

  constructor(private readonly options: EventLogOptions = {}) {
    this.parseAll = options.parseAll === true || options.strict === true;
  }

  /** Parses and adds one line of an event log; blank lines are skipped. */
  addLine(line: string, lineNo: number): void {
    this.lines = lineNo;
    if (line.length === 0 || (line.charCodeAt(0) <= 32 && line.trim().length === 0)) return;
    if (this.firstLine === undefined) this.firstLine = line.slice(0, 80);
    if (!this.parseAll && line.charCodeAt(line.length - 1) === 0x7d && SKIPPED_LINE.test(line.slice(0, 96))) {
      this.events++; // an event kind nothing reads: only its framing is checked
      return;
    }
    let event: unknown;
    try {
      event = JSON.parse(line);
    } catch (err) {
      this.reject(lineNo, `invalid JSON: ${(err as Error).message}`);
      return;
    }
    this.add(event, lineNo, true);
  }

  /**
   * {@link addLine}'s skip of an event kind nothing reads, on the line's bytes before they are
   * decoded (half the lines of an event log are outputs events). True when the line was taken.
   */
  skipBytes(bytes: Buffer, start: number, end: number, lineNo: number): boolean {
    // The same test as addLine's: ASCII framing, so bytes and characters agree.
    if (this.parseAll || end - start < 2 || bytes[start] !== 0x7b || bytes[end - 1] !== 0x7d) return false;
    if (!SKIPPED_LINE.test(bytes.toString("latin1", start, Math.min(end, start + 96)))) return false;
    this.lines = lineNo;
    if (this.firstLine === undefined) this.firstLine = bytes.toString("utf8", start, end).slice(0, 80);
    this.events++;
    return true;
  }

  /** Records a line that could not be used (throws in strict mode). */
  reject(lineNo: number, error: string): void {
    this.corruptLines++;
    if (this.options.strict) {
      throw new PlanParseError(
        `${this.options.file ?? "<events>"}:${lineNo}: ${error}`,
        this.options.file,
        lineNo,
      );
    }
    if (this.corrupt.length < MAX_CORRUPT_LISTED) this.corrupt.push({ line: lineNo, error });
  }

  /** Adds one parsed engine event. */
  addEvent(event: unknown, lineNo = this.events + this.corruptLines + 1): void {
    this.add(event, lineNo, false);
  }

  /** @param owned The event was parsed here (from a line): its values may be normalized in place. */
  private add(event: unknown, lineNo: number, owned: boolean): void {
    if (event === null || typeof event !== "object" || Array.isArray(event)) {
      this.reject(lineNo, `expected a JSON object (an engine event), got ${describe(event)}`);
      return;
    }
    const e = event as Record<string, any>;
    let kind: string | undefined;
    for (const key in e) {
      if (key.endsWith("Event")) {
        kind = key;
        break;
      }
    }
    if (kind === undefined) {
      if ("sequence" in e || "timestamp" in e) {
        this.events++; // an event kind from a newer engine without the *Event suffix: ignore
        return;
      }
      this.reject(lineNo, "not an engine event: no sequence, timestamp or *Event member");
      return;
    }
    const body = e[kind];
    if (body === null || typeof body !== "object") {
      this.reject(lineNo, `${kind} is ${describe(body)}, expected an object`);
      return;
    }
    this.events++;
    switch (kind) {
      case "resourcePreEvent":
        this.onPre(body, lineNo, owned);
        break;
      case "resOpFailedEvent":
        this.onFailed(body, lineNo);
        break;
      case "summaryEvent":
        this.summary = readSummary(body);
        break;
      case "diagnosticEvent":
        this.onDiagnostic(body, lineNo);
        break;
      case "errorEvent":
        if (typeof body.error === "string")
          this.diagnostics.push({ severity: "error", message: stripColorMarkup(body.error), line: lineNo });
        break;
      case "policyEvent":
        this.onPolicy(body, lineNo);
        break;
      default:
      // resOutputsEvent, preludeEvent, cancelEvent, stdoutEvent, progressEvent, policy summaries, …
    }
  }

  /** The result so far (call after the last event). */
  result(): ParseResult {
    this.values.clear(); // the steps keep the strings; the index of them is not needed any more
    return {
      steps: this.store.steps(),
      ...(this.summary ? { summary: this.summary } : {}),
      diagnostics: this.diagnostics,
      corrupt: this.corrupt,
      failures: this.failures,
      policy: this.policy,
      stats: { lines: this.lines, events: this.events, corruptLines: this.corruptLines },
    };
  }

  /**
   * Throws when nothing in the input was an engine event although something was there: the input is
   * not an event log at all (a pretty-printed digest, a synth inventory, a text log).
   */
  assertLooksLikeEvents(file: string): void {
    if (this.events > 0 || this.corruptLines === 0) return;
    const first = this.corrupt[0];
    const hint =
      this.firstLine !== undefined && /^\s*[{[]\s*$/.test(this.firstLine)
        ? " It looks like pretty-printed JSON: use parsePreviewJson for `pulumi preview --json` output or parseInventoryFile for a synth inventory."
        : "";
    throw new PlanParseError(
      `${file}: not an engine event log: none of its ${this.corruptLines} non-blank lines is an engine event` +
        (first ? ` (line ${first.line}: ${first.error})` : "") +
        `. Expected one JSON object per line, as written by \`pulumi preview --event-log <file>\`.${hint}`,
      file,
      first?.line,
    );
  }

  private onPre(body: Record<string, any>, lineNo: number, owned: boolean): void {
    const meta = body.metadata;
    if (meta === null || typeof meta !== "object") {
      this.reject(lineNo, "resourcePreEvent without metadata");
      return;
    }
    const step = buildStep(
      {
        op: meta.op,
        urn: meta.urn,
        type: meta.type,
        old: meta.old,
        new: meta.new,
        diffs: meta.diffs,
        keys: meta.keys,
        detailedDiff: meta.detailedDiff,
        diffKindKey: "diffKind",
        logical: meta.logical,
        provider: meta.provider,
      },
      this.strings,
      owned ? this.values : undefined,
    );
    if (typeof step === "string") this.reject(lineNo, `resourcePreEvent: ${step}`);
    else if (this.options.onStep) {
      // A step handed on is not kept: neither are the strings pooled for it.
      if (this.values.size > 0) this.values.clear();
      this.options.onStep(step);
    } else this.store.add(step);
  }

  private onFailed(body: Record<string, any>, lineNo: number): void {
    const meta = body.metadata;
    if (meta === null || typeof meta !== "object" || typeof meta.urn !== "string" || !isOp(meta.op)) {
      this.reject(lineNo, "resOpFailedEvent without metadata.urn and a known metadata.op");
      return;
    }
    const parsed = parseUrn(meta.urn);
    this.failures.push({
      urn: meta.urn,
      type: typeof meta.type === "string" ? meta.type : (parsed?.type ?? ""),
      name: parsed?.name ?? meta.urn,
      op: meta.op,
      ...(typeof body.status === "number" ? { status: body.status } : {}),
      line: lineNo,
    });
  }

  private onDiagnostic(body: Record<string, any>, lineNo: number): void {
    const severity = typeof body.severity === "string" ? body.severity : "info";
    if (severity === "debug" || !DIAGNOSTIC_SEVERITIES.has(severity)) return;
    if (typeof body.message !== "string") return;
    const message = stripColorMarkup(body.message);
    if (message.length === 0) return;
    this.diagnostics.push({
      severity: severity as DiagnosticSeverity,
      message,
      ...(typeof body.urn === "string" && body.urn.length > 0 ? { urn: body.urn } : {}),
      line: lineNo,
    });
  }

  private onPolicy(body: Record<string, any>, lineNo: number): void {
    const level = typeof body.enforcementLevel === "string" ? body.enforcementLevel : "advisory";
    this.policy.push({
      policyPack: typeof body.policyPackName === "string" ? body.policyPackName : "",
      ...(typeof body.policyPackVersion === "string" ? { policyPackVersion: body.policyPackVersion } : {}),
      policyName: typeof body.policyName === "string" ? body.policyName : "",
      message: typeof body.message === "string" ? stripColorMarkup(body.message) : "",
      enforcementLevel: (ENFORCEMENT_LEVELS.has(level) ? level : "advisory") as EnforcementLevel,
      ...(typeof body.severity === "string" && SEVERITIES.has(body.severity)
        ? { severity: body.severity as Severity }
        : {}),
      ...(typeof body.resourceUrn === "string" && body.resourceUrn.length > 0
        ? { urn: body.resourceUrn }
        : {}),
      line: lineNo,
    });
  }
}

/**
 * Reads an engine summary object (event `summaryEvent` or the digest's fields).
 *
 * @example
 * ```ts
 * readSummary({ maybeCorrupt: false, durationSeconds: 2, resourceChanges: { same: 5, update: 1 } });
 * ```
 */
export function readSummary(body: Record<string, any>): ChangeSummary {
  const packs = body.PolicyPacks ?? body.policyPacks;
  return {
    resourceChanges: readOpCounts(body.resourceChanges),
    maybeCorrupt: body.maybeCorrupt === true,
    ...(typeof body.durationSeconds === "number" ? { durationSeconds: body.durationSeconds } : {}),
    ...(typeof body.isPreview === "boolean" ? { isPreview: body.isPreview } : {}),
    ...(typeof body.result === "string" ? { result: body.result } : {}),
    ...(packs && typeof packs === "object" && !Array.isArray(packs) && Object.keys(packs).length > 0
      ? { policyPacks: packs as Record<string, string> }
      : {}),
  };
}

/**
 * Keeps the known operations of an op → count map.
 *
 * @example
 * ```ts
 * readOpCounts({ same: 2, update: 1, bogus: 3 }); // { same: 2, update: 1 }
 * ```
 */
export function readOpCounts(value: unknown): OpCounts {
  const out: OpCounts = {};
  if (value === null || typeof value !== "object") return out;
  for (const [op, n] of Object.entries(value as Record<string, unknown>))
    if (isOp(op) && typeof n === "number") out[op] = n;
  return out;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "string" ? "a string" : `a ${typeof value}`;
}

/**
 * Parses an engine event log (JSON lines) from a file path or a stream, in constant memory with
 * respect to the log's length. Corrupt lines are recorded with their line numbers (or thrown with
 * `strict: true`); input with no engine event at all throws a {@link PlanParseError}.
 *
 * @example
 * ```ts
 * const { steps, summary, corrupt } = await parseEventLog(".platform/dev/events.jsonl");
 * ```
 */
export async function parseEventLog(source: LineSource, options: EventLogOptions = {}): Promise<ParseResult> {
  const file = sourceName(source, options.file);
  const collector = new EngineEventCollector({ ...options, file });
  await forEachLine(source, (line, n) => collector.addLine(line, n), {
    onOverlong: (n, bytes) => collector.reject(n, `line of ${bytes} bytes is longer than the limit; skipped`),
    skip: (bytes, start, end, n) => collector.skipBytes(bytes, start, end, n),
  });
  collector.assertLooksLikeEvents(file);
  return collector.result();
}

/**
 * Parses an event log already in memory (tests, small logs).
 *
 * @example
 * ```ts
 * const result = parseEventLogText(fs.readFileSync("up.jsonl", "utf8"), { file: "up.jsonl" });
 * ```
 */
export function parseEventLogText(text: string, options: EventLogOptions = {}): ParseResult {
  const file = options.file ?? "<text>";
  const collector = new EngineEventCollector({ ...options, file });
  const lines = text.split("\n");
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  lines.forEach((line, i) => {
    let l = line.endsWith("\r") ? line.slice(0, -1) : line;
    if (i === 0 && l.charCodeAt(0) === 0xfeff) l = l.slice(1);
    collector.addLine(l, i + 1);
  });
  collector.assertLooksLikeEvents(file);
  return collector.result();
}
