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
exports.publishReview = publishReview;
/**
 * Posting the review to a GitHub pull request as one sticky comment (or several parts).
 */
const comment_1 = require("../render/comment");
const context_1 = require("./context");
const sticky_1 = require("./sticky");
__exportStar(require("./context"), exports);
__exportStar(require("./sticky"), exports);
/**
 * Renders the reviews and upserts them as the PR's sticky comment(s).
 *
 * @example
 * ```ts
 * // In a pull_request workflow with GITHUB_TOKEN set:
 * const { urls } = await publishReview(reviews, { footer: `commit ${process.env.GITHUB_SHA}` });
 * ```
 */
async function publishReview(reviews, options = {}) {
    const target = (0, context_1.resolveGitHubTarget)(options);
    const bodies = (0, comment_1.renderComments)(reviews, options);
    return (0, sticky_1.upsertStickyComments)(target, bodies, {
        ...(options.key !== undefined ? { key: options.key } : {}),
        ...(options.author !== undefined ? { author: options.author } : {}),
        ...(options.octokit !== undefined ? { octokit: options.octokit } : {}),
    });
}
//# sourceMappingURL=index.js.map