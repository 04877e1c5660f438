import type { Command } from "commander";
/** `platform synth --env <env>[,…|all] [--json]`: the offline inventory. */
export declare function registerSynth(program: Command): void;
