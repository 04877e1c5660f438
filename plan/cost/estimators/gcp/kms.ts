import { NOT_KNOWN } from "../../inputs";
import { formatQty, formatRate } from "../../format";
import { durationSeconds } from "../../../../components/shared/durations";
import { bill, FreeTierKey, type Estimate, type EstimateInput } from "../types";
import { DAYS_PER_MONTH, type GlobalPrices, type Price } from "../../prices/gcp";

/**
 * Type token of a KMS crypto key.
 *
 * @example
 * ```ts
 * ESTIMATORS[KMS_CRYPTO_KEY_TYPE] === estimateKmsKey; // true
 * ```
 */
export const KMS_CRYPTO_KEY_TYPE = "gcp:kms/cryptoKey:CryptoKey";
/**
 * Type token of an explicit KMS crypto key version.
 *
 * @example
 * ```ts
 * ESTIMATORS[KMS_KEY_VERSION_TYPE] === estimateKmsKeyVersion; // true
 * ```
 */
export const KMS_KEY_VERSION_TYPE = "gcp:kms/cryptoKeyVersion:CryptoKeyVersion";

/**
 * KMS protection levels as the provider spells them.
 *
 * @example
 * ```ts
 * kmsRates(PRICES.global, KmsProtectionLevel.HSM, "GOOGLE_SYMMETRIC_ENCRYPTION").version.usd; // 1
 * ```
 */
export const KmsProtectionLevel = {
  SOFTWARE: "SOFTWARE",
  HSM: "HSM",
  EXTERNAL: "EXTERNAL",
  EXTERNAL_VPC: "EXTERNAL_VPC",
} as const;
/** A KMS protection level. */
export type KmsProtectionLevel = (typeof KmsProtectionLevel)[keyof typeof KmsProtectionLevel];

/** The algorithm a purpose implies when `versionTemplate` is absent. */
const DEFAULT_ALGORITHM: Readonly<Record<string, string>> = {
  ENCRYPT_DECRYPT: "GOOGLE_SYMMETRIC_ENCRYPTION",
  RAW_ENCRYPT_DECRYPT: "AES_256_GCM",
  MAC: "HMAC_SHA256",
};

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
export function isLargeKmsAlgorithm(algorithm: string): boolean {
  return /^RSA_.*_(3072|4096)_|^EC_|^ML_DSA|^SLH_DSA|^PQ_/.test(algorithm);
}

/**
 * The monthly price of one active key version and of 10k operations for a protection level and algorithm.
 *
 * @example
 * ```ts
 * kmsRates(PRICES.global, "HSM", "EC_SIGN_P256_SHA256"); // { version: $2.50, ops: $0.15 }
 * ```
 */
export function kmsRates(
  global: GlobalPrices,
  level: KmsProtectionLevel,
  algorithm: string,
): { readonly version: Price; readonly ops: Price } {
  const k = global.kms;
  const large = isLargeKmsAlgorithm(algorithm);
  switch (level) {
    case KmsProtectionLevel.HSM:
      return large
        ? { version: k.versionMonth.HSM_LARGE, ops: k.tenThousandOps.HSM_LARGE }
        : { version: k.versionMonth.HSM, ops: k.tenThousandOps.STANDARD };
    case KmsProtectionLevel.EXTERNAL:
    case KmsProtectionLevel.EXTERNAL_VPC:
      return { version: k.versionMonth.EXTERNAL, ops: k.tenThousandOps.STANDARD };
    default:
      return { version: k.versionMonth.SOFTWARE, ops: k.tenThousandOps.STANDARD };
  }
}

/**
 * Active versions of a key with automatic rotation after `horizonMonths`: old versions stay enabled
 * (and billed) until destroyed, so `1 + floor(horizon days / rotation days)`.
 *
 * @example
 * ```ts
 * activeKeyVersions(90, 12); // 5 (initial + rotations at day 90, 180, 270, 360)
 * ```
 */
export function activeKeyVersions(rotationDays: number | undefined, horizonMonths: number): number {
  if (rotationDays === undefined || rotationDays <= 0) return 1;
  return 1 + Math.floor((horizonMonths * DAYS_PER_MONTH + 1e-9) / rotationDays);
}

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
export function estimateKmsKey(input: EstimateInput): Estimate {
  const r = input.read;
  const b = bill();
  const level = protectionLevel(r.str("versionTemplate.protectionLevel"), b);
  const purpose = r.str("purpose");
  const purposeName = typeof purpose === "string" ? purpose : "ENCRYPT_DECRYPT";
  const algorithmIn = r.str("versionTemplate.algorithm");
  const algorithm =
    typeof algorithmIn === "string" ? algorithmIn : (DEFAULT_ALGORITHM[purposeName] ?? "unknown algorithm");
  if (algorithmIn === NOT_KNOWN)
    b.note("versionTemplate.algorithm unknown: priced at the standard (non-EC, ≤2048-bit) rate");
  const rates = kmsRates(input.global, level, algorithm);

  let versions: number;
  let why: string;
  if (input.usage.kmsKeyVersions !== undefined) {
    versions = input.usage.kmsKeyVersions;
    why = "from usage.kmsKeyVersions";
  } else if (r.bool("skipInitialVersionCreation") === true) {
    versions = 0;
    why = "skipInitialVersionCreation: versions are imported separately";
  } else {
    const period = r.str("rotationPeriod");
    const seconds = typeof period === "string" ? durationSeconds(period) : undefined;
    if (period === NOT_KNOWN) b.note("rotationPeriod unknown: priced with 1 version");
    const days = seconds === undefined ? undefined : seconds / 86_400;
    versions = activeKeyVersions(days, input.usage.kmsHorizonMonths);
    why =
      days === undefined
        ? "no rotation"
        : `rotation every ${formatQty(days)} days, versions after ${input.usage.kmsHorizonMonths} months`;
  }
  if (rates.version === input.global.kms.versionMonth.HSM_LARGE) {
    // $2.50 for the first 2,000 versions per billing account, $1.00 beyond (drawn in resource order).
    const over = input.free.take(FreeTierKey.kmsHsmLargeFirstTier, versions);
    const first = versions - over;
    const after2k = input.global.kms.versionMonth.HSM_LARGE_OVER_2K.usd;
    if (first > 0 || over === 0)
      b.baseline(
        first * rates.version.usd,
        `${level} ${algorithm}: ${formatQty(first)} active version(s) (${why}) × ${formatRate(rates.version.usd)}/mo (first 2,000 versions)`,
      );
    if (over > 0)
      b.baseline(
        over * after2k,
        `${level} ${algorithm}: ${formatQty(over)} active version(s) beyond 2,000 × ${formatRate(after2k)}/mo`,
      );
  } else {
    b.baseline(
      versions * rates.version.usd,
      `${level} ${algorithm}: ${versions} active version(s) (${why}) × ${formatRate(rates.version.usd)}/mo`,
    );
  }
  const ops = input.usage.kmsOperationsPerMonth;
  if (ops > 0) {
    b.usage(
      (ops / 10_000) * rates.ops.usd,
      `${formatQty(ops)} operations × ${formatRate(rates.ops.usd)}/10k`,
    );
  }
  return b.done();
}

/**
 * Prices an explicit key version resource as one active version. Its key's protection level is not
 * among its inputs, so it is priced as SOFTWARE with a note (a lower bound).
 *
 * @example
 * ```ts
 * estimateKmsKeyVersion(input); // 1 × $0.06
 * ```
 */
export function estimateKmsKeyVersion(input: EstimateInput): Estimate {
  const b = bill();
  const state = input.read.str("state");
  if (state === "DESTROYED" || state === "DESTROY_SCHEDULED") {
    b.baseline(0, `key version ${state}: not billed`);
    return b.done();
  }
  const price = input.global.kms.versionMonth.SOFTWARE.usd;
  b.baseline(price, `1 active key version × ${formatRate(price)}/mo`);
  b.note(
    "protection level comes from the parent key and is not visible here: priced as SOFTWARE (HSM $1.00–2.50)",
  );
  return b.done();
}

function protectionLevel(
  value: string | undefined | typeof NOT_KNOWN,
  b: { note(text: string): void },
): KmsProtectionLevel {
  if (value === undefined) return KmsProtectionLevel.SOFTWARE;
  if (value === NOT_KNOWN) {
    b.note("versionTemplate.protectionLevel unknown: priced as SOFTWARE");
    return KmsProtectionLevel.SOFTWARE;
  }
  if (Object.hasOwn(KmsProtectionLevel, value)) return value as KmsProtectionLevel;
  b.note(`protection level ${value} not recognised: priced as SOFTWARE`);
  return KmsProtectionLevel.SOFTWARE;
}
