import type { Context } from "../context";
/** `stack init <name>` (or `--stack`). */
export declare function stackInit(ctx: Context): number;
/** `stack select <name>` / `stack select --stack <name> [--create]`. */
export declare function stackSelect(ctx: Context): number;
/** `stack` with no subcommand: checks the stack exists and prints a short summary. */
export declare function stackShow(ctx: Context): number;
/** `stack ls --json`. */
export declare function stackLs(ctx: Context): number;
/** `stack rm [--yes] [--force] [--preserve-config] <name>`. */
export declare function stackRm(ctx: Context): number;
/** `stack output [name] [--json] [--show-secrets]`. */
export declare function stackOutput(ctx: Context): number;
/** `stack history --json [--show-secrets] [--page-size n --page p]`. */
export declare function stackHistory(ctx: Context): number;
/** `stack export [--show-secrets] [--file f]`. */
export declare function stackExport(ctx: Context): number;
/** `stack import --file f [--force]`: replaces the checkpoint (pending operations are dropped). */
export declare function stackImport(ctx: Context): number;
/** `stack tag get|set|rm|ls`. */
export declare function stackTag(ctx: Context, sub: "get" | "set" | "rm" | "ls"): number;
