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
exports.repoRoot = repoRoot;
exports.stacksDir = stacksDir;
exports.readStackConfig = readStackConfig;
exports.toRuntimeConfig = toRuntimeConfig;
exports.loadRuntimeConfig = loadRuntimeConfig;
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const pulumi = __importStar(require("@pulumi/pulumi"));
const yaml_1 = require("yaml");
const errors_1 = require("../components/shared/errors");
const config_1 = require("./config");
/** Repository root (where Pulumi.yaml lives), from this file's place in `programs/` or `dist/programs/`. */
function repoRoot() {
    const here = __dirname;
    return path.basename(path.dirname(here)) === "dist"
        ? path.resolve(here, "..", "..")
        : path.resolve(here, "..");
}
/** Where stack files live: `PLATFORM_STACKS_DIR`, else Pulumi.yaml's `stackConfigDir` (`stacks/`). */
function stacksDir(root = repoRoot()) {
    return process.env["PLATFORM_STACKS_DIR"] ?? path.join(root, "stacks");
}
/**
 * Reads `stacks/Pulumi.<env>.yaml` into `key → value` (structured values stay objects), exactly the
 * values `pulumi up -s <env>` would pass to the program.
 *
 * @example
 * ```ts
 * readStackConfig("dev")["platform:environment"]; // { profile: "dev", app: "shop" }
 * ```
 */
function readStackConfig(env, dir = stacksDir()) {
    if (!/^[A-Za-z0-9_.-]+$/.test(env))
        throw new errors_1.PlatformError(`--env: stack names are letters, digits, '.', '_' or '-', got ${JSON.stringify(env)}`);
    const file = path.join(dir, `Pulumi.${env}.yaml`);
    let text;
    try {
        text = (0, node_fs_1.readFileSync)(file, "utf8");
    }
    catch {
        throw new errors_1.PlatformError(`no stack config for "${env}": ${path.relative(process.cwd(), file) || file} does not exist`);
    }
    let doc;
    try {
        doc = (0, yaml_1.parse)(text);
    }
    catch (e) {
        throw new errors_1.PlatformError(`${file}: not valid YAML: ${e.message}`);
    }
    const config = doc?.config ?? {};
    if (typeof config !== "object" || config === null || Array.isArray(config)) {
        throw new errors_1.PlatformError(`${file}: "config" must be a map of key → value`);
    }
    return config;
}
/**
 * The same values as Pulumi passes them to a program: structured values as JSON strings.
 *
 * @example
 * ```ts
 * pulumi.runtime.setAllConfig(toRuntimeConfig(readStackConfig("dev")));
 * ```
 */
function toRuntimeConfig(values) {
    const out = {};
    for (const [k, v] of Object.entries(values))
        out[k] = typeof v === "string" ? v : JSON.stringify(v);
    return out;
}
/**
 * Reads the running stack's config from the Pulumi runtime (what `pulumi up` and the Automation
 * API provide) and validates it.
 */
function loadRuntimeConfig() {
    const all = pulumi.runtime.allConfig();
    const values = {};
    for (const [k, v] of Object.entries(all)) {
        if (!k.startsWith("platform:") && !k.startsWith("gcp:"))
            continue;
        values[k] = k.startsWith("platform:") ? parseJsonish(v) : v;
    }
    return (0, config_1.parseEnvironmentConfig)(pulumi.getStack(), values);
}
function parseJsonish(v) {
    try {
        return JSON.parse(v);
    }
    catch {
        return v;
    }
}
//# sourceMappingURL=stack-config.js.map