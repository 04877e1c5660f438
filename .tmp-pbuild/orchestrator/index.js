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
exports.synth = exports.formatChanges = exports.renderSummaryTable = exports.renderRun = exports.resolveRemote = exports.buildRemoteRequest = exports.SECRET_MASK = exports.changesFrom = exports.maskOutputs = exports.runOperation = exports.MIN_PULUMI_VERSION = exports.OpenMode = exports.createLocalStack = exports.DEPENDS_ON_PATH = exports.ORCHESTRATOR_KEY = exports.dependenciesOf = exports.topologicalOrder = exports.runOrder = exports.readStackGraph = exports.profileOf = exports.requireDestroyConfirmation = exports.selectEnvs = exports.cancel = exports.outputs = exports.destroy = exports.refresh = exports.preview = exports.up = void 0;
/**
 * The orchestrator: Automation-API verbs over one or several environments.
 *
 * @example
 * ```ts
 * import { up, preview, destroy } from "./orchestrator";
 * const run = await up({ env: "dev,staging", waitForLockMs: 5 * 60_000 });
 * if (!run.ok) console.error(run.results.filter((r) => r.status !== "succeeded"));
 * ```
 */
var verbs_1 = require("./verbs");
Object.defineProperty(exports, "up", { enumerable: true, get: function () { return verbs_1.up; } });
Object.defineProperty(exports, "preview", { enumerable: true, get: function () { return verbs_1.preview; } });
Object.defineProperty(exports, "refresh", { enumerable: true, get: function () { return verbs_1.refresh; } });
Object.defineProperty(exports, "destroy", { enumerable: true, get: function () { return verbs_1.destroy; } });
Object.defineProperty(exports, "outputs", { enumerable: true, get: function () { return verbs_1.outputs; } });
Object.defineProperty(exports, "cancel", { enumerable: true, get: function () { return verbs_1.cancel; } });
Object.defineProperty(exports, "selectEnvs", { enumerable: true, get: function () { return verbs_1.selectEnvs; } });
Object.defineProperty(exports, "requireDestroyConfirmation", { enumerable: true, get: function () { return verbs_1.requireDestroyConfirmation; } });
Object.defineProperty(exports, "profileOf", { enumerable: true, get: function () { return verbs_1.profileOf; } });
__exportStar(require("./types"), exports);
var graph_1 = require("./graph");
Object.defineProperty(exports, "readStackGraph", { enumerable: true, get: function () { return graph_1.readStackGraph; } });
Object.defineProperty(exports, "runOrder", { enumerable: true, get: function () { return graph_1.runOrder; } });
Object.defineProperty(exports, "topologicalOrder", { enumerable: true, get: function () { return graph_1.topologicalOrder; } });
Object.defineProperty(exports, "dependenciesOf", { enumerable: true, get: function () { return graph_1.dependenciesOf; } });
Object.defineProperty(exports, "ORCHESTRATOR_KEY", { enumerable: true, get: function () { return graph_1.ORCHESTRATOR_KEY; } });
Object.defineProperty(exports, "DEPENDS_ON_PATH", { enumerable: true, get: function () { return graph_1.DEPENDS_ON_PATH; } });
var workspace_1 = require("./workspace");
Object.defineProperty(exports, "createLocalStack", { enumerable: true, get: function () { return workspace_1.createLocalStack; } });
Object.defineProperty(exports, "OpenMode", { enumerable: true, get: function () { return workspace_1.OpenMode; } });
Object.defineProperty(exports, "MIN_PULUMI_VERSION", { enumerable: true, get: function () { return workspace_1.MIN_PULUMI_VERSION; } });
var operation_1 = require("./operation");
Object.defineProperty(exports, "runOperation", { enumerable: true, get: function () { return operation_1.runOperation; } });
Object.defineProperty(exports, "maskOutputs", { enumerable: true, get: function () { return operation_1.maskOutputs; } });
Object.defineProperty(exports, "changesFrom", { enumerable: true, get: function () { return operation_1.changesFrom; } });
Object.defineProperty(exports, "SECRET_MASK", { enumerable: true, get: function () { return operation_1.SECRET_MASK; } });
var remote_1 = require("./remote");
Object.defineProperty(exports, "buildRemoteRequest", { enumerable: true, get: function () { return remote_1.buildRemoteRequest; } });
Object.defineProperty(exports, "resolveRemote", { enumerable: true, get: function () { return remote_1.resolveRemote; } });
var summary_1 = require("./summary");
Object.defineProperty(exports, "renderRun", { enumerable: true, get: function () { return summary_1.renderRun; } });
Object.defineProperty(exports, "renderSummaryTable", { enumerable: true, get: function () { return summary_1.renderSummaryTable; } });
Object.defineProperty(exports, "formatChanges", { enumerable: true, get: function () { return summary_1.formatChanges; } });
var synth_1 = require("./synth");
Object.defineProperty(exports, "synth", { enumerable: true, get: function () { return synth_1.synth; } });
//# sourceMappingURL=index.js.map