"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.configList = configList;
exports.configGet = configGet;
exports.configSet = configSet;
exports.configSetAll = configSetAll;
exports.configRm = configRm;
exports.configRmAll = configRmAll;
exports.configRefresh = configRefresh;
/**
 * `pulumi config …` as the Automation API calls it: list (`config --json --show-secrets`), get,
 * set, set-all (`--plaintext k=v --secret k=v` or `--json`), rm, rm-all, refresh. Values live in
 * the stack settings file (`Pulumi.<stack>.yaml`, `stackConfigDir` respected), secrets as
 * `{secure: v1:…}`.
 */
const config_1 = require("../config");
const errors_1 = require("../errors");
const json = (v) => JSON.stringify(v, null, 4) + "\n";
/** `config [--json] [--show-secrets]`: every effective value. */
function configList(ctx) {
    const stack = ctx.stackName();
    const raw = ctx.rawConfig(stack);
    const show = ctx.args.bool("show-secrets");
    const crypter = show && Object.values(raw).some(config_1.hasSecure) ? ctx.crypter(stack) : undefined;
    const out = {};
    for (const k of Object.keys(raw).sort())
        out[k] = (0, config_1.configJson)(raw[k], crypter, show);
    if (ctx.args.bool("json"))
        ctx.stdout(json(out));
    else {
        ctx.stdout("KEY  VALUE\n");
        for (const [k, v] of Object.entries(out)) {
            const e = v;
            ctx.stdout(`${k}  ${e.value ?? "[secret]"}\n`);
        }
    }
    return 0;
}
/** `config get <key> [--path] [--json]`. */
function configGet(ctx) {
    const stack = ctx.stackName();
    const key = ctx.args.positionals[0];
    if (!key)
        throw new errors_1.CliError("config get requires a key");
    const raw = ctx.rawConfig(stack);
    const { top, path } = ctx.args.bool("path") ? (0, config_1.parseConfigPath)(key, ctx.project) : { top: (0, config_1.namespacedKey)(key, ctx.project), path: [] };
    const value = (0, config_1.getAtPath)(raw[top], path);
    if (value === undefined) {
        throw new errors_1.CliError(`configuration key '${key}' not found for stack '${stack}'`);
    }
    const crypter = (0, config_1.hasSecure)(value) ? ctx.crypter(stack) : undefined;
    const entry = (0, config_1.configJson)(value, crypter, true);
    if (ctx.args.bool("json"))
        ctx.stdout(json(entry));
    else
        ctx.stdout(`${entry.value ?? ""}\n`);
    return 0;
}
function setOne(ctx, stack, config, key, value, secret) {
    const leaf = secret ? { secure: ctx.crypter(stack, true).encrypt(value) } : value;
    if (ctx.args.bool("path")) {
        const { top, path } = (0, config_1.parseConfigPath)(key, ctx.project);
        config[top] = (0, config_1.setAtPath)(config[top], path, leaf);
    }
    else {
        config[(0, config_1.namespacedKey)(key, ctx.project)] = leaf;
    }
}
/** `config set <key> [--secret|--plaintext] [--path] -- <value>`. */
function configSet(ctx) {
    const stack = ctx.stackName();
    const [key, value] = ctx.args.positionals;
    if (!key)
        throw new errors_1.CliError("config set requires a key");
    if (value === undefined)
        throw new errors_1.CliError("value must be specified in non-interactive mode");
    const settings = ctx.readSettings(stack);
    const config = { ...(settings.config ?? {}) };
    setOne(ctx, stack, config, key, value, ctx.args.bool("secret"));
    ctx.writeSettings(stack, { ...ctx.readSettings(stack), config });
    return 0;
}
function splitPair(pair) {
    const eq = pair.indexOf("=");
    if (eq <= 0)
        throw new errors_1.CliError(`could not parse '${pair}' as a configuration key/value pair (expected key=value)`);
    return [pair.slice(0, eq), pair.slice(eq + 1)];
}
/** `config set-all --plaintext k=v --secret k=v [--path]` or `config set-all --json '<json>'`. */
function configSetAll(ctx) {
    const stack = ctx.stackName();
    const settings = ctx.readSettings(stack);
    const config = { ...(settings.config ?? {}) };
    const jsonText = ctx.args.value("json");
    if (jsonText !== undefined) {
        const parsed = JSON.parse(jsonText);
        for (const [k, e] of Object.entries(parsed)) {
            const key = (0, config_1.namespacedKey)(k, ctx.project);
            if (e.objectValue !== undefined && !e.secret)
                config[key] = e.objectValue;
            else
                setOne(ctx, stack, config, k, e.value ?? JSON.stringify(e.objectValue), !!e.secret);
        }
    }
    for (const p of ctx.args.values("plaintext")) {
        if (p === "true")
            continue;
        const [k, v] = splitPair(p);
        setOne(ctx, stack, config, k, v, false);
    }
    for (const p of ctx.args.values("secret")) {
        if (p === "true")
            continue;
        const [k, v] = splitPair(p);
        setOne(ctx, stack, config, k, v, true);
    }
    ctx.writeSettings(stack, { ...ctx.readSettings(stack), config });
    return 0;
}
function removeKeys(ctx, keys) {
    const stack = ctx.stackName();
    const settings = ctx.readSettings(stack);
    const config = { ...(settings.config ?? {}) };
    for (const key of keys) {
        if (ctx.args.bool("path")) {
            const { top, path } = (0, config_1.parseConfigPath)(key, ctx.project);
            const next = (0, config_1.removeAtPath)(config[top], path);
            if (next === undefined)
                delete config[top];
            else
                config[top] = next;
        }
        else {
            delete config[(0, config_1.namespacedKey)(key, ctx.project)];
        }
    }
    ctx.writeSettings(stack, { ...settings, config });
    return 0;
}
/** `config rm <key> [--path]`. */
function configRm(ctx) {
    const key = ctx.args.positionals[0];
    if (!key)
        throw new errors_1.CliError("config rm requires a key");
    return removeKeys(ctx, [key]);
}
/** `config rm-all <key>… [--path]`. */
function configRmAll(ctx) {
    return removeKeys(ctx, ctx.args.positionals);
}
/** `config refresh [--force]`: the config of the last update written back to the settings file. */
function configRefresh(ctx) {
    const stack = ctx.stackName();
    const last = ctx.backend.history(stack).find((h) => h.kind === "update");
    if (!last)
        throw new errors_1.CliError(`no previous deployment found for stack '${stack}'`);
    const settings = ctx.readSettings(stack);
    if (settings.config && Object.keys(settings.config).length > 0 && !ctx.args.bool("force")) {
        throw new errors_1.CliError(`'${ctx.settingsPath(stack)}' already exists; pass --force to overwrite it`);
    }
    ctx.writeSettings(stack, { ...settings, config: { ...last.config } });
    return 0;
}
//# sourceMappingURL=config.js.map