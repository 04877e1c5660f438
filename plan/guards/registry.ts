/**
 * The rule registry: every guard rule, in report order (data loss, prod profile, security).
 */
import { DATA_LOSS_RULES } from "./data-loss";
import { PROD_RULES } from "./prod-profile";
import { DATA_RULES } from "./security-data";
import { IAM_RULES } from "./security-iam";
import { KMS_RULES } from "./security-kms";
import { LOGGING_RULES } from "./security-logging";
import { NETWORK_RULES } from "./security-network";
import { SERVICE_RULES } from "./security-services";
import { SQL_RULES } from "./security-sql";
import type { Rule } from "./types";

/**
 * Security rules: the reference table §1a (41 rule ids covering its 48 rows) plus the Checkov
 * checks the platform's own resources pass but the table lacks (network, service-account keys and
 * management roles, Pub/Sub, log sinks; see PEER_CHECKS in coverage.ts).
 *
 * @example
 * ```ts
 * SECURITY_RULES.filter((r) => r.level === "L1").length;
 * ```
 */
export const SECURITY_RULES: readonly Rule[] = [
  ...SQL_RULES,
  ...KMS_RULES,
  ...SERVICE_RULES,
  ...IAM_RULES,
  ...LOGGING_RULES,
  ...NETWORK_RULES,
  ...DATA_RULES,
];

/**
 * Every rule: data loss, prod profile, security.
 *
 * @example
 * ```ts
 * RULES.map((r) => r.id); // ["platform/data-loss", …, "gcp/log-alert-sql-config-changes"]
 * ```
 */
export const RULES: readonly Rule[] = [...DATA_LOSS_RULES, ...PROD_RULES, ...SECURITY_RULES];

/**
 * Rules by id.
 *
 * @example
 * ```ts
 * RULES_BY_ID.get("gcp/redis-auth")?.refs; // ["CKV_GCP_95"]
 * ```
 */
export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));
