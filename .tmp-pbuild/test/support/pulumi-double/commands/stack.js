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
exports.stackInit = stackInit;
exports.stackSelect = stackSelect;
exports.stackShow = stackShow;
exports.stackLs = stackLs;
exports.stackRm = stackRm;
exports.stackOutput = stackOutput;
exports.stackHistory = stackHistory;
exports.stackExport = stackExport;
exports.stackImport = stackImport;
exports.stackTag = stackTag;
/**
 * `pulumi stack …`: init, select, ls, rm, output, history, export, import, tag.
 */
const fs = __importStar(require("node:fs"));
const config_1 = require("../config");
const context_1 = require("../context");
const crypto_1 = require("../crypto");
const errors_1 = require("../errors");
const locks_1 = require("../locks");
const props_1 = require("../props");
const state_1 = require("../state");
const workspace_1 = require("../workspace");
const json = (v) => JSON.stringify(v, null, 4) + "\n";
/** `stack init <name>` (or `--stack`). */
function stackInit(ctx) {
    const ref = ctx.args.positionals[0] ?? ctx.args.value("stack");
    if (!ref)
        throw new errors_1.CliError("a stack name is required in non-interactive mode");
    const provider = ctx.args.value("secrets-provider");
    if (provider && provider !== "passphrase" && provider !== "default") {
        throw new errors_1.CliError(`the Pulumi CLI double only supports the passphrase secrets provider, not '${provider}'`);
    }
    const name = (0, workspace_1.parseStackName)(ref, ctx.project);
    ctx.backend.createStack(name);
    try {
        ctx.crypter(name, true);
    }
    catch (e) {
        ctx.backend.removeStack(name);
        throw e;
    }
    if (!ctx.args.bool("no-select"))
        (0, workspace_1.setCurrentStack)(ctx.project, name, ctx.env);
    ctx.stdout(`Created stack '${name}'\n`);
    return 0;
}
/** `stack select <name>` / `stack select --stack <name> [--create]`. */
function stackSelect(ctx) {
    const ref = ctx.args.positionals[0] ?? ctx.args.value("stack");
    if (!ref)
        throw new errors_1.CliError("a stack name is required in non-interactive mode");
    const name = (0, workspace_1.parseStackName)(ref, ctx.project);
    if (!ctx.backend.exists(name)) {
        if (ctx.args.bool("create"))
            return stackInit(ctx);
        throw new errors_1.CliError(`no stack named '${name}' found`);
    }
    (0, workspace_1.setCurrentStack)(ctx.project, name, ctx.env);
    return 0;
}
/** `stack` with no subcommand: checks the stack exists and prints a short summary. */
function stackShow(ctx) {
    const name = ctx.stackName();
    const d = ctx.backend.readDeployment(name);
    ctx.stdout(`Current stack is ${name}:\n    Managed by ${ctx.backend.url}\n`);
    ctx.stdout(`    ${d?.resources?.length ?? 0} resources\n`);
    return 0;
}
/** `stack ls --json`. */
function stackLs(ctx) {
    const current = (0, workspace_1.currentStack)(ctx.project, ctx.env);
    const out = ctx.backend.listStacks().map((name) => {
        const d = ctx.backend.readDeployment(name);
        const hist = ctx.backend.history(name)[0];
        const summary = { name, current: name === current };
        if (hist?.endTime)
            summary["lastUpdate"] = new Date(hist.endTime * 1000).toISOString();
        summary["updateInProgress"] = (0, locks_1.listLocks)(ctx.backend, name).length > 0;
        if (d)
            summary["resourceCount"] = d.resources?.length ?? 0;
        summary["url"] = ctx.backend.url;
        return summary;
    });
    if (ctx.args.bool("json"))
        ctx.stdout(json(out));
    else {
        ctx.stdout("NAME  LAST UPDATE  RESOURCE COUNT\n");
        for (const s of out) {
            ctx.stdout(`${String(s["name"])}${s["current"] ? "*" : ""}  ${String(s["lastUpdate"] ?? "n/a")}  ${String(s["resourceCount"] ?? "n/a")}\n`);
        }
    }
    return 0;
}
/** `stack rm [--yes] [--force] [--preserve-config] <name>`. */
function stackRm(ctx) {
    const ref = ctx.args.positionals[0] ?? ctx.args.value("stack");
    const name = ref ? (0, workspace_1.parseStackName)(ref, ctx.project) : ctx.stackName();
    ctx.backend.requireStack(name);
    if (!ctx.args.bool("yes"))
        throw new errors_1.CliError("--yes must be passed in to proceed when running in non-interactive mode");
    const force = ctx.args.bool("force");
    if (!force)
        (0, locks_1.checkUnlocked)(ctx.backend, name);
    const count = ctx.backend.readDeployment(name)?.resources?.length ?? 0;
    if (count > 0 && !force) {
        throw new errors_1.CliError(`'${name}' still has resources; removal rejected. Possible actions:\n` +
            `- Make sure that '${name}' is the stack that you want to destroy\n` +
            "- Run `pulumi destroy` to delete the resources, then run `pulumi stack rm`\n" +
            "- Run `pulumi stack rm --force` to override this error");
    }
    ctx.backend.removeStack(name);
    if (!ctx.args.bool("preserve-config"))
        fs.rmSync(ctx.settingsPath(name), { force: true });
    if ((0, workspace_1.currentStack)(ctx.project, ctx.env) === name)
        (0, workspace_1.setCurrentStack)(ctx.project, undefined, ctx.env);
    ctx.stdout(`Stack '${name}' has been removed!\n`);
    return 0;
}
function stackOutputs(ctx, name, showSecrets) {
    const d = ctx.backend.readDeployment(name);
    const root = d?.resources?.find((r) => r.type === "pulumi:pulumi:Stack" && !r.parent);
    const outs = root?.outputs ?? {};
    if (!showSecrets)
        return (0, props_1.blindToText)(outs);
    return (0, props_1.unwrap)((0, state_1.decryptProps)(outs, ctx.crypter(name)));
}
/** `stack output [name] [--json] [--show-secrets]`. */
function stackOutput(ctx) {
    const name = ctx.stackName();
    const outs = stackOutputs(ctx, name, ctx.args.bool("show-secrets"));
    const prop = ctx.args.positionals[0];
    if (prop !== undefined) {
        if (!(prop in outs))
            throw new errors_1.CliError(`current stack does not have output property '${prop}'`);
        const v = outs[prop];
        ctx.stdout(ctx.args.bool("json") ? json(v) : `${typeof v === "string" ? v : JSON.stringify(v)}\n`);
        return 0;
    }
    if (ctx.args.bool("json"))
        ctx.stdout(json(outs));
    else {
        ctx.stdout(`Current stack outputs (${Object.keys(outs).length}):\n    OUTPUT  VALUE\n`);
        for (const [k, v] of Object.entries(outs))
            ctx.stdout(`    ${k}  ${typeof v === "string" ? v : JSON.stringify(v)}\n`);
    }
    return 0;
}
/** `stack history --json [--show-secrets] [--page-size n --page p]`. */
function stackHistory(ctx) {
    const name = ctx.stackName();
    const show = ctx.args.bool("show-secrets");
    let records = ctx.backend.history(name);
    const size = Number(ctx.args.value("page-size") ?? 0);
    if (size > 0) {
        const page = Math.max(1, Number(ctx.args.value("page") ?? 1));
        records = records.slice((page - 1) * size, page * size);
    }
    const crypter = show && records.length > 0 ? ctx.crypter(name) : undefined;
    const out = records.map((r) => {
        const config = {};
        for (const [k, v] of Object.entries(r.config ?? {}))
            config[k] = (0, config_1.configJson)(v, crypter, show);
        const o = {
            version: r.version,
            kind: r.kind,
            startTime: new Date(r.startTime * 1000).toISOString(),
            message: r.message,
            environment: r.environment,
            config,
            result: r.result,
        };
        if (r.endTime !== undefined)
            o["endTime"] = new Date(r.endTime * 1000).toISOString();
        if (r.resourceChanges)
            o["resourceChanges"] = r.resourceChanges;
        return o;
    });
    if (ctx.args.bool("json"))
        ctx.stdout(json(out));
    else
        for (const o of out)
            ctx.stdout(`${String(o["kind"])} ${String(o["result"])} ${String(o["startTime"])}\n`);
    return 0;
}
/** `stack export [--show-secrets] [--file f]`. */
function stackExport(ctx) {
    const name = ctx.stackName();
    const latest = ctx.backend.readDeployment(name);
    let deployment = latest ?? { manifest: { time: "0001-01-01T00:00:00Z", magic: "", version: "" } };
    if (latest && ctx.args.bool("show-secrets")) {
        const crypter = ctx.crypter(name);
        deployment = (0, state_1.mapDeploymentProps)(latest, (p) => (0, state_1.plaintextProps)((0, state_1.decryptProps)(p, crypter)));
    }
    const text = json({ version: 3, deployment });
    const file = ctx.args.value("file");
    if (file)
        fs.writeFileSync(file, text);
    else
        ctx.stdout(text);
    return 0;
}
/** `stack import --file f [--force]`: replaces the checkpoint (pending operations are dropped). */
function stackImport(ctx) {
    const name = ctx.stackName();
    const file = ctx.args.value("file");
    const text = file ? fs.readFileSync(file, "utf8") : fs.readFileSync(0, "utf8");
    const untyped = JSON.parse(text);
    if (untyped.version !== 3 || !untyped.deployment) {
        throw new errors_1.CliError(`could not import deployment: unsupported deployment version ${String(untyped.version)}`);
    }
    const crypter = ctx.crypter(name, true);
    const salt = untyped.deployment.secrets_providers?.state?.salt;
    const source = salt && salt !== ctx.salt(name) ? crypto_1.Crypter.fromSalt(salt, ctx.passphrase()) : crypter;
    const incoming = (0, state_1.mapDeploymentProps)(untyped.deployment, (p) => (0, state_1.decryptProps)(p, source));
    for (const op of incoming.pending_operations ?? []) {
        ctx.stderr(`warning: removing pending operation '${op.type}' on '${op.resource.urn}' from snapshot\n`);
    }
    const problem = (0, state_1.verifyIntegrity)(incoming.resources ?? []);
    if (problem && !ctx.args.bool("force"))
        throw new errors_1.CliError(`could not import deployment: ${problem}`);
    const lock = (0, locks_1.acquireLock)(ctx.backend, name);
    try {
        const out = {
            manifest: (0, state_1.manifest)((0, context_1.doubleVersion)(ctx.env).slice(1)),
            secrets_providers: { type: "passphrase", state: { salt: ctx.salt(name) } },
            resources: (incoming.resources ?? []).map((r) => ({
                ...r,
                inputs: (0, state_1.encryptProps)(r.inputs ?? {}, crypter),
                outputs: (0, state_1.encryptProps)(r.outputs ?? {}, crypter),
            })),
        };
        ctx.backend.writeDeployment(name, out);
    }
    finally {
        lock.release();
    }
    ctx.stdout("Import complete.\n");
    return 0;
}
/** `stack tag get|set|rm|ls`. */
function stackTag(ctx, sub) {
    const name = ctx.stackName();
    const tags = ctx.backend.readTags(name);
    const builtin = {
        "pulumi:project": ctx.project.name,
        "pulumi:runtime": typeof ctx.project.runtime === "string" ? ctx.project.runtime : ctx.project.runtime.name,
    };
    const [key, value] = ctx.args.positionals;
    if (sub === "ls") {
        const all = { ...builtin, ...tags };
        if (ctx.args.bool("json"))
            ctx.stdout(json(all));
        else
            for (const [k, v] of Object.entries(all))
                ctx.stdout(`${k}  ${v}\n`);
        return 0;
    }
    if (!key)
        throw new errors_1.CliError("a tag name is required");
    if (sub === "get") {
        const v = tags[key] ?? builtin[key];
        if (v === undefined)
            throw new errors_1.CliError(`stack tag '${key}' not found for stack '${name}'`);
        ctx.stdout(`${v}\n`);
    }
    else if (sub === "set") {
        if (value === undefined)
            throw new errors_1.CliError("a tag value is required");
        ctx.backend.writeTags(name, { ...tags, [key]: value });
    }
    else {
        delete tags[key];
        ctx.backend.writeTags(name, tags);
    }
    return 0;
}
//# sourceMappingURL=stack.js.map