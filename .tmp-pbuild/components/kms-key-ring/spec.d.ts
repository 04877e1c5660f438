import type * as gcp from "@pulumi/gcp";
import type * as pulumi from "@pulumi/pulumi";
import type { PlatformContext } from "../shared/context";
import type { Transform } from "../shared/transform";
/** What a key is for. */
export declare const KeyPurpose: {
    readonly ENCRYPT_DECRYPT: "ENCRYPT_DECRYPT";
    readonly ASYMMETRIC_SIGN: "ASYMMETRIC_SIGN";
    readonly MAC: "MAC";
};
/** A key purpose. */
export type KeyPurpose = (typeof KeyPurpose)[keyof typeof KeyPurpose];
/** Where key material lives. */
export declare const ProtectionLevel: {
    readonly SOFTWARE: "SOFTWARE";
    readonly HSM: "HSM";
};
/** A protection level. */
export type ProtectionLevel = (typeof ProtectionLevel)[keyof typeof ProtectionLevel];
/** The algorithm per purpose: symmetric AES-256-GCM, Ed25519 signatures, HMAC-SHA256. */
export declare const ALGORITHM_BY_PURPOSE: {
    readonly ENCRYPT_DECRYPT: "GOOGLE_SYMMETRIC_ENCRYPTION";
    readonly ASYMMETRIC_SIGN: "EC_SIGN_ED25519";
    readonly MAC: "HMAC_SHA256";
};
/** Named grants → the one role each gives. Only these exist: no admin or owner roles through this API. */
export declare const GRANT_ROLES: {
    readonly encrypterDecrypter: "roles/cloudkms.cryptoKeyEncrypterDecrypter";
    readonly signerVerifier: "roles/cloudkms.signerVerifier";
    readonly publicKeyViewer: "roles/cloudkms.publicKeyViewer";
};
/** A named grant. */
export type GrantName = keyof typeof GRANT_ROLES;
/** Which grants make sense for which purpose. */
export declare const GRANTS_BY_PURPOSE: Record<KeyPurpose, readonly GrantName[]>;
/**
 * Google service agents that use a key for CMEK. The agent email is
 * `service-<project number>@<domain>`; it gets encrypterDecrypter on the key.
 */
export declare const SERVICE_AGENTS: {
    readonly cloudsql: "gcp-sa-cloud-sql.iam.gserviceaccount.com";
    readonly memorystore: "cloud-redis.iam.gserviceaccount.com";
    readonly secretmanager: "gcp-sa-secretmanager.iam.gserviceaccount.com";
    readonly cloudrun: "serverless-robot-prod.iam.gserviceaccount.com";
    readonly artifactregistry: "gcp-sa-artifactregistry.iam.gserviceaccount.com";
};
/** A service agent that can be granted a CMEK key. */
export type ServiceAgent = keyof typeof SERVICE_AGENTS;
/** Members that would make a key public: never allowed. */
export declare const PUBLIC_MEMBERS: readonly ["allUsers", "allAuthenticatedUsers"];
/** One key of the ring. */
export interface KeySpecArgs {
    /** @default "ENCRYPT_DECRYPT" */
    readonly purpose?: KeyPurpose;
    /** @default the ring's protectionLevel */
    readonly protectionLevel?: ProtectionLevel;
    /** Automatic rotation for symmetric keys, 1–90 days. @default the ring's rotationDays (90) */
    readonly rotationDays?: number;
    /** Days a destroyed version stays restorable, 1–120. @default 30 */
    readonly destroyScheduledDays?: number;
    /** Members per named grant, e.g. `{ encrypterDecrypter: ["serviceAccount:app@p.iam.gserviceaccount.com"] }`. @default {} */
    readonly grants?: Partial<Record<GrantName, pulumi.Input<string>[]>>;
    /** Service agents that get encrypterDecrypter for CMEK. @default [] */
    readonly serviceAgents?: readonly ServiceAgent[];
}
/**
 * Arguments of {@link KmsKeyRing}.
 *
 * @example
 * ```ts
 * const args: KmsKeyRingArgs = { ctx, protectionLevel: "HSM", keys: { data: { serviceAgents: ["cloudsql"] }, signing: { purpose: "ASYMMETRIC_SIGN" } } };
 * ```
 */
export interface KmsKeyRingArgs {
    readonly ctx: PlatformContext;
    /** Create a ring (default) or reuse one by id (`projects/p/locations/l/keyRings/r`). @default { create: true } */
    readonly keyRing?: {
        readonly create: true;
        readonly location?: string;
    } | {
        readonly create: false;
        readonly id: string;
    };
    /** Keys by short name (lowercase). */
    readonly keys: Readonly<Record<string, KeySpecArgs>>;
    /** Default protection level for the keys. @default "SOFTWARE" (dev), "HSM" (prod profile requires it) */
    readonly protectionLevel?: ProtectionLevel;
    /** Default rotation for symmetric keys, 1–90 days. @default 90 */
    readonly rotationDays?: number;
    /** Pulumi `protect` on ring and keys: keys cannot be deleted without losing every byte they encrypt. @default true */
    readonly protect?: boolean;
    readonly transform?: {
        keyRing?: Transform<gcp.kms.KeyRingArgs>;
        cryptoKey?: Transform<gcp.kms.CryptoKeyArgs>;
        iamMember?: Transform<gcp.kms.CryptoKeyIAMMemberArgs>;
    };
}
/** Defaults of {@link KmsKeyRingArgs}. */
export declare const DEFAULTS: {
    readonly protectionLevel: "SOFTWARE";
    readonly rotationDays: 90;
    readonly destroyScheduledDays: 30;
    readonly protect: true;
    readonly purpose: "ENCRYPT_DECRYPT";
};
/** A key with defaults applied. */
export interface KeySpec {
    readonly name: string;
    readonly purpose: KeyPurpose;
    readonly algorithm: string;
    readonly protectionLevel: ProtectionLevel;
    /** Undefined for keys that cannot rotate automatically (asymmetric, MAC). */
    readonly rotationDays?: number;
    readonly destroyScheduledDays: number;
    readonly grants: Partial<Record<GrantName, pulumi.Input<string>[]>>;
    readonly serviceAgents: readonly ServiceAgent[];
}
/**
 * Applies defaults and validates every key; throws one {@link PlatformError} listing every problem.
 *
 * @example
 * ```ts
 * normalizeKeys("kms", { ctx, keys: { data: { rotationDays: 120 } } });
 * // PlatformError: KmsKeyRing 'kms': keys.data.rotationDays must be 1–90 days, got 120
 * ```
 */
export declare function normalizeKeys(name: string, args: Pick<KmsKeyRingArgs, "keys" | "protectionLevel" | "rotationDays">): KeySpec[];
/**
 * Rotation must be automatic and at most 90 days (CIS 1.10, CKV_GCP_43, AVD-GCP-0065).
 *
 * @example
 * ```ts
 * validateRotationDays("rotationDays", 91); // ["rotationDays must be 1–90 days, got 91"]
 * ```
 */
export declare function validateRotationDays(field: string, days: number): string[];
/**
 * IAM members must be typed principals and never public. Outputs (not yet known) are accepted;
 * the CrossGuard pack checks them again at preview.
 *
 * @example
 * ```ts
 * validateMembers("grants.encrypterDecrypter", ["allUsers"]); // ["grants.encrypterDecrypter: allUsers would make the key public; …"]
 * ```
 */
export declare function validateMembers(field: string, members: readonly unknown[]): string[];
