export * from "./context";
export * from "./durations";
export * from "./errors";
export * from "./labels";
export * from "./naming";
export * from "./outputs";
export * from "./profiles";
export * from "./transform";
