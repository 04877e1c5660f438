export * from "./cloud-run-service";
export * from "./links";
export * from "./resources";
export * from "./revisions";
export * from "./spec";
