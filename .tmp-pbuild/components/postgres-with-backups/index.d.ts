export * from "./postgres-with-backups";
export * from "./spec";
export * from "./tiers";
