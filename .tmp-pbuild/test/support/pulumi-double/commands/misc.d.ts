import type { Context } from "../context";
/** `version`: the version string alone, as the Automation API parses it. */
export declare function version(ctx: Context): number;
/** `whoami [--json]`: on a DIY backend the OS user and the backend URL. */
export declare function whoami(ctx: Context): number;
/** `cancel --yes [--stack s]`: on a DIY backend, deletes the stack's lock files. */
export declare function cancel(ctx: Context): number;
/** `about [--json]`: a minimal description of the environment. */
export declare function about(ctx: Context): number;
/** `login <file://url>` / `login --local`. */
export declare function login(ctx: Context): number;
/** `logout`. */
export declare function logout(ctx: Context): number;
/** `org get-default` / `org set-default`. */
export declare function org(ctx: Context, sub: "get" | "set"): number;
/** `plugin ls|install|rm` and `install`: plugins are built into the double. */
export declare function plugin(ctx: Context, sub: "ls" | "install" | "rm" | "project"): number;
