export * from "./budget-alert";
export * from "./spec";
