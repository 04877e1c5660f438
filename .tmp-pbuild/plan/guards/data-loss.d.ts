import { type StepRule } from "./types";
/**
 * Resource types that hold data, and what a destroy loses.
 *
 * @example
 * ```ts
 * DATA_RESOURCES["gcp:redis/instance:Instance"]; // "every key in the Memorystore instance …"
 * ```
 */
export declare const DATA_RESOURCES: {
    readonly "gcp:sql/databaseInstance:DatabaseInstance": "every database on the Cloud SQL instance, with its point-in-time-recovery logs (and its automated backups unless settings.retainBackupsOnDelete)";
    readonly "gcp:sql/database:Database": "the database and all its tables and rows";
    readonly "gcp:redis/instance:Instance": "every key in the Memorystore instance (sessions, queues, cached data); the new instance starts empty";
    readonly "gcp:kms/cryptoKey:CryptoKey": "all versions of the key are scheduled for destruction; data encrypted with it (CMEK disks, backups, secrets) becomes unreadable for good";
    readonly "gcp:kms/cryptoKeyVersion:CryptoKeyVersion": "the key version is scheduled for destruction; data encrypted with it becomes unreadable";
    readonly "gcp:kms/keyRing:KeyRing": "GCP never deletes a key ring: Pulumi forgets it, and a replacement is a new empty ring, so its keys and the data they encrypt are no longer managed";
    readonly "gcp:secretmanager/secret:Secret": "the secret and every version of it";
    readonly "gcp:secretmanager/secretVersion:SecretVersion": "the secret version's payload is destroyed; anything pinned to that version fails to read it";
    readonly "gcp:storage/bucket:Bucket": "the bucket and every object in it";
};
/** A type token that holds data. */
export type DataResourceType = keyof typeof DATA_RESOURCES;
/**
 * True for types listed in {@link DATA_RESOURCES}.
 *
 * @example
 * ```ts
 * isDataResource("gcp:storage/bucket:Bucket"); // true
 * ```
 */
export declare function isDataResource(type: string): type is DataResourceType;
/**
 * `platform/data-loss`: blocking unless acknowledged by URN or prefix glob.
 *
 * @example
 * ```ts
 * DATA_LOSS_RULE.check(steps, { profile: "prod", resources: [], allowDataLoss: [urn] });
 * ```
 */
export declare const DATA_LOSS_RULE: StepRule;
/**
 * `platform/data-loss-safeguard`: a non-blocking warning when `deletionProtection` is turned off,
 * `deletionPolicy` goes back to DELETE, or `protect` is removed on a resource that holds data.
 *
 * @example
 * ```ts
 * SAFEGUARD_RULE.check([{ ...step, oldInputs: { deletionProtection: true }, newInputs: { deletionProtection: false } }], ctx);
 * ```
 */
export declare const SAFEGUARD_RULE: StepRule;
/** Both data-loss rules. */
export declare const DATA_LOSS_RULES: readonly StepRule[];
