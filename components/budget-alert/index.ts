export * from "./aws";
export * from "./gcp";
export * from "./spec";
export * from "./k8s";
export * from "./k8s-spec";
