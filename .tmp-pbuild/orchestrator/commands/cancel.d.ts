import type { Command } from "commander";
/** `platform cancel --env <env>`: remove the lock an interrupted update left (refused while its holder runs here). */
export declare function registerCancel(program: Command): void;
