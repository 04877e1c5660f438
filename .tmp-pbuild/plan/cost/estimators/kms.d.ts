import { type GlobalPrices, type Price } from "../prices";
import { type Estimate, type EstimateInput } from "./types";
/**
 * Type token of a KMS crypto key.
 *
 * @example
 * ```ts
 * ESTIMATORS[KMS_CRYPTO_KEY_TYPE] === estimateKmsKey; // true
 * ```
 */
export declare const KMS_CRYPTO_KEY_TYPE = "gcp:kms/cryptoKey:CryptoKey";
/**
 * Type token of an explicit KMS crypto key version.
 *
 * @example
 * ```ts
 * ESTIMATORS[KMS_KEY_VERSION_TYPE] === estimateKmsKeyVersion; // true
 * ```
 */
export declare const KMS_KEY_VERSION_TYPE = "gcp:kms/cryptoKeyVersion:CryptoKeyVersion";
/**
 * KMS protection levels as the provider spells them.
 *
 * @example
 * ```ts
 * kmsRates(PRICES.global, KmsProtectionLevel.HSM, "GOOGLE_SYMMETRIC_ENCRYPTION").version.usd; // 1
 * ```
 */
export declare const KmsProtectionLevel: {
    readonly SOFTWARE: "SOFTWARE";
    readonly HSM: "HSM";
    readonly EXTERNAL: "EXTERNAL";
    readonly EXTERNAL_VPC: "EXTERNAL_VPC";
};
/** A KMS protection level. */
export type KmsProtectionLevel = (typeof KmsProtectionLevel)[keyof typeof KmsProtectionLevel];
/**
 * True for algorithms KMS bills at the "large" HSM rate ($2.50/version, $0.15/10k operations):
 * RSA 3072/4096 and elliptic-curve keys (and post-quantum signatures, assumed the same).
 *
 * @example
 * ```ts
 * isLargeKmsAlgorithm("EC_SIGN_P256_SHA256"); // true
 * isLargeKmsAlgorithm("GOOGLE_SYMMETRIC_ENCRYPTION"); // false
 * ```
 */
export declare function isLargeKmsAlgorithm(algorithm: string): boolean;
/**
 * The monthly price of one active key version and of 10k operations for a protection level and algorithm.
 *
 * @example
 * ```ts
 * kmsRates(PRICES.global, "HSM", "EC_SIGN_P256_SHA256"); // { version: $2.50, ops: $0.15 }
 * ```
 */
export declare function kmsRates(global: GlobalPrices, level: KmsProtectionLevel, algorithm: string): {
    readonly version: Price;
    readonly ops: Price;
};
/**
 * Active versions of a key with automatic rotation after `horizonMonths`: old versions stay enabled
 * (and billed) until destroyed, so `1 + floor(horizon days / rotation days)`.
 *
 * @example
 * ```ts
 * activeKeyVersions(90, 12); // 5 (initial + rotations at day 90, 180, 270, 360)
 * ```
 */
export declare function activeKeyVersions(rotationDays: number | undefined, horizonMonths: number): number;
/**
 * Prices a KMS crypto key: active versions × the version price of its protection level and algorithm
 * (baseline), plus `usage.kmsOperationsPerMonth` at the operations price (usage).
 *
 * Rotation assumption: with `rotationPeriod` set, the key is priced with the versions it has after
 * `usage.kmsHorizonMonths` (default 12) months, since KMS never disables old versions by itself; set
 * `usage.kmsKeyVersions` to price a known count instead. `skipInitialVersionCreation` means 0 versions.
 *
 * @example
 * ```ts
 * estimateKmsKey(input); // SOFTWARE, rotation 90 days → 5 versions × $0.06 = $0.30
 * ```
 */
export declare function estimateKmsKey(input: EstimateInput): Estimate;
/**
 * Prices an explicit key version resource as one active version. Its key's protection level is not
 * among its inputs, so it is priced as SOFTWARE with a note (a lower bound).
 *
 * @example
 * ```ts
 * estimateKmsKeyVersion(input); // 1 × $0.06
 * ```
 */
export declare function estimateKmsKeyVersion(input: EstimateInput): Estimate;
