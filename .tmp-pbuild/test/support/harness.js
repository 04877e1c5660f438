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
exports.promiseOf = promiseOf;
exports.setupMocks = setupMocks;
const pulumi = __importStar(require("@pulumi/pulumi"));
const mock_cloud_1 = require("../../orchestrator/synth/mock-cloud");
const recorder_1 = require("../../orchestrator/synth/recorder");
/**
 * Awaits an Output's value (undefined when unknown). Tests always await: an assertion inside an
 * un-awaited `.apply` passes vacuously.
 */
function promiseOf(output) {
    return new Promise((resolve) => pulumi.output(output).apply((v) => resolve(v)));
}
/**
 * Installs the recording mock runtime for a unit test file. Call in `beforeAll`.
 *
 * @example
 * ```ts
 * let rec: Awaited<ReturnType<typeof setupMocks>>;
 * beforeAll(async () => { rec = await setupMocks(); });
 * ```
 */
async function setupMocks(stack = "test", project = "platform") {
    const rec = await (0, recorder_1.installRecordingMocks)({ project, stack, invokes: mock_cloud_1.MOCK_INVOKES, state: mock_cloud_1.mockState });
    return {
        ...rec,
        /** Resources of a type, optionally filtered by logical name. */
        ofType(type, name) {
            return rec.resources.filter((r) => r.type === type && (name === undefined || r.name === name));
        },
        /** Exactly one resource of a type with this name; throws listing what exists otherwise. */
        find(type, name) {
            const hits = rec.resources.filter((r) => r.type === type && r.name === name);
            if (hits.length !== 1) {
                const names = rec.resources.filter((r) => r.type === type).map((r) => r.name);
                throw new Error(`expected one ${type} named ${name}, found ${hits.length}; have: ${names.join(", ")}`);
            }
            return hits[0];
        },
        /** Counts per type among resources whose name starts with `prefix`. */
        counts(prefix = "") {
            const out = {};
            for (const r of rec.resources)
                if (r.name.startsWith(prefix))
                    out[r.type] = (out[r.type] ?? 0) + 1;
            return out;
        },
        /** Forget what was recorded (between tests in one file). */
        reset() {
            rec.resources.length = 0;
        },
    };
}
//# sourceMappingURL=harness.js.map