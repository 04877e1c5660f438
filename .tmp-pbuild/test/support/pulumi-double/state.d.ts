/**
 * Checkpoint types (Pulumi deployment v3, `apitype.DeploymentV3`) and the conversions between the
 * on-disk form (secrets as ciphertext) and the in-memory form (secrets as `{sig, value}`).
 */
import type { Crypter } from "./crypto";
import { isSecret, type Props } from "./props";
/** One resource in a checkpoint (the subset of `apitype.ResourceV3` the double uses). */
export interface ResourceState {
    urn: string;
    custom: boolean;
    delete?: boolean;
    id?: string;
    type: string;
    inputs?: Props;
    outputs?: Props;
    parent?: string;
    protect?: boolean;
    external?: boolean;
    dependencies?: string[];
    provider?: string;
    propertyDependencies?: Record<string, string[]>;
    pendingReplacement?: boolean;
    additionalSecretOutputs?: string[];
    aliases?: string[];
    importID?: string;
    retainOnDelete?: boolean;
    deletedWith?: string;
    created?: string;
    modified?: string;
    ignoreChanges?: string[];
    replaceOnChanges?: string[];
}
/** An operation that was in flight when the checkpoint was written. */
export interface PendingOperation {
    resource: ResourceState;
    type: "creating" | "updating" | "deleting" | "reading" | "importing";
}
/** `apitype.DeploymentV3`. */
export interface DeploymentV3 {
    manifest: {
        time: string;
        magic: string;
        version: string;
    };
    secrets_providers?: {
        type: string;
        state?: {
            salt?: string;
        };
    };
    resources?: ResourceState[];
    pending_operations?: PendingOperation[];
}
/** The export format: `apitype.UntypedDeployment`. */
export interface UntypedDeployment {
    version: number;
    deployment: DeploymentV3;
}
/** A fresh manifest. */
export declare function manifest(version: string): DeploymentV3["manifest"];
/** Maps inputs and outputs of every resource (and pending operation) of a deployment. */
export declare function mapDeploymentProps(d: DeploymentV3, fn: (p: Props) => Props): DeploymentV3;
/** In-memory props → on-disk props (secrets encrypted). */
export declare function encryptProps(p: Props, crypter: Crypter): Props;
/** On-disk or exported props → in-memory props (ciphertext decrypted, plaintext parsed). */
export declare function decryptProps(p: Props, crypter: Crypter | undefined): Props;
/** In-memory props → exported props with `plaintext` secrets (`stack export --show-secrets`). */
export declare function plaintextProps(p: Props): Props;
/** True when the value (on disk or in memory) is a secret. */
export { isSecret };
/**
 * Checks that every parent, provider and dependency of a resource appears before it, as the real
 * engine's `snapshot.VerifyIntegrity` does; returns the first problem found.
 */
export declare function verifyIntegrity(resources: readonly ResourceState[]): string | undefined;
