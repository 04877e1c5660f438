/**
 * The rule registry: every guard rule, in report order (data loss, prod profile, security).
 */
import { DATA_LOSS_RULES } from "./data-loss";
import { PROD_RULES } from "./gcp/prod-profile";
import { DATA_RULES } from "./gcp/security-data";
import { IAM_RULES } from "./gcp/security-iam";
import { NETWORK_RULES } from "./gcp/security-network";
import { KMS_RULES } from "./gcp/security-kms";
import { LOGGING_RULES } from "./gcp/security-logging";
import { SERVICE_RULES } from "./gcp/security-services";
import { SQL_RULES } from "./gcp/security-sql";
import type { Rule } from "./types";
import { AWS_PROFILE_RULES, AWS_SECURITY_RULES } from "./aws";
import { K8S_PROFILE_RULES, K8S_SECURITY_RULES } from "./kubernetes";

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
 * The GCP rules and the cloud-neutral data-loss rules.
 *
 * @example
 * ```ts
 * GCP_RULES.every((r) => !r.id.startsWith("aws/")); // true
 * ```
 */
export const GCP_RULES: readonly Rule[] = [...DATA_LOSS_RULES, ...PROD_RULES, ...SECURITY_RULES];

/**
 * The AWS rules: prod profile and security (data loss runs through the shared rule).
 *
 * @example
 * ```ts
 * AWS_RULES.every((r) => r.id.startsWith("aws/")); // true
 * ```
 */
export const AWS_RULES: readonly Rule[] = [...AWS_PROFILE_RULES, ...AWS_SECURITY_RULES];

/**
 * The Kubernetes rules: prod profile and security (data loss runs through the shared rule).
 *
 * @example
 * ```ts
 * KUBERNETES_RULES.every((r) => r.id.startsWith("k8s/")); // true
 * ```
 */
export const KUBERNETES_RULES: readonly Rule[] = [...K8S_PROFILE_RULES, ...K8S_SECURITY_RULES];

/**
 * Every rule: data loss, prod profile, security (GCP, then AWS, then Kubernetes).
 *
 * @example
 * ```ts
 * RULES.map((r) => r.id); // ["platform/data-loss", …, "gcp/log-alert-sql-config-changes", "aws/prod-db-ha", …, "k8s/prod-db-ha", …]
 * ```
 */
export const RULES: readonly Rule[] = [...GCP_RULES, ...AWS_RULES, ...KUBERNETES_RULES];

/**
 * Rules by id.
 *
 * @example
 * ```ts
 * RULES_BY_ID.get("gcp/redis-auth")?.refs; // ["CKV_GCP_95"]
 * ```
 */
export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));
