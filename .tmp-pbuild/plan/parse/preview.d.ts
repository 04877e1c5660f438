/**
 * `pulumi preview --json` output → PlanSteps. Two shapes exist:
 * - the **digest** (`display.PreviewDigest`): one JSON object printed at the end, steps with
 *   `oldState`/`newState`, `diffReasons`, `replaceReasons` and `detailedDiff` entries `{ kind, inputDiff }`;
 * - **streaming** newline-delimited engine events (`PULUMI_ENABLE_STREAMING_JSON_PREVIEW=true`),
 *   read exactly like an event log (`detailedDiff` entries `{ diffKind, inputDiff }`).
 *
 * {@link parsePreviewJson} tells them apart by the first line. The digest is one JSON document, so it is
 * read whole (digests hold inputs only once per step and stay small); the streaming form is read line
 * by line.
 */
import { type LineSource } from "./lines";
import { type ParseOptions, type ParseResult } from "./types";
/**
 * Turns a parsed preview digest into a {@link ParseResult}. Throws a {@link PlanParseError} naming the
 * file and the JSON path when the value is not digest-shaped.
 *
 * @example
 * ```ts
 * const result = parsePreviewDigest(JSON.parse(text), { file: "preview.json" });
 * result.steps.filter((s) => s.op === "create").length;
 * ```
 */
export declare function parsePreviewDigest(digest: unknown, options?: ParseOptions): ParseResult;
/**
 * Parses preview digest text, reporting JSON syntax errors with the file, line and column.
 *
 * @example
 * ```ts
 * parsePreviewDigestText(fs.readFileSync("preview.json", "utf8"), { file: "preview.json" });
 * ```
 */
export declare function parsePreviewDigestText(text: string, options?: ParseOptions): ParseResult;
/**
 * Parses `pulumi preview --json` output from a file or stream: a digest, or newline-delimited
 * engine events when the preview was streamed.
 *
 * @example
 * ```ts
 * const { steps, summary } = await parsePreviewJson("preview.json");
 * ```
 */
export declare function parsePreviewJson(source: LineSource, options?: ParseOptions): Promise<ParseResult>;
