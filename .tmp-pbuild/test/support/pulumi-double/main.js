"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.main = main;
/**
 * Entry point of the Pulumi CLI double (`<root>/bin/pulumi` execs `node main.js "$@"`).
 * Errors print as `error: <message>` on stderr with exit code 255, like the real CLI.
 */
const args_1 = require("./args");
const config_1 = require("./commands/config");
const misc_1 = require("./commands/misc");
const ops_1 = require("./commands/ops");
const stack_1 = require("./commands/stack");
const context_1 = require("./context");
const errors_1 = require("./errors");
const HANDLERS = {
    "": () => {
        throw new errors_1.CliError("no command given; the Pulumi CLI double implements a subset of `pulumi` (see its README)");
    },
    version: misc_1.version,
    about: misc_1.about,
    whoami: misc_1.whoami,
    cancel: misc_1.cancel,
    login: misc_1.login,
    logout: misc_1.logout,
    up: (c) => (0, ops_1.runOperation)(c, "update"),
    update: (c) => (0, ops_1.runOperation)(c, "update"),
    preview: (c) => (0, ops_1.runOperation)(c, "preview"),
    refresh: (c) => (0, ops_1.runOperation)(c, "refresh"),
    destroy: (c) => (0, ops_1.runOperation)(c, "destroy"),
    import: () => {
        throw new errors_1.CliError("`pulumi import` is not implemented by the Pulumi CLI double");
    },
    install: (c) => (0, misc_1.plugin)(c, "project"),
    stack: stack_1.stackShow,
    "stack init": stack_1.stackInit,
    "stack select": stack_1.stackSelect,
    "stack ls": stack_1.stackLs,
    "stack rm": stack_1.stackRm,
    "stack output": stack_1.stackOutput,
    "stack history": stack_1.stackHistory,
    "stack export": stack_1.stackExport,
    "stack import": stack_1.stackImport,
    "stack tag get": (c) => (0, stack_1.stackTag)(c, "get"),
    "stack tag set": (c) => (0, stack_1.stackTag)(c, "set"),
    "stack tag rm": (c) => (0, stack_1.stackTag)(c, "rm"),
    "stack tag ls": (c) => (0, stack_1.stackTag)(c, "ls"),
    config: config_1.configList,
    "config get": config_1.configGet,
    "config set": config_1.configSet,
    "config set-all": config_1.configSetAll,
    "config rm": config_1.configRm,
    "config rm-all": config_1.configRmAll,
    "config refresh": config_1.configRefresh,
    "config env add": unsupportedEsc,
    "config env ls": unsupportedEsc,
    "config env rm": unsupportedEsc,
    "plugin ls": (c) => (0, misc_1.plugin)(c, "ls"),
    "plugin install": (c) => (0, misc_1.plugin)(c, "install"),
    "plugin rm": (c) => (0, misc_1.plugin)(c, "rm"),
    "org get-default": (c) => (0, misc_1.org)(c, "get"),
    "org set-default": (c) => (0, misc_1.org)(c, "set"),
};
function unsupportedEsc() {
    throw new errors_1.CliError("Pulumi ESC environments are not supported by the Pulumi CLI double");
}
function write(stream, text) {
    return new Promise((resolve) => stream.write(text, () => resolve()));
}
/** Runs the CLI; resolves with the exit code. */
async function main(argv) {
    const pending = [];
    const out = (t) => void pending.push(write(process.stdout, t));
    const err = (t) => void pending.push(write(process.stderr, t));
    let code;
    try {
        const args = (0, args_1.parseArgs)(argv);
        const cwd = args.value("cwd") ?? process.cwd();
        const ctx = new context_1.Context(args, process.env, cwd, out, err);
        code = await HANDLERS[args.command](ctx);
    }
    catch (e) {
        if (e instanceof errors_1.CliError) {
            err(`error: ${e.message}\n`);
            code = e.exitCode;
        }
        else {
            err(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
            code = 255;
        }
    }
    await Promise.all(pending);
    return code;
}
if (require.main === module) {
    main(process.argv.slice(2)).then((code) => process.exit(code), (e) => {
        process.stderr.write(`error: ${String(e)}\n`);
        process.exit(255);
    });
}
//# sourceMappingURL=main.js.map