/**
 * Renderers for per-environment reviews: the PR comment (markdown, split for GitHub's limit),
 * terminal text and JSON.
 *
 * @example
 * ```ts
 * import { renderComments, renderText, renderJson } from "./plan/render";
 * ```
 */
export * from "./types";
export * from "./describe";
export * from "./split";
export * from "./markdown";
export * from "./comment";
export * from "./text";
export * from "./json";
export * from "./json-stream";
