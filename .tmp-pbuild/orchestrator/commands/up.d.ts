import type { Command } from "commander";
/** `platform up --env <env>[,…|all]`: deploy in dependency order, independent stacks in parallel. */
export declare function registerUp(program: Command): void;
