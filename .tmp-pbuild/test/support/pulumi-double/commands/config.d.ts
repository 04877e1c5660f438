import type { Context } from "../context";
/** `config [--json] [--show-secrets]`: every effective value. */
export declare function configList(ctx: Context): number;
/** `config get <key> [--path] [--json]`. */
export declare function configGet(ctx: Context): number;
/** `config set <key> [--secret|--plaintext] [--path] -- <value>`. */
export declare function configSet(ctx: Context): number;
/** `config set-all --plaintext k=v --secret k=v [--path]` or `config set-all --json '<json>'`. */
export declare function configSetAll(ctx: Context): number;
/** `config rm <key> [--path]`. */
export declare function configRm(ctx: Context): number;
/** `config rm-all <key>… [--path]`. */
export declare function configRmAll(ctx: Context): number;
/** `config refresh [--force]`: the config of the last update written back to the settings file. */
export declare function configRefresh(ctx: Context): number;
