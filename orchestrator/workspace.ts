/**
 * Where and how a stack runs: backend, secrets provider, Pulumi CLI, work dir, PULUMI_HOME and the
 * stack settings, resolved in the parent process ({@link resolveWorkspace}) and turned into an
 * Automation-API stack in the worker process (`createLocalStack` in stack-factory.ts, the default
 * {@link StackFactory}). This module loads no Automation-API code: the parent process stays light.
 *
 * Config: the stack file `stacks/Pulumi.<env>.yaml` is copied into the workspace's stack settings
 * as it is (`config`, `secretsprovider`, `encryptedkey`, `encryptionsalt`, `environment`), so the
 * orchestrator's run and `pulumi up -s <env>` in the repository read the same values, secure ones
 * included. Each run gets a fresh work dir; the passphrase salt of a stack whose file has none is
 * read back from the stack's state (`PULUMI_FALLBACK_TO_STATE_SECRETS_MANAGER`).
 */
import { createHash, randomBytes } from "node:crypto";
import { accessSync, constants } from "node:fs";
import * as path from "node:path";
import type { PulumiFn, StackSettings } from "@pulumi/pulumi/automation";
import { PlatformError } from "../components/shared/errors";
import { currentProject } from "../programs/project";
import { stacksDir as defaultStacksDir } from "../programs/stack-config";
import { readStackFile } from "./graph";
import type { CommonOptions, RemoteOptions } from "./types";

/**
 * Oldest Pulumi CLI the orchestrator accepts: 3.181 added `--client` for refresh and destroy, which
 * inline programs need (the Automation SDK's own floor, v3.2.0-alpha, is far too low).
 */
export const MIN_PULUMI_VERSION = "3.181.0";
/** What to tell a person who has no (or an old) Pulumi CLI. */
export const INSTALL_HINT =
  "install it with `curl -fsSL https://get.pulumi.com | sh` (https://www.pulumi.com/docs/install/) or set PLATFORM_PULUMI_ROOT to a directory holding bin/pulumi";

/**
 * A missing, unusable or too-old Pulumi CLI: the whole run stops (before any engine call) and the
 * CLI prints the one-line message.
 */
export class PulumiCliError extends PlatformError {
  override readonly name = "PulumiCliError";
}

/** Backend URL schemes the orchestrator accepts. */
export const BackendScheme = { file: "file", gs: "gs", s3: "s3", azblob: "azblob", https: "https" } as const;
/** One of the {@link BackendScheme}s. */
export type BackendScheme = (typeof BackendScheme)[keyof typeof BackendScheme];

/** Secrets providers the orchestrator accepts (`passphrase`, `default` or a KMS URL scheme). */
export const SECRETS_PROVIDER_SCHEMES = ["gcpkms", "awskms", "azurekeyvault", "hashivault"] as const;

/** Stack-file keys copied into the workspace's stack settings. */
const SETTINGS_KEYS = {
  secretsprovider: "secretsProvider",
  encryptedkey: "encryptedKey",
  encryptionsalt: "encryptionSalt",
  config: "config",
  environment: "environment",
} as const;

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
  /** The inline program's module (exports the program function); wins over {@link programMain}. */
  readonly programModule?: string;
  /**
   * The CLI flags that select this same stack again (backend, stacks dir, data dir, secrets
   * provider, program, when not the defaults), for the recovery commands printed after a failure.
   * @default []
   */
  readonly cliFlags?: readonly string[];
  /** The project's Pulumi.yaml `main`, run as Pulumi's Node.js host runs it (resolved in the worker). */
  readonly programMain?: { readonly dir: string; readonly mainSpec: string };
}

/**
 * The flags that make a printed `npx platform …` command reach the same stack as this run.
 *
 * @example
 * ```ts
 * recoveryFlags({ env: "dev", backend: "gs://acme-state" }); // ["--backend", "gs://acme-state"]
 * ```
 */
export function recoveryFlags(options: CommonOptions, root = currentProject().dir): string[] {
  const out: string[] = [];
  if (options.backend && options.backend !== defaultBackendUrl(root))
    out.push("--backend", displayBackend(options.backend));
  if (options.secretsProvider) out.push("--secrets-provider", options.secretsProvider);
  if (options.stacksDir && path.resolve(options.stacksDir) !== path.resolve(defaultStacksDir()))
    out.push("--stacks-dir", options.stacksDir);
  if (options.dataDir && path.resolve(options.dataDir) !== path.join(root, ".platform"))
    out.push("--data-dir", options.dataDir);
  if (options.programModule) out.push("--program", options.programModule);
  return out;
}

/**
 * Joins arguments into one shell command line, quoting what needs it.
 *
 * @example
 * ```ts
 * shellJoin(["--stacks-dir", "/my stacks"]); // "--stacks-dir '/my stacks'"
 * ```
 */
export function shellJoin(args: readonly string[]): string {
  return args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`)).join(" ");
}

/** Remote-run settings with the git facts resolved. */
export interface RemoteSpec extends RemoteOptions {
  readonly repoUrl: string;
  readonly branch?: string;
  readonly commit?: string;
}

/** The project name and runtime from the project's Pulumi.yaml (see `currentProject`). */
export function readProjectSettings(root?: string): { name: string; runtime: string } {
  const { name, runtime } = currentProject(root);
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
export function backendScheme(url: string): BackendScheme {
  const m = /^([a-z0-9]+):\/\/./.exec(url);
  const scheme = m?.[1];
  if (scheme && (Object.values(BackendScheme) as string[]).includes(scheme)) return scheme as BackendScheme;
  throw new PlatformError(
    `--backend: unsupported URL ${JSON.stringify(url)}; use file://<dir>, gs://<bucket>, s3://<bucket>, azblob://<container> or https://api.pulumi.com`,
  );
}

/**
 * Checks a secrets provider: `passphrase`, `default` (Pulumi Cloud) or a KMS URL.
 *
 * @example
 * ```ts
 * validateSecretsProvider("gcpkms://projects/p/locations/global/keyRings/r/cryptoKeys/k"); // ok
 * ```
 */
export function validateSecretsProvider(provider: string): void {
  if (provider === "passphrase" || provider === "default") return;
  const scheme = /^([a-z]+):\/\/./.exec(provider)?.[1];
  if (scheme && (SECRETS_PROVIDER_SCHEMES as readonly string[]).includes(scheme)) return;
  throw new PlatformError(
    `--secrets-provider: unsupported ${JSON.stringify(provider)}; use passphrase, default, or ${SECRETS_PROVIDER_SCHEMES.map((s) => `${s}://…`).join(", ")}`,
  );
}

/** The default backend: a local file backend in `<project>/.pulumi-state/`. */
export function defaultBackendUrl(root = currentProject().dir): string {
  return `file://${path.join(root, ".pulumi-state")}`;
}

/** A backend URL without credentials or query (what logs and the audit log show). */
export function displayBackend(url: string): string {
  return url.replace(/\/\/[^/@]*@/, "//").replace(/\?.*$/, "");
}

/**
 * The secrets provider a stack will use: the option, else the stack file's, else `default` on
 * Pulumi Cloud and `passphrase` everywhere else.
 */
export function effectiveSecretsProvider(
  backendUrl: string,
  option: string | undefined,
  stackFile: Readonly<Record<string, unknown>>,
): string {
  if (option) return option;
  if (typeof stackFile.secretsprovider === "string" && stackFile.secretsprovider !== "")
    return stackFile.secretsprovider;
  if (typeof stackFile.encryptionsalt === "string") return "passphrase";
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
export function requirePassphrase(provider: string, env: Readonly<Record<string, string | undefined>>): void {
  if (provider !== "passphrase") return;
  if (env["PULUMI_CONFIG_PASSPHRASE"] !== undefined || env["PULUMI_CONFIG_PASSPHRASE_FILE"]) return;
  throw new PlatformError(
    "PULUMI_CONFIG_PASSPHRASE is not set: the passphrase secrets provider (the default for file://, gs:// and s3:// backends) " +
      "needs it to encrypt the stack's secrets. Export PULUMI_CONFIG_PASSPHRASE (or PULUMI_CONFIG_PASSPHRASE_FILE), or pass --secrets-provider gcpkms://…",
  );
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
export function locatePulumi(
  root: string | undefined,
  pathEnv = process.env["PATH"] ?? "",
): { command: string; root?: string } {
  if (root) {
    const command = path.resolve(root, "bin", "pulumi");
    if (!isExecutable(command))
      throw new PulumiCliError(
        `Pulumi CLI not found: ${command} does not exist or is not executable (PLATFORM_PULUMI_ROOT=${root}); ${INSTALL_HINT}`,
      );
    return { command, root: path.resolve(root) };
  }
  for (const dir of pathEnv.split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, "pulumi"))) return { command: "pulumi" };
  }
  throw new PulumiCliError(`Pulumi CLI not found on PATH; ${INSTALL_HINT}`);
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
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
export function checkPulumiVersion(output: string, command: string): string {
  const text = output.trim();
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(text);
  if (!m)
    throw new PulumiCliError(
      `could not read the Pulumi CLI version from \`${command} version\` (got ${JSON.stringify(text.slice(0, 80))}); ${INSTALL_HINT}`,
    );
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const shown = `v${major}.${minor}.${patch}`;
  const [minMajor, minMinor, minPatch] = MIN_PULUMI_VERSION.split(".").map(Number) as [
    number,
    number,
    number,
  ];
  if (major !== minMajor)
    throw new PulumiCliError(
      `Pulumi CLI ${shown} (${command}) is not supported: the orchestrator needs v${minMajor}.x (>= v${MIN_PULUMI_VERSION}); ${INSTALL_HINT}`,
    );
  const tooOld = minor < minMinor || (minor === minMinor && patch < minPatch);
  if (tooOld)
    throw new PulumiCliError(
      `Pulumi CLI ${shown} (${command}) is too old: the orchestrator needs v${MIN_PULUMI_VERSION} or newer; ${INSTALL_HINT.replace("install it", "upgrade it")}`,
    );
  return `${major}.${minor}.${patch}`;
}

/** Stack settings for the workspace: the stack file's settings keys, renamed as the Automation API wants them. */
export function stackSettingsFrom(
  stackFile: Readonly<Record<string, unknown>>,
  secretsProvider?: string,
): StackSettings {
  const out: Record<string, unknown> = {};
  for (const [fileKey, apiKey] of Object.entries(SETTINGS_KEYS)) {
    if (stackFile[fileKey] !== undefined && stackFile[fileKey] !== null) out[apiKey] = stackFile[fileKey];
  }
  if (secretsProvider && secretsProvider !== "passphrase" && secretsProvider !== "default")
    out["secretsProvider"] = secretsProvider;
  return out;
}

/** Inputs of {@link resolveWorkspace} besides the env. */
export interface ResolveContext {
  readonly options: CommonOptions;
  readonly cli: { readonly command: string; readonly root?: string };
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
export function resolveWorkspace(env: string, { options, cli, remote }: ResolveContext): WorkspaceSpec {
  const project = currentProject(options.projectDir);
  const dir = options.stacksDir ?? defaultStacksDir(options.projectDir);
  const stackFile = readStackFile(env, dir);
  const backendUrl = options.backend ?? defaultBackendUrl(project.dir);
  backendScheme(backendUrl);
  if (options.secretsProvider) validateSecretsProvider(options.secretsProvider);
  const provider = effectiveSecretsProvider(backendUrl, options.secretsProvider, stackFile);
  requirePassphrase(provider, { ...process.env, ...options.envVars });
  const dataDir = options.dataDir ?? path.join(project.dir, ".platform");
  const workDir = path.join(dataDir, "work", `${env}.${process.pid}.${randomBytes(4).toString("hex")}`);
  const pulumiHome = path.join(
    dataDir,
    "pulumi-home",
    `${env}-${createHash("sha1").update(backendUrl).digest("hex").slice(0, 8)}`,
  );
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
      // The program reads which config leaves are secret from the stack file it was given.
      PLATFORM_STACKS_DIR: dir,
      // Temp files of the run (the Automation API's event log on CLIs ≤ 3.205 holds every event,
      // secrets included) live in the work dir, which is removed when the worker ends.
      TMPDIR: path.join(workDir, "tmp"),
      ...(options.envVars ?? {}),
    },
    ...(remote ? { remote } : {}),
    ...(options.programModule
      ? { programModule: path.resolve(options.programModule) }
      : { programMain: { dir: project.dir, mainSpec: project.mainSpec } }),
    cliFlags: recoveryFlags(options),
  };
}

/** Anything with the stack methods the orchestrator calls (`Stack` and `RemoteStack` both fit). */
export interface StackHandle {
  readonly name: string;
  up(opts?: Record<string, unknown>): Promise<{
    summary?: { resourceChanges?: Record<string, number> };
    outputs: Record<string, { value: unknown; secret: boolean }>;
  }>;
  preview(opts?: Record<string, unknown>): Promise<{ changeSummary?: Record<string, number> }>;
  refresh(
    opts?: Record<string, unknown>,
  ): Promise<{ summary?: { resourceChanges?: Record<string, number> } }>;
  previewRefresh?(opts?: Record<string, unknown>): Promise<{ changeSummary?: Record<string, number> }>;
  destroy(
    opts?: Record<string, unknown>,
  ): Promise<{ summary?: { resourceChanges?: Record<string, number> } }>;
  outputs(): Promise<Record<string, { value: unknown; secret: boolean }>>;
  exportStack(): Promise<{ deployment?: any }>;
  cancel(): Promise<void>;
}

/** How a stack is opened: create it when missing (up, preview) or only select it. */
export const OpenMode = { createOrSelect: "createOrSelect", select: "select" } as const;
/** One of the {@link OpenMode}s. */
export type OpenMode = (typeof OpenMode)[keyof typeof OpenMode];

/**
 * The seam between the verbs and the Automation API: opens a stack for a spec. Tests substitute a
 * fake; `createLocalStack` (stack-factory.ts) is the real one.
 */
export type StackFactory = (spec: WorkspaceSpec, program: PulumiFn, mode: OpenMode) => Promise<StackHandle>;
