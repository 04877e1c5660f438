import type { DeploymentV3 } from "./state";
/** The checkpoint file's contents. */
export interface CheckpointFile {
    version: 3;
    checkpoint: {
        stack: string;
        config?: Record<string, unknown>;
        latest?: DeploymentV3;
    };
}
/** One `stack history` entry (`backend.UpdateInfo`). */
export interface UpdateRecord {
    version: number;
    kind: "update" | "refresh" | "destroy" | "import" | "preview";
    startTime: number;
    endTime?: number;
    message: string;
    environment: Record<string, string>;
    config: Record<string, unknown>;
    result: "succeeded" | "failed" | "in-progress";
    resourceChanges?: Record<string, number>;
}
/** Writes a file atomically (temp file + rename), so a killed process never leaves half a file. */
export declare function writeFileAtomic(file: string, text: string): void;
/** The DIY backend of one project. */
export declare class Backend {
    /** The backend URL as configured (`file://…`). */
    readonly url: string;
    /** The directory the URL points at. */
    readonly dir: string;
    /** The project name. */
    readonly project: string;
    readonly root: string;
    constructor(
    /** The backend URL as configured (`file://…`). */
    url: string, 
    /** The directory the URL points at. */
    dir: string, 
    /** The project name. */
    project: string);
    /** Creates `.pulumi/meta.yaml` on first use. */
    ensureMeta(): void;
    /** Fully qualified stack name as the DIY backend spells it. */
    qualified(stack: string): string;
    private stackFile;
    /** Directory of the stack's lock files. */
    lockDir(stack: string): string;
    private historyDir;
    private tagsFile;
    /** True when the stack exists. */
    exists(stack: string): boolean;
    /** Throws the real CLI's not-found message unless the stack exists. */
    requireStack(stack: string): void;
    /** Creates an empty stack; throws the real CLI's message when it exists. */
    createStack(stack: string): void;
    /** Stack names of this project, sorted. */
    listStacks(): string[];
    /** The stack's latest deployment (undefined before the first update). */
    readDeployment(stack: string): DeploymentV3 | undefined;
    /** Last modification time of the checkpoint, in ms. */
    lastModified(stack: string): number;
    /** Writes the stack's latest deployment (atomically). */
    writeDeployment(stack: string, deployment: DeploymentV3): void;
    /** Removes the stack's checkpoint, history, tags and locks. */
    removeStack(stack: string): void;
    /** History, newest first. */
    history(stack: string): UpdateRecord[];
    /** Appends a history entry (version = previous count + 1). */
    addHistory(stack: string, record: Omit<UpdateRecord, "version">): UpdateRecord;
    /** User tags of the stack. */
    readTags(stack: string): Record<string, string>;
    /** Replaces the user tags of the stack. */
    writeTags(stack: string, tags: Record<string, string>): void;
}
