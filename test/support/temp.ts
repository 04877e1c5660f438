/**
 * Temporary directories that are removed after the test file, even when a test fails: importing
 * this module registers one `afterAll` that removes every directory {@link tempDir} made.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll } from "@jest/globals";

const made: string[] = [];

/**
 * Creates `<tmp>/<prefix>XXXXXX` and returns its path; it is removed after the file's tests.
 *
 * @example
 * ```ts
 * const dir = tempDir("plan-parse-");
 * ```
 */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every directory made so far (also called by the `afterAll` this module registers). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

afterAll(removeTempDirs);
