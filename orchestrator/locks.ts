/**
 * Stack locks. A second update on a locked stack fails with `ConcurrentUpdateError` (the Automation
 * API classifies the CLI's text; we branch on the class, never on the exit code, which is `-2` for
 * every failure). The orchestrator then waits with backoff up to `waitForLockMs`, or reports who
 * holds the lock and how to recover. It never cancels another update by itself.
 */
import { readdirSync, readFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ConcurrentUpdateError } from "@pulumi/pulumi/automation";
import type { LockHolder } from "./types";
import { shellJoin } from "./workspace";

/**
 * True for the Automation API's lock error (by class; by name when a second copy of the SDK threw it).
 *
 * @example
 * ```ts
 * try { await stack.up(); } catch (e) { if (isConcurrentUpdateError(e)) wait(); }
 * ```
 */
export function isConcurrentUpdateError(e: unknown): e is ConcurrentUpdateError {
  return (
    e instanceof ConcurrentUpdateError ||
    (e instanceof Error && e.constructor?.name === "ConcurrentUpdateError")
  );
}

/** The DIY backend's lock line: `<file>: created by <user>@<host> (pid <n>) at <time>`. */
const DIY_LOCK_LINE = /(\S+): created by ([^@\s]+)@(\S+) \(pid (\d+)\) at (\S+)/g;

/**
 * Who holds the lock, from the CLI's message: one entry per DIY lock file, or one Pulumi Cloud
 * entry for a 409 (the service does not say who).
 *
 * @example
 * ```ts
 * parseLockHolders("the stack is currently locked by 1 lock(s). … \n  file:///s/.pulumi/locks/o/p/dev/1.json: created by ana@ci-3 (pid 4242) at 2026-01-02T03:04:05Z");
 * // [{ where: "file:///s/.pulumi/locks/o/p/dev/1.json", user: "ana", host: "ci-3", pid: 4242, since: "2026-01-02T03:04:05Z" }]
 * ```
 */
export function parseLockHolders(message: string): LockHolder[] {
  const out: LockHolder[] = [];
  for (const m of message.matchAll(DIY_LOCK_LINE)) {
    // The Automation API's error repeats the CLI's stderr; keep each lock file once.
    if (out.some((h) => h.where === m[1])) continue;
    out.push({ where: m[1]!, user: m[2]!, host: m[3]!, pid: Number(m[4]), since: m[5]! });
  }
  if (out.length === 0 && /\[409\] Conflict/.test(message)) out.push({ where: "Pulumi Cloud" });
  return out;
}

/**
 * One line per holder for people.
 *
 * @example
 * ```ts
 * describeHolder({ user: "ana", host: "ci-3", pid: 4242, since: "2026-01-02T03:04:05Z" }); // "ana@ci-3 (pid 4242) since 2026-01-02T03:04:05Z"
 * ```
 */
export function describeHolder(h: LockHolder): string {
  if (h.user === undefined) return `another update on ${h.where ?? "the backend"}`;
  return `${h.user}@${h.host ?? "?"} (pid ${h.pid ?? "?"})${h.since ? ` since ${h.since}` : ""}`;
}

/**
 * The message for a stack that stayed locked: who holds it and the recovery steps.
 *
 * @example
 * ```ts
 * lockedMessage("dev", holders, 0); // "stack dev is locked by ana@ci-3 (pid 4242) …; wait for that update, …"
 * ```
 */
export function lockedMessage(env: string, holders: readonly LockHolder[], waitedMs: number): string {
  const who = holders.length > 0 ? holders.map(describeHolder).join(", ") : "another update";
  const waited = waitedMs > 0 ? ` (waited ${Math.round(waitedMs / 1000)}s)` : "";
  const check = holders
    .filter((h) => h.pid !== undefined)
    .map((h) => `\`ps -p ${h.pid}\` on ${h.host}`)
    .join(", ");
  return (
    `stack ${env} is locked by ${who}${waited}. Another update is running, or one died without releasing its lock. ` +
    `Wait for it (retry with --wait-for-lock 10m), or, once you have made sure that process is gone${check ? ` (${check})` : ""}, ` +
    `remove the lock with \`npx platform cancel --env ${env}\` (or \`pulumi cancel -s ${env}\`). ` +
    `Cancelling a live update can leave its resources in an unknown state.`
  );
}

/** The recovery commands for a locked stack. */
export function lockRecovery(env: string, flags: readonly string[] = []): string[] {
  const extra = flags.length > 0 ? ` ${shellJoin(flags)}` : "";
  return [
    `npx platform up --env ${env} --yes --wait-for-lock 10m${extra}`,
    `npx platform cancel --env ${env} --yes${extra}   # only after the holder is gone`,
  ];
}

/**
 * Backoff before the next attempt: 1 s doubling to 15 s, ±20 % jitter, never past the deadline.
 *
 * @example
 * ```ts
 * lockBackoffMs(0, 60_000, () => 0.5); // 1000
 * ```
 */
export function lockBackoffMs(
  attempt: number,
  remainingMs: number,
  random: () => number = Math.random,
): number {
  const base = Math.min(15_000, 1_000 * 2 ** attempt);
  const jittered = Math.round(base * (0.8 + 0.4 * random()));
  return Math.max(0, Math.min(jittered, remainingMs));
}

/** How often {@link sleep} checks its `wakeWhen` condition. */
export const WAKE_POLL_MS = 100;

/**
 * Sleeps, waking early (rejecting) when the signal aborts, and (resolving) as soon as `wakeWhen`
 * holds, checked every {@link WAKE_POLL_MS} (e.g. the lock files of a `file://` stack are gone).
 *
 * @example
 * ```ts
 * await sleep(8_000, signal, () => readDiyLocks(url, "platform", "dev").length === 0);
 * ```
 */
export function sleep(ms: number, signal?: AbortSignal, wakeWhen?: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason instanceof Error ? signal.reason : new Error("aborted"));
    const done = () => {
      clearTimeout(timer);
      clearInterval(poll);
      signal?.removeEventListener("abort", onAbort);
    };
    const onAbort = () => {
      done();
      reject(signal?.reason instanceof Error ? signal.reason : new Error("aborted"));
    };
    const timer = setTimeout(() => {
      done();
      resolve();
    }, ms);
    const poll = wakeWhen
      ? setInterval(() => {
          if (!wakeWhen()) return;
          done();
          resolve();
        }, WAKE_POLL_MS)
      : undefined;
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * The lock files of a stack on a `file://` backend (the DIY layout:
 * `.pulumi/locks/organization/<project>/<stack>/*.json`, or `.pulumi/locks/<stack>/` for
 * non-project stacks); empty for other backends or when the stack is not locked.
 *
 * @example
 * ```ts
 * readDiyLocks("file:///repo/.pulumi-state", "platform", "dev"); // [{ user: "ana", host: "ci-3", pid: 4242, … }]
 * ```
 */
export function readDiyLocks(backendUrl: string, project: string, stack: string): LockHolder[] {
  if (!backendUrl.startsWith("file://")) return [];
  const root = path.join(backendUrl.slice("file://".length).replace(/\?.*$/, ""), ".pulumi", "locks");
  const out: LockHolder[] = [];
  for (const dir of [path.join(root, "organization", project, stack), path.join(root, stack)]) {
    let files: string[];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith(".json"));
    } catch {
      continue;
    }
    for (const f of files) {
      const file = path.join(dir, f);
      try {
        const info = JSON.parse(readFileSync(file, "utf8")) as {
          pid?: unknown;
          username?: unknown;
          hostname?: unknown;
          timestamp?: unknown;
        };
        out.push({
          where: `file://${file}`,
          ...(typeof info.username === "string" ? { user: info.username } : {}),
          ...(typeof info.hostname === "string" ? { host: info.hostname } : {}),
          ...(typeof info.pid === "number" ? { pid: info.pid } : {}),
          ...(typeof info.timestamp === "string" ? { since: info.timestamp } : {}),
        });
      } catch {
        out.push({ where: `file://${file}` });
      }
    }
  }
  return out;
}

/**
 * Whether a lock holder's process is alive: `true`/`false` when it ran on this host, `undefined`
 * when that cannot be known (another host, no pid).
 *
 * @example
 * ```ts
 * holderAlive({ host: os.hostname(), pid: process.pid }); // true
 * ```
 */
export function holderAlive(h: LockHolder, hostname = os.hostname()): boolean | undefined {
  if (h.pid === undefined || h.host !== hostname) return undefined;
  try {
    process.kill(h.pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
  // A killed process whose parent died too can linger as a zombie (where PID 1 does not reap).
  try {
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${h.pid}/stat`, "utf8"));
  } catch {
    return true;
  }
}
