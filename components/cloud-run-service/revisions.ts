import { createHash } from "node:crypto";
import type * as pulumi from "@pulumi/pulumi";

/**
 * Revision model of {@link CloudRunService}: deterministic revision names, so a canary can pin
 * the stable revision by name without reading live state.
 *
 * - No canary: the template runs `image`, named `revisionName(service, image, fingerprint)`, and
 *   100 % of traffic follows the latest revision.
 * - Canary: the template runs `canary.image` (a new revision, tag `canary`, `percent` of traffic);
 *   the rest is pinned to `revisionName(service, image, fingerprint)`, which is exactly the revision
 *   the no-canary deploy created, as long as the other settings are unchanged.
 * - Promote: set `image` to the canary image and drop `canary`: same name, same template, so Cloud
 *   Run reuses the canary revision. Roll back: drop `canary`: the stable revision is reused.
 */

/** Cloud Run v2 traffic allocation types. */
export const TrafficType = {
  LATEST: "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST",
  REVISION: "TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION",
} as const;

/**
 * Deterministic revision name: `<service>-<10 hex>` from the image and the fingerprint of every
 * other revision setting. Same image + same settings → same name, so a canary can pin the stable
 * revision by name without reading live state.
 *
 * @example
 * ```ts
 * revisionName("shop-prod-api", "europe-docker.pkg.dev/acme/app/api:v1", "3f2a…"); // "shop-prod-api-5d1c0a9be2"
 * ```
 */
export function revisionName(serviceName: string, image: string, fingerprint: string): string {
  const hash = createHash("sha256").update(`${image}\n${fingerprint}`).digest("hex").slice(0, 10);
  return `${serviceName}-${hash}`;
}

/**
 * Fingerprint of a resolved revision template without its image and revision name (keys sorted,
 * so field order does not matter).
 *
 * @example
 * ```ts
 * templateFingerprint({ timeout: "300s", containers: [{ image: "a" }] }) === templateFingerprint({ containers: [{ image: "b" }], timeout: "300s" }); // true
 * ```
 */
export function templateFingerprint(template: Readonly<Record<string, unknown>>): string {
  const { revision: _revision, containers, ...rest } = template;
  const withoutImages = Array.isArray(containers)
    ? containers.map((c: Record<string, unknown>) => {
        const { image: _image, ...other } = c;
        return other;
      })
    : containers;
  return createHash("sha256")
    .update(stableJson({ ...rest, containers: withoutImages }))
    .digest("hex");
}

/** JSON with object keys sorted and undefined values dropped. */
export function stableJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v === null || typeof v !== "object") return v;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sort(x);
    }
    return out;
  };
  return JSON.stringify(sort(value)) ?? "null";
}

/** A Cloud Run v2 traffic target. */
export interface TrafficTarget {
  readonly type: (typeof TrafficType)[keyof typeof TrafficType];
  readonly percent: number;
  readonly revision?: pulumi.Input<string>;
  readonly tag?: string;
}

/**
 * Traffic targets: all to the latest revision, or a canary split between two pinned revisions.
 *
 * @example
 * ```ts
 * trafficTargets({ percent: 10, stable: "svc-aaa", canary: "svc-bbb" });
 * // [{ type: REVISION, revision: "svc-aaa", percent: 90 }, { type: REVISION, revision: "svc-bbb", percent: 10, tag: "canary" }]
 * ```
 */
export function trafficTargets(canary?: {
  readonly percent: number;
  readonly stable: pulumi.Input<string>;
  readonly canary: pulumi.Input<string>;
}): TrafficTarget[] {
  if (!canary) return [{ type: TrafficType.LATEST, percent: 100 }];
  return [
    { type: TrafficType.REVISION, revision: canary.stable, percent: 100 - canary.percent },
    { type: TrafficType.REVISION, revision: canary.canary, percent: canary.percent, tag: "canary" },
  ];
}
