/**
 * What `destroy` tells people about Cloud KMS: GCP never deletes key rings or keys, it schedules
 * every key version for destruction after the key's `destroyScheduledDuration`, restorable until
 * then. The destroy result carries that as a note, with the date.
 */

/** `"2592000s"` → days (undefined when unreadable). */
function durationDays(value: unknown): number | undefined {
  const m = typeof value === "string" ? /^(\d+(?:\.\d+)?)s$/.exec(value) : null;
  return m ? Number(m[1]) / 86_400 : undefined;
}

/**
 * What destroying an environment does to its Cloud KMS keys, for the destroy output: GCP never
 * deletes keys or rings; it schedules every key version for destruction after the key's
 * `destroyScheduledDuration` (restorable until then). Undefined when no key is destroyed.
 *
 * @example
 * ```ts
 * kmsDestroyNote(deployment, [], new Date("2026-12-01T00:00:00Z"));
 * // "KMS: the versions of key data are scheduled for destruction in 30 days, on 2026-12-31 …"
 * ```
 */
export function kmsDestroyNote(
  deployment: unknown,
  keptUrns: readonly string[],
  now: Date,
): string | undefined {
  const resources = (deployment as { deployment?: { resources?: unknown } } | undefined)?.deployment
    ?.resources;
  if (!Array.isArray(resources)) return undefined;
  const keys = resources.filter(
    (r: { type?: string; urn?: string }) =>
      r.type === "gcp:kms/cryptoKey:CryptoKey" && typeof r.urn === "string" && !keptUrns.includes(r.urn),
  ) as { urn: string; inputs?: { name?: unknown; destroyScheduledDuration?: unknown } }[];
  if (keys.length === 0) return undefined;
  const byDays = new Map<number | undefined, string[]>();
  for (const k of keys) {
    const days = durationDays(k.inputs?.destroyScheduledDuration);
    const name = typeof k.inputs?.name === "string" ? k.inputs.name : k.urn.split("::").pop()!;
    byDays.set(days, [...(byDays.get(days) ?? []), name]);
  }
  const parts = [...byDays].map(([days, names]) => {
    const what = `the versions of key${names.length > 1 ? "s" : ""} ${names.join(", ")}`;
    if (days === undefined)
      return `${what} are scheduled for destruction (after the key's destroy-scheduled duration, 30 days by default)`;
    const on = new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
    return `${what} are scheduled for destruction in ${days} day${days === 1 ? "" : "s"}, on ${on}`;
  });
  return (
    `KMS: ${parts.join("; ")}; until then \`gcloud kms keys versions restore\` brings them back. ` +
    "GCP never deletes key rings or keys: their names stay taken (a dev ring gets a new suffix on the next up)."
  );
}
