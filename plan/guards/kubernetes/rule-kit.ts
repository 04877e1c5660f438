/**
 * The building blocks of the pod and container rules: a rule over every container of every
 * workload's pod template, a rule over the pod spec, and the effective securityContext value.
 */
import type { Severity } from "../../model";
import { Category, Level, Scope, type GuardResource, type ResourceRule, type RuleHit } from "../types";
import { isOpaque } from "../values";
import { WORKLOAD_TYPES, at, containers, k8sLabel, podSpec, type ContainerRef } from "./tokens";
/** A check's verdict on one subject: fine, a problem (the message tail), or unknown until apply. */
export type Verdict = undefined | string | typeof UNKNOWN;
export const UNKNOWN = Symbol("unknown");

export interface RuleMeta {
  readonly id: string;
  readonly refs: readonly string[];
  readonly severity: Severity;
  readonly level: (typeof Level)[keyof typeof Level];
  readonly critical?: boolean;
  readonly advisoryOnly?: boolean;
  readonly description: string;
  readonly remediation: string;
  readonly url?: string;
}

export const PSS = "https://kubernetes.io/docs/concepts/security/pod-security-standards/";
export const KNATIVE_SERVICE = "kubernetes:serving.knative.dev/v1:Service";

export function hitsOf(r: GuardResource, where: string, verdict: Verdict): RuleHit[] {
  if (verdict === undefined) return [];
  if (verdict === UNKNOWN)
    return [
      {
        message: `${k8sLabel(r)} ${where}: cannot verify until apply (a value is unknown)`,
        unverified: true,
      },
    ];
  return [{ message: `${k8sLabel(r)} ${where}: ${verdict}` }];
}

/**
 * A rule over every container (and, with `init`, init container) of every workload.
 *
 * @example
 * ```ts
 * containerRule({ id: "k8s/x", ... }, (c) => c.spec["image"] ? undefined : "no image");
 * ```
 */
export function containerRule(
  meta: RuleMeta,
  check: (c: ContainerRef, pod: Record<string, unknown>, r: GuardResource) => Verdict,
  options: { init?: boolean; types?: readonly string[] } = {},
): ResourceRule {
  return {
    scope: Scope.resource,
    category: Category.security,
    appliesTo: options.types ?? WORKLOAD_TYPES,
    ...meta,
    check(r) {
      const pod = podSpec(r);
      if (!pod) return isOpaque(at(r.inputs, "spec")) ? hitsOf(r, "pod template", UNKNOWN) : [];
      return containers(r)
        .filter((c) => options.init !== false || !c.init)
        .flatMap((c) => hitsOf(r, `${c.init ? "init container" : "container"} ${c.name}`, check(c, pod, r)));
    },
  };
}

/** A rule over every workload's pod spec. */
export function podRule(
  meta: RuleMeta,
  check: (pod: Record<string, unknown>, r: GuardResource) => Verdict,
  types: readonly string[] = WORKLOAD_TYPES,
): ResourceRule {
  return {
    scope: Scope.resource,
    category: Category.security,
    appliesTo: types,
    ...meta,
    check(r) {
      const pod = podSpec(r);
      if (!pod) return isOpaque(at(r.inputs, "spec")) ? hitsOf(r, "pod template", UNKNOWN) : [];
      return hitsOf(r, "pod", check(pod, r));
    },
  };
}

/** The effective value of a securityContext field: the container's, else the pod's. */
export function effective(c: ContainerRef, pod: Record<string, unknown>, field: string): unknown {
  const own = at(c.spec, `securityContext.${field}`);
  return own !== undefined ? own : at(pod, `securityContext.${field}`);
}
export const opaque = (...values: unknown[]) => values.some(isOpaque);
