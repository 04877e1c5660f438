import type { ParsedArgs } from "./args";
import { Backend } from "./backend";
import { Crypter } from "./crypto";
import { type Project, type StackSettings } from "./workspace";
/** The version the double reports (`PULUMI_DOUBLE_VERSION`, default v3.270.0). */
export declare function doubleVersion(env?: NodeJS.ProcessEnv): string;
/** Shared state of one CLI invocation. */
export declare class Context {
    readonly args: ParsedArgs;
    readonly env: NodeJS.ProcessEnv;
    readonly cwd: string;
    readonly stdout: (text: string) => void;
    readonly stderr: (text: string) => void;
    private projectCache?;
    private backendCache?;
    private readonly crypters;
    constructor(args: ParsedArgs, env: NodeJS.ProcessEnv, cwd: string, stdout: (text: string) => void, stderr: (text: string) => void);
    /** The project found from the working directory. */
    get project(): Project;
    /** The project's DIY backend. */
    get backend(): Backend;
    /** `--stack`, else the selected stack; with `mustExist` (default) the stack must exist. */
    stackName(mustExist?: boolean): string;
    /** Path of the stack settings file (`--config-file` wins). */
    settingsPath(stack: string): string;
    /** The stack settings file's contents. */
    readSettings(stack: string): StackSettings;
    /** Writes the stack settings file. */
    writeSettings(stack: string, settings: StackSettings): void;
    /** Effective raw config: project defaults overlaid by the stack settings file. */
    rawConfig(stack: string): Record<string, unknown>;
    /** The passphrase, or the real CLI's error when none is set. */
    passphrase(): string;
    /**
     * The stack's secrets provider. The salt comes from the settings file, else from the last
     * checkpoint (and is then written back to the settings file, as the real CLI does), else a new
     * one is created when `create` is set.
     */
    crypter(stack: string, create?: boolean): Crypter;
    /** The salt the stack's crypter uses (for `secrets_providers` in checkpoints). */
    salt(stack: string): string | undefined;
    /** Working directory for display (relative when inside cwd). */
    rel(p: string): string;
}
