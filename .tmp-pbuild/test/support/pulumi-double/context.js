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
exports.Context = void 0;
exports.doubleVersion = doubleVersion;
/**
 * What every command needs: parsed arguments, environment, the project, the backend, the selected
 * stack, its settings file and its secrets provider.
 */
const path = __importStar(require("node:path"));
const backend_1 = require("./backend");
const config_1 = require("./config");
const crypto_1 = require("./crypto");
const errors_1 = require("./errors");
const workspace_1 = require("./workspace");
/** The version the double reports (`PULUMI_DOUBLE_VERSION`, default v3.270.0). */
function doubleVersion(env = process.env) {
    const v = env["PULUMI_DOUBLE_VERSION"] || "v3.270.0";
    return v.startsWith("v") ? v : `v${v}`;
}
/** Shared state of one CLI invocation. */
class Context {
    args;
    env;
    cwd;
    stdout;
    stderr;
    projectCache;
    backendCache;
    crypters = new Map();
    constructor(args, env, cwd, stdout, stderr) {
        this.args = args;
        this.env = env;
        this.cwd = cwd;
        this.stdout = stdout;
        this.stderr = stderr;
    }
    /** The project found from the working directory. */
    get project() {
        this.projectCache ??= (0, workspace_1.loadProject)(this.cwd);
        return this.projectCache;
    }
    /** The project's DIY backend. */
    get backend() {
        if (!this.backendCache) {
            const url = (0, workspace_1.backendUrl)(this.project, this.env);
            this.backendCache = new backend_1.Backend(url, (0, workspace_1.backendDir)(url, this.project.dir), this.project.name);
        }
        return this.backendCache;
    }
    /** `--stack`, else the selected stack; with `mustExist` (default) the stack must exist. */
    stackName(mustExist = true) {
        const ref = this.args.value("stack") ?? (0, workspace_1.currentStack)(this.project, this.env);
        if (!ref) {
            throw new errors_1.CliError("no stack selected; please use `pulumi stack select` or `pulumi stack init` to choose one");
        }
        const name = (0, workspace_1.parseStackName)(ref, this.project);
        if (mustExist)
            this.backend.requireStack(name);
        return name;
    }
    /** Path of the stack settings file (`--config-file` wins). */
    settingsPath(stack) {
        return (0, workspace_1.stackSettingsPath)(this.project, stack, this.args.value("config-file"));
    }
    /** The stack settings file's contents. */
    readSettings(stack) {
        return (0, workspace_1.readStackSettings)(this.settingsPath(stack));
    }
    /** Writes the stack settings file. */
    writeSettings(stack, settings) {
        (0, workspace_1.writeStackSettings)(this.settingsPath(stack), settings);
    }
    /** Effective raw config: project defaults overlaid by the stack settings file. */
    rawConfig(stack) {
        return { ...(0, config_1.projectConfig)(this.project), ...(this.readSettings(stack).config ?? {}) };
    }
    /** The passphrase, or the real CLI's error when none is set. */
    passphrase() {
        const p = (0, crypto_1.readPassphrase)(this.env);
        if (p === undefined)
            throw new errors_1.CliError(crypto_1.MISSING_PASSPHRASE);
        return p;
    }
    /**
     * The stack's secrets provider. The salt comes from the settings file, else from the last
     * checkpoint (and is then written back to the settings file, as the real CLI does), else a new
     * one is created when `create` is set.
     */
    crypter(stack, create = false) {
        const cached = this.crypters.get(stack);
        if (cached)
            return cached;
        const settings = this.readSettings(stack);
        if (settings.secretsprovider && !["passphrase", "default"].includes(settings.secretsprovider)) {
            throw new errors_1.CliError(`the Pulumi CLI double only supports the passphrase secrets provider, not '${settings.secretsprovider}'`);
        }
        let salt = settings.encryptionsalt;
        if (!salt && this.backend.exists(stack)) {
            salt = this.backend.readDeployment(stack)?.secrets_providers?.state?.salt;
            if (salt)
                this.writeSettings(stack, { ...settings, encryptionsalt: salt });
        }
        let crypter;
        if (salt)
            crypter = crypto_1.Crypter.fromSalt(salt, this.passphrase());
        else if (create) {
            const made = crypto_1.Crypter.create(this.passphrase());
            this.writeSettings(stack, { encryptionsalt: made.salt, ...settings });
            crypter = made.crypter;
        }
        else {
            throw new errors_1.CliError(`stack '${stack}' has no secrets provider configuration (missing encryptionsalt)`);
        }
        this.crypters.set(stack, crypter);
        return crypter;
    }
    /** The salt the stack's crypter uses (for `secrets_providers` in checkpoints). */
    salt(stack) {
        return this.readSettings(stack).encryptionsalt;
    }
    /** Working directory for display (relative when inside cwd). */
    rel(p) {
        const r = path.relative(this.cwd, p);
        return r.startsWith("..") ? p : r;
    }
}
exports.Context = Context;
//# sourceMappingURL=context.js.map