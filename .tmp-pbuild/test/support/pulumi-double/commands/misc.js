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
exports.version = version;
exports.whoami = whoami;
exports.cancel = cancel;
exports.about = about;
exports.login = login;
exports.logout = logout;
exports.org = org;
exports.plugin = plugin;
/**
 * Small commands: version, whoami, cancel, about, login/logout, org, plugin, install.
 */
const os = __importStar(require("node:os"));
const context_1 = require("../context");
const errors_1 = require("../errors");
const locks_1 = require("../locks");
const workspace_1 = require("../workspace");
/** `version`: the version string alone, as the Automation API parses it. */
function version(ctx) {
    ctx.stdout(`${(0, context_1.doubleVersion)(ctx.env)}\n`);
    return 0;
}
/** `whoami [--json]`: on a DIY backend the OS user and the backend URL. */
function whoami(ctx) {
    let url;
    try {
        url = ctx.backend.url;
    }
    catch {
        url = (0, workspace_1.backendUrl)(undefined, ctx.env);
    }
    const user = (0, locks_1.safeUsername)();
    if (ctx.args.bool("json"))
        ctx.stdout(JSON.stringify({ user, organizations: [], url }, null, 4) + "\n");
    else if (ctx.args.bool("verbose"))
        ctx.stdout(`User: ${user}\nOrganizations: \nBackend URL: ${url}\n`);
    else
        ctx.stdout(`${user}\n`);
    return 0;
}
/** `cancel --yes [--stack s]`: on a DIY backend, deletes the stack's lock files. */
function cancel(ctx) {
    const name = ctx.args.positionals[0] ?? undefined;
    const stack = name ? name.split("/").pop() : ctx.stackName();
    ctx.backend.requireStack(stack);
    if (!ctx.args.bool("yes"))
        throw new errors_1.CliError("--yes must be passed in to proceed when running in non-interactive mode");
    (0, locks_1.removeLocks)(ctx.backend, stack);
    ctx.stdout(`The currently running update for '${stack}' has been canceled!\n`);
    return 0;
}
/** `about [--json]`: a minimal description of the environment. */
function about(ctx) {
    const info = {
        cliVersion: (0, context_1.doubleVersion)(ctx.env),
        os: { platform: os.platform(), arch: os.arch() },
        runtime: { language: "nodejs", version: process.version },
        backend: { name: "pulumi-double", url: (0, workspace_1.backendUrl)(undefined, ctx.env), user: (0, locks_1.safeUsername)() },
    };
    ctx.stdout(ctx.args.bool("json") ? JSON.stringify(info, null, 4) + "\n" : `CLI\nVersion      ${info.cliVersion} (pulumi-double)\n`);
    return 0;
}
/** `login <file://url>` / `login --local`. */
function login(ctx) {
    const url = ctx.args.bool("local") ? "file://~" : ctx.args.positionals[0];
    if (!url || !url.startsWith("file://")) {
        throw new errors_1.CliError("the Pulumi CLI double only supports `pulumi login file://<dir>` or `pulumi login --local`");
    }
    (0, workspace_1.writeCurrentBackend)(url, ctx.env);
    ctx.stdout(`Logged in to ${os.hostname()} as ${(0, locks_1.safeUsername)()} (${url})\n`);
    return 0;
}
/** `logout`. */
function logout(ctx) {
    (0, workspace_1.writeCurrentBackend)(undefined, ctx.env);
    ctx.stdout("Logged out\n");
    return 0;
}
/** `org get-default` / `org set-default`. */
function org(ctx, sub) {
    if (sub === "set")
        throw new errors_1.CliError("organizations are not supported by DIY backends");
    ctx.stdout("organization\n");
    return 0;
}
/** `plugin ls|install|rm` and `install`: plugins are built into the double. */
function plugin(ctx, sub) {
    if (sub === "ls")
        ctx.stdout(ctx.args.bool("json") ? "[]\n" : "NAME  KIND  VERSION  SIZE  INSTALLED  LAST USED\n");
    return 0;
}
//# sourceMappingURL=misc.js.map