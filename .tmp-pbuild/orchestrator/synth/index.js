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
exports.synth = synth;
const node_child_process_1 = require("node:child_process");
const path = __importStar(require("node:path"));
const config_1 = require("../../programs/config");
const stack_config_1 = require("../../programs/stack-config");
/**
 * Runs the real program for one environment under Pulumi's mock runtime, in a child process (a
 * clean runtime per environment), with the stack config `pulumi up` would read. No cloud, no CLI.
 * Throws {@link ConfigError} for invalid config.
 *
 * @example
 * ```ts
 * const inv = await synth("prod");
 * inv.resources.filter((r) => r.type === "gcp:sql/databaseInstance:DatabaseInstance").length; // 2
 * ```
 */
async function synth(env, options = {}) {
    const worker = path.join((0, stack_config_1.repoRoot)(), "dist", "orchestrator", "synth", "worker.js");
    const dir = options.stacksDir ?? (0, stack_config_1.stacksDir)();
    const project = options.project ?? "platform";
    const stdout = await new Promise((resolve, reject) => {
        (0, node_child_process_1.execFile)(process.execPath, [worker, env, dir, project], { maxBuffer: 256 * 1024 * 1024, env: { ...process.env, PULUMI_NODEJS_STACK: env } }, (err, out, errOut) => {
            if (err)
                reject(new Error(`synth of "${env}" failed:\n${errOut || err.message}`));
            else
                resolve(out);
        });
    });
    const parsed = JSON.parse(stdout);
    if (parsed.configError !== undefined)
        throw configErrorFromText(env, parsed.configError);
    return {
        env,
        stack: env,
        resources: (parsed.resources ?? []).map(({ urn, type, name, parent, inputs, protect }) => ({
            urn,
            type,
            name,
            parent,
            inputs,
            protect,
        })),
        outputs: parsed.outputs ?? {},
    };
}
function configErrorFromText(env, text) {
    const issues = [];
    for (const line of text.split("\n").slice(1)) {
        const m = /^\s+(\S+?): (.*)$/.exec(line);
        if (m)
            issues.push({ path: m[1], message: m[2] });
    }
    return new config_1.ConfigError(env, issues.length ? issues : [{ path: "config", message: text }]);
}
//# sourceMappingURL=index.js.map