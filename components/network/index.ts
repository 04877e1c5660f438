export * from "./gcp";
export * from "./aws";
