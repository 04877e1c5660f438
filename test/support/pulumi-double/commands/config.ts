/**
 * `pulumi config …` as the Automation API calls it: list (`config --json --show-secrets`), get,
 * set, set-all (`--plaintext k=v --secret k=v` or `--json`), rm, rm-all, refresh. Values live in
 * the stack settings file (`Pulumi.<stack>.yaml`, `stackConfigDir` respected), secrets as
 * `{secure: v1:…}`.
 */
import {
  configJson,
  getAtPath,
  hasSecure,
  namespacedKey,
  parseConfigPath,
  removeAtPath,
  setAtPath,
} from "../config";
import type { Context } from "../context";
import { CliError } from "../errors";

const json = (v: unknown) => JSON.stringify(v, null, 4) + "\n";

/** `config [--json] [--show-secrets]`: every effective value. */
export function configList(ctx: Context): number {
  const stack = ctx.stackName();
  const raw = ctx.rawConfig(stack);
  const show = ctx.args.bool("show-secrets");
  const crypter = show && Object.values(raw).some(hasSecure) ? ctx.crypter(stack) : undefined;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(raw).sort()) out[k] = configJson(raw[k], crypter, show);
  if (ctx.args.bool("json")) ctx.stdout(json(out));
  else {
    ctx.stdout("KEY  VALUE\n");
    for (const [k, v] of Object.entries(out)) {
      const e = v as { value?: string; secret: boolean };
      ctx.stdout(`${k}  ${e.value ?? "[secret]"}\n`);
    }
  }
  return 0;
}

/** `config get <key> [--path] [--json]`. */
export function configGet(ctx: Context): number {
  const stack = ctx.stackName();
  const key = ctx.args.positionals[0];
  if (!key) throw new CliError("config get requires a key");
  const raw = ctx.rawConfig(stack);
  const { top, path } = ctx.args.bool("path")
    ? parseConfigPath(key, ctx.project)
    : { top: namespacedKey(key, ctx.project), path: [] };
  const value = getAtPath(raw[top], path);
  if (value === undefined) {
    throw new CliError(`configuration key '${key}' not found for stack '${stack}'`);
  }
  const crypter = hasSecure(value) ? ctx.crypter(stack) : undefined;
  const entry = configJson(value, crypter, true);
  if (ctx.args.bool("json")) ctx.stdout(json(entry));
  else ctx.stdout(`${entry.value ?? ""}\n`);
  return 0;
}

function setOne(
  ctx: Context,
  stack: string,
  config: Record<string, unknown>,
  key: string,
  value: string,
  secret: boolean,
) {
  const leaf = secret ? { secure: ctx.crypter(stack, true).encrypt(value) } : value;
  if (ctx.args.bool("path")) {
    const { top, path } = parseConfigPath(key, ctx.project);
    config[top] = setAtPath(config[top], path, leaf);
  } else {
    config[namespacedKey(key, ctx.project)] = leaf;
  }
}

/** `config set <key> [--secret|--plaintext] [--path] -- <value>`. */
export function configSet(ctx: Context): number {
  const stack = ctx.stackName();
  const [key, value] = ctx.args.positionals;
  if (!key) throw new CliError("config set requires a key");
  if (value === undefined) throw new CliError("value must be specified in non-interactive mode");
  const settings = ctx.readSettings(stack);
  const config = { ...(settings.config ?? {}) };
  setOne(ctx, stack, config, key, value, ctx.args.bool("secret"));
  ctx.writeSettings(stack, { ...ctx.readSettings(stack), config });
  return 0;
}

function splitPair(pair: string): [string, string] {
  const eq = pair.indexOf("=");
  if (eq <= 0)
    throw new CliError(`could not parse '${pair}' as a configuration key/value pair (expected key=value)`);
  return [pair.slice(0, eq), pair.slice(eq + 1)];
}

/** `config set-all --plaintext k=v --secret k=v [--path]` or `config set-all --json '<json>'`. */
export function configSetAll(ctx: Context): number {
  const stack = ctx.stackName();
  const settings = ctx.readSettings(stack);
  const config = { ...(settings.config ?? {}) };
  const jsonText = ctx.args.value("json");
  if (jsonText !== undefined) {
    const parsed = JSON.parse(jsonText) as Record<
      string,
      { value?: string; objectValue?: unknown; secret?: boolean }
    >;
    for (const [k, e] of Object.entries(parsed)) {
      const key = namespacedKey(k, ctx.project);
      if (e.objectValue !== undefined && !e.secret) config[key] = e.objectValue;
      else setOne(ctx, stack, config, k, e.value ?? JSON.stringify(e.objectValue), !!e.secret);
    }
  }
  for (const p of ctx.args.values("plaintext")) {
    if (p === "true") continue;
    const [k, v] = splitPair(p);
    setOne(ctx, stack, config, k, v, false);
  }
  for (const p of ctx.args.values("secret")) {
    if (p === "true") continue;
    const [k, v] = splitPair(p);
    setOne(ctx, stack, config, k, v, true);
  }
  ctx.writeSettings(stack, { ...ctx.readSettings(stack), config });
  return 0;
}

function removeKeys(ctx: Context, keys: readonly string[]): number {
  const stack = ctx.stackName();
  const settings = ctx.readSettings(stack);
  const config: Record<string, unknown> = { ...(settings.config ?? {}) };
  for (const key of keys) {
    if (ctx.args.bool("path")) {
      const { top, path } = parseConfigPath(key, ctx.project);
      const next = removeAtPath(config[top], path);
      if (next === undefined) delete config[top];
      else config[top] = next;
    } else {
      delete config[namespacedKey(key, ctx.project)];
    }
  }
  ctx.writeSettings(stack, { ...settings, config });
  return 0;
}

/** `config rm <key> [--path]`. */
export function configRm(ctx: Context): number {
  const key = ctx.args.positionals[0];
  if (!key) throw new CliError("config rm requires a key");
  return removeKeys(ctx, [key]);
}

/** `config rm-all <key>… [--path]`. */
export function configRmAll(ctx: Context): number {
  return removeKeys(ctx, ctx.args.positionals);
}

/** `config refresh [--force]`: the config of the last update written back to the settings file. */
export function configRefresh(ctx: Context): number {
  const stack = ctx.stackName();
  const last = ctx.backend.history(stack).find((h) => h.kind === "update");
  if (!last) throw new CliError(`no previous deployment found for stack '${stack}'`);
  const settings = ctx.readSettings(stack);
  if (settings.config && Object.keys(settings.config).length > 0 && !ctx.args.bool("force")) {
    throw new CliError(`'${ctx.settingsPath(stack)}' already exists; pass --force to overwrite it`);
  }
  ctx.writeSettings(stack, { ...settings, config: { ...last.config } });
  return 0;
}
