/** A loaded `Pulumi.yaml`. */
export interface Project {
    readonly name: string;
    readonly runtime: string | {
        name: string;
        options?: Record<string, unknown>;
    };
    readonly main?: string;
    readonly backend?: {
        url?: string;
    };
    readonly stackConfigDir?: string;
    readonly config?: Record<string, unknown>;
    /** Directory holding the project file. */
    readonly dir: string;
    /** Path of the project file. */
    readonly file: string;
}
/** Finds and loads the project file, searching upwards from `cwd` as the real CLI does. */
export declare function loadProject(cwd: string): Project;
/** PULUMI_HOME (default `~/.pulumi`). */
export declare function pulumiHome(env?: NodeJS.ProcessEnv): string;
/** The backend URL: PULUMI_BACKEND_URL, then `backend.url`, then `pulumi login`, then the default. */
export declare function backendUrl(project: Project | undefined, env?: NodeJS.ProcessEnv): string;
/** The directory a `file://` backend URL points at (the `.pulumi` folder lives inside it). */
export declare function backendDir(url: string, cwd: string): string;
/** `credentials.json` in PULUMI_HOME ({} when absent). */
export declare function readCredentials(env?: NodeJS.ProcessEnv): Record<string, unknown>;
/** Records `pulumi login <url>`. */
export declare function writeCurrentBackend(url: string | undefined, env?: NodeJS.ProcessEnv): void;
/** The stack selected for this project in this PULUMI_HOME, if any. */
export declare function currentStack(project: Project, env?: NodeJS.ProcessEnv): string | undefined;
/** Selects (or with undefined, unselects) the current stack. */
export declare function setCurrentStack(project: Project, stack: string | undefined, env?: NodeJS.ProcessEnv): void;
/** Short stack name from `name`, `org/name` or `org/project/name`; checks the project part. */
export declare function parseStackName(ref: string, project: Project): string;
/** Raw contents of a stack settings file (`Pulumi.<stack>.yaml`). */
export interface StackSettings {
    secretsprovider?: string;
    encryptedkey?: string;
    encryptionsalt?: string;
    config?: Record<string, unknown>;
    [key: string]: unknown;
}
/** Path of the stack settings file (an existing .yaml/.yml/.json, else the .yaml path). */
export declare function stackSettingsPath(project: Project, stack: string, configFile?: string): string;
/** Reads stack settings ({} when the file does not exist). */
export declare function readStackSettings(file: string): StackSettings;
/** Writes stack settings, preserving the file's format. */
export declare function writeStackSettings(file: string, settings: StackSettings): void;
