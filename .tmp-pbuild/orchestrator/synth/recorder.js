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
exports.installRecordingMocks = installRecordingMocks;
exports.toDisplay = toDisplay;
const pulumi = __importStar(require("@pulumi/pulumi"));
const settings = __importStar(require("@pulumi/pulumi/runtime/settings"));
const model_1 = require("../../plan/model");
/** Pulumi's wire signature for secret values inside a serialized struct. */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
/**
 * Installs Pulumi's mock runtime and records every registration with its parent, protect flag
 * and raw inputs. Invokes are strict: unmocked tokens throw rather than return empty data.
 *
 * @example
 * ```ts
 * const rec = await installRecordingMocks({ project: "platform", stack: "dev" });
 * platformProgram(cfg);
 * await rec.settled();
 * rec.resources.filter((r) => r.type === "gcp:kms/cryptoKey:CryptoKey");
 * ```
 */
async function installRecordingMocks(options) {
    const resources = [];
    const mocks = {
        call(args) {
            const handler = options.invokes?.[args.token];
            if (!handler)
                throw new Error(`Mock not implemented: ${args.token}`);
            return handler(args.inputs);
        },
        newResource(args) {
            const extra = options.state?.(args.type, args.name, args.inputs) ?? {};
            return { id: `${args.name}-id`, state: { ...args.inputs, ...extra } };
        },
    };
    await pulumi.runtime.setMocks(mocks, options.project, options.stack, options.preview ?? false);
    // The mock monitor's newResource() hook does not see parent, protect or secrets: read them from
    // the request itself, before the monitor deserializes it.
    const monitor = settings.getMonitor();
    const original = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, callback) => {
        const done = (err, res) => {
            if (!err && res) {
                resources.push({
                    urn: res.getUrn(),
                    type: req.getType(),
                    name: req.getName(),
                    parent: req.getParent(),
                    inputs: (toDisplay(req.getObject()?.toJavaScript() ?? {}) ?? {}),
                    protect: req.getProtect() === true,
                    custom: req.getCustom() === true,
                    dependencies: req.getDependenciesList(),
                });
            }
            callback(err, res);
        };
        return original(req, done);
    };
    return {
        resources,
        /** Resolves once every registration the program started has been answered (Pulumi's own RPC drain). */
        settled: () => settings.waitForRPCs(),
    };
}
/** Replaces wire signatures (secrets, resource references, unknowns) with display values. */
function toDisplay(value) {
    if (value === model_1.UNKNOWN_SENTINEL)
        return "[unknown]";
    if (Array.isArray(value))
        return value.map(toDisplay);
    if (value !== null && typeof value === "object") {
        const obj = value;
        if (obj[SIG_KEY] === SECRET_SIG)
            return model_1.SECRET_TEXT;
        if (obj[SIG_KEY] === RESOURCE_SIG)
            return { urn: obj["urn"], ...(obj["id"] !== undefined ? { id: obj["id"] } : {}) };
        const out = {};
        for (const [k, v] of Object.entries(obj))
            out[k] = toDisplay(v);
        return out;
    }
    return value;
}
//# sourceMappingURL=recorder.js.map