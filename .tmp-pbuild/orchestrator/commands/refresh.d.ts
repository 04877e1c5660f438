import type { Command } from "commander";
/** `platform refresh --env <env>[,…|all] [--preview-only --expect-no-changes]`: reconcile state, or detect drift. */
export declare function registerRefresh(program: Command): void;
