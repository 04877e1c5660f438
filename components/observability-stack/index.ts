export * from "./alerts";
export * from "./aws-alarms";
export * from "./aws-audit";
export * from "./dashboard";
export * from "./filters";
export * from "./aws";
export * from "./gcp";
export * from "./spec";
