import { PulumiCommand, type PulumiFn, type Stack } from "@pulumi/pulumi/automation";
/** One isolated double installation: CLI root, backend directory and PULUMI_HOME. */
export interface DoubleEnv {
    /** Directory holding `bin/pulumi`. */
    readonly root: string;
    /** Scratch directory: backend (`file://<dir>/backend`), home and workspaces live under it. */
    readonly dir: string;
    readonly backendDir: string;
    readonly cmd: PulumiCommand;
    /** Environment for the CLI (passphrase, backend URL, PULUMI_HOME). */
    readonly env: Record<string, string>;
}
/** Creates a fresh double environment. */
export declare function doubleEnv(): Promise<DoubleEnv>;
/** Selects or creates an inline-program stack in `<dir>/<project>` through the real Automation API. */
export declare function inlineStack(de: DoubleEnv, args: {
    project: string;
    stack: string;
    program: PulumiFn;
    env?: Record<string, string>;
}): Promise<Stack>;
/** Runs `fn` with extra environment variables set for the stack's CLI invocations. */
export declare function withEnv<T>(stack: Stack, vars: Record<string, string>, fn: () => Promise<T>): Promise<T>;
/** Lock files of a stack in the double's backend. */
export declare function lockFiles(de: DoubleEnv, project: string, stack: string): string[];
/** The raw checkpoint file of a stack. */
export declare function readCheckpoint(de: DoubleEnv, project: string, stack: string): any;
/** True while a process with this pid exists (zombies included). */
export declare function processAlive(pid: number): boolean;
/** Waits until `pred` holds (polling every 25 ms), failing after `timeoutMs`. */
export declare function waitFor(pred: () => boolean, timeoutMs?: number, what?: string): Promise<void>;
/** Runs the double's CLI directly; resolves with exit code and output (never rejects). */
export declare function runCli(de: DoubleEnv, args: readonly string[], opts?: {
    cwd?: string;
    env?: Record<string, string>;
}): Promise<{
    code: number;
    stdout: string;
    stderr: string;
}>;
