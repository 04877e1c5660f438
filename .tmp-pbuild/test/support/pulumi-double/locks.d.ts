import type { Backend } from "./backend";
/** Contents of a lock file. */
export interface LockInfo {
    pid: number;
    username: string;
    hostname: string;
    timestamp: string;
}
/** A held lock. */
export interface Lock {
    readonly file: string;
    release(): void;
}
/** Lock files of the stack, oldest first. */
export declare function listLocks(backend: Backend, stack: string): {
    file: string;
    info: LockInfo;
}[];
/** The real DIY backend's message for a locked stack. */
export declare function lockedMessage(locks: readonly {
    file: string;
    info: LockInfo;
}[]): string;
/**
 * Takes the stack lock. The own lock file is written first and the others checked afterwards, so
 * of two processes racing only one can win (possibly neither, never both).
 */
export declare function acquireLock(backend: Backend, stack: string): Lock;
/** Throws the locked message when another process holds the stack lock. */
export declare function checkUnlocked(backend: Backend, stack: string): void;
/** Deletes every lock file of the stack (`pulumi cancel` on a DIY backend); returns how many. */
export declare function removeLocks(backend: Backend, stack: string): number;
/** The OS user name (falls back to $USER when the uid has no passwd entry). */
export declare function safeUsername(): string;
