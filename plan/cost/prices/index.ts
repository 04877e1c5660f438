/**
 * The dated list-price tables, one file per cloud.
 */
export * from "./gcp";
export * from "./aws";
export * from "./kubernetes";
