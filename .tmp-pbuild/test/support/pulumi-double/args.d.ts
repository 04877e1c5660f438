/** Every command path the double knows, longest first when matching. */
export declare const COMMANDS: readonly ["version", "about", "whoami", "cancel", "up", "update", "preview", "refresh", "destroy", "import", "install", "login", "logout", "stack", "stack init", "stack select", "stack ls", "stack rm", "stack output", "stack history", "stack export", "stack import", "stack tag get", "stack tag set", "stack tag rm", "stack tag ls", "config", "config get", "config set", "config set-all", "config rm", "config rm-all", "config refresh", "config env add", "config env ls", "config env rm", "plugin ls", "plugin install", "plugin rm", "org get-default", "org set-default"];
/** A parsed command line. */
export declare class ParsedArgs {
    /** The matched command path, e.g. `stack init`. */
    readonly command: string;
    /** Positional arguments after the command path. */
    readonly positionals: string[];
    private readonly flags;
    constructor(
    /** The matched command path, e.g. `stack init`. */
    command: string, 
    /** Positional arguments after the command path. */
    positionals: string[], flags: Map<string, string[]>);
    /** True when a boolean flag is present and not `=false`. */
    bool(name: string): boolean;
    /** The last value of a flag. */
    value(name: string): string | undefined;
    /** All values of a repeatable flag. */
    values(name: string): string[];
    /** True when the flag was given at all. */
    has(name: string): boolean;
    /** Flag names given (for warnings about accepted-but-ignored flags). */
    names(): string[];
}
/** Parses the CLI's argv (without `node main.js`). */
export declare function parseArgs(argv: readonly string[]): ParsedArgs;
