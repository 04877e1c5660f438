export * from "./gcp";
export * from "./spec";
