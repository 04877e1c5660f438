"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Renderers for per-environment reviews: the PR comment (markdown, split for GitHub's limit),
 * terminal text and JSON.
 *
 * @example
 * ```ts
 * import { renderComments, renderText, renderJson } from "./plan/render";
 * ```
 */
__exportStar(require("./types"), exports);
__exportStar(require("./describe"), exports);
__exportStar(require("./split"), exports);
__exportStar(require("./markdown"), exports);
__exportStar(require("./comment"), exports);
__exportStar(require("./text"), exports);
__exportStar(require("./json"), exports);
//# sourceMappingURL=index.js.map