/**
 * Engine events in the real `--event-log` format (`apitype.EngineEvent`, one JSON object per line):
 * written to a file, or streamed to the Automation API's `pulumirpc.Events` server when the log
 * target is `tcp://host:port` (CLI versions > 3.205 are given a tcp target).
 */
import * as fs from "node:fs";
import { blindForEvent, type DiffKind } from "./props";
import { CHANNEL_OPTIONS, eventsproto, eventsrpc, grpc } from "./proto";
import type { ResourceState } from "./state";

/** A step operation. */
export type Op =
  | "same"
  | "create"
  | "update"
  | "delete"
  | "replace"
  | "create-replacement"
  | "delete-replaced"
  | "read"
  | "refresh"
  | "import";

/** `apitype.StepEventStateMetadata`. */
export type StateMetadata = Record<string, unknown>;

/** `apitype.StepEventMetadata` as built by {@link stepMetadata}. */
export interface StepMetadata {
  op: Op;
  urn: string;
  type: string;
  old: StateMetadata | null;
  new: StateMetadata | null;
  keys?: string[];
  diffs?: string[];
  detailedDiff: Record<string, { diffKind: DiffKind; inputDiff: boolean }> | null;
  logical?: boolean;
  provider: string;
}

/** Event-log form of a resource state (secrets blinded), key order as the Go struct. */
export function stateMetadata(s: ResourceState | undefined, opts: { outputs?: boolean; id?: boolean } = {}) {
  if (!s) return null;
  const m: StateMetadata = { type: s.type, urn: s.urn };
  if (s.custom) m["custom"] = true;
  if (s.delete) m["delete"] = true;
  m["id"] = opts.id === false ? "" : (s.id ?? "");
  m["parent"] = s.parent ?? "";
  if (s.protect) m["protect"] = true;
  if (s.retainOnDelete) m["retainOnDelete"] = true;
  m["inputs"] = blindForEvent(s.inputs);
  m["outputs"] = opts.outputs === false ? {} : blindForEvent(s.outputs);
  m["provider"] = s.provider ?? "";
  return m;
}

/** Logical steps are the ones users see as "the change" (and the ones the summary counts). */
export function isLogical(op: Op): boolean {
  return op !== "create-replacement" && op !== "delete-replaced";
}

/** Builds step metadata. */
export function stepMetadata(args: {
  op: Op;
  urn: string;
  type: string;
  old?: StateMetadata | null;
  new?: StateMetadata | null;
  keys?: readonly string[];
  diffs?: readonly string[];
  detailedDiff?: StepMetadata["detailedDiff"];
  provider?: string;
}): StepMetadata {
  const m: StepMetadata = {
    op: args.op,
    urn: args.urn,
    type: args.type,
    old: args.old ?? null,
    new: args.new ?? null,
    detailedDiff: null,
    provider: args.provider ?? "",
  };
  // Re-create in the Go struct's key order: op, urn, type, old, new, keys, diffs, detailedDiff, logical, provider.
  const ordered: Record<string, unknown> = { op: m.op, urn: m.urn, type: m.type, old: m.old, new: m.new };
  if (args.keys && args.keys.length > 0) ordered["keys"] = [...args.keys];
  if (args.diffs && args.diffs.length > 0) ordered["diffs"] = [...args.diffs];
  ordered["detailedDiff"] =
    args.detailedDiff && Object.keys(args.detailedDiff).length > 0 ? args.detailedDiff : null;
  if (isLogical(args.op)) ordered["logical"] = true;
  ordered["provider"] = m.provider;
  return ordered as unknown as StepMetadata;
}

/** Where events go: a JSON-lines file, a gRPC stream, or nowhere. */
export class EventSink {
  private seq = 0;
  private call: any;
  private done?: Promise<void>;
  private client: any;
  /** Every event emitted, in order (the display and `preview --json` read them back). */
  readonly emitted: Record<string, unknown>[] = [];

  private constructor(private readonly file?: string) {}

  /** Opens the sink for an `--event-log` target (undefined: keep events in memory only). */
  static open(target: string | undefined): EventSink {
    if (!target) return new EventSink();
    if (target.startsWith("tcp://")) {
      const sink = new EventSink();
      sink.client = new eventsrpc.EventsClient(
        target.slice("tcp://".length),
        grpc.credentials.createInsecure(),
        CHANNEL_OPTIONS,
      );
      sink.done = new Promise<void>((resolve) => {
        sink.call = sink.client.streamEvents(() => resolve());
      });
      return sink;
    }
    fs.writeFileSync(target, "", { flag: "a" });
    return new EventSink(target);
  }

  /** Emits one event; `body` is the single `*Event` member, e.g. `{ preludeEvent: {...} }`. */
  emit(body: Record<string, unknown>): void {
    const ev = { sequence: this.seq++, timestamp: Math.floor(Date.now() / 1000), ...body };
    this.emitted.push(ev);
    const line = JSON.stringify(ev);
    if (this.file) fs.appendFileSync(this.file, line + "\n");
    if (this.call) {
      const req = new eventsproto.EventRequest();
      req.setEvent(line);
      this.call.write(req);
    }
  }

  /** Flushes and closes the stream (waits up to 5 s for the server's acknowledgement). */
  async close(): Promise<void> {
    if (this.call) {
      this.call.end();
      await Promise.race([this.done, new Promise((r) => setTimeout(r, 5000).unref())]);
      this.client.close();
      this.call = undefined;
    }
  }
}

/** Colour-markup prefix of a diagnostic, as in the real event stream (`color: "raw"`). */
export function diagPrefix(severity: string): string {
  switch (severity) {
    case "error":
      return "<{%fg 1%}>error: <{%reset%}>";
    case "warning":
      return "<{%fg 3%}>warning: <{%reset%}>";
    case "info#err":
      return "<{%fg 5%}>info: <{%reset%}>";
    case "debug":
      return "<{%fg 7%}>debug: <{%reset%}>";
    default:
      return "";
  }
}

/** A `diagnosticEvent` body. */
export function diagnosticEvent(severity: string, message: string, urn?: string): Record<string, unknown> {
  const ev: Record<string, unknown> = {};
  if (urn) ev["urn"] = urn;
  ev["prefix"] = diagPrefix(severity);
  ev["message"] = `<{%reset%}>${message}<{%reset%}>\n`;
  ev["color"] = "raw";
  ev["severity"] = severity;
  return { diagnosticEvent: ev };
}
