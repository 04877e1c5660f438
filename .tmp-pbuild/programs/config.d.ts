import { z } from "zod";
import { PlatformError } from "../components/shared/errors";
import type { PlatformContext } from "../components/shared/context";
import type { Profile } from "../components/shared/profiles";
import { type ConfigIssue, type ResolvedSections } from "./schema";
export type { ConfigIssue } from "./schema";
/** The config namespace every platform key lives in. */
export declare const NAMESPACE = "platform";
/** Provider keys the program reads besides `platform:*`. */
export declare const PROVIDER_KEYS: readonly ["gcp:project", "gcp:region"];
/**
 * One typed, validated environment: what `programs/platform.ts` builds from.
 *
 * @example
 * ```ts
 * const cfg = parseEnvironmentConfig("prod", { "gcp:project": "acme-prod", "gcp:region": "europe-west1",
 *   "platform:environment": { profile: "prod", app: "shop" } });
 * cfg.database.highAvailability; // true (prod default)
 * ```
 */
export type EnvironmentConfig = ResolvedSections & {
    /** Stack name. */
    readonly env: string;
    readonly profile: Profile;
    readonly app: string;
    readonly labels: Readonly<Record<string, string>>;
    readonly project: string;
    readonly region: string;
};
/**
 * Every config problem at once. Its message lists one `path: problem` per line and nothing else
 * (the CLI prints it without a stack trace).
 */
export declare class ConfigError extends PlatformError {
    readonly env: string;
    readonly issues: readonly ConfigIssue[];
    readonly name = "ConfigError";
    constructor(env: string, issues: readonly ConfigIssue[]);
}
/**
 * Validates raw stack config (`key → value`, structured values already parsed) into an
 * {@link EnvironmentConfig}. Throws a {@link ConfigError} listing every violation with its path.
 *
 * @example
 * ```ts
 * parseEnvironmentConfig("dev", { "platform:databse": {} }); // ConfigError: platform:databse: unknown key (did you mean "platform:database"?)
 * ```
 */
export declare function parseEnvironmentConfig(env: string, values: Readonly<Record<string, unknown>>): EnvironmentConfig;
/** The component context for an environment. */
export declare function contextOf(cfg: EnvironmentConfig): PlatformContext;
/** Keys allowed at a path of a (possibly wrapped) zod object schema. */
export declare function shapeKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[];
/** ` (did you mean "x"?)` for the closest allowed key within edit distance 3, else "". */
export declare function hint(key: string, allowed: readonly string[]): string;
/** Levenshtein distance. */
export declare function editDistance(a: string, b: string): number;
