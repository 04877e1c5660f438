import { type PulumiFn, type StackSettings } from "@pulumi/pulumi/automation";
import type { CommonOptions, RemoteOptions } from "./types";
/**
 * Oldest Pulumi CLI the orchestrator accepts: 3.181 added `--client` for refresh and destroy, which
 * inline programs need (the Automation SDK's own floor, v3.2.0-alpha, is far too low).
 */
export declare const MIN_PULUMI_VERSION = "3.181.0";
/** What to tell a person who has no (or an old) Pulumi CLI. */
export declare const INSTALL_HINT = "install it with `curl -fsSL https://get.pulumi.com | sh` (https://www.pulumi.com/docs/install/) or set PLATFORM_PULUMI_ROOT to a directory holding bin/pulumi";
/** Backend URL schemes the orchestrator accepts. */
export declare const BackendScheme: {
    readonly file: "file";
    readonly gs: "gs";
    readonly s3: "s3";
    readonly azblob: "azblob";
    readonly https: "https";
};
/** One of the {@link BackendScheme}s. */
export type BackendScheme = (typeof BackendScheme)[keyof typeof BackendScheme];
/** Secrets providers the orchestrator accepts (`passphrase`, `default` or a KMS URL scheme). */
export declare const SECRETS_PROVIDER_SCHEMES: readonly ["gcpkms", "awskms", "azurekeyvault", "hashivault"];
/** Everything a worker needs to open one stack. Plain data (it crosses the process boundary). */
export interface WorkspaceSpec {
    readonly env: string;
    /** The stack name passed to the CLI (`org/project/env` for remote runs). */
    readonly stackName: string;
    readonly projectName: string;
    readonly runtime: string;
    readonly backendUrl: string;
    readonly secretsProvider?: string;
    /** Fresh per run; removed afterwards. */
    readonly workDir: string;
    /** Per environment, kept between runs (plugins). */
    readonly pulumiHome: string;
    /** Directory holding bin/pulumi; undefined means `pulumi` on PATH. */
    readonly pulumiRoot?: string;
    /** The stack settings written to `<workDir>/Pulumi.<env>.yaml`. */
    readonly stackSettings: StackSettings;
    /** Environment for the CLI on top of the process environment. */
    readonly envVars: Readonly<Record<string, string>>;
    /** Set for Pulumi Deployments runs. */
    readonly remote?: RemoteSpec;
    /** The inline program's module; undefined means the platform program. */
    readonly programModule?: string;
}
/** Remote-run settings with the git facts resolved. */
export interface RemoteSpec extends RemoteOptions {
    readonly repoUrl: string;
    readonly branch?: string;
    readonly commit?: string;
}
/** The Pulumi CLI the run uses and its version. */
export interface PulumiCli {
    /** The command (absolute path, or `pulumi` from PATH). */
    readonly command: string;
    /** Directory holding bin/pulumi, when given. */
    readonly root?: string;
    readonly version: string;
}
/** The project name and runtime from the repository's Pulumi.yaml. */
export declare function readProjectSettings(root?: string): {
    name: string;
    runtime: string;
};
/**
 * Checks a backend URL and returns its scheme.
 *
 * @example
 * ```ts
 * backendScheme("gs://acme-pulumi-state"); // "gs"
 * backendScheme("ftp://x");                // PlatformError: --backend: unsupported URL "ftp://x"; use file://, gs://, s3://, azblob:// or https://
 * ```
 */
export declare function backendScheme(url: string): BackendScheme;
/**
 * Checks a secrets provider: `passphrase`, `default` (Pulumi Cloud) or a KMS URL.
 *
 * @example
 * ```ts
 * validateSecretsProvider("gcpkms://projects/p/locations/global/keyRings/r/cryptoKeys/k"); // ok
 * ```
 */
export declare function validateSecretsProvider(provider: string): void;
/** The default backend: a local file backend in `<repo>/.pulumi-state/`. */
export declare function defaultBackendUrl(root?: string): string;
/** A backend URL without credentials or query (what logs and the audit log show). */
export declare function displayBackend(url: string): string;
/**
 * The secrets provider a stack will use: the option, else the stack file's, else `default` on
 * Pulumi Cloud and `passphrase` everywhere else.
 */
export declare function effectiveSecretsProvider(backendUrl: string, option: string | undefined, stackFile: Readonly<Record<string, unknown>>): string;
/**
 * Throws a clear error when the passphrase provider is in use and no passphrase is set, before any
 * engine call (the CLI would fail later with a less direct message).
 *
 * @example
 * ```ts
 * requirePassphrase("passphrase", {}); // PlatformError: PULUMI_CONFIG_PASSPHRASE is not set: …
 * ```
 */
export declare function requirePassphrase(provider: string, env: Readonly<Record<string, string | undefined>>): void;
/**
 * Finds the Pulumi CLI: `<root>/bin/pulumi` when a root is given (`PLATFORM_PULUMI_ROOT`), else
 * `pulumi` on PATH. A missing CLI is a one-line {@link PlatformError} saying what to install.
 *
 * @example
 * ```ts
 * locatePulumi("/opt/pulumi"); // { command: "/opt/pulumi/bin/pulumi", root: "/opt/pulumi" }
 * ```
 */
export declare function locatePulumi(root: string | undefined, pathEnv?: string): {
    command: string;
    root?: string;
};
/**
 * Parses `pulumi version` output and checks it against {@link MIN_PULUMI_VERSION}; throws a
 * one-line {@link PlatformError} for an unreadable, too old or wrong-major version.
 *
 * @example
 * ```ts
 * checkPulumiVersion("v3.100.0\n", "pulumi"); // PlatformError: Pulumi CLI v3.100.0 (pulumi) is too old: …
 * ```
 */
export declare function checkPulumiVersion(output: string, command: string): string;
/** Finds the CLI and checks its version (one `pulumi version` call). */
export declare function resolvePulumiCli(root: string | undefined): Promise<PulumiCli>;
/** Stack settings for the workspace: the stack file's settings keys, renamed as the Automation API wants them. */
export declare function stackSettingsFrom(stackFile: Readonly<Record<string, unknown>>, secretsProvider?: string): StackSettings;
/** Inputs of {@link resolveWorkspace} besides the env. */
export interface ResolveContext {
    readonly options: CommonOptions;
    readonly cli: PulumiCli;
    readonly remote?: RemoteSpec;
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
export declare function resolveWorkspace(env: string, { options, cli, remote }: ResolveContext): WorkspaceSpec;
/** Anything with the stack methods the orchestrator calls (`Stack` and `RemoteStack` both fit). */
export interface StackHandle {
    readonly name: string;
    up(opts?: Record<string, unknown>): Promise<{
        summary?: {
            resourceChanges?: Record<string, number>;
        };
        outputs: Record<string, {
            value: unknown;
            secret: boolean;
        }>;
    }>;
    preview(opts?: Record<string, unknown>): Promise<{
        changeSummary?: Record<string, number>;
    }>;
    refresh(opts?: Record<string, unknown>): Promise<{
        summary?: {
            resourceChanges?: Record<string, number>;
        };
    }>;
    previewRefresh?(opts?: Record<string, unknown>): Promise<{
        changeSummary?: Record<string, number>;
    }>;
    destroy(opts?: Record<string, unknown>): Promise<{
        summary?: {
            resourceChanges?: Record<string, number>;
        };
    }>;
    outputs(): Promise<Record<string, {
        value: unknown;
        secret: boolean;
    }>>;
    exportStack(): Promise<{
        deployment?: any;
    }>;
    cancel(): Promise<void>;
}
/** How a stack is opened: create it when missing (up, preview) or only select it. */
export declare const OpenMode: {
    readonly createOrSelect: "createOrSelect";
    readonly select: "select";
};
/** One of the {@link OpenMode}s. */
export type OpenMode = (typeof OpenMode)[keyof typeof OpenMode];
/**
 * The seam between the verbs and the Automation API: opens a stack for a spec. Tests substitute a
 * fake; {@link createLocalStack} is the real one.
 */
export type StackFactory = (spec: WorkspaceSpec, program: PulumiFn, mode: OpenMode) => Promise<StackHandle>;
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
export declare const createLocalStack: StackFactory;
