/**
 * The live display for long operations: per environment the counts by op, the resource in flight
 * and the elapsed time, fed by engine events. {@link ProgressModel} is the pure state;
 * {@link startProgress} draws it with ora on a terminal and stays quiet otherwise.
 */
import { formatDuration } from "./summary";
import type { OrchestratorEvent } from "./types";

interface EnvProgress {
  readonly started: number;
  counts: Record<string, number>;
  inFlight: Map<string, { op: string; type: string; name: string }>;
  waiting?: string;
  finished?: { status: string; at: number };
}

const ACTIVE: Readonly<Record<string, string>> = {
  create: "creating",
  update: "updating",
  delete: "deleting",
  replace: "replacing",
  "create-replacement": "creating replacement",
  "delete-replaced": "deleting replaced",
  refresh: "refreshing",
  read: "reading",
  import: "importing",
};

/**
 * Progress state of a run, one line per environment.
 *
 * @example
 * ```ts
 * const model = new ProgressModel();
 * model.apply({ type: "start", env: "dev", verb: "up", time: new Date().toISOString() });
 * model.lines(Date.now()); // ["dev      0.0s  starting"]
 * ```
 */
export class ProgressModel {
  private readonly envs = new Map<string, EnvProgress>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Feeds one event. */
  apply(e: OrchestratorEvent): void {
    if (e.type === "start") {
      this.envs.set(e.env, { started: this.now(), counts: {}, inFlight: new Map() });
      return;
    }
    const p = this.envs.get(e.env);
    if (!p) return;
    switch (e.type) {
      case "engine": {
        const ev = e.event as Record<string, any>;
        const pre = ev.resourcePreEvent?.metadata;
        const out = ev.resOutputsEvent?.metadata ?? ev.resOpFailedEvent?.metadata;
        delete p.waiting;
        if (pre && typeof pre.urn === "string" && pre.type !== "pulumi:pulumi:Stack") {
          if (pre.op !== "same") {
            p.counts[pre.op] = (p.counts[pre.op] ?? 0) + 1;
            p.inFlight.set(pre.urn, {
              op: String(pre.op),
              type: String(pre.type),
              name: pre.urn.split("::").pop() ?? pre.urn,
            });
          }
          if (ev.resourcePreEvent?.planning) p.inFlight.delete(pre.urn);
        }
        if (out && typeof out.urn === "string") p.inFlight.delete(out.urn);
        break;
      }
      case "lock-wait":
        p.waiting = `waiting for the stack lock (${e.holders.map((h) => (h.user ? `${h.user}@${h.host} pid ${h.pid}` : (h.where ?? "?"))).join(", ") || "another update"}), retry in ${Math.ceil(e.retryInMs / 1000)}s`;
        break;
      case "aborting":
        p.waiting = e.force ? "killing" : "cancelling (Ctrl-C again to kill)";
        break;
      case "done":
        p.finished = { status: e.result.status, at: this.now() };
        p.inFlight.clear();
        break;
    }
  }

  /** The lines to draw now. */
  lines(now = this.now()): string[] {
    const width = Math.max(0, ...[...this.envs.keys()].map((k) => k.length));
    const out: string[] = [];
    for (const [env, p] of this.envs) {
      const elapsed = formatDuration((p.finished?.at ?? now) - p.started);
      const counts = Object.entries(p.counts)
        .map(([op, n]) => `${n} ${op}`)
        .join(", ");
      const current = [...p.inFlight.values()].at(-1);
      const doing = p.finished
        ? p.finished.status
        : (p.waiting ??
          (current
            ? `${ACTIVE[current.op] ?? current.op} ${current.name} (${current.type})${p.inFlight.size > 1 ? ` +${p.inFlight.size - 1} more` : ""}`
            : counts
              ? "working"
              : "starting"));
      out.push(`${env.padEnd(width)}  ${elapsed.padStart(6)}  ${counts ? `${counts}  ` : ""}${doing}`);
    }
    return out;
  }
}

/** A running display; `stop()` clears it. */
export interface Progress {
  readonly onEvent: (e: OrchestratorEvent) => void;
  stop(): void;
}

/**
 * Starts the live display on `stream` when it is a terminal (ora spinner, redrawn every 200 ms);
 * on anything else returns a display that draws nothing.
 *
 * @example
 * ```ts
 * const progress = await startProgress(process.stderr);
 * await up({ env: "all", onEvent: progress.onEvent });
 * progress.stop();
 * ```
 */
export async function startProgress(
  stream: NodeJS.WriteStream,
  enabled = stream.isTTY === true,
): Promise<Progress> {
  const model = new ProgressModel();
  if (!enabled) return { onEvent: (e) => model.apply(e), stop: () => undefined };
  const { default: ora } = await import("ora");
  const spinner = ora({ stream, discardStdin: false, hideCursor: true, text: "starting" }).start();
  const draw = () => {
    spinner.text = model.lines().join("\n  ");
  };
  const timer = setInterval(draw, 200);
  timer.unref();
  return {
    onEvent: (e) => {
      model.apply(e);
      draw();
    },
    stop: () => {
      clearInterval(timer);
      spinner.stop();
    },
  };
}
