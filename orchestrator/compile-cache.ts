/**
 * Turns on Node's on-disk compile cache (`<tmp>/node-compile-cache`, keyed by file contents and the
 * Node version) when this process is a stack worker: one starts per stack and operation, and most
 * of its start-up is compiling the Pulumi SDK. Imported first by the worker, so it runs before the
 * SDK loads. A no-op in any other process and on Node versions without the cache.
 */
import * as nodeModule from "node:module";
import * as path from "node:path";

if (require.main?.filename === path.join(__dirname, "worker.js")) nodeModule.enableCompileCache?.();
