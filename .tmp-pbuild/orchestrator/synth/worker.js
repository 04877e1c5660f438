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
// Child process for one environment's synth: a fresh Pulumi runtime per environment.
// Reads the stack file, installs the recording mock runtime with that config, loads the very
// entry `pulumi up` runs (programs/index), and writes the inventory as JSON to stdout.
const pulumi = __importStar(require("@pulumi/pulumi"));
const config_1 = require("../../programs/config");
const stack_config_1 = require("../../programs/stack-config");
const recorder_1 = require("./recorder");
const mock_cloud_1 = require("./mock-cloud");
async function main() {
    const [env, stacksDir, project] = process.argv.slice(2);
    const values = (0, stack_config_1.readStackConfig)(env, stacksDir);
    const rec = await (0, recorder_1.installRecordingMocks)({ project, stack: env, invokes: mock_cloud_1.MOCK_INVOKES, state: mock_cloud_1.mockState });
    pulumi.runtime.setAllConfig((0, stack_config_1.toRuntimeConfig)(values));
    let outputs;
    try {
        // The compiled entry, loaded exactly as Pulumi's language host loads Pulumi.yaml `main`.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        outputs = require("../../programs/index");
    }
    catch (e) {
        const err = e.message ?? String(e);
        // RunError (from a ConfigError) carries only the message the user must see.
        if (e instanceof pulumi.RunError || e instanceof config_1.ConfigError) {
            process.stdout.write(JSON.stringify({ configError: err }));
            return;
        }
        throw e;
    }
    await rec.settled();
    const stackOutputs = await resolveOutputs(outputs);
    process.stdout.write(JSON.stringify({ resources: rec.resources, outputs: stackOutputs }));
}
async function resolveOutputs(outputs) {
    const out = {};
    for (const [k, v] of Object.entries(outputs)) {
        const o = pulumi.output(v);
        const secret = await o.isSecret;
        const value = await new Promise((resolve) => {
            o.apply((x) => {
                resolve(x);
                return x;
            });
        });
        out[k] = secret ? "[secret]" : value;
    }
    return out;
}
main().catch((e) => {
    process.stderr.write(`${e.stack ?? String(e)}\n`);
    process.exit(1);
});
//# sourceMappingURL=worker.js.map