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
exports.Bundle = exports.Bucket = void 0;
exports.bundleProgram = bundleProgram;
/**
 * The inline program the double's tests deploy: a ComponentResource holding two @pulumi/random
 * resources and a custom resource of a made-up type (`platform:test:Bucket`, served by the double's
 * built-in provider: a `name` change replaces it, a `size` change updates it in place).
 *
 * Config: `size` (number, default 1), `bucketPrefix` (default "b"), `protectBucket` (bool),
 * `withExtra` (bool: adds a second bucket, to exercise deletes).
 */
const pulumi = __importStar(require("@pulumi/pulumi"));
const random = __importStar(require("@pulumi/random"));
/** A custom resource of a type only the double knows. */
class Bucket extends pulumi.CustomResource {
    constructor(name, args, opts) {
        super("platform:test:Bucket", name, { ...args, labels: args.labels ?? {} }, opts);
    }
}
exports.Bucket = Bucket;
/** Component grouping a suffix, a password and a bucket. */
class Bundle extends pulumi.ComponentResource {
    suffix;
    password;
    bucket;
    constructor(name, args, opts) {
        super("platform:test:Bundle", name, {}, opts);
        this.suffix = new random.RandomString(`${name}-suffix`, { length: 6, special: false, upper: false }, { parent: this });
        this.password = new random.RandomPassword(`${name}-pw`, { length: 16 }, { parent: this });
        this.bucket = new Bucket(`${name}-bucket`, { name: pulumi.interpolate `${args.prefix}-${this.suffix.result}`, size: args.size, labels: { env: "dev" } }, { parent: this, protect: args.protect });
        this.registerOutputs({ bucketName: this.bucket.name });
    }
}
exports.Bundle = Bundle;
/** The program: returns `bucketName`, `size`, `password` (secret) and `suffix`. */
async function bundleProgram() {
    const cfg = new pulumi.Config();
    const bundle = new Bundle("app", {
        size: cfg.getNumber("size") ?? 1,
        prefix: cfg.get("bucketPrefix") ?? "b",
        protect: cfg.getBoolean("protectBucket") ?? false,
    });
    if (cfg.getBoolean("withExtra")) {
        new Bucket("extra", { name: "extra-bucket", size: 1 }, { dependsOn: [bundle] });
    }
    return {
        bucketName: bundle.bucket.name,
        size: bundle.bucket.size,
        password: bundle.password.result,
        suffix: bundle.suffix.result,
    };
}
//# sourceMappingURL=fixture-program.js.map