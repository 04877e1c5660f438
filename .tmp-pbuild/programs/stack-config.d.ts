import { type EnvironmentConfig } from "./config";
/** Repository root (where Pulumi.yaml lives), from this file's place in `programs/` or `dist/programs/`. */
export declare function repoRoot(): string;
/** Where stack files live: `PLATFORM_STACKS_DIR`, else Pulumi.yaml's `stackConfigDir` (`stacks/`). */
export declare function stacksDir(root?: string): string;
/**
 * Reads `stacks/Pulumi.<env>.yaml` into `key → value` (structured values stay objects), exactly the
 * values `pulumi up -s <env>` would pass to the program.
 *
 * @example
 * ```ts
 * readStackConfig("dev")["platform:environment"]; // { profile: "dev", app: "shop" }
 * ```
 */
export declare function readStackConfig(env: string, dir?: string): Record<string, unknown>;
/**
 * The same values as Pulumi passes them to a program: structured values as JSON strings.
 *
 * @example
 * ```ts
 * pulumi.runtime.setAllConfig(toRuntimeConfig(readStackConfig("dev")));
 * ```
 */
export declare function toRuntimeConfig(values: Readonly<Record<string, unknown>>): Record<string, string>;
/**
 * Reads the running stack's config from the Pulumi runtime (what `pulumi up` and the Automation
 * API provide) and validates it.
 */
export declare function loadRuntimeConfig(): EnvironmentConfig;
