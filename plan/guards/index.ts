/**
 * Guards: pure rules over PlanSteps and synth inventories (data loss, prod profile, the GCP
 * security baseline), the same rule objects the CrossGuard pack in policy/ runs.
 *
 * @example
 * ```ts
 * import { runGuards, summarizeFindings } from "./plan/guards";
 * const findings = runGuards({ steps, profile: "prod", allowDataLoss });
 * ```
 */
export * from "./baseline";
export * from "./data-loss";
export { dedupe, providerOf, resolveRules, sameCloud, SEVERITY_ORDER } from "./evaluate";
export * from "./fold";
export * from "./registry";
export * from "./run";
export * from "./gcp/coverage";
export * from "./gcp/prod-profile";
export * from "./gcp/security-data";
export * from "./gcp/security-iam";
export * from "./gcp/security-kms";
export * from "./gcp/security-logging";
export * from "./gcp/security-network";
export * from "./gcp/security-postgres";
export * from "./gcp/security-services";
export * from "./gcp/security-sql";
export * from "./gcp/tokens";
export * from "./types";
export * from "./values";
export * from "./aws";
export * from "./kubernetes";
