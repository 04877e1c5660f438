/**
 * A clock a test moves by hand, for code that takes a `timers` option (the orchestrator's run
 * timeout and kill grace period): a timeout fires when the test says the time has come.
 */
import type { RunTimers } from "../../orchestrator/types";

interface Pending {
  readonly at: number;
  readonly fn: () => void;
}

/**
 * Timers that fire only from {@link ManualTimers.advance}.
 *
 * @example
 * ```ts
 * const timers = new ManualTimers();
 * const run = up({ ...base, timeoutMs: 60_000, timers });
 * timers.advance(60_000); // the timeout fires now
 * ```
 */
export class ManualTimers implements RunTimers {
  private now = 0;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  setTimeout(fn: () => void, ms: number): number {
    const id = this.nextId++;
    this.pending.set(id, { at: this.now + ms, fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** Delays (from now) of the timers still pending, soonest first. */
  scheduled(): number[] {
    return [...this.pending.values()].map((p) => p.at - this.now).sort((a, b) => a - b);
  }

  /** Moves the clock forward by `ms`, firing what falls due, in order. */
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const due = [...this.pending].filter(([, p]) => p.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.pending.delete(due[0]);
      this.now = due[1].at;
      due[1].fn();
    }
    this.now = end;
  }
}
