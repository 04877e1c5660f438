export * from "./kms-key-ring";
export * from "./spec";
