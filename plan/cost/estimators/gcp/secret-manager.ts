import { SECONDS_PER_MONTH } from "../../prices/gcp";
import { NOT_KNOWN } from "../../inputs";
import { formatQty, formatRate } from "../../format";
import { durationSeconds } from "../../../../components/shared/durations";
import { bill, FreeTierKey, type Estimate, type EstimateInput } from "../types";

/**
 * Type token of a Secret Manager secret.
 *
 * @example
 * ```ts
 * ESTIMATORS[SECRET_TYPE] === estimateSecret; // true
 * ```
 */
export const SECRET_TYPE = "gcp:secretmanager/secret:Secret";
/**
 * Type token of a Secret Manager secret version.
 *
 * @example
 * ```ts
 * ESTIMATORS[SECRET_VERSION_TYPE] === estimateSecretVersion; // true
 * ```
 */
export const SECRET_VERSION_TYPE = "gcp:secretmanager/secretVersion:SecretVersion";

/**
 * Prices a secret: `usage.secretAccessesPerMonth` access operations (usage) and, when
 * `rotation.rotationPeriod` is set, one rotation notification per period (baseline). Its active
 * versions are priced on their SecretVersion resources. A user-managed replication in N locations
 * multiplies each version's price by N; the versions cannot see that, so this line notes it.
 *
 * @example
 * ```ts
 * estimateSecret(input); // 20,000 accesses → 2 × $0.03 = $0.06
 * ```
 */
export function estimateSecret(input: EstimateInput): Estimate {
  const r = input.read;
  const b = bill();
  const sm = input.global.secretManager;
  const replicas = r.list("replication.userManaged.replicas");
  if (Array.isArray(replicas) && replicas.length > 1) {
    b.note(
      `user-managed replication in ${replicas.length} locations: each active version costs ${replicas.length} × ${formatRate(sm.versionLocationMonth.usd)}/mo (versions are priced as 1 location)`,
    );
  }
  const period = r.str("rotation.rotationPeriod");
  const seconds = typeof period === "string" ? durationSeconds(period) : undefined;
  if (period === NOT_KNOWN) b.note("rotation.rotationPeriod unknown: rotation notifications not priced");
  if (seconds !== undefined && seconds > 0) {
    const wanted = SECONDS_PER_MONTH / seconds;
    const billable = input.free.take(FreeTierKey.secretRotationNotifications, wanted);
    b.baseline(
      billable * sm.rotationNotification.usd,
      `${formatQty(billable)} billable rotation notification(s)/mo × ${formatRate(sm.rotationNotification.usd)}`,
    );
  }
  const accesses = input.usage.secretAccessesPerMonth;
  if (accesses === 0 && !(seconds !== undefined && seconds > 0)) {
    b.baseline(
      0,
      "no accesses in usage and no rotation (active versions are priced on SecretVersion resources)",
    );
  }
  if (accesses > 0) {
    const billable = input.free.take(FreeTierKey.secretAccesses, accesses);
    b.usage(
      (billable / 10_000) * sm.tenThousandAccesses.usd,
      `${formatQty(billable)} billable accesses × ${formatRate(sm.tenThousandAccesses.usd)}/10k`,
    );
  }
  return b.done();
}

/**
 * Prices a secret version: one active version in one location (automatic replication counts as one).
 * Disabled versions are still active (billed); only destroyed ones are free.
 *
 * @example
 * ```ts
 * estimateSecretVersion(input); // 1 × $0.06
 * ```
 */
export function estimateSecretVersion(input: EstimateInput): Estimate {
  const b = bill();
  const price = input.global.secretManager.versionLocationMonth.usd;
  const billable = input.free.take(FreeTierKey.secretVersions, 1);
  b.baseline(
    billable * price,
    `${billable === 1 ? "1 active version" : "1 active version (free tier)"} × 1 location × ${formatRate(price)}/mo`,
  );
  if (input.read.bool("enabled") === false) b.note("disabled versions are billed like enabled ones");
  return b.done();
}
