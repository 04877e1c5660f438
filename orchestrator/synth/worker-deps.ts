// Imported first by the synth worker, before the SDK: from here on every file read and environment
// variable read is recorded (./depfile.ts), so the worker can hand its depfile to the cache.
import { recordDependencies } from "./depfile";

/** Collects this worker's depfile (once the program has run). */
export const collectDependencies = recordDependencies();
