export * from "./alerts";
export * from "./dashboard";
export * from "./filters";
export * from "./observability-stack";
export * from "./spec";
