export * from "./alerts";
export * from "./dashboard";
export * from "./filters";
export * from "./gcp";
export * from "./spec";
