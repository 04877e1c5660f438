/**
 * Container hygiene rules (`k8s/*`): requests and limits, images (fixed tag, digest, pull policy),
 * probes and secrets in env (Checkov CKV_K8S_*, kube-score, Polaris; kubernetes-anchors.md §9).
 */
import { Severity } from "../../model";
import { Level, type ResourceRule } from "../types";
import { isOpaque } from "../values";
import { KNATIVE_SERVICE, UNKNOWN, containerRule } from "./rule-kit";
import { SERVING_TYPES, WORKLOAD_TYPES, at, list, obj } from "./tokens";

/** Env var names that hold secrets when given a literal value (Polaris `sensitiveContainerEnvVar`). */
export const SENSITIVE_ENV = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL)/i;

export const K8S_RESOURCES: ResourceRule = containerRule(
  {
    id: "k8s/container-resources",
    refs: [
      "CKV_K8S_10",
      "CKV_K8S_11",
      "CKV_K8S_12",
      "CKV_K8S_13",
      "kube-score container-resources",
      "Polaris cpuRequestsMissing",
      "Polaris memoryLimitsMissing",
    ],
    severity: Severity.medium,
    level: Level.L1,
    description:
      "Every container requests and limits CPU and memory (cost, quota and scheduling depend on it).",
    remediation: "Set resources.requests.{cpu,memory} and resources.limits.{cpu,memory} on every container.",
  },
  (c) => {
    const res = at(c.spec, "resources");
    if (isOpaque(res)) return UNKNOWN;
    const missing = ["requests.cpu", "requests.memory", "limits.cpu", "limits.memory"].filter(
      (p) => at(res, p) === undefined,
    );
    return missing.length > 0 ? `resources ${missing.join(", ")} unset` : undefined;
  },
);

export const K8S_EPHEMERAL: ResourceRule = containerRule(
  {
    id: "k8s/ephemeral-storage",
    refs: ["kube-score container-ephemeral-storage-request-and-limit"],
    severity: Severity.low,
    level: Level.L2,
    description:
      "Every container requests and limits ephemeral storage (a full node disk evicts every pod on it).",
    remediation: 'Set resources.requests["ephemeral-storage"] and resources.limits["ephemeral-storage"].',
  },
  (c) => {
    const res = at(c.spec, "resources");
    if (isOpaque(res)) return UNKNOWN;
    const req = obj(at(res, "requests"))?.["ephemeral-storage"];
    const lim = obj(at(res, "limits"))?.["ephemeral-storage"];
    return req !== undefined && lim !== undefined
      ? undefined
      : `ephemeral-storage ${req === undefined ? "request" : ""}${req === undefined && lim === undefined ? " and " : ""}${lim === undefined ? "limit" : ""} unset`;
  },
  { types: WORKLOAD_TYPES.filter((t) => t !== KNATIVE_SERVICE) },
);

/** True for an image reference with a fixed tag or a digest (not `:latest`, not untagged). */
export function imageIsPinned(image: string): boolean {
  if (image.includes("@sha256:")) return true;
  const last = image.slice(image.lastIndexOf("/") + 1);
  const colon = last.lastIndexOf(":");
  return colon > 0 && last.slice(colon + 1) !== "latest" && last.slice(colon + 1) !== "";
}

export const K8S_IMAGE_TAG: ResourceRule = containerRule(
  {
    id: "k8s/image-tag-fixed",
    refs: ["CKV_K8S_14", "kube-score container-image-tag", "Polaris tagNotSpecified"],
    severity: Severity.medium,
    level: Level.L1,
    description: "Every image names a fixed tag or a digest (never latest, never untagged).",
    remediation: "Pin the image to a release tag (ghcr.io/acme/api:1.42.0) or a digest.",
  },
  (c) => {
    const image = c.spec["image"];
    if (isOpaque(image)) return UNKNOWN;
    return typeof image === "string" && imageIsPinned(image)
      ? undefined
      : `image ${JSON.stringify(image ?? null)} has no fixed tag`;
  },
);

export const K8S_IMAGE_DIGEST: ResourceRule = containerRule(
  {
    id: "k8s/image-digest",
    refs: ["CKV_K8S_43"],
    severity: Severity.low,
    level: Level.L2,
    advisoryOnly: true,
    description: "Images are pinned by digest (a tag can be moved to other content).",
    remediation:
      "Reference images as repo:tag@sha256:<digest> (Renovate or Dependabot keep digests current).",
  },
  (c) => {
    const image = c.spec["image"];
    if (isOpaque(image)) return UNKNOWN;
    return typeof image === "string" && image.includes("@sha256:")
      ? undefined
      : `image ${JSON.stringify(image ?? null)} is not pinned by digest`;
  },
);

export const K8S_PULL_POLICY: ResourceRule = containerRule(
  {
    id: "k8s/image-pull-always",
    refs: ["CKV_K8S_15", "kube-score container-image-pull-policy", "Polaris pullPolicyNotAlways"],
    severity: Severity.low,
    level: Level.L2,
    description:
      "Every container sets imagePullPolicy: Always (the registry re-checks access on every start).",
    remediation: "Set imagePullPolicy: Always.",
  },
  (c) => {
    const v = c.spec["imagePullPolicy"];
    if (isOpaque(v)) return UNKNOWN;
    return v === "Always" ? undefined : `imagePullPolicy is ${v === undefined ? "unset" : JSON.stringify(v)}`;
  },
);

export const K8S_LIVENESS: ResourceRule = containerRule(
  {
    id: "k8s/liveness-probe",
    refs: ["CKV_K8S_8", "Polaris livenessProbeMissing"],
    severity: Severity.medium,
    level: Level.L1,
    description: "Every serving container has a liveness probe (a hung process is restarted).",
    remediation: "Add livenessProbe (httpGet on the health path, or tcpSocket).",
  },
  (c) =>
    isOpaque(c.spec["livenessProbe"])
      ? UNKNOWN
      : obj(c.spec["livenessProbe"])
        ? undefined
        : "no livenessProbe",
  { init: false, types: SERVING_TYPES },
);

export const K8S_READINESS: ResourceRule = containerRule(
  {
    id: "k8s/readiness-probe",
    refs: ["CKV_K8S_9", "kube-score pod-probes", "Polaris readinessProbeMissing"],
    severity: Severity.medium,
    level: Level.L1,
    description: "Every serving container has a readiness probe (no traffic before it is ready).",
    remediation: "Add readinessProbe (httpGet on the ready path, or exec/tcpSocket).",
  },
  (c) =>
    isOpaque(c.spec["readinessProbe"])
      ? UNKNOWN
      : obj(c.spec["readinessProbe"])
        ? undefined
        : "no readinessProbe",
  { init: false, types: SERVING_TYPES },
);

export const K8S_PROBES_DISTINCT: ResourceRule = containerRule(
  {
    id: "k8s/probes-distinct",
    refs: ["kube-score pod-probes-identical"],
    severity: Severity.low,
    level: Level.L2,
    description: "Readiness and liveness probes differ (an identical pair restarts pods that are only busy).",
    remediation: "Point liveness at a cheap health path and readiness at one that checks dependencies.",
  },
  (c) => {
    const live = c.spec["livenessProbe"];
    const ready = c.spec["readinessProbe"];
    if (!obj(live) || !obj(ready)) return undefined;
    const strip = (p: unknown) =>
      JSON.stringify({
        ...obj(p),
        periodSeconds: 0,
        failureThreshold: 0,
        timeoutSeconds: 0,
        initialDelaySeconds: 0,
        successThreshold: 0,
      });
    return strip(live) === strip(ready) ? "readinessProbe and livenessProbe check the same thing" : undefined;
  },
  { init: false, types: SERVING_TYPES },
);

export const K8S_LITERAL_SECRET_ENV: ResourceRule = containerRule(
  {
    id: "k8s/no-literal-secret-env",
    refs: ["Polaris sensitiveContainerEnvVar"],
    severity: Severity.high,
    level: Level.L1,
    critical: true,
    description:
      "No env var that names a secret (…PASSWORD, …TOKEN, …SECRET, …KEY) has a literal value: secrets come from secretKeyRef.",
    remediation:
      "Put the value in a Secret and reference it: env[].valueFrom.secretKeyRef (the link pattern does this).",
  },
  (c) => {
    const bad = list(c.spec["env"]).filter((e) => {
      const name = at(e, "name");
      const value = at(e, "value");
      return (
        typeof name === "string" &&
        SENSITIVE_ENV.test(name) &&
        typeof value === "string" &&
        value !== "" &&
        !isOpaque(value) &&
        !/_(FILE|PATH|DIR)$/i.test(name)
      );
    });
    return bad.length > 0
      ? `env ${bad.map((e) => String(at(e, "name"))).join(", ")} hold literal values`
      : undefined;
  },
);

/**
 * The container hygiene rules.
 *
 * @example
 * ```ts
 * K8S_CONTAINER_RULES.map((r) => r.id);
 * ```
 */
export const K8S_CONTAINER_RULES: readonly ResourceRule[] = [
  K8S_RESOURCES,
  K8S_EPHEMERAL,
  K8S_IMAGE_TAG,
  K8S_IMAGE_DIGEST,
  K8S_PULL_POLICY,
  K8S_LIVENESS,
  K8S_READINESS,
  K8S_PROBES_DISTINCT,
  K8S_LITERAL_SECRET_ENV,
];
