/**
 * The AWS guard rules (security baseline and prod profile), grouped for the registry. The data-loss
 * table lives in ./data-loss.ts and is run by the shared platform/data-loss rule.
 */
import type { Rule } from "../types";
import { AWS_PROD_RULES } from "./prod-profile";
import { AWS_CACHE_RULES } from "./security-cache";
import { AWS_KMS_RULES } from "./security-kms";
import { AWS_LAMBDA_RULES } from "./security-lambda";
import { AWS_LOGGING_RULES } from "./security-logging";
import { AWS_RDS_RULES } from "./security-rds";
import { AWS_RDS_PARAMETER_RULES } from "./security-rds-parameters";

export * from "./cis-alarms";
export * from "./coverage";
export * from "./data-loss";
export * from "./prod-profile";
export * from "./security-cache";
export * from "./security-kms";
export * from "./security-lambda";
export * from "./security-logging";
export * from "./security-rds";
export * from "./security-rds-parameters";
export * from "./tokens";

/**
 * The AWS security rules (aws-anchors.md §9 and security-and-reliability.md §1b).
 *
 * @example
 * ```ts
 * AWS_SECURITY_RULES.filter((r) => r.level === "L1").length;
 * ```
 */
export const AWS_SECURITY_RULES: readonly Rule[] = [
  ...AWS_RDS_RULES,
  ...AWS_RDS_PARAMETER_RULES,
  ...AWS_CACHE_RULES,
  ...AWS_KMS_RULES,
  ...AWS_LAMBDA_RULES,
  ...AWS_LOGGING_RULES,
];

/**
 * The AWS prod-profile rules.
 *
 * @example
 * ```ts
 * AWS_PROFILE_RULES.every((r) => r.category === "prod-profile"); // true
 * ```
 */
export const AWS_PROFILE_RULES: readonly Rule[] = AWS_PROD_RULES;
