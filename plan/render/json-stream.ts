/**
 * `JSON.stringify(value, null, 2)` written in pieces: a review of a 100,000-step plan is tens of
 * megabytes of JSON, and building it as one string holds it (and its parts) in memory twice.
 */

/** Pieces are gathered up to this many characters before each write. */
const PIECE = 64 * 1024;

/** Below this depth objects and arrays are written member by member; deeper ones in one go. */
const SPLIT_DEPTH = 4;

/**
 * Writes `value` as `JSON.stringify(value, null, 2)` would, byte for byte, through `write`, in
 * pieces of about 64 KiB. Values with `toJSON` are written as what it returns.
 *
 * @example
 * ```ts
 * writeJson(reviewJson(reviews), (s) => process.stdout.write(s));
 * ```
 */
export function writeJson(value: unknown, write: (text: string) => void): void {
  let parts: string[] = [];
  let size = 0;
  const emit = (text: string) => {
    parts.push(text);
    size += text.length;
    if (size >= PIECE) {
      write(parts.join(""));
      parts = [];
      size = 0;
    }
  };
  const top = toPlain(value);
  // JSON.stringify returns undefined (writes nothing) for these at the top.
  if (!omitted(top)) writeValue(top, 0, emit);
  if (parts.length > 0) write(parts.join(""));
}

/**
 * An array whose items are made one at a time as {@link writeJson} writes them, so a document
 * with 100,000 changes never holds them all; `JSON.stringify` sees the whole array (`toJSON`).
 *
 * @example
 * ```ts
 * const changes = new JsonList(() => steps.map(describe)); // or a generator
 * writeJson({ changes }, write) === JSON.stringify({ changes: [...] }, null, 2); // same text
 * ```
 */
export class JsonList<T = unknown> {
  constructor(private readonly items: () => Iterable<T>) {}

  /** The items, one at a time. */
  [Symbol.iterator](): Iterator<T> {
    return this.items()[Symbol.iterator]();
  }

  /** The whole array, for `JSON.stringify`. */
  toJSON(): T[] {
    return [...this];
  }
}

/** What JSON.stringify would serialize in place of `value` (its `toJSON`, if any). */
function toPlain(value: unknown, key = ""): unknown {
  // Written item by item below (its toJSON would build the whole array).
  if (value instanceof JsonList) return value;
  if (
    value !== null &&
    typeof value === "object" &&
    typeof (value as { toJSON?: unknown }).toJSON === "function"
  )
    return (value as { toJSON: (k: string) => unknown }).toJSON(key);
  return value;
}

/** True for the values JSON.stringify leaves out of objects (and turns into null in arrays). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

function writeValue(value: unknown, depth: number, emit: (text: string) => void): void {
  // A JsonList is written item by item at any depth: stringified whole, it would be the whole list.
  if (!(value instanceof JsonList) && (depth >= SPLIT_DEPTH || value === null || typeof value !== "object")) {
    const text = JSON.stringify(value, null, 2);
    emit(depth === 0 ? text : text.replaceAll("\n", `\n${"  ".repeat(depth)}`));
    return;
  }
  const inner = "  ".repeat(depth + 1);
  if (value instanceof JsonList) {
    let i = 0;
    for (const item of value as JsonList) {
      const plain = toPlain(item, String(i));
      emit(`${i === 0 ? "[" : ","}\n${inner}`);
      writeValue(omitted(plain) ? null : plain, depth + 1, emit);
      i++;
    }
    emit(i === 0 ? "[]" : `\n${"  ".repeat(depth)}]`);
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return emit("[]");
    emit("[");
    value.forEach((item, i) => {
      const plain = toPlain(item, String(i));
      emit(`${i === 0 ? "" : ","}\n${inner}`);
      writeValue(omitted(plain) ? null : plain, depth + 1, emit);
    });
    emit(`\n${"  ".repeat(depth)}]`);
    return;
  }
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    const plain = toPlain(item, key);
    if (omitted(plain)) continue;
    emit(`${first ? "{" : ","}\n${inner}${JSON.stringify(key)}: `);
    first = false;
    writeValue(plain, depth + 1, emit);
  }
  emit(first ? "{}" : `\n${"  ".repeat(depth)}}`);
}
