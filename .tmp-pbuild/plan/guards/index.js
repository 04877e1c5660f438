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
 * Guards: pure rules over PlanSteps and synth inventories (data loss, prod profile, the GCP
 * security baseline), the same rule objects the CrossGuard pack in policy/ runs.
 *
 * @example
 * ```ts
 * import { runGuards, summarizeFindings } from "./plan/guards";
 * const findings = runGuards({ steps, profile: "prod", allowDataLoss });
 * ```
 */
__exportStar(require("./coverage"), exports);
__exportStar(require("./data-loss"), exports);
__exportStar(require("./prod-profile"), exports);
__exportStar(require("./registry"), exports);
__exportStar(require("./run"), exports);
__exportStar(require("./security-iam"), exports);
__exportStar(require("./security-kms"), exports);
__exportStar(require("./security-logging"), exports);
__exportStar(require("./security-services"), exports);
__exportStar(require("./security-sql"), exports);
__exportStar(require("./tokens"), exports);
__exportStar(require("./types"), exports);
__exportStar(require("./values"), exports);
//# sourceMappingURL=index.js.map