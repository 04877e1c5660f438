/**
 * What every command needs: parsed arguments, environment, the project, the backend, the selected
 * stack, its settings file and its secrets provider.
 */
import * as path from "node:path";
import type { ParsedArgs } from "./args";
import { Backend } from "./backend";
import { projectConfig } from "./config";
import { Crypter, MISSING_PASSPHRASE, readPassphrase } from "./crypto";
import { CliError } from "./errors";
import {
  backendDir,
  backendUrl,
  currentStack,
  loadProject,
  parseStackName,
  readStackSettings,
  stackSettingsPath,
  writeStackSettings,
  type Project,
  type StackSettings,
} from "./workspace";

/** The version the double reports (`PULUMI_DOUBLE_VERSION`, default v3.270.0). */
export function doubleVersion(env: NodeJS.ProcessEnv = process.env): string {
  const v = env["PULUMI_DOUBLE_VERSION"] || "v3.270.0";
  return v.startsWith("v") ? v : `v${v}`;
}

/** Shared state of one CLI invocation. */
export class Context {
  private projectCache?: Project;
  private backendCache?: Backend;
  private readonly crypters = new Map<string, Crypter>();

  constructor(
    readonly args: ParsedArgs,
    readonly env: NodeJS.ProcessEnv,
    readonly cwd: string,
    readonly stdout: (text: string) => void,
    readonly stderr: (text: string) => void,
  ) {}

  /** The project found from the working directory. */
  get project(): Project {
    this.projectCache ??= loadProject(this.cwd);
    return this.projectCache;
  }

  /** The project's DIY backend. */
  get backend(): Backend {
    if (!this.backendCache) {
      const url = backendUrl(this.project, this.env);
      this.backendCache = new Backend(url, backendDir(url, this.project.dir), this.project.name);
    }
    return this.backendCache;
  }

  /** `--stack`, else the selected stack; with `mustExist` (default) the stack must exist. */
  stackName(mustExist = true): string {
    const ref = this.args.value("stack") ?? currentStack(this.project, this.env);
    if (!ref) {
      throw new CliError(
        "no stack selected; please use `pulumi stack select` or `pulumi stack init` to choose one",
      );
    }
    const name = parseStackName(ref, this.project);
    if (mustExist) this.backend.requireStack(name);
    return name;
  }

  /** Path of the stack settings file (`--config-file` wins). */
  settingsPath(stack: string): string {
    return stackSettingsPath(this.project, stack, this.args.value("config-file"));
  }

  /** The stack settings file's contents. */
  readSettings(stack: string): StackSettings {
    return readStackSettings(this.settingsPath(stack));
  }

  /** Writes the stack settings file. */
  writeSettings(stack: string, settings: StackSettings): void {
    writeStackSettings(this.settingsPath(stack), settings);
  }

  /** Effective raw config: project defaults overlaid by the stack settings file. */
  rawConfig(stack: string): Record<string, unknown> {
    return { ...projectConfig(this.project), ...(this.readSettings(stack).config ?? {}) };
  }

  /** The passphrase, or the real CLI's error when none is set. */
  passphrase(): string {
    const p = readPassphrase(this.env);
    if (p === undefined) throw new CliError(MISSING_PASSPHRASE);
    return p;
  }

  /**
   * The stack's secrets provider. The salt comes from the settings file, else from the last
   * checkpoint (and is then written back to the settings file, as the real CLI does), else a new
   * one is created when `create` is set.
   */
  crypter(stack: string, create = false): Crypter {
    const cached = this.crypters.get(stack);
    if (cached) return cached;
    const settings = this.readSettings(stack);
    if (settings.secretsprovider && !["passphrase", "default"].includes(settings.secretsprovider)) {
      throw new CliError(
        `the Pulumi CLI double only supports the passphrase secrets provider, not '${settings.secretsprovider}'`,
      );
    }
    let salt = settings.encryptionsalt;
    if (!salt && this.backend.exists(stack)) {
      salt = this.backend.readDeployment(stack)?.secrets_providers?.state?.salt;
      if (salt) this.writeSettings(stack, { ...settings, encryptionsalt: salt });
    }
    let crypter: Crypter;
    if (salt) crypter = Crypter.fromSalt(salt, this.passphrase());
    else if (create) {
      const made = Crypter.create(this.passphrase());
      this.writeSettings(stack, { encryptionsalt: made.salt, ...settings });
      crypter = made.crypter;
    } else {
      throw new CliError(`stack '${stack}' has no secrets provider configuration (missing encryptionsalt)`);
    }
    this.crypters.set(stack, crypter);
    return crypter;
  }

  /** The salt the stack's crypter uses (for `secrets_providers` in checkpoints). */
  salt(stack: string): string | undefined {
    return this.readSettings(stack).encryptionsalt;
  }

  /** Working directory for display (relative when inside cwd). */
  rel(p: string): string {
    const r = path.relative(this.cwd, p);
    return r.startsWith("..") ? p : r;
  }
}
