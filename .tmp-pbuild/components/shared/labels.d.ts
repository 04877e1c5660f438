import type { PlatformContext } from "./context";
/** Label key carrying the platform's marker value. */
export declare const MANAGED_BY: {
    readonly key: "managed-by";
    readonly value: "platform";
};
/**
 * GCP label values: lowercase letters, digits, `_` and `-`, at most 63 characters.
 * Anything else is replaced so a label can never fail an apply.
 *
 * @example
 * ```ts
 * labelValue("Shop API"); // "shop_api"
 * ```
 */
export declare function labelValue(value: string): string;
/**
 * The labels every labelable resource carries: `env`, `app`, `component`, `managed-by=platform`,
 * plus the environment's extra labels. Budgets filter on these and cost reports group by them,
 * so the four platform keys always win over user labels with the same key.
 *
 * @example
 * ```ts
 * platformLabels(ctx, "postgres"); // { team: "core", env: "prod", app: "shop", component: "postgres", "managed-by": "platform" }
 * ```
 */
export declare function platformLabels(ctx: Pick<PlatformContext, "env" | "app" | "labels">, component: string, extra?: Readonly<Record<string, string>>): Record<string, string>;
