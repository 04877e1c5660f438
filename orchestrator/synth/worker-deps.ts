// Imported first by the synth worker, before the SDK: from here on every file read and environment
// variable read is recorded (./depfile.ts), so the worker can hand its depfile to the cache.
import { existsSync } from "node:fs";
import * as path from "node:path";
import { recordDependencies } from "./depfile";

// This library's root and its build output, from orchestrator/synth/ or dist/orchestrator/synth/.
const up = path.resolve(__dirname, "..", "..");
const ROOT = path.basename(up) === "dist" ? path.dirname(up) : up;
const DIST = path.join(ROOT, "dist") + path.sep;

/** The TypeScript source a dist/ module was compiled from, when this is a source checkout. */
function sourceTwin(file: string): string | undefined {
  if (!file.startsWith(DIST) || !file.endsWith(".js")) return undefined;
  const source = path.join(ROOT, `${file.slice(DIST.length, -".js".length)}.ts`);
  return existsSync(source) ? source : undefined;
}

/** Collects this worker's depfile (once the program has run), with the sources of its dist/ modules. */
export const collectDependencies = recordDependencies(sourceTwin);
