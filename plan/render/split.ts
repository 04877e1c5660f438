/**
 * Splits a markdown comment that is longer than the host allows into several, the way Atlantis
 * does (`server/events/vcs/common/common.go` `SplitComment`): at line boundaries (inside a line only
 * when one line alone is too long), closing whatever block is open at the split — a code fence,
 * `<details>` sections — with a "continued in next comment" note, and reopening the same blocks
 * after a "continued from previous comment" note in the next part. Nothing is dropped: the parts'
 * chunks concatenate to the original body, and the first part starts with the body's beginning
 * (the summary table).
 */

/**
 * GitHub's limit for an issue or pull-request comment body, in characters.
 *
 * @example
 * ```ts
 * splitComment(body, { limit: GITHUB_COMMENT_LIMIT });
 * ```
 */
export const GITHUB_COMMENT_LIMIT = 65_536;

/**
 * Options for {@link splitComment}.
 *
 * @example
 * ```ts
 * splitComment(body, { limit: 32_768, header: (i) => `<!-- part ${i + 1} -->\n` }); // Bitbucket Server
 * ```
 */
export interface SplitOptions {
  /** Longest part, in UTF-16 code units (never more than characters). @default GITHUB_COMMENT_LIMIT */
  readonly limit?: number;
  /** Text put before every part (index from 0), e.g. a hidden marker line. @default none */
  readonly header?: (index: number) => string;
  /** Line that ends a part that continues. */
  readonly continuedEnd?: string;
  /** Line that starts a continuation part. */
  readonly continuedStart?: string;
}

/** One part: the full comment text and the slice of the original body it carries. */
export interface SplitPart {
  readonly text: string;
  readonly chunk: string;
}

/** Default note at the end of a part that continues. */
export const CONTINUED_END =
  "> [!NOTE]\n> Output longer than one comment allows: continued in the next comment.";
/** Default note at the start of a continuation. */
export const CONTINUED_START = "> Continued from the previous comment.";

interface Fence {
  readonly marker: string;
  readonly info: string;
}

interface BlockState {
  /** Opening lines of the open `<details>` sections, outermost first. */
  readonly details: readonly string[];
  readonly fence?: Fence;
  /** The unfinished line so far, when a line was cut. */
  readonly partial: string;
}

/** Longest `<details>` opening line reopened verbatim in the next part. */
const MAX_REOPEN = 1000;

const EMPTY: BlockState = { details: [], partial: "" };
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const DETAILS_TAG = /<details\b[^>]*>|<\/details\s*>/gi;

function processLine(state: BlockState, line: string): BlockState {
  if (state.fence) {
    const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line)?.[1];
    const f = state.fence.marker;
    if (close && close[0] === f[0] && close.length >= f.length)
      return { details: state.details, partial: "" };
    return { ...state, partial: "" };
  }
  const m = FENCE_OPEN.exec(line);
  if (m && !(m[1]![0] === "`" && m[2]!.includes("`"))) {
    // Reopen with the language only: an info string can be arbitrarily long.
    const info = (/^\s*(\S{0,20})/.exec(m[2]!)?.[1] ?? "").replace(/[`~]/g, "");
    return { details: state.details, fence: { marker: m[1]!, info }, partial: "" };
  }
  let details = state.details;
  for (const tag of line.matchAll(DETAILS_TAG)) {
    if (tag[0].startsWith("</")) details = details.slice(0, -1);
    else {
      const open = line.slice(tag.index).replace(/<\/details\s*>.*$/i, "");
      details = [...details, open.length <= MAX_REOPEN ? open : "<details><summary>(continued)</summary>"];
    }
  }
  return { details, partial: "" };
}

function advance(state: BlockState, unit: string): BlockState {
  const line = state.partial + unit;
  if (!unit.endsWith("\n")) return { ...state, partial: line };
  return processLine(state, line.slice(0, -1));
}

function closing(state: BlockState, chunkEndsWithNewline: boolean, note: string): string {
  let out = chunkEndsWithNewline ? "" : "\n";
  if (state.fence) out += `${state.fence.marker}\n`;
  for (let i = state.details.length - 1; i >= 0; i--) out += "\n</details>\n";
  return `${out}\n${note}\n`;
}

function opening(state: BlockState, note: string): string {
  let out = `${note}\n\n`;
  for (const d of state.details) out += `${d}\n\n`;
  if (state.fence) out += `${state.fence.marker}${state.fence.info}\n`;
  return out;
}

/** Where to cut a too-long line so that the first piece has at most `room` code units. */
function cutPoint(unit: string, room: number): number {
  let cut = Math.min(room, unit.length - 1);
  const space = unit.lastIndexOf(" ", cut - 1);
  if (space > room / 2) cut = space + 1;
  const code = unit.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--; // do not split a surrogate pair
  return Math.max(1, cut);
}

/**
 * Splits `body` into parts of at most `limit` characters, each with its header.
 *
 * @example
 * ```ts
 * const parts = splitCommentParts(body, { limit: 65_536, header: (i) => `<!-- review part=${i + 1} -->\n` });
 * parts.map((p) => p.chunk).join("") === body; // true
 * ```
 */
export function splitCommentParts(body: string, options: SplitOptions = {}): SplitPart[] {
  const limit = options.limit ?? GITHUB_COMMENT_LIMIT;
  const header = options.header ?? (() => "");
  const endNote = options.continuedEnd ?? CONTINUED_END;
  const startNote = options.continuedStart ?? CONTINUED_START;
  const single = header(0) + body;
  if (single.length <= limit) return [{ text: single, chunk: body }];

  const units: string[] = body.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const parts: SplitPart[] = [];
  let state = EMPTY;
  let u = 0;
  while (u < units.length) {
    const index = parts.length;
    const prefix = header(index) + (index > 0 ? opening(state, startNote) : "");
    // The chunk as its units (joined once): growing one string and testing its end flattens it again
    // and again, quadratic in a part's lines.
    const pieces: string[] = [];
    let chunkLength = 0;
    let endsWithNewline = false;
    let chunkState = state;
    while (u < units.length) {
      const unit = units[u]!;
      const next = advance(chunkState, unit);
      const last = u === units.length - 1;
      const tail = last ? "" : closing(next, unit.endsWith("\n"), endNote);
      if (prefix.length + chunkLength + unit.length + tail.length <= limit) {
        pieces.push(unit);
        chunkLength += unit.length;
        endsWithNewline = unit.endsWith("\n");
        chunkState = next;
        u++;
        continue;
      }
      if (chunkLength === 0) {
        // One line longer than a whole part: cut it, keeping the block state of its start.
        const room = limit - prefix.length - closing(chunkState, false, endNote).length;
        if (room < 1)
          throw new RangeError(
            `comment limit ${limit} is too small for the continuation notes (${limit - room + 1} needed)`,
          );
        const cut = cutPoint(unit, room);
        if (cut >= unit.length)
          throw new RangeError(
            `comment limit ${limit} is too small to split line ${JSON.stringify(unit.slice(0, 40))}`,
          );
        units.splice(u, 1, unit.slice(0, cut), unit.slice(cut));
        continue;
      }
      break;
    }
    const done = u >= units.length;
    const chunk = pieces.join("");
    const text = prefix + chunk + (done ? "" : closing(chunkState, endsWithNewline, endNote));
    parts.push({ text, chunk });
    state = chunkState;
  }
  return parts;
}

/**
 * Splits `body` into comment texts of at most `limit` characters (see {@link splitCommentParts}).
 *
 * @example
 * ```ts
 * const comments = splitComment(renderMarkdown(reviews), { header: (i) => reviewMarker(undefined, i + 1) + "\n" });
 * ```
 */
export function splitComment(body: string, options: SplitOptions = {}): string[] {
  return splitCommentParts(body, options).map((p) => p.text);
}
