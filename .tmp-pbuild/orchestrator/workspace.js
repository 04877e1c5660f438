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
exports.createLocalStack = exports.OpenMode = exports.SECRETS_PROVIDER_SCHEMES = exports.BackendScheme = exports.INSTALL_HINT = exports.MIN_PULUMI_VERSION = void 0;
exports.readProjectSettings = readProjectSettings;
exports.backendScheme = backendScheme;
exports.validateSecretsProvider = validateSecretsProvider;
exports.defaultBackendUrl = defaultBackendUrl;
exports.displayBackend = displayBackend;
exports.effectiveSecretsProvider = effectiveSecretsProvider;
exports.requirePassphrase = requirePassphrase;
exports.locatePulumi = locatePulumi;
exports.checkPulumiVersion = checkPulumiVersion;
exports.resolvePulumiCli = resolvePulumiCli;
exports.stackSettingsFrom = stackSettingsFrom;
exports.resolveWorkspace = resolveWorkspace;
/**
 * Where and how a stack runs: backend, secrets provider, Pulumi CLI, work dir, PULUMI_HOME and the
 * stack settings, resolved in the parent process ({@link resolveWorkspace}) and turned into an
 * Automation-API stack in the worker process ({@link createLocalStack}, the default
 * {@link StackFactory}).
 *
 * Config: the stack file `stacks/Pulumi.<env>.yaml` is copied into the workspace's stack settings
 * as it is (`config`, `secretsprovider`, `encryptedkey`, `encryptionsalt`, `environment`), so the
 * orchestrator's run and `pulumi up -s <env>` in the repository read the same values, secure ones
 * included. Each run gets a fresh work dir; the passphrase salt of a stack whose file has none is
 * read back from the stack's state (`PULUMI_FALLBACK_TO_STATE_SECRETS_MANAGER`).
 */
const node_child_process_1 = require("node:child_process");
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const yaml_1 = require("yaml");
const automation_1 = require("@pulumi/pulumi/automation");
const errors_1 = require("../components/shared/errors");
const stack_config_1 = require("../programs/stack-config");
const graph_1 = require("./graph");
/**
 * Oldest Pulumi CLI the orchestrator accepts: 3.181 added `--client` for refresh and destroy, which
 * inline programs need (the Automation SDK's own floor, v3.2.0-alpha, is far too low).
 */
exports.MIN_PULUMI_VERSION = "3.181.0";
/** What to tell a person who has no (or an old) Pulumi CLI. */
exports.INSTALL_HINT = "install it with `curl -fsSL https://get.pulumi.com | sh` (https://www.pulumi.com/docs/install/) or set PLATFORM_PULUMI_ROOT to a directory holding bin/pulumi";
/** Backend URL schemes the orchestrator accepts. */
exports.BackendScheme = { file: "file", gs: "gs", s3: "s3", azblob: "azblob", https: "https" };
/** Secrets providers the orchestrator accepts (`passphrase`, `default` or a KMS URL scheme). */
exports.SECRETS_PROVIDER_SCHEMES = ["gcpkms", "awskms", "azurekeyvault", "hashivault"];
/** Stack-file keys copied into the workspace's stack settings. */
const SETTINGS_KEYS = { secretsprovider: "secretsProvider", encryptedkey: "encryptedKey", encryptionsalt: "encryptionSalt", config: "config", environment: "environment" };
/** The project name and runtime from the repository's Pulumi.yaml. */
function readProjectSettings(root = (0, stack_config_1.repoRoot)()) {
    const file = path.join(root, "Pulumi.yaml");
    let doc = null;
    try {
        doc = (0, yaml_1.parse)((0, node_fs_1.readFileSync)(file, "utf8"));
    }
    catch {
        return { name: "platform", runtime: "nodejs" };
    }
    const name = typeof doc?.name === "string" ? doc.name : "platform";
    const rt = doc?.runtime;
    const runtime = typeof rt === "string" ? rt : typeof rt?.name === "string" ? String(rt.name) : "nodejs";
    return { name, runtime };
}
/**
 * Checks a backend URL and returns its scheme.
 *
 * @example
 * ```ts
 * backendScheme("gs://acme-pulumi-state"); // "gs"
 * backendScheme("ftp://x");                // PlatformError: --backend: unsupported URL "ftp://x"; use file://, gs://, s3://, azblob:// or https://
 * ```
 */
function backendScheme(url) {
    const m = /^([a-z0-9]+):\/\/./.exec(url);
    const scheme = m?.[1];
    if (scheme && Object.values(exports.BackendScheme).includes(scheme))
        return scheme;
    throw new errors_1.PlatformError(`--backend: unsupported URL ${JSON.stringify(url)}; use file://<dir>, gs://<bucket>, s3://<bucket>, azblob://<container> or https://api.pulumi.com`);
}
/**
 * Checks a secrets provider: `passphrase`, `default` (Pulumi Cloud) or a KMS URL.
 *
 * @example
 * ```ts
 * validateSecretsProvider("gcpkms://projects/p/locations/global/keyRings/r/cryptoKeys/k"); // ok
 * ```
 */
function validateSecretsProvider(provider) {
    if (provider === "passphrase" || provider === "default")
        return;
    const scheme = /^([a-z]+):\/\/./.exec(provider)?.[1];
    if (scheme && exports.SECRETS_PROVIDER_SCHEMES.includes(scheme))
        return;
    throw new errors_1.PlatformError(`--secrets-provider: unsupported ${JSON.stringify(provider)}; use passphrase, default, or ${exports.SECRETS_PROVIDER_SCHEMES.map((s) => `${s}://…`).join(", ")}`);
}
/** The default backend: a local file backend in `<repo>/.pulumi-state/`. */
function defaultBackendUrl(root = (0, stack_config_1.repoRoot)()) {
    return `file://${path.join(root, ".pulumi-state")}`;
}
/** A backend URL without credentials or query (what logs and the audit log show). */
function displayBackend(url) {
    return url.replace(/\/\/[^/@]*@/, "//").replace(/\?.*$/, "");
}
/**
 * The secrets provider a stack will use: the option, else the stack file's, else `default` on
 * Pulumi Cloud and `passphrase` everywhere else.
 */
function effectiveSecretsProvider(backendUrl, option, stackFile) {
    if (option)
        return option;
    if (typeof stackFile.secretsprovider === "string" && stackFile.secretsprovider !== "")
        return stackFile.secretsprovider;
    if (typeof stackFile.encryptionsalt === "string")
        return "passphrase";
    return backendUrl.startsWith("https://") ? "default" : "passphrase";
}
/**
 * Throws a clear error when the passphrase provider is in use and no passphrase is set, before any
 * engine call (the CLI would fail later with a less direct message).
 *
 * @example
 * ```ts
 * requirePassphrase("passphrase", {}); // PlatformError: PULUMI_CONFIG_PASSPHRASE is not set: …
 * ```
 */
function requirePassphrase(provider, env) {
    if (provider !== "passphrase")
        return;
    if (env["PULUMI_CONFIG_PASSPHRASE"] !== undefined || env["PULUMI_CONFIG_PASSPHRASE_FILE"])
        return;
    throw new errors_1.PlatformError("PULUMI_CONFIG_PASSPHRASE is not set: the passphrase secrets provider (the default for file://, gs:// and s3:// backends) " +
        "needs it to encrypt the stack's secrets. Export PULUMI_CONFIG_PASSPHRASE (or PULUMI_CONFIG_PASSPHRASE_FILE), or pass --secrets-provider gcpkms://…");
}
/**
 * Finds the Pulumi CLI: `<root>/bin/pulumi` when a root is given (`PLATFORM_PULUMI_ROOT`), else
 * `pulumi` on PATH. A missing CLI is a one-line {@link PlatformError} saying what to install.
 *
 * @example
 * ```ts
 * locatePulumi("/opt/pulumi"); // { command: "/opt/pulumi/bin/pulumi", root: "/opt/pulumi" }
 * ```
 */
function locatePulumi(root, pathEnv = process.env["PATH"] ?? "") {
    if (root) {
        const command = path.resolve(root, "bin", "pulumi");
        if (!isExecutable(command))
            throw new errors_1.PlatformError(`Pulumi CLI not found: ${command} does not exist or is not executable (PLATFORM_PULUMI_ROOT=${root}); ${exports.INSTALL_HINT}`);
        return { command, root: path.resolve(root) };
    }
    for (const dir of pathEnv.split(path.delimiter)) {
        if (dir && isExecutable(path.join(dir, "pulumi")))
            return { command: "pulumi" };
    }
    throw new errors_1.PlatformError(`Pulumi CLI not found on PATH; ${exports.INSTALL_HINT}`);
}
function isExecutable(file) {
    try {
        (0, node_fs_1.accessSync)(file, node_fs_1.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * Parses `pulumi version` output and checks it against {@link MIN_PULUMI_VERSION}; throws a
 * one-line {@link PlatformError} for an unreadable, too old or wrong-major version.
 *
 * @example
 * ```ts
 * checkPulumiVersion("v3.100.0\n", "pulumi"); // PlatformError: Pulumi CLI v3.100.0 (pulumi) is too old: …
 * ```
 */
function checkPulumiVersion(output, command) {
    const text = output.trim();
    const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(text);
    if (!m)
        throw new errors_1.PlatformError(`could not read the Pulumi CLI version from \`${command} version\` (got ${JSON.stringify(text.slice(0, 80))}); ${exports.INSTALL_HINT}`);
    const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const [minMajor, minMinor, minPatch] = exports.MIN_PULUMI_VERSION.split(".").map(Number);
    if (major !== minMajor)
        throw new errors_1.PlatformError(`Pulumi CLI ${text} (${command}) is not supported: the orchestrator needs v${minMajor}.x (>= v${exports.MIN_PULUMI_VERSION}); ${exports.INSTALL_HINT}`);
    const tooOld = minor < minMinor || (minor === minMinor && patch < minPatch);
    if (tooOld)
        throw new errors_1.PlatformError(`Pulumi CLI ${text} (${command}) is too old: the orchestrator needs v${exports.MIN_PULUMI_VERSION} or newer; ${exports.INSTALL_HINT.replace("install it", "upgrade it")}`);
    return `${major}.${minor}.${patch}`;
}
/** Finds the CLI and checks its version (one `pulumi version` call). */
async function resolvePulumiCli(root) {
    const found = locatePulumi(root);
    const output = await new Promise((resolve, reject) => {
        (0, node_child_process_1.execFile)(found.command, ["version"], { timeout: 30_000, env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" } }, (err, stdout, stderr) => {
            if (err)
                reject(new errors_1.PlatformError(`\`${found.command} version\` failed: ${(stderr || err.message).trim().split("\n")[0]}; ${exports.INSTALL_HINT}`));
            else
                resolve(stdout);
        });
    });
    return { ...found, version: checkPulumiVersion(output, found.command) };
}
/** Stack settings for the workspace: the stack file's settings keys, renamed as the Automation API wants them. */
function stackSettingsFrom(stackFile, secretsProvider) {
    const out = {};
    for (const [fileKey, apiKey] of Object.entries(SETTINGS_KEYS)) {
        if (stackFile[fileKey] !== undefined && stackFile[fileKey] !== null)
            out[apiKey] = stackFile[fileKey];
    }
    if (secretsProvider && secretsProvider !== "passphrase" && secretsProvider !== "default")
        out["secretsProvider"] = secretsProvider;
    return out;
}
/**
 * Resolves where and how one environment runs; pure apart from reading the stack file and the
 * repository's Pulumi.yaml, and checking the passphrase. Runs in the parent, before any engine call.
 *
 * @example
 * ```ts
 * const spec = resolveWorkspace("dev", { options: { env: "dev" }, cli });
 * spec.backendUrl; // "file:///repo/.pulumi-state"
 * ```
 */
function resolveWorkspace(env, { options, cli, remote }) {
    const dir = options.stacksDir ?? (0, stack_config_1.stacksDir)();
    const stackFile = (0, graph_1.readStackFile)(env, dir);
    const backendUrl = options.backend ?? defaultBackendUrl();
    backendScheme(backendUrl);
    if (options.secretsProvider)
        validateSecretsProvider(options.secretsProvider);
    const provider = effectiveSecretsProvider(backendUrl, options.secretsProvider, stackFile);
    requirePassphrase(provider, { ...process.env, ...options.envVars });
    const project = readProjectSettings();
    const dataDir = options.dataDir ?? path.join((0, stack_config_1.repoRoot)(), ".platform");
    const workDir = path.join(dataDir, "work", `${env}.${process.pid}.${(0, node_crypto_1.randomBytes)(4).toString("hex")}`);
    const pulumiHome = path.join(dataDir, "pulumi-home", `${env}-${(0, node_crypto_1.createHash)("sha1").update(backendUrl).digest("hex").slice(0, 8)}`);
    return {
        env,
        stackName: remote ? `${remote.org}/${project.name}/${env}` : env,
        projectName: project.name,
        runtime: project.runtime,
        backendUrl,
        ...(options.secretsProvider ? { secretsProvider: options.secretsProvider } : {}),
        workDir,
        pulumiHome,
        ...(cli.root ? { pulumiRoot: cli.root } : {}),
        stackSettings: stackSettingsFrom(stackFile, options.secretsProvider),
        envVars: {
            PULUMI_SKIP_UPDATE_CHECK: "true",
            PULUMI_FALLBACK_TO_STATE_SECRETS_MANAGER: "true",
            ...(options.envVars ?? {}),
        },
        ...(remote ? { remote } : {}),
        ...(options.programModule ? { programModule: path.resolve(options.programModule) } : {}),
    };
}
/** How a stack is opened: create it when missing (up, preview) or only select it. */
exports.OpenMode = { createOrSelect: "createOrSelect", select: "select" };
/**
 * Opens a stack through `LocalWorkspace` with an inline program, the repository's project
 * settings, the stack file as stack settings, its own work dir and PULUMI_HOME.
 *
 * @example
 * ```ts
 * const stack = await createLocalStack(spec, async () => runPlatform(), OpenMode.createOrSelect);
 * await stack.up({ onEvent: console.log });
 * ```
 */
const createLocalStack = async (spec, program, mode) => {
    (0, node_fs_1.mkdirSync)(spec.workDir, { recursive: true });
    (0, node_fs_1.mkdirSync)(spec.pulumiHome, { recursive: true });
    if (spec.backendUrl.startsWith("file://")) {
        const dir = spec.backendUrl.slice("file://".length).replace(/\?.*$/, "");
        if (dir && !(0, node_fs_1.existsSync)(dir))
            (0, node_fs_1.mkdirSync)(dir, { recursive: true });
    }
    const pulumiCommand = await automation_1.PulumiCommand.get({ ...(spec.pulumiRoot ? { root: spec.pulumiRoot } : {}), skipVersionCheck: true });
    const args = { stackName: spec.stackName, projectName: spec.projectName, program };
    const opts = {
        workDir: spec.workDir,
        pulumiHome: spec.pulumiHome,
        pulumiCommand,
        envVars: { ...spec.envVars },
        projectSettings: { name: spec.projectName, runtime: spec.runtime, backend: { url: spec.backendUrl } },
        stackSettings: { [spec.stackName]: spec.stackSettings },
        ...(spec.secretsProvider ? { secretsProvider: spec.secretsProvider } : {}),
    };
    return mode === exports.OpenMode.select ? automation_1.LocalWorkspace.selectStack(args, opts) : automation_1.LocalWorkspace.createOrSelectStack(args, opts);
};
exports.createLocalStack = createLocalStack;
//# sourceMappingURL=workspace.js.map