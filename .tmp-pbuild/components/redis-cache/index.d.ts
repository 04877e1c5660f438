export * from "./redis-cache";
export * from "./spec";
