/**
 * Finds processes a test file left behind: descendants of this process (from /proc) and processes
 * carrying this file's marker variable (which orphans re-parented to init still have). Call
 * {@link waitForNoStrayProcesses} in `afterAll` of files that start processes.
 */
import { randomUUID } from "node:crypto";
import * as fs from "node:fs";

/** The variable every process started from this test process inherits (workers, CLIs, the double). */
export const MARKER_VAR = "PLATFORM_TEST_MARKER";

/** This test process's marker value. */
export const MARKER = process.env[MARKER_VAR] ?? `platform-test-${randomUUID()}`;
process.env[MARKER_VAR] = MARKER;

interface ProcInfo {
  readonly pid: number;
  readonly ppid: number;
  readonly zombie: boolean;
}

function readProc(pid: number): ProcInfo | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // pid (comm) state ppid …; comm may hold spaces and parentheses, so split after the last ')'.
    const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { pid, ppid: Number(ppid), zombie: state === "Z" };
  } catch {
    return undefined; // gone meanwhile
  }
}

function carriesMarker(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/environ`, "utf8").includes(`${MARKER_VAR}=${MARKER}`);
  } catch {
    return false;
  }
}

/** PIDs of live (non-zombie) descendants of this process and of marked processes, this one excluded. */
export function strayProcesses(): number[] {
  if (!fs.existsSync("/proc/self/stat")) return []; // no procfs: nothing to check
  const all = fs
    .readdirSync("/proc")
    .filter((e) => /^\d+$/.test(e))
    .map((e) => readProc(Number(e)))
    .filter((p): p is ProcInfo => p !== undefined);
  const children = new Map<number, number[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p.pid]);
  const descendants = new Set<number>();
  const queue = [process.pid];
  while (queue.length > 0) {
    for (const c of children.get(queue.shift()!) ?? []) {
      if (descendants.has(c)) continue;
      descendants.add(c);
      queue.push(c);
    }
  }
  return all
    .filter((p) => p.pid !== process.pid && !p.zombie && (descendants.has(p.pid) || carriesMarker(p.pid)))
    .map((p) => p.pid);
}

function commandLine(pid: number): string {
  try {
    return `${pid}: ${fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ").trim()}`;
  } catch {
    return `${pid}: (exited)`;
  }
}

/**
 * Waits (polling every 50 ms, up to `ms`) until no stray process is left, and returns what is still
 * there as `"<pid>: <command line>"` (empty when none): `expect(await waitForNoStrayProcesses()).toEqual([])`.
 */
export async function waitForNoStrayProcesses(ms = 10_000): Promise<string[]> {
  const end = Date.now() + ms;
  let left = strayProcesses();
  while (left.length > 0 && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    left = strayProcesses();
  }
  return left.map(commandLine).filter((d) => !d.endsWith("(exited)"));
}
