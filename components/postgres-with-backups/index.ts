export * from "./gcp";
export * from "./spec";
export * from "./tiers";
