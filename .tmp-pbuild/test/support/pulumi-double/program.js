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
exports.runInline = runInline;
exports.runLocal = runLocal;
/**
 * Running the Pulumi program: an inline program through the Automation API's language server
 * (`--client <addr>`: the CLI calls `LanguageRuntime.Run` on it), or a local Node.js program by
 * spawning the SDK's own runner (`@pulumi/pulumi/cmd/run`) as `pulumi-language-nodejs` would.
 */
const node_child_process_1 = require("node:child_process");
const node_module_1 = require("node:module");
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const errors_1 = require("./errors");
const proto_1 = require("./proto");
/** Runs an inline program through the language server at `client`. */
function runInline(client, info) {
    const lang = new proto_1.langrpc.LanguageRuntimeClient(client, proto_1.grpc.credentials.createInsecure(), proto_1.CHANNEL_OPTIONS);
    const req = new proto_1.langproto.RunRequest();
    req.setProject(info.project.name);
    req.setStack(info.stack);
    req.setPwd(info.project.dir);
    req.setProgram(".");
    // The Automation API's language server reads the engine address from args[0].
    req.setArgsList([info.monitorAddress]);
    for (const [k, v] of Object.entries(info.config))
        req.getConfigMap().set(k, v);
    req.setConfigsecretkeysList(info.configSecretKeys);
    req.setDryrun(info.dryRun);
    req.setParallel(info.parallel);
    req.setMonitorAddress(info.monitorAddress);
    req.setOrganization("organization");
    const done = new Promise((resolve) => {
        lang.run(req, (err, resp) => {
            lang.close();
            if (err)
                resolve(err.details || err.message);
            else
                resolve(resp.getError() || undefined);
        });
    });
    return { done, kill: () => lang.close() };
}
/** The entry point of a local program: PULUMI_DOUBLE_MAIN, else `main` in Pulumi.yaml, else ".". */
function programPath(project, env) {
    const main = env["PULUMI_DOUBLE_MAIN"] || project.main || ".";
    return path.resolve(project.dir, main);
}
/** Runs a local Node.js program with the SDK's runner. */
function runLocal(info) {
    const { project } = info;
    const runtime = typeof project.runtime === "string" ? project.runtime : project.runtime.name;
    if (runtime !== "nodejs") {
        throw new errors_1.CliError(`the Pulumi CLI double only runs nodejs programs, not runtime '${runtime}'`);
    }
    const program = programPath(project, info.env);
    const req = (0, node_module_1.createRequire)(path.join(project.dir, "package.json"));
    let runner;
    try {
        runner = req.resolve("@pulumi/pulumi/cmd/run");
    }
    catch {
        // No SDK next to the program (e.g. a scratch project found through NODE_PATH): use the
        // double's own copy, as a globally installed language host would find one.
        runner = path.join(proto_1.PULUMI_SDK_DIR, "cmd", "run");
    }
    const env = {
        ...info.env,
        PULUMI_CONFIG: JSON.stringify(info.config),
        PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(info.configSecretKeys),
    };
    if (program.endsWith(".ts")) {
        let tsNode = false;
        try {
            req.resolve("ts-node");
            tsNode = true;
        }
        catch {
            tsNode = false;
        }
        if (!tsNode) {
            throw new errors_1.CliError(`the Pulumi CLI double cannot run the TypeScript program ${program}: ts-node is not installed. ` +
                "Use an inline program, or set PULUMI_DOUBLE_MAIN to compiled JavaScript.");
        }
        env["PULUMI_NODEJS_TYPESCRIPT"] = "true";
    }
    else if (!fs.existsSync(program)) {
        throw new errors_1.CliError(`the program entry point ${program} does not exist`);
    }
    const args = [
        runner,
        `--monitor=${info.monitorAddress}`,
        `--engine=${info.monitorAddress}`,
        `--project=${project.name}`,
        `--stack=${info.stack}`,
        `--organization=organization`,
        `--root-directory=${project.dir}`,
        `--pwd=${project.dir}`,
        `--parallel=${info.parallel}`,
        ...(info.dryRun ? ["--dry-run"] : []),
        program,
    ];
    const child = (0, node_child_process_1.spawn)(process.execPath, args, { cwd: project.dir, env, stdio: ["ignore", "pipe", "pipe"] });
    const forward = (stream) => {
        let buf = "";
        child[stream].on("data", (d) => {
            buf += d.toString();
            let nl;
            while ((nl = buf.indexOf("\n")) >= 0) {
                info.onOutput(buf.slice(0, nl), stream);
                buf = buf.slice(nl + 1);
            }
        });
        child[stream].on("end", () => buf && info.onOutput(buf, stream));
    };
    forward("stdout");
    forward("stderr");
    const done = new Promise((resolve) => {
        child.on("exit", (code, sig) => {
            if (code === 0)
                resolve(undefined);
            else if (code === 32)
                resolve("the program reported an error (see diagnostics)");
            else
                resolve(`Program exited with non-zero exit code: ${code ?? sig}`);
        });
        child.on("error", (e) => resolve(e.message));
    });
    return { done, kill: () => child.kill("SIGKILL") };
}
//# sourceMappingURL=program.js.map