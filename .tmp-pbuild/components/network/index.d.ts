export * from "./network";
