import { type CancelOptions, type CommonOptions, type DestroyOptions, type OutputsOptions, type PreviewOptions, type RefreshOptions, type RunResult, type UpOptions } from "./types";
/**
 * Deploys the environments: dependencies first, independent stacks in parallel, a failure skips
 * its dependents.
 *
 * @example
 * ```ts
 * const run = await up({ env: "dev,staging", waitForLockMs: 300_000 });
 * for (const r of run.results) console.log(r.env, r.status, r.changes);
 * ```
 */
export declare function up(options: UpOptions): Promise<RunResult>;
/**
 * Shows what `up` would change. With `expectNoChanges`, an environment that would change reports
 * `changes-detected`.
 *
 * @example
 * ```ts
 * const { results } = await preview({ env: "prod" });
 * results[0]!.changes; // { same: 40, update: 1 } or "unknown"
 * ```
 */
export declare function preview(options: PreviewOptions): Promise<RunResult>;
/**
 * Reconciles state with the cloud; with `previewOnly` it only detects drift (and with
 * `expectNoChanges` reports drift as `changes-detected`).
 *
 * @example
 * ```ts
 * const drift = await refresh({ env: "all", previewOnly: true, expectNoChanges: true });
 * drift.ok; // false when any stack drifted
 * ```
 */
export declare function refresh(options: RefreshOptions): Promise<RunResult>;
/**
 * Destroys the environments in reverse dependency order. A prod-profile stack needs its name in
 * `confirm`; protected resources are reported and never unprotected.
 *
 * @example
 * ```ts
 * await destroy({ env: "prod", confirm: "prod", excludeProtected: true });
 * ```
 */
export declare function destroy(options: DestroyOptions): Promise<RunResult>;
/**
 * Reads the stacks' outputs (secrets as `"[secret]"` unless `showSecrets`).
 *
 * @example
 * ```ts
 * const { results } = await outputs({ env: "dev" });
 * results[0]!.outputs?.databaseConnectionName;
 * ```
 */
export declare function outputs(options: OutputsOptions): Promise<RunResult>;
/**
 * Removes the lock an interrupted update left. Refuses (status `blocked`) while the lock's holder
 * is still running on this host, unless `force`. Never called by the orchestrator on its own.
 *
 * @example
 * ```ts
 * await cancel({ env: "dev" });
 * ```
 */
export declare function cancel(options: CancelOptions): Promise<RunResult>;
/**
 * The environments an option names (`"dev"`, `"dev,prod"`, `"all"`, or a list).
 *
 * @example
 * ```ts
 * selectEnvs(["dev", "prod"]); // ["dev", "prod"]
 * ```
 */
export declare function selectEnvs(env: string | readonly string[], dir?: string): string[];
/**
 * Throws unless every prod-profile stack among `envs` is named in `confirm`.
 *
 * @example
 * ```ts
 * requireDestroyConfirmation(["dev", "prod"], undefined); // PlatformError: destroying prod (profile prod) needs --confirm prod
 * ```
 */
export declare function requireDestroyConfirmation(envs: readonly string[], confirm: string | readonly string[] | undefined, dir?: string): void;
/** The profile a stack file declares (`platform:environment.profile`), if any. */
export declare function profileOf(env: string, dir?: string): string | undefined;
/**
 * Checks the numeric options (before any engine call).
 *
 * @example
 * ```ts
 * validateCommonOptions({ env: "dev", parallel: 0 }); // PlatformError: --parallel must be a positive integer, got 0
 * ```
 */
export declare function validateCommonOptions(o: CommonOptions): void;
