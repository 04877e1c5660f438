/**
 * An error meant for a person, not a stack trace: the CLI prints only its message.
 *
 * @example
 * ```ts
 * throw new PlatformError("KmsKeyRing 'keys': rotationDays must be 1–90, got 120");
 * ```
 */
export class PlatformError extends Error {
  override readonly name: string = "PlatformError";
}

/**
 * Formats a received value for an error message: strings quoted, `nothing` for undefined,
 * everything else as JSON.
 *
 * @example
 * ```ts
 * show("x"); // "\"x\""
 * show(undefined); // "nothing"
 * ```
 */
export function show(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}

/**
 * ` (did you mean "x"?)` for the closest allowed key (a unique prefix match, or within a few edits),
 * else "".
 *
 * @example
 * ```ts
 * hint("rotation", ["rotationDays", "protect"]); // ' (did you mean "rotationDays"?)'
 * ```
 */
export function hint(key: string, allowed: readonly string[]): string {
  // A key that is a prefix of an allowed one ("rotation" → "rotationDays") is the likeliest slip.
  const prefixed = allowed.filter((a) => key.length >= 3 && a.toLowerCase().startsWith(key.toLowerCase()));
  if (prefixed.length === 1) return ` (did you mean "${prefixed[0]}"?)`;
  let best: string | undefined;
  let bestD = Infinity;
  for (const a of allowed) {
    const d = editDistance(key.toLowerCase(), a.toLowerCase());
    if (d < bestD) [best, bestD] = [a, d];
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(key.length / 3))
    ? ` (did you mean "${best}"?)`
    : "";
}

/**
 * Levenshtein distance.
 *
 * @example
 * ```ts
 * editDistance("kitten", "sitting"); // 3
 * ```
 */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
