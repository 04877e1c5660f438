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
