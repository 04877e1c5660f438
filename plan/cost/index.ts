/**
 * Monthly cost estimates from resource inputs: a dated price table, a per-environment usage file,
 * one estimator per resource family, environment and plan totals, budget checks and money formatting.
 */
export * from "./budget";
export * from "./estimate";
export * from "./estimators";
export * from "./format";
export * from "./inputs";
export * from "./prices";
export * from "./regions";
export * from "./usage";
