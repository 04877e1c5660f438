import { type EnvReview } from "./types";
/** Options for {@link renderText}. */
export interface TextOptions {
    /** Use ANSI colours. @default false */
    readonly color?: boolean;
    /** Property lines per resource. @default 20 */
    readonly maxPropertiesPerResource?: number;
    /** Cost rows per environment. @default 15 */
    readonly maxCostRows?: number;
}
/**
 * Whether to colour output for a stream: a TTY, unless `NO_COLOR` is set; `FORCE_COLOR` forces it.
 *
 * @example
 * ```ts
 * renderText(reviews, { color: shouldColor(process.stdout) });
 * ```
 */
export declare function shouldColor(stream: {
    isTTY?: boolean;
}, env?: Readonly<Record<string, string | undefined>>): boolean;
/**
 * Renders the review as terminal text.
 *
 * @example
 * ```ts
 * process.stdout.write(renderText(reviews, { color: shouldColor(process.stdout) }));
 * ```
 */
export declare function renderText(reviews: readonly EnvReview[], options?: TextOptions): string;
