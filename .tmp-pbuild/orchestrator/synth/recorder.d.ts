/** One resource as the program registered it (the synth inventory row). */
export interface RecordedResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    /** Parent URN; the stack resource's URN for top-level resources. */
    readonly parent: string;
    /** Inputs exactly as the program passed them; secrets as "[secret]", unknowns as "[unknown]". */
    readonly inputs: Record<string, unknown>;
    readonly protect: boolean;
    readonly custom: boolean;
    /** URNs this resource explicitly depends on (dependsOn and input dependencies). */
    readonly dependencies: readonly string[];
}
/** Options for {@link installRecordingMocks}. */
export interface RecordingOptions {
    readonly project: string;
    readonly stack: string;
    /** Answers invokes by token; an unknown token throws `Mock not implemented: <token>`. */
    readonly invokes?: Readonly<Record<string, (inputs: any) => Record<string, unknown>>>;
    /** Extra output state per resource type (e.g. a Cloud SQL connection name). */
    readonly state?: (type: string, name: string, inputs: any) => Record<string, unknown>;
    /** Run as a preview (unknown outputs stay unknown). @default false */
    readonly preview?: boolean;
}
/**
 * Installs Pulumi's mock runtime and records every registration with its parent, protect flag
 * and raw inputs. Invokes are strict: unmocked tokens throw rather than return empty data.
 *
 * @example
 * ```ts
 * const rec = await installRecordingMocks({ project: "platform", stack: "dev" });
 * platformProgram(cfg);
 * await rec.settled();
 * rec.resources.filter((r) => r.type === "gcp:kms/cryptoKey:CryptoKey");
 * ```
 */
export declare function installRecordingMocks(options: RecordingOptions): Promise<{
    resources: RecordedResource[];
    /** Resolves once every registration the program started has been answered (Pulumi's own RPC drain). */
    settled: () => Promise<void>;
}>;
/** Replaces wire signatures (secrets, resource references, unknowns) with display values. */
export declare function toDisplay(value: unknown): unknown;
