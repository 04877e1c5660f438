import { ConcurrentUpdateError } from "@pulumi/pulumi/automation";
import type { LockHolder } from "./types";
/**
 * True for the Automation API's lock error (by class; by name when a second copy of the SDK threw it).
 *
 * @example
 * ```ts
 * try { await stack.up(); } catch (e) { if (isConcurrentUpdateError(e)) wait(); }
 * ```
 */
export declare function isConcurrentUpdateError(e: unknown): e is ConcurrentUpdateError;
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
export declare function parseLockHolders(message: string): LockHolder[];
/**
 * One line per holder for people.
 *
 * @example
 * ```ts
 * describeHolder({ user: "ana", host: "ci-3", pid: 4242, since: "2026-01-02T03:04:05Z" }); // "ana@ci-3 (pid 4242) since 2026-01-02T03:04:05Z"
 * ```
 */
export declare function describeHolder(h: LockHolder): string;
/**
 * The message for a stack that stayed locked: who holds it and the recovery steps.
 *
 * @example
 * ```ts
 * lockedMessage("dev", holders, 0); // "stack dev is locked by ana@ci-3 (pid 4242) …; wait for that update, …"
 * ```
 */
export declare function lockedMessage(env: string, holders: readonly LockHolder[], waitedMs: number): string;
/** The recovery commands for a locked stack. */
export declare function lockRecovery(env: string): string[];
/**
 * Backoff before the next attempt: 1 s doubling to 15 s, ±20 % jitter, never past the deadline.
 *
 * @example
 * ```ts
 * lockBackoffMs(0, 60_000, () => 0.5); // 1000
 * ```
 */
export declare function lockBackoffMs(attempt: number, remainingMs: number, random?: () => number): number;
/** Sleeps, waking early (rejecting) when the signal aborts. */
export declare function sleep(ms: number, signal?: AbortSignal): Promise<void>;
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
export declare function readDiyLocks(backendUrl: string, project: string, stack: string): LockHolder[];
/**
 * Whether a lock holder's process is alive: `true`/`false` when it ran on this host, `undefined`
 * when that cannot be known (another host, no pid).
 *
 * @example
 * ```ts
 * holderAlive({ host: os.hostname(), pid: process.pid }); // true
 * ```
 */
export declare function holderAlive(h: LockHolder, hostname?: string): boolean | undefined;
