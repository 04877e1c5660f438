"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.EventSink = void 0;
exports.stateMetadata = stateMetadata;
exports.isLogical = isLogical;
exports.stepMetadata = stepMetadata;
exports.diagPrefix = diagPrefix;
exports.diagnosticEvent = diagnosticEvent;
/**
 * Engine events in the real `--event-log` format (`apitype.EngineEvent`, one JSON object per line):
 * written to a file, or streamed to the Automation API's `pulumirpc.Events` server when the log
 * target is `tcp://host:port` (CLI versions > 3.205 are given a tcp target).
 */
const fs = __importStar(require("node:fs"));
const props_1 = require("./props");
const proto_1 = require("./proto");
/** Event-log form of a resource state (secrets blinded), key order as the Go struct. */
function stateMetadata(s, opts = {}) {
    if (!s)
        return null;
    const m = { type: s.type, urn: s.urn };
    if (s.custom)
        m["custom"] = true;
    if (s.delete)
        m["delete"] = true;
    m["id"] = opts.id === false ? "" : (s.id ?? "");
    m["parent"] = s.parent ?? "";
    if (s.protect)
        m["protect"] = true;
    if (s.retainOnDelete)
        m["retainOnDelete"] = true;
    m["inputs"] = (0, props_1.blindForEvent)(s.inputs);
    m["outputs"] = opts.outputs === false ? {} : (0, props_1.blindForEvent)(s.outputs);
    m["provider"] = s.provider ?? "";
    return m;
}
/** Logical steps are the ones users see as "the change" (and the ones the summary counts). */
function isLogical(op) {
    return op !== "create-replacement" && op !== "delete-replaced";
}
/** Builds step metadata. */
function stepMetadata(args) {
    const m = {
        op: args.op,
        urn: args.urn,
        type: args.type,
        old: args.old ?? null,
        new: args.new ?? null,
        detailedDiff: null,
        provider: args.provider ?? "",
    };
    // Re-create in the Go struct's key order: op, urn, type, old, new, keys, diffs, detailedDiff, logical, provider.
    const ordered = { op: m.op, urn: m.urn, type: m.type, old: m.old, new: m.new };
    if (args.keys && args.keys.length > 0)
        ordered["keys"] = [...args.keys];
    if (args.diffs && args.diffs.length > 0)
        ordered["diffs"] = [...args.diffs];
    ordered["detailedDiff"] = args.detailedDiff && Object.keys(args.detailedDiff).length > 0 ? args.detailedDiff : null;
    if (isLogical(args.op))
        ordered["logical"] = true;
    ordered["provider"] = m.provider;
    return ordered;
}
/** Where events go: a JSON-lines file, a gRPC stream, or nowhere. */
class EventSink {
    file;
    seq = 0;
    call;
    done;
    client;
    /** Every event emitted, in order (the display and `preview --json` read them back). */
    emitted = [];
    constructor(file) {
        this.file = file;
    }
    /** Opens the sink for an `--event-log` target (undefined: keep events in memory only). */
    static open(target) {
        if (!target)
            return new EventSink();
        if (target.startsWith("tcp://")) {
            const sink = new EventSink();
            sink.client = new proto_1.eventsrpc.EventsClient(target.slice("tcp://".length), proto_1.grpc.credentials.createInsecure(), proto_1.CHANNEL_OPTIONS);
            sink.done = new Promise((resolve) => {
                sink.call = sink.client.streamEvents(() => resolve());
            });
            return sink;
        }
        fs.writeFileSync(target, "", { flag: "a" });
        return new EventSink(target);
    }
    /** Emits one event; `body` is the single `*Event` member, e.g. `{ preludeEvent: {...} }`. */
    emit(body) {
        const ev = { sequence: this.seq++, timestamp: Math.floor(Date.now() / 1000), ...body };
        this.emitted.push(ev);
        const line = JSON.stringify(ev);
        if (this.file)
            fs.appendFileSync(this.file, line + "\n");
        if (this.call) {
            const req = new proto_1.eventsproto.EventRequest();
            req.setEvent(line);
            this.call.write(req);
        }
    }
    /** Flushes and closes the stream (waits up to 5 s for the server's acknowledgement). */
    async close() {
        if (this.call) {
            this.call.end();
            await Promise.race([this.done, new Promise((r) => setTimeout(r, 5000).unref())]);
            this.client.close();
            this.call = undefined;
        }
    }
}
exports.EventSink = EventSink;
/** Colour-markup prefix of a diagnostic, as in the real event stream (`color: "raw"`). */
function diagPrefix(severity) {
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
function diagnosticEvent(severity, message, urn) {
    const ev = {};
    if (urn)
        ev["urn"] = urn;
    ev["prefix"] = diagPrefix(severity);
    ev["message"] = `<{%reset%}>${message}<{%reset%}>\n`;
    ev["color"] = "raw";
    ev["severity"] = severity;
    return { diagnosticEvent: ev };
}
//# sourceMappingURL=events.js.map