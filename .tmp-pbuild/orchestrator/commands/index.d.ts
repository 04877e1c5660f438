import type { Command } from "commander";
/** Every CLI verb; each module adds one command. */
export declare const COMMANDS: readonly ((program: Command) => void)[];
