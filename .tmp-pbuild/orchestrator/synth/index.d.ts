/** One resource of the synth inventory (the documented `--json` shape). */
export interface InventoryResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly parent: string;
    readonly inputs: Record<string, unknown>;
    readonly protect: boolean;
}
/**
 * What `npx platform synth --env <env> --json` prints: every resource the program registers, with
 * inputs exactly as passed and secrets as "[secret]".
 */
export interface SynthResult {
    readonly env: string;
    readonly stack: string;
    readonly resources: InventoryResource[];
    /** Stack outputs as the mock runtime resolved them (secrets as "[secret]"). */
    readonly outputs: Record<string, unknown>;
}
/** Options for {@link synth}. */
export interface SynthOptions {
    /** Directory holding Pulumi.<env>.yaml. @default <repo>/stacks */
    readonly stacksDir?: string;
    /** Pulumi project name. @default "platform" */
    readonly project?: string;
}
/**
 * Runs the real program for one environment under Pulumi's mock runtime, in a child process (a
 * clean runtime per environment), with the stack config `pulumi up` would read. No cloud, no CLI.
 * Throws {@link ConfigError} for invalid config.
 *
 * @example
 * ```ts
 * const inv = await synth("prod");
 * inv.resources.filter((r) => r.type === "gcp:sql/databaseInstance:DatabaseInstance").length; // 2
 * ```
 */
export declare function synth(env: string, options?: SynthOptions): Promise<SynthResult>;
