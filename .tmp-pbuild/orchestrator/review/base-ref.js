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
exports.synthAtRef = synthAtRef;
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const path = __importStar(require("node:path"));
const node_util_1 = require("node:util");
const errors_1 = require("../../components/shared/errors");
const stack_config_1 = require("../../programs/stack-config");
const run = (0, node_util_1.promisify)(node_child_process_1.execFile);
/**
 * Synthesizes environments as they were at a git ref (the pull request's base), for the offline
 * review of pull requests from forks, which get no cloud credentials. The ref is checked out in a
 * temporary git worktree that shares this checkout's node_modules, built with its own sources, and
 * its own synth runs with its own stack files. The worktree is removed afterwards.
 *
 * An environment that does not exist at the base ref yields an empty inventory (everything is a
 * create); a base whose config is invalid is an error naming the ref.
 *
 * @example
 * ```ts
 * const base = await synthAtRef("origin/main", ["dev", "prod"]);
 * ```
 */
async function synthAtRef(ref, envs, root = (0, stack_config_1.repoRoot)()) {
    if (!/^[\w./@^~-]+$/.test(ref))
        throw new errors_1.PlatformError(`--base: not a git ref: ${JSON.stringify(ref)}`);
    try {
        await run("git", ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { cwd: root });
    }
    catch {
        throw new errors_1.PlatformError(`--base: unknown git ref ${JSON.stringify(ref)} (fetch it first, e.g. git fetch origin ${ref})`);
    }
    const dir = (0, node_fs_1.mkdtempSync)(path.join((0, node_os_1.tmpdir)(), "platform-base-"));
    const tree = path.join(dir, "tree");
    await run("git", ["worktree", "add", "--detach", tree, ref], { cwd: root });
    try {
        if (!(0, node_fs_1.existsSync)(path.join(tree, "orchestrator", "synth", "worker.ts"))) {
            throw new errors_1.PlatformError(`--base ${ref}: that revision predates offline synth; pick a newer base`);
        }
        (0, node_fs_1.symlinkSync)(path.join(root, "node_modules"), path.join(tree, "node_modules"), "dir");
        try {
            await run(process.execPath, [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"], {
                cwd: tree,
                maxBuffer: 64 * 1024 * 1024,
            });
        }
        catch (e) {
            const out = e.stdout ?? "";
            throw new errors_1.PlatformError(`--base ${ref}: the base revision does not build:\n${out.split("\n").slice(0, 10).join("\n")}`);
        }
        // Load the base's own synth (its program, its components, its stack files).
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const baseSynth = require(path.join(tree, "dist", "orchestrator", "synth", "index.js"));
        const out = new Map();
        for (const env of envs) {
            const stacks = path.join(tree, "stacks");
            if (!(0, node_fs_1.existsSync)(path.join(stacks, `Pulumi.${env}.yaml`))) {
                out.set(env, { env, stack: env, resources: [], outputs: {} });
                continue;
            }
            try {
                out.set(env, await baseSynth.synth(env, { stacksDir: stacks }));
            }
            catch (e) {
                throw new errors_1.PlatformError(`--base ${ref}: synth of "${env}" at the base failed: ${e.message}`);
            }
        }
        return out;
    }
    finally {
        await run("git", ["worktree", "remove", "--force", tree], { cwd: root }).catch(() => undefined);
        (0, node_fs_1.rmSync)(dir, { recursive: true, force: true });
    }
}
//# sourceMappingURL=base-ref.js.map