/**
 * KMS keys (key-months, first two rotations, requests) and Secrets Manager secrets.
 */
import { DAYS_PER_MONTH } from "../../prices/gcp";
import { formatQty } from "../../format";
import { FreeTierKey, type Estimate, type EstimateInput } from "../types";
import { awsBill, numberOr, stringOr } from "./pricing";

/**
 * Type tokens of the KMS and Secrets Manager resources priced here.
 *
 * @example
 * ```ts
 * ESTIMATORS[SECURITY_TYPES.kmsKey] === estimateAwsKmsKey; // true
 * ```
 */
export const SECURITY_TYPES = {
  kmsKey: "aws:kms/key:Key",
  secret: "aws:secretsmanager/secret:Secret",
} as const;

/** AWS's default rotation period when rotation is on and no period is given. */
const DEFAULT_ROTATION_DAYS = 365;

/**
 * Rotations of a key within `horizonMonths` that add to its price: AWS bills the first two
 * rotations ($1/month each), later ones are free, so `min(2, floor(horizon days / period))`.
 *
 * @example
 * ```ts
 * billedRotations(90, 12); // 2 (four rotations a year, the first two billed)
 * billedRotations(365, 12); // 1
 * ```
 */
export function billedRotations(periodDays: number, horizonMonths: number): number {
  if (periodDays <= 0) return 0;
  return Math.min(2, Math.floor((horizonMonths * DAYS_PER_MONTH + 1e-9) / periodDays));
}

/**
 * A KMS key: $1/key-month, plus $1/month for each billed rotation within `usage.kmsHorizonMonths`
 * (symmetric keys with `enableKeyRotation`; AWS cannot rotate asymmetric keys), plus
 * `usage.kmsOperationsPerMonth` at the symmetric or asymmetric request rate (the 20,000 free
 * requests apply with `usage.awsFreeTier`). A CloudHSM custom key store is priced separately
 * (not in the table).
 *
 * @example
 * ```ts
 * estimateAwsKmsKey(input); // symmetric, 90-day rotation, 12 months → $1 + 2 × $1 = $3
 * ```
 */
export function estimateAwsKmsKey(input: EstimateInput): Estimate {
  const r = input.read;
  const b = awsBill(input);
  const spec = stringOr(r, "customerMasterKeySpec", "SYMMETRIC_DEFAULT");
  const symmetric = spec === "SYMMETRIC_DEFAULT";
  const key = b.price((t) => t.kms?.keyMonth, "KMS key-month");
  if (key) b.baseline(key.usd, `${spec ?? "unknown spec"} key × ${b.rate(key)}`);
  const rotating = symmetric && r.bool("enableKeyRotation") === true;
  if (rotating) {
    const days = numberOr(r, "rotationPeriodInDays", DEFAULT_ROTATION_DAYS);
    const rotations = days === undefined ? 0 : billedRotations(days, input.usage.kmsHorizonMonths);
    const price = rotations > 0 ? b.price((t) => t.kms?.rotationMonth, "KMS rotation") : undefined;
    if (price)
      b.baseline(
        price.usd * rotations,
        `${rotations} billed rotation(s) (every ${formatQty(days ?? 0)} days, within ${input.usage.kmsHorizonMonths} months; later rotations are free) × ${b.rate(price)}`,
      );
  }
  if (r.has("customKeyStoreId")) b.missing("the CloudHSM cluster behind the custom key store");
  const ops = input.usage.kmsOperationsPerMonth;
  if (ops > 0) {
    const price = b.price(
      (t) => (symmetric ? t.kms?.tenThousandSymmetric : t.kms?.tenThousandAsymmetric),
      "KMS requests",
    );
    if (price) {
      const billable = input.free.take(FreeTierKey.awsKmsRequests, ops);
      b.usage((billable / 10_000) * price.usd, `${formatQty(billable)} requests × ${b.rate(price)}`);
    }
  }
  return b.done();
}

/**
 * A secret: $0.40/secret-month, plus `usage.secretAccessesPerMonth` API calls at $0.05/10k.
 * Replicas in other regions are billed as secrets there (not in the table).
 *
 * @example
 * ```ts
 * estimateAwsSecret(input); // $0.40
 * ```
 */
export function estimateAwsSecret(input: EstimateInput): Estimate {
  const r = input.read;
  const b = awsBill(input);
  const secret = b.price((t) => t.secretsManager?.secretMonth, "Secrets Manager secret-month");
  if (secret) b.baseline(secret.usd, `1 secret × ${b.rate(secret)}`);
  const replicas = r.list("replicas");
  if (Array.isArray(replicas) && replicas.length > 0)
    b.missing(`${replicas.length} replica(s) in other regions`);
  const calls = input.usage.secretAccessesPerMonth;
  if (calls > 0) {
    const price = b.price((t) => t.secretsManager?.tenThousandCalls, "Secrets Manager API calls");
    if (price) b.usage((calls / 10_000) * price.usd, `${formatQty(calls)} API calls × ${b.rate(price)}`);
  }
  return b.done();
}
