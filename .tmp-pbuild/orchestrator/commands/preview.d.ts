import type { Command } from "commander";
/** `platform preview --env <env>[,…|all]`: what `up` would change. */
export declare function registerPreview(program: Command): void;
