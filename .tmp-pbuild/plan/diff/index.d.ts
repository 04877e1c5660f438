/**
 * Offline diff of synth inventories and the property-path helpers the renderers share.
 *
 * @example
 * ```ts
 * import { diffInventories } from "./plan/diff";
 * const steps = diffInventories(base, head);
 * ```
 */
export * from "./paths";
export * from "./properties";
export * from "./replace-rules";
export * from "./inventory-diff";
