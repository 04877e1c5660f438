export * from "./aws";
export * from "./aws-spec";
export * from "./gcp";
export * from "./links";
export * from "./resources";
export * from "./revisions";
export * from "./spec";
