"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ParsedArgs = exports.COMMANDS = void 0;
exports.parseArgs = parseArgs;
/**
 * Command-line parsing with the real CLI's (cobra's) conventions: flags anywhere, `--flag value`
 * and `--flag=value`, repeatable flags, `--` ending flag parsing, short aliases.
 */
const errors_1 = require("./errors");
/** Every command path the double knows, longest first when matching. */
exports.COMMANDS = [
    "version",
    "about",
    "whoami",
    "cancel",
    "up",
    "update",
    "preview",
    "refresh",
    "destroy",
    "import",
    "install",
    "login",
    "logout",
    "stack",
    "stack init",
    "stack select",
    "stack ls",
    "stack rm",
    "stack output",
    "stack history",
    "stack export",
    "stack import",
    "stack tag get",
    "stack tag set",
    "stack tag rm",
    "stack tag ls",
    "config",
    "config get",
    "config set",
    "config set-all",
    "config rm",
    "config rm-all",
    "config refresh",
    "config env add",
    "config env ls",
    "config env rm",
    "plugin ls",
    "plugin install",
    "plugin rm",
    "org get-default",
    "org set-default",
];
const VALUE_FLAGS = new Set([
    "stack",
    "client",
    "exec-kind",
    "exec-agent",
    "event-log",
    "target",
    "replace",
    "exclude",
    "parallel",
    "message",
    "color",
    "config-file",
    "secrets-provider",
    "file",
    "page-size",
    "page",
    "policy-pack",
    "policy-pack-config",
    "plan",
    "save-plan",
    "import-file",
    "tracing",
    "tracing-header",
    "verbose",
    "cwd",
    "otel-traces",
    "profiling",
    "memprofilerate",
    "remote-git-repo-dir",
    "remote-git-branch",
    "remote-git-commit",
    "remote-git-auth-access-token",
    "remote-git-auth-ssh-private-key",
    "remote-git-auth-ssh-private-key-path",
    "remote-git-auth-password",
    "remote-git-auth-username",
    "remote-env",
    "remote-env-secret",
    "remote-pre-run-command",
    "remote-executor-image",
    "type",
    "out",
    "from",
    "server",
]);
/** Flags whose meaning depends on the command: in `config set-all` they carry values. */
const COMMAND_VALUE_FLAGS = {
    "config set-all": ["json", "plaintext", "secret"],
};
const SHORT = {
    s: "stack",
    y: "yes",
    f: "force",
    j: "json",
    p: "parallel",
    m: "message",
    t: "target",
    v: "verbose",
    C: "cwd",
    r: "refresh",
    d: "diff",
};
/** A parsed command line. */
class ParsedArgs {
    command;
    positionals;
    flags;
    constructor(
    /** The matched command path, e.g. `stack init`. */
    command, 
    /** Positional arguments after the command path. */
    positionals, flags) {
        this.command = command;
        this.positionals = positionals;
        this.flags = flags;
    }
    /** True when a boolean flag is present and not `=false`. */
    bool(name) {
        const v = this.flags.get(name);
        return v !== undefined && v[v.length - 1] !== "false";
    }
    /** The last value of a flag. */
    value(name) {
        const v = this.flags.get(name);
        return v?.[v.length - 1];
    }
    /** All values of a repeatable flag. */
    values(name) {
        return this.flags.get(name) ?? [];
    }
    /** True when the flag was given at all. */
    has(name) {
        return this.flags.has(name);
    }
    /** Flag names given (for warnings about accepted-but-ignored flags). */
    names() {
        return [...this.flags.keys()];
    }
}
exports.ParsedArgs = ParsedArgs;
function splitFlag(tok) {
    const body = tok.startsWith("--") ? tok.slice(2) : tok.slice(1);
    const eq = body.indexOf("=");
    const raw = eq >= 0 ? body.slice(0, eq) : body;
    const name = tok.startsWith("--") ? raw : (SHORT[raw] ?? raw);
    return eq >= 0 ? { name, inline: body.slice(eq + 1) } : { name };
}
function tokenize(argv, valueFlags) {
    const words = [];
    const flags = new Map();
    let afterDashDash = false;
    for (let i = 0; i < argv.length; i++) {
        const tok = argv[i];
        if (afterDashDash) {
            words.push(tok);
            continue;
        }
        if (tok === "--") {
            afterDashDash = true;
            continue;
        }
        if (tok.startsWith("-") && tok.length > 1 && !/^-\d/.test(tok)) {
            const { name, inline } = splitFlag(tok);
            let value = inline;
            if (value === undefined && valueFlags.has(name)) {
                if (i + 1 >= argv.length)
                    throw new errors_1.CliError(`flag needs an argument: --${name}`);
                value = argv[++i];
            }
            const list = flags.get(name) ?? [];
            list.push(value ?? "true");
            flags.set(name, list);
            continue;
        }
        words.push(tok);
    }
    return { words, flags };
}
/** Parses the CLI's argv (without `node main.js`). */
function parseArgs(argv) {
    // The Automation API appends `--non-interactive` after a `--` separator when the command ends
    // with positional arguments; the real CLI treats that as a flag too, so drop it here.
    const args = [...argv];
    const dd = args.indexOf("--");
    if (dd >= 0 && args[args.length - 1] === "--non-interactive" && args.length - 1 > dd)
        args.pop();
    const first = tokenize(args, VALUE_FLAGS);
    const command = matchCommand(first.words);
    const extra = COMMAND_VALUE_FLAGS[command];
    const parsed = extra ? tokenize(args, new Set([...VALUE_FLAGS, ...extra])) : first;
    const depth = command === "" ? 0 : command.split(" ").length;
    return new ParsedArgs(command, parsed.words.slice(depth), parsed.flags);
}
function matchCommand(words) {
    let best = "";
    for (const c of exports.COMMANDS) {
        const parts = c.split(" ");
        if (parts.every((p, i) => words[i] === p) && c.length > best.length)
            best = c;
    }
    if (best === "" && words.length > 0)
        throw new errors_1.CliError(`unknown command "${words[0]}" for "pulumi"`);
    return best;
}
//# sourceMappingURL=args.js.map