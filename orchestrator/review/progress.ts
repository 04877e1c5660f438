/**
 * What an offline review is doing, for the terminal: the base's checkout and build, the synth of
 * each side per environment, the diffs. {@link ReviewProgressModel} is the pure state;
 * {@link startReviewProgress} draws it with ora on a terminal and stays quiet otherwise.
 */
import { formatDuration } from "../summary";
import type { ReviewStep } from "./index";

interface StepState {
  readonly label: string;
  readonly started: number;
  done?: number;
  cached?: boolean;
}

function label(s: ReviewStep): string {
  switch (s.step) {
    case "checkout":
      return "base: checkout";
    case "build":
      return "base: build";
    case "synth":
      return `${s.env}: synth ${s.side}`;
    case "diff":
      return `${s.env}: diff`;
  }
}

/**
 * Progress state of a review: one line per step, in the order they started.
 *
 * @example
 * ```ts
 * const model = new ReviewProgressModel(() => 0);
 * model.apply({ step: "build", state: "done", cached: true });
 * model.lines(); // ["base: build  cached"]
 * ```
 */
export class ReviewProgressModel {
  private readonly steps = new Map<string, StepState>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Feeds one step event. */
  apply(s: ReviewStep): void {
    const key = label(s);
    const known = this.steps.get(key) ?? { label: key, started: this.now() };
    this.steps.set(key, known);
    if (s.state === "done") {
      known.done = this.now();
      if ("cached" in s) known.cached = s.cached;
    }
  }

  /** The lines to draw now. */
  lines(now = this.now()): string[] {
    const width = Math.max(0, ...[...this.steps.keys()].map((k) => k.length));
    return [...this.steps.values()].map((s) => {
      const state =
        s.done === undefined
          ? `${formatDuration(now - s.started)} …`
          : s.cached
            ? "cached"
            : `done in ${formatDuration(s.done - s.started)}`;
      return `${s.label.padEnd(width)}  ${state}`;
    });
  }
}

/** A running display; `stop()` clears it. */
export interface ReviewProgress {
  readonly onStep: (s: ReviewStep) => void;
  stop(): void;
}

/**
 * Starts the review display on `stream` when it is a terminal (ora spinner, redrawn every 200 ms);
 * on anything else returns a display that draws nothing.
 *
 * @example
 * ```ts
 * const progress = await startReviewProgress(process.stderr);
 * await review({ envs: ["prod"], source: { kind: "offline", base: "origin/main" }, onStep: progress.onStep });
 * progress.stop();
 * ```
 */
export async function startReviewProgress(
  stream: NodeJS.WriteStream,
  enabled = stream.isTTY === true,
): Promise<ReviewProgress> {
  const model = new ReviewProgressModel();
  if (!enabled) return { onStep: (s) => model.apply(s), stop: () => undefined };
  const { default: ora } = await import("ora");
  const spinner = ora({ stream, discardStdin: false, hideCursor: true, text: "review: starting" }).start();
  const draw = () => {
    spinner.text = model.lines().join("\n  ");
  };
  const timer = setInterval(draw, 200);
  timer.unref();
  return {
    onStep: (s) => {
      model.apply(s);
      draw();
    },
    stop: () => {
      clearInterval(timer);
      spinner.stop();
    },
  };
}
