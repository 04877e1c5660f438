/**
 * The components: one import for a program that composes them, plus the shared vocabulary
 * (`PlatformContext`, profiles, naming, labels, links, `transform`). Package subpath
 * `@platform/pulumi-platform/components` (also the package root).
 *
 * @example
 * ```ts
 * import { KmsKeyRing, Network, PostgresWithBackups, type PlatformContext } from "@platform/pulumi-platform/components";
 * ```
 */
import { DEFAULTS as budgetAlert } from "./budget-alert";
import { DEFAULTS as cloudRunService } from "./cloud-run-service";
import { DEFAULTS as kmsKeyRing } from "./kms-key-ring";
import { DEFAULTS as network } from "./network";
import { DEFAULTS as observabilityStack } from "./observability-stack";
import { DEFAULTS as postgresWithBackups } from "./postgres-with-backups";
import { DEFAULTS as redisCache } from "./redis-cache";

export * from "./shared";
export * from "./network";
export * from "./kms-key-ring";
export * from "./postgres-with-backups";
export * from "./redis-cache";
export * from "./cloud-run-service";
export * from "./observability-stack";
export * from "./budget-alert";
// The same list in both components (never granted by them).
export { PUBLIC_MEMBERS } from "./kms-key-ring";

/**
 * Every component's defaults, by component (each component folder exports its own as `DEFAULTS`).
 *
 * @example
 * ```ts
 * DEFAULTS.kmsKeyRing.rotationDays; // 90
 * ```
 */
export const DEFAULTS = {
  network,
  kmsKeyRing,
  postgresWithBackups,
  redisCache,
  cloudRunService,
  observabilityStack,
  budgetAlert,
} as const;
