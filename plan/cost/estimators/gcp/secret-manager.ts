import { NOT_KNOWN, reader } from "../../inputs";
import { formatQty, formatRate } from "../../format";
import { durationSeconds } from "../../../../components/shared/durations";
import { bill, FreeTierKey, type Estimate, type EstimateInput } from "../types";
import { SECONDS_PER_MONTH } from "../../prices/gcp";

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
      `user-managed replication in ${replicas.length} locations: each active version costs ${replicas.length} × ${formatRate(sm.versionLocationMonth.usd)}/mo (priced on the SecretVersion resources)`,
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
  const locations = replicaLocations(input);
  if (locations.note) b.note(locations.note);
  // The free allowance counts version-locations (6 per billing account).
  const billable = input.free.take(FreeTierKey.secretVersions, locations.count);
  const free = locations.count - billable;
  b.baseline(
    billable * price,
    `1 active version × ${locations.count} location${locations.count === 1 ? "" : "s"}${free > 0 ? ` (${formatQty(free)} in the free tier)` : ""} × ${formatRate(price)}/mo`,
  );
  if (input.read.bool("enabled") === false) b.note("disabled versions are billed like enabled ones");
  return b.done();
}

/**
 * How many locations a secret version is stored in: the replicas of its secret's user-managed
 * replication, 1 for automatic replication. The secret is found among the related resources by
 * the version's `secret` input (the secret id, `projects/…/secrets/<id>`, or a synth id) or, when
 * that is unknown, by the platform's naming (`<secret>-version` under the same parent).
 *
 * @example
 * ```ts
 * replicaLocations(input); // { count: 2 } for a secret replicated to europe-west1 and europe-west4
 * ```
 */
export function replicaLocations(input: EstimateInput): { readonly count: number; readonly note?: string } {
  const ref = input.read.peek("secret");
  const secret = findSecret(secretIndex(input.related ?? []), ref, input.name);
  if (!secret)
    return {
      count: 1,
      note: "the secret's replication is not in the plan: priced as 1 location (each extra replica location costs the same again)",
    };
  const r = reader(secret.inputs ?? {});
  const replicas = r.list("replication.userManaged.replicas");
  if (replicas === NOT_KNOWN)
    return { count: 1, note: "replication of the secret unknown: priced as 1 location" };
  if (Array.isArray(replicas) && replicas.length > 0) return { count: replicas.length };
  return { count: 1 };
}

type Related = NonNullable<EstimateInput["related"]>[number];

/** First position of each secret id, `<name>-id` and `<name>-version`, for one set of related resources. */
interface SecretIndex {
  readonly secrets: readonly Related[];
  readonly byId: ReadonlyMap<string, number>;
  readonly byIdName: ReadonlyMap<string, number>;
  readonly byVersionName: ReadonlyMap<string, number>;
}

// A plan prices every version against the same related set: index it once, not once per version
// (a 100,000-step plan spent most of its cost estimate scanning the secrets).
const SECRET_INDEXES = new WeakMap<readonly Related[], SecretIndex>();

function secretIndex(related: readonly Related[]): SecretIndex {
  const known = SECRET_INDEXES.get(related);
  if (known) return known;
  const secrets = related.filter((r) => r.type === SECRET_TYPE);
  const byId = new Map<string, number>();
  const byIdName = new Map<string, number>();
  const byVersionName = new Map<string, number>();
  secrets.forEach((s, i) => {
    const id = reader(s.inputs ?? {}).peek("secretId");
    if (typeof id === "string" && !byId.has(id)) byId.set(id, i);
    if (!byIdName.has(`${s.name}-id`)) byIdName.set(`${s.name}-id`, i);
    if (!byVersionName.has(`${s.name}-version`)) byVersionName.set(`${s.name}-version`, i);
  });
  const index = { secrets, byId, byIdName, byVersionName };
  SECRET_INDEXES.set(related, index);
  return index;
}

/**
 * The first secret the version's `secret` reference names (its id, `…/secrets/<id>`, or
 * `<name>-id`), else the first named `<version name minus -version>`: the same choice as a scan.
 */
function findSecret(index: SecretIndex, ref: unknown, versionName: string): Related | undefined {
  let best = Infinity;
  if (typeof ref === "string") {
    const consider = (at: number | undefined) => {
      if (at !== undefined && at < best) best = at;
    };
    consider(index.byId.get(ref));
    consider(index.byIdName.get(ref));
    // Every id that `ref` ends with after a "/secrets/".
    for (let at = ref.indexOf("/secrets/"); at >= 0; at = ref.indexOf("/secrets/", at + 1))
      consider(index.byId.get(ref.slice(at + "/secrets/".length)));
  }
  if (best === Infinity) best = index.byVersionName.get(versionName) ?? Infinity;
  return best === Infinity ? undefined : index.secrets[best];
}
