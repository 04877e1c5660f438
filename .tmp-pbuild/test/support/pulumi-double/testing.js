"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.doubleEnv = doubleEnv;
exports.inlineStack = inlineStack;
exports.withEnv = withEnv;
exports.lockFiles = lockFiles;
exports.readCheckpoint = readCheckpoint;
exports.processAlive = processAlive;
exports.waitFor = waitFor;
exports.runCli = runCli;
/**
 * Test helpers around the Pulumi CLI double: a per-test environment (CLI root, backend dir,
 * PULUMI_HOME), inline stacks through the real Automation API, and state inspection.
 */
const node_child_process_1 = require("node:child_process");
const fs = __importStar(require("node:fs"));
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const automation_1 = require("@pulumi/pulumi/automation");
const install_1 = require("./install");
/** Creates a fresh double environment. */
async function doubleEnv() {
    const root = await (0, install_1.makePulumiRoot)();
    const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "pulumi-double-test-"));
    const backendDir = path.join(dir, "backend");
    fs.mkdirSync(backendDir);
    const cmd = await automation_1.PulumiCommand.get({ root, skipVersionCheck: true });
    const env = {
        PULUMI_CONFIG_PASSPHRASE: "test",
        PULUMI_BACKEND_URL: `file://${backendDir}`,
        PULUMI_HOME: path.join(dir, "home"),
    };
    return { root, dir, backendDir, cmd, env };
}
/** Selects or creates an inline-program stack in `<dir>/<project>` through the real Automation API. */
async function inlineStack(de, args) {
    const workDir = path.join(de.dir, args.project);
    fs.mkdirSync(workDir, { recursive: true });
    const opts = {
        workDir,
        pulumiCommand: de.cmd,
        envVars: { ...de.env, ...args.env },
        projectSettings: { name: args.project, runtime: "nodejs", backend: { url: `file://${de.backendDir}` } },
    };
    return automation_1.LocalWorkspace.createOrSelectStack({ stackName: args.stack, projectName: args.project, program: args.program }, opts);
}
/** Runs `fn` with extra environment variables set for the stack's CLI invocations. */
async function withEnv(stack, vars, fn) {
    const env = stack.workspace.envVars;
    const saved = { ...env };
    Object.assign(env, vars);
    try {
        return await fn();
    }
    finally {
        for (const k of Object.keys(env))
            delete env[k];
        Object.assign(env, saved);
    }
}
/** Lock files of a stack in the double's backend. */
function lockFiles(de, project, stack) {
    const dir = path.join(de.backendDir, ".pulumi", "locks", "organization", project, stack);
    return fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => path.join(dir, f)) : [];
}
/** The raw checkpoint file of a stack. */
function readCheckpoint(de, project, stack) {
    const file = path.join(de.backendDir, ".pulumi", "stacks", project, `${stack}.json`);
    return JSON.parse(fs.readFileSync(file, "utf8"));
}
/** True while a process with this pid exists (zombies included). */
function processAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch {
        return false;
    }
}
/** Waits until `pred` holds (polling every 25 ms), failing after `timeoutMs`. */
async function waitFor(pred, timeoutMs = 20_000, what = "condition") {
    const start = Date.now();
    while (!pred()) {
        if (Date.now() - start > timeoutMs)
            throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 25));
    }
}
/** Runs the double's CLI directly; resolves with exit code and output (never rejects). */
function runCli(de, args, opts = {}) {
    return new Promise((resolve) => {
        (0, node_child_process_1.execFile)(path.join(de.root, "bin", "pulumi"), [...args], { cwd: opts.cwd ?? de.dir, env: { ...process.env, ...de.env, ...opts.env }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
            const code = err ? (typeof err.code === "number" ? err.code : -1) : 0;
            resolve({ code, stdout, stderr });
        });
    });
}
//# sourceMappingURL=testing.js.map