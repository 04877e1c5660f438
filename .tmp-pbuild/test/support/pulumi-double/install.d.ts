/** Absolute path of the compiled double (`dist/test/support/pulumi-double/main.js`). */
export declare function doubleMainPath(): string;
/** The POSIX shell shim that execs the double with this Node binary. */
export declare function shimScript(main?: string, node?: string): string;
/**
 * Creates a temporary directory holding `bin/pulumi` that runs the double, and returns it.
 *
 * @example
 * ```ts
 * const root = await makePulumiRoot();
 * const cmd = await PulumiCommand.get({ root, skipVersionCheck: true });
 * ```
 */
export declare function makePulumiRoot(dir?: string): Promise<string>;
