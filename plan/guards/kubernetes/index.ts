/**
 * The Kubernetes guard rules (security baseline and prod profile), grouped for the registry. The
 * data-loss table lives in ./data-loss.ts and is run by the shared platform/data-loss rule.
 */
import type { Rule } from "../types";
import { K8S_PROD_RULES } from "./prod-profile";
import { K8S_ACCESS_RULES } from "./security-access";
import { K8S_OBJECT_RULES } from "./security-objects";
import { K8S_CONTAINER_RULES } from "./security-containers";
import { K8S_POD_RULES } from "./security-pods";

export * from "./coverage";
export * from "./data-loss";
export * from "./prod-profile";
export * from "./rule-kit";
export * from "./security-access";
export * from "./security-containers";
export * from "./security-objects";
export * from "./security-pods";
export * from "./tokens";

/**
 * The Kubernetes security rules (kubernetes-anchors.md §9: Pod Security "restricted", Checkov
 * CKV_K8S_*, kube-score, Polaris; plus the operator rules).
 *
 * @example
 * ```ts
 * K8S_SECURITY_RULES.filter((r) => r.level === "L1").length;
 * ```
 */
export const K8S_SECURITY_RULES: readonly Rule[] = [
  ...K8S_POD_RULES,
  ...K8S_CONTAINER_RULES,
  ...K8S_ACCESS_RULES,
  ...K8S_OBJECT_RULES,
];

/**
 * The Kubernetes prod-profile rules.
 *
 * @example
 * ```ts
 * K8S_PROFILE_RULES.every((r) => r.category === "prod-profile"); // true
 * ```
 */
export const K8S_PROFILE_RULES: readonly Rule[] = K8S_PROD_RULES;
