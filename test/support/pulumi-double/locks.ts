/**
 * DIY-backend stack locks: one JSON file per holder under `.pulumi/locks/organization/<project>/<stack>/`.
 * A second update on a locked stack fails with the real CLI's text, which the Automation API maps
 * to `ConcurrentUpdateError`; `pulumi cancel` deletes the files.
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Backend } from "./backend";
import { CliError } from "./errors";

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
export function listLocks(backend: Backend, stack: string): { file: string; info: LockInfo }[] {
  const dir = backend.lockDir(stack);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => {
      const file = path.join(dir, f);
      let info: LockInfo;
      try {
        info = JSON.parse(fs.readFileSync(file, "utf8")) as LockInfo;
      } catch {
        info = { pid: 0, username: "unknown", hostname: "unknown", timestamp: "" };
      }
      return { file, info };
    })
    .sort((a, b) => a.info.timestamp.localeCompare(b.info.timestamp));
}

/** The real DIY backend's message for a locked stack. */
export function lockedMessage(locks: readonly { file: string; info: LockInfo }[]): string {
  const lines = locks.map(
    (l) =>
      `\n  file://${l.file}: created by ${l.info.username}@${l.info.hostname} (pid ${l.info.pid}) at ${l.info.timestamp}`,
  );
  return (
    `the stack is currently locked by ${locks.length} lock(s). Either wait for the other process(es) ` +
    `to end or delete the lock file with \`pulumi cancel\`.${lines.join("")}`
  );
}

/**
 * Takes the stack lock. The own lock file is written first and the others checked afterwards, so
 * of two processes racing only one can win (possibly neither, never both).
 */
export function acquireLock(backend: Backend, stack: string): Lock {
  const dir = backend.lockDir(stack);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${crypto.randomUUID()}.json`);
  const info: LockInfo = {
    pid: process.pid,
    username: safeUsername(),
    hostname: os.hostname(),
    timestamp: new Date().toISOString(),
  };
  fs.writeFileSync(file, JSON.stringify(info, null, 4) + "\n");
  const others = listLocks(backend, stack).filter((l) => l.file !== file);
  if (others.length > 0) {
    fs.rmSync(file, { force: true });
    throw new CliError(lockedMessage(others));
  }
  return { file, release: () => fs.rmSync(file, { force: true }) };
}

/** Throws the locked message when another process holds the stack lock. */
export function checkUnlocked(backend: Backend, stack: string): void {
  const locks = listLocks(backend, stack);
  if (locks.length > 0) throw new CliError(lockedMessage(locks));
}

/** Deletes every lock file of the stack (`pulumi cancel` on a DIY backend); returns how many. */
export function removeLocks(backend: Backend, stack: string): number {
  const locks = listLocks(backend, stack);
  for (const l of locks) fs.rmSync(l.file, { force: true });
  return locks.length;
}

/** The OS user name (falls back to $USER when the uid has no passwd entry). */
export function safeUsername(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env["USER"] ?? "unknown";
  }
}
