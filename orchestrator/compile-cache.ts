/**
 * Turns on Node's on-disk compile cache (`<tmp>/node-compile-cache`, keyed by file contents and the
 * Node version) when this process is one of the orchestrator's own entry points: a stack worker
 * (one per stack and operation, most of its start-up is compiling the Pulumi SDK), a synth worker
 * (one per environment: the SDK, the provider SDKs and the program) or the CLI run as
 * `node dist/orchestrator/cli.js` (bin/platform.cjs turns it on itself). Imported first by each,
 * so it runs before the SDK loads. A no-op in any other process (a program that imports the
 * library keeps its own settings) and on Node versions without the cache.
 *
 * The same processes also defer the SDK's closure serializer (TypeScript, arborist) to its first
 * use (./lazy-closure.ts), load the OpenTelemetry API only once something registers with it
 * (./lazy-otel.ts), and format the SDK's per-promise stack captures without source maps
 * (./promise-stacks.ts).
 */
import * as nodeModule from "node:module";
import * as path from "node:path";
import { deferClosureSerializer } from "./lazy-closure";
import { deferTracingApi } from "./lazy-otel";
import { plainPromiseStacks } from "./promise-stacks";

const ENTRIES = ["worker.js", path.join("synth", "worker.js"), "cli.js"].map((f) => path.join(__dirname, f));

if (ENTRIES.includes(require.main?.filename ?? "")) {
  nodeModule.enableCompileCache?.();
  deferClosureSerializer();
  deferTracingApi();
  plainPromiseStacks();
}
