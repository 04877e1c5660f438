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
export * from "./coverage";
export * from "./data-loss";
export { dedupe, resolveRules, SEVERITY_ORDER } from "./evaluate";
export * from "./prod-profile";
export * from "./registry";
export * from "./run";
export * from "./security-data";
export * from "./security-iam";
export * from "./security-kms";
export * from "./security-logging";
export * from "./security-network";
export * from "./security-postgres";
export * from "./security-services";
export * from "./security-sql";
export * from "./tokens";
export * from "./types";
export * from "./values";
