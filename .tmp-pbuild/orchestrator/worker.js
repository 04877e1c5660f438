"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.loadProgram = loadProgram;
/**
 * The child process that owns one stack for one operation. Inline programs allow one update per
 * process (the SDK keeps global runtime state), so every stack runs here, in its own process group
 * (the parent can kill the whole tree), with its own work dir and PULUMI_HOME.
 *
 * Protocol (IPC, JSON): parent → `{ type: "run", job }`, `{ type: "abort" }`;
 * worker → `{ type: "event", event }` …, then `{ type: "result", result }` and exit.
 * A lost parent (disconnect) aborts the operation gracefully.
 */
const node_fs_1 = require("node:fs");
const errors_1 = require("./errors");
const operation_1 = require("./operation");
const remote_1 = require("./remote");
const types_1 = require("./types");
const workspace_1 = require("./workspace");
/**
 * The inline program: the module's default/`program` export, or the platform program.
 *
 * @example
 * ```ts
 * const program = loadProgram(spec); // async () => runPlatform()
 * ```
 */
function loadProgram(spec) {
    if (spec.programModule) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const mod = require(spec.programModule);
        const fn = typeof mod === "function" ? mod : (mod.program ?? mod.default);
        if (typeof fn !== "function")
            throw new Error(`${spec.programModule} exports no program (module.exports = async () => …, or exports.program)`);
        return fn;
    }
    // Loaded lazily: the platform program pulls in @pulumi/gcp, which other programs do not need.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { runPlatform } = require("../programs/main");
    return async () => runPlatform();
}
const factory = (spec, program, mode) => (spec.remote ? (0, remote_1.createRemoteStack)(spec) : (0, workspace_1.createLocalStack)(spec, program, mode));
function send(message) {
    return new Promise((resolve) => {
        if (!process.send || !process.connected)
            return resolve();
        process.send(message, undefined, {}, () => resolve());
    });
}
async function run(job, controller) {
    let result;
    try {
        const program = job.verb === types_1.Verb.up || job.verb === types_1.Verb.preview || job.verb === types_1.Verb.refresh || job.verb === types_1.Verb.destroy ? loadProgram(job.spec) : async () => undefined;
        result = await (0, operation_1.runOperation)(job, {
            factory,
            program,
            signal: controller.signal,
            emit: (event) => void send({ type: "event", event }),
        });
    }
    catch (e) {
        result = {
            env: job.spec.env,
            stack: job.spec.stackName,
            verb: job.verb === "inspect" ? types_1.Verb.up : job.verb,
            status: controller.signal.aborted ? types_1.Status.aborted : types_1.Status.failed,
            changes: "unknown",
            durationMs: 0,
            error: (0, errors_1.errorSummary)(e),
        };
    }
    finally {
        (0, node_fs_1.rmSync)(job.spec.workDir, { recursive: true, force: true });
    }
    await send({ type: "result", result });
}
function main() {
    const controller = new AbortController();
    let started = false;
    process.on("message", (msg) => {
        if (msg.type === "abort")
            controller.abort(new Error("aborted"));
        else if (msg.type === "run" && !started) {
            started = true;
            void run(msg.job, controller).then(() => {
                // The SDK can leave gRPC handles open after an operation (pulumi/pulumi#13737): end here.
                process.exit(0);
            });
        }
    });
    process.on("disconnect", () => controller.abort(new Error("orchestrator went away")));
    // Our own process group never sees the terminal's Ctrl-C; the parent decides.
    process.on("SIGINT", () => controller.abort(new Error("interrupted")));
}
if (require.main === module)
    main();
//# sourceMappingURL=worker.js.map