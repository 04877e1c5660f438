import { type EnvReview } from "./types";
/** Options for {@link renderMarkdown}. */
export interface MarkdownOptions {
    /** Heading text. @default "Platform review" */
    readonly title?: string;
    /** Property lines per resource before "… N more". @default 40 */
    readonly maxPropertiesPerResource?: number;
    /** Rows of a cost table before "… N more". @default 40 */
    readonly maxCostRows?: number;
    /** Expand the sections of failing environments. @default true */
    readonly openFailing?: boolean;
    /** A markdown line under the summary (not escaped), e.g. the commit and a link to the run. */
    readonly footer?: string;
}
/**
 * Escapes `&`, `<` and `>` so text cannot open a tag (or fake the hidden comment marker). Used in
 * HTML contexts (`<summary>`) and for messages, whose markdown (backticks) is kept.
 *
 * @example
 * ```ts
 * escapeHtml("<details>"); // "&lt;details&gt;"
 * ```
 */
export declare function escapeHtml(text: string): string;
/**
 * Escapes text for markdown outside code: HTML characters plus markdown's `\`, backtick, `*`, `_`,
 * `[`, `]` and `|` (safe in table cells).
 *
 * @example
 * ```ts
 * escapeMarkdown("<b>*x*|y"); // "&lt;b&gt;\\*x\\*\\|y"
 * ```
 */
export declare function escapeMarkdown(text: string): string;
/**
 * Inline code that survives backticks and pipes inside the text (safe in table cells).
 *
 * @example
 * ```ts
 * inlineCode("a`b"); // "`` a`b ``"
 * ```
 */
export declare function inlineCode(text: string): string;
/**
 * Renders the whole review as one markdown document (without the hidden marker; see
 * `renderComments`, which adds it and splits long bodies). Secrets always show as `[secret]` and
 * unknown values as `(known after apply)`.
 *
 * @example
 * ```ts
 * const body = renderMarkdown([devReview, prodReview], { footer: `commit ${sha}` });
 * ```
 */
export declare function renderMarkdown(reviews: readonly EnvReview[], options?: MarkdownOptions): string;
