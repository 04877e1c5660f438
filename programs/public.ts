/**
 * The config schema and profiles, for a program that reads its stack config through the library
 * (one zod schema: every problem at once with its path, profile defaults and the prod invariants),
 * and the Pulumi-project helpers the CLI uses. Package subpath `@platform/pulumi-platform/config`.
 *
 * @example
 * ```ts
 * import { loadRuntimeConfig, contextOf } from "@platform/pulumi-platform/config";
 * const { config: cfg } = loadRuntimeConfig(); // validated platform:* and gcp:* config of the running stack
 * const ctx = contextOf(cfg);      // { env, profile, app, project, region, labels }
 * ```
 */
export {
  ConfigError,
  NAMESPACE,
  PROVIDER_KEYS,
  contextOf,
  parseEnvironmentConfig,
  type ConfigIssue,
  type EnvironmentConfig,
} from "./config";
export { SECTIONS, ENVIRONMENT_SECTION, type ConfigSection, type ResolvedSections } from "./schema";
export { stackFileJsonSchema } from "./schema/json-schema";
export { PROFILES, Profile } from "../components/shared/profiles";
export { readStackConfig, stacksDir, toRuntimeConfig } from "./stack-config";
export {
  PROGRAM_EXTENSIONS,
  PROJECT_FILES,
  currentProject,
  findProjectDir,
  programEntry,
  readProject,
  type PulumiProject,
} from "./project";
export { loadRuntimeConfig } from "./main";
