import { type Command } from "commander";
/** `platform review`: the per-environment change, cost and guard report, and the sticky PR comment. */
export declare function registerReview(program: Command): void;
