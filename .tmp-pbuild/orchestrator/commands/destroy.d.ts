import type { Command } from "commander";
/** `platform destroy --env <env>[,…|all]`: tear down in reverse dependency order; prod needs `--confirm <stack>`. */
export declare function registerDestroy(program: Command): void;
