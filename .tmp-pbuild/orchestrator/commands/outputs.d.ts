import type { Command } from "commander";
/** `platform outputs --env <env>[,…|all] [--show-secrets]`: the stacks' outputs, secrets masked. */
export declare function registerOutputs(program: Command): void;
