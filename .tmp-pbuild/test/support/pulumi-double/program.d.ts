import type { Project } from "./workspace";
/** What the program run needs to know. */
export interface RunInfo {
    project: Project;
    stack: string;
    monitorAddress: string;
    dryRun: boolean;
    parallel: number;
    config: Record<string, string>;
    configSecretKeys: string[];
    env: NodeJS.ProcessEnv;
    /** Forwards a line the local program printed (shown as an info diagnostic). */
    onOutput: (line: string, stream: "stdout" | "stderr") => void;
}
/** A running program. */
export interface ProgramRun {
    /** Resolves with the program's error message, or undefined on success. */
    readonly done: Promise<string | undefined>;
    /** Stops a local program (no-op for inline ones: the Automation API owns them). */
    kill(): void;
}
/** Runs an inline program through the language server at `client`. */
export declare function runInline(client: string, info: RunInfo): ProgramRun;
/** Runs a local Node.js program with the SDK's runner. */
export declare function runLocal(info: RunInfo): ProgramRun;
