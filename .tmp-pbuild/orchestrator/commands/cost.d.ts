import { type Command } from "commander";
/** `platform cost --env <env>[,…|all] [--json] [--fail-above <fraction>]`: itemised monthly cost from synth. */
export declare function registerCost(program: Command): void;
