/** Runs the CLI; resolves with the exit code. */
export declare function main(argv: readonly string[]): Promise<number>;
