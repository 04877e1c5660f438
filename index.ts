/**
 * The package root: the components (same as `@platform/pulumi-platform/components`). The other
 * subpaths are `/config`, `/program`, `/orchestrator`, `/plan`, `/cost`, `/guards`, `/review`,
 * `/testing` and `/policy` (see the README).
 *
 * @example
 * ```ts
 * import { Network, type PlatformContext } from "@platform/pulumi-platform";
 * ```
 */
export * from "./components";
