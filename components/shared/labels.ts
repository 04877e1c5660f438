import type { PlatformContext } from "./context";

/** Label key carrying the platform's marker value. */
export const MANAGED_BY = { key: "managed-by", value: "platform" } as const;

/**
 * GCP label values: lowercase letters, digits, `_` and `-`, at most 63 characters.
 * Anything else is replaced so a label can never fail an apply.
 *
 * @example
 * ```ts
 * labelValue("Shop API"); // "shop_api"
 * ```
 */
export function labelValue(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "_")
    .slice(0, 63);
}

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
export function platformLabels(
  ctx: Pick<PlatformContext, "env" | "app" | "labels">,
  component: string,
  extra: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...ctx.labels, ...extra })) out[labelValue(k)] = labelValue(v);
  out["env"] = labelValue(ctx.env);
  out["app"] = labelValue(ctx.app);
  out["component"] = labelValue(component);
  out[MANAGED_BY.key] = MANAGED_BY.value;
  return out;
}

/**
 * Marks a resource that is public on purpose (a Cloud Run service with an `allUsers` invoker), so
 * guards report its public access as advisory instead of blocking.
 */
export const PUBLIC_LABEL = { key: "exposure", value: "public" } as const;

/**
 * AWS tag values: letters, digits, spaces and `_ . : / = + - @`, at most 256 characters.
 * Anything else is replaced so a tag can never fail an apply.
 *
 * @example
 * ```ts
 * tagValue("Shop (API)"); // "Shop _API_"
 * ```
 */
export function tagValue(value: string, max = 256): string {
  return value.replace(/[^\p{L}\p{N} _.:/=+\-@]/gu, "_").slice(0, max);
}

/**
 * The tags every taggable AWS resource carries: the same four platform keys as the GCP labels
 * (`env`, `app`, `component`, `managed-by=platform`) plus the environment's extra labels, so
 * budgets filter and cost reports group identically on both clouds. AWS Budgets can only filter
 * on tags that are activated as cost-allocation tags in the Billing console.
 *
 * @example
 * ```ts
 * platformTags(ctx, "postgres"); // { team: "core", env: "aws-prod", app: "shop", component: "postgres", "managed-by": "platform" }
 * ```
 */
export function platformTags(
  ctx: { readonly env: string; readonly app: string; readonly labels?: Readonly<Record<string, string>> },
  component: string,
  extra: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...ctx.labels, ...extra })) out[tagValue(k, 128)] = tagValue(v);
  out["env"] = tagValue(ctx.env);
  out["app"] = tagValue(ctx.app);
  out["component"] = tagValue(component);
  out[MANAGED_BY.key] = MANAGED_BY.value;
  return out;
}
