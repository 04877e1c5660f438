export * from "./aws";
export * from "./aws-spec";
export * from "./gcp";
export * from "./spec";
