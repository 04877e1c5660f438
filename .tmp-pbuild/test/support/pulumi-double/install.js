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
exports.doubleMainPath = doubleMainPath;
exports.shimScript = shimScript;
exports.makePulumiRoot = makePulumiRoot;
/**
 * Installs the Pulumi CLI double as `<root>/bin/pulumi`, for `PulumiCommand.get({ root })`, for
 * PATH, or for the orchestrator's `PLATFORM_PULUMI_ROOT`. The double runs from `dist/` (compile it
 * with `npm run build` first).
 */
const fs = __importStar(require("node:fs"));
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
/** Absolute path of the compiled double (`dist/test/support/pulumi-double/main.js`). */
function doubleMainPath() {
    const here = __dirname;
    const marker = `${path.sep}dist${path.sep}`;
    if (here.includes(marker))
        return path.join(here, "main.js");
    let dir = here;
    while (!fs.existsSync(path.join(dir, "package.json"))) {
        const up = path.dirname(dir);
        if (up === dir)
            throw new Error(`pulumi-double: no package.json above ${here}`);
        dir = up;
    }
    return path.join(dir, "dist", "test", "support", "pulumi-double", "main.js");
}
/** The POSIX shell shim that execs the double with this Node binary. */
function shimScript(main = doubleMainPath(), node = process.execPath) {
    const q = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
    return `#!/bin/sh\n# Pulumi CLI double (test/support/pulumi-double). Not the real Pulumi CLI.\nexec ${q(node)} ${q(main)} "$@"\n`;
}
/**
 * Creates a temporary directory holding `bin/pulumi` that runs the double, and returns it.
 *
 * @example
 * ```ts
 * const root = await makePulumiRoot();
 * const cmd = await PulumiCommand.get({ root, skipVersionCheck: true });
 * ```
 */
async function makePulumiRoot(dir) {
    const main = doubleMainPath();
    if (!fs.existsSync(main)) {
        throw new Error(`pulumi-double: ${main} does not exist; run \`npm run build\` first`);
    }
    const root = dir ?? (await fs.promises.mkdtemp(path.join(os.tmpdir(), "pulumi-double-")));
    await fs.promises.mkdir(path.join(root, "bin"), { recursive: true });
    const bin = path.join(root, "bin", "pulumi");
    await fs.promises.writeFile(bin, shimScript(main), { mode: 0o755 });
    return root;
}
//# sourceMappingURL=install.js.map