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
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.runPlatform = runPlatform;
const pulumi = __importStar(require("@pulumi/pulumi"));
const config_1 = require("./config");
const platform_1 = require("./platform");
const stack_config_1 = require("./stack-config");
/**
 * Reads the stack config from the Pulumi runtime, validates it and builds the platform. A config
 * error ends the run with its message only (no stack trace).
 *
 * @example
 * ```ts
 * await LocalWorkspace.createOrSelectStack({ stackName: "dev", projectName: "platform", program: async () => runPlatform() });
 * ```
 */
function runPlatform() {
    try {
        return (0, platform_1.platformProgram)((0, stack_config_1.loadRuntimeConfig)());
    }
    catch (e) {
        if (e instanceof config_1.ConfigError)
            throw new pulumi.RunError(e.message);
        throw e;
    }
}
//# sourceMappingURL=main.js.map