import { createHash } from "node:crypto";
import type * as k8s from "@pulumi/kubernetes";
import { PlatformError, show } from "../shared/errors";
import type { Link } from "../shared/link";
import type { K8sCloudRunServiceArgs } from "./k8s";
import { cpuCores, isK8sCpu, isK8sMemory, memoryGib } from "../shared/kubernetes";

/** Pure rules of CloudRunService on Kubernetes: scaling mode, sizes, probes, Knative settings. */

/** Deployment + HPA, or Knative Service (scale to zero, traffic split). */
export const K8sServiceMode = { deployment: "deployment", knative: "knative" } as const;
/** One of `deployment`, `knative`. */
export type K8sServiceMode = (typeof K8sServiceMode)[keyof typeof K8sServiceMode];

/** Resolved settings of a Kubernetes service. */
export interface K8sServiceSpec {
  readonly mode: K8sServiceMode;
  readonly image: string;
  readonly port: number;
  readonly cpuLimit: string;
  readonly cpuRequest: string;
  readonly memory: string;
  readonly minInstances: number;
  readonly maxInstances: number;
  readonly concurrency: number;
  readonly timeoutSeconds: number;
  readonly healthPath: string;
  readonly readinessPath: string;
  readonly targetCpuUtilization: number;
  readonly canary?: { readonly percent: number; readonly image: string };
}

/**
 * `minInstances: 0` needs Knative (an HPA cannot go below one pod); anything else is a Deployment.
 *
 * @example
 * ```ts
 * serviceMode(0); // "knative"
 * ```
 */
export function serviceMode(minInstances: number): K8sServiceMode {
  return minInstances === 0 ? K8sServiceMode.knative : K8sServiceMode.deployment;
}

/**
 * Validates the settings (pure); returns every problem.
 *
 * @example
 * ```ts
 * validateK8sService({ ...spec, image: "api:latest" }); // ["image must have a fixed tag or digest (not latest), got \"api:latest\""]
 * ```
 */
export function validateK8sService(s: K8sServiceSpec): string[] {
  const p: string[] = [];
  const last = s.image.split("/").pop() ?? "";
  if (!/(:[\w.-]{1,128}|@sha256:[a-f0-9]{64})$/.test(last) || /:latest$/.test(last))
    p.push(`image must have a fixed tag or digest (not latest), got ${show(s.image)}`);
  if (!Number.isInteger(s.port) || s.port < 1024 || s.port > 65535)
    p.push(`port must be 1024–65535 (non-root), got ${show(s.port)}`);
  if (!isK8sCpu(s.cpuLimit)) p.push(`cpu must be a CPU quantity, got ${show(s.cpuLimit)}`);
  if (!isK8sCpu(s.cpuRequest)) p.push(`cpuRequest must be a CPU quantity, got ${show(s.cpuRequest)}`);
  else if (isK8sCpu(s.cpuLimit) && cpuCores(s.cpuRequest)! > cpuCores(s.cpuLimit)!)
    p.push(`cpuRequest must not exceed cpu (${s.cpuLimit}), got ${show(s.cpuRequest)}`);
  if (!isK8sMemory(s.memory)) p.push(`memory must be a memory quantity, got ${show(s.memory)}`);
  if (!Number.isInteger(s.minInstances) || s.minInstances < 0)
    p.push(`minInstances must be ≥ 0, got ${show(s.minInstances)}`);
  if (!Number.isInteger(s.maxInstances) || s.maxInstances < Math.max(1, s.minInstances))
    p.push(`maxInstances must be ≥ max(1, minInstances), got ${show(s.maxInstances)}`);
  if (s.targetCpuUtilization < 10 || s.targetCpuUtilization > 95)
    p.push(`targetCpuUtilization must be 10–95, got ${show(s.targetCpuUtilization)}`);
  if (s.canary !== undefined && s.mode !== "knative")
    p.push("canary needs Knative (minInstances: 0): a Deployment has no traffic split");
  if (s.canary !== undefined && (s.canary.percent < 1 || s.canary.percent > 99))
    p.push(`canary.percent must be 1–99, got ${show(s.canary.percent)}`);
  return p;
}

/**
 * Throws one {@link PlatformError} naming the component when {@link validateK8sService} finds problems.
 *
 * @example
 * ```ts
 * assertK8sService("api", spec);
 * ```
 */
export function assertK8sService(name: string, s: K8sServiceSpec): void {
  const p = validateK8sService(s);
  if (p.length > 0) throw new PlatformError(`CloudRunService '${name}': ${p.join("; ")}`);
}

/**
 * The three probes: startup and readiness on the readiness path, liveness on the health path
 * (kube-score `pod-probes-identical`: readiness ≠ liveness).
 *
 * @example
 * ```ts
 * probes({ healthPath: "/health", readinessPath: "/ready", port: 8080 }).livenessProbe.httpGet.path; // "/health"
 * ```
 */
export function probes(s: Pick<K8sServiceSpec, "healthPath" | "readinessPath" | "port">) {
  const get = (path: string) => ({ path, port: s.port });
  return {
    startupProbe: {
      httpGet: get(s.readinessPath),
      periodSeconds: 2,
      failureThreshold: 60,
      timeoutSeconds: 2,
    },
    readinessProbe: {
      httpGet: get(s.readinessPath),
      periodSeconds: 5,
      failureThreshold: 3,
      timeoutSeconds: 2,
    },
    livenessProbe: { httpGet: get(s.healthPath), periodSeconds: 10, failureThreshold: 6, timeoutSeconds: 3 },
  };
}

/**
 * Knative revision name for a revision template: the service name plus a hash of what makes the
 * revision (image and plain settings), so the stable revision keeps its name while a canary runs.
 *
 * @example
 * ```ts
 * knativeRevisionName("api", { image: "r/api:1.41.3" }); // "api-3f9a1c2d"
 * ```
 */
export function knativeRevisionName(service: string, template: Readonly<Record<string, unknown>>): string {
  return `${service}-${createHash("sha256").update(JSON.stringify(template)).digest("hex").slice(0, 8)}`;
}

/**
 * Knative autoscaling annotations on the revision template.
 *
 * @example
 * ```ts
 * knativeAnnotations({ minInstances: 0, maxInstances: 3, concurrency: 80 })["autoscaling.knative.dev/min-scale"]; // "0"
 * ```
 */
export function knativeAnnotations(
  s: Pick<K8sServiceSpec, "minInstances" | "maxInstances" | "concurrency">,
): Record<string, string> {
  return {
    "autoscaling.knative.dev/class": "kpa.autoscaling.knative.dev",
    "autoscaling.knative.dev/metric": "concurrency",
    "autoscaling.knative.dev/target": String(Math.max(1, Math.floor(s.concurrency * 0.7))),
    "autoscaling.knative.dev/min-scale": String(s.minInstances),
    "autoscaling.knative.dev/max-scale": String(s.maxInstances),
    "autoscaling.knative.dev/initial-scale": String(Math.max(1, s.minInstances)),
    "autoscaling.knative.dev/scale-to-zero-pod-retention-period": "5m",
  };
}

/**
 * Knative `spec.traffic`: everything to the latest revision, or (100 − p) % to the stable one and
 * p % to the canary, tagged `canary`.
 *
 * @example
 * ```ts
 * knativeTraffic("api-aaaa", "api-bbbb", 10); // [{ revisionName: "api-aaaa", percent: 90 }, { revisionName: "api-bbbb", percent: 10, tag: "canary" }]
 * knativeTraffic("api-aaaa", "api-aaaa"); // [{ latestRevision: true, percent: 100 }]
 * ```
 */
export function knativeTraffic(
  stable: string,
  latest: string,
  canaryPercent?: number,
): Record<string, unknown>[] {
  if (canaryPercent === undefined) return [{ latestRevision: true, percent: 100 }];
  return [
    { revisionName: stable, percent: 100 - canaryPercent },
    { revisionName: latest, percent: canaryPercent, tag: "canary" },
  ];
}

/**
 * Ephemeral-storage request/limit and memory request = limit (memory is not compressible).
 *
 * @example
 * ```ts
 * containerResources({ cpuRequest: "250m", cpuLimit: "1", memory: "512Mi" }).requests.memory; // "512Mi"
 * ```
 */
export function containerResources(s: Pick<K8sServiceSpec, "cpuRequest" | "cpuLimit" | "memory">) {
  return {
    requests: { cpu: s.cpuRequest, memory: s.memory, "ephemeral-storage": "128Mi" },
    limits: { cpu: s.cpuLimit, memory: s.memory, "ephemeral-storage": "512Mi" },
  };
}

/** Requested vCPU and GiB of one pod (for quota checks). */
export function podRequests(s: Pick<K8sServiceSpec, "cpuRequest" | "memory">): {
  cpu: number;
  memoryGib: number;
} {
  return { cpu: cpuCores(s.cpuRequest) ?? 0, memoryGib: memoryGib(s.memory) ?? 0 };
}

/**
 * The restricted container securityContext in the fields Knative Serving admits (no `privileged`;
 * the UID on the container because Knative refuses a pod securityContext by default).
 *
 * @example
 * ```ts
 * knativeContainerSecurity().runAsUser; // 10001
 * ```
 */
export function knativeContainerSecurity() {
  return {
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    runAsUser: 10001,
    runAsGroup: 10001,
    capabilities: { drop: ["ALL"] },
    seccompProfile: { type: "RuntimeDefault" },
  };
}

/** Defaults of `K8sCloudRunServiceArgs` (k8s.ts). */
export const K8S_SERVICE_DEFAULTS = {
  port: 8080,
  cpu: "1",
  cpuRequest: "250m",
  memory: "512Mi",
  minInstances: 1,
  maxInstances: 3,
  concurrency: 80,
  timeoutSeconds: 300,
  targetCpuUtilization: 70,
  healthPath: "/health",
  readinessPath: "/ready",
  ingressNamespace: "ingress-nginx",
  monitoringNamespace: "monitoring",
} as const;

/**
 * The container env: plain values, then the linked components' env, then their Secret references.
 * A name set twice is an error (a link never silently overrides config).
 */
export function envOf(
  name: string,
  plain: Readonly<Record<string, string>>,
  links: readonly Link[],
): k8s.types.input.core.v1.EnvVar[] {
  const out: k8s.types.input.core.v1.EnvVar[] = [];
  const seen = new Set<string>();
  const add = (k: string, entry: Omit<k8s.types.input.core.v1.EnvVar, "name">) => {
    if (seen.has(k))
      throw new PlatformError(
        `CloudRunService '${name}': env ${k} is set twice (config and a link, or two links)`,
      );
    seen.add(k);
    out.push({ name: k, ...entry });
  };
  for (const [k, v] of Object.entries(plain)) add(k, { value: v });
  for (const l of links) for (const [k, v] of Object.entries(l.env ?? {})) add(k, { value: v });
  for (const l of links)
    for (const [k, r] of Object.entries(l.secretKeyRefs ?? {}))
      add(k, { valueFrom: { secretKeyRef: { name: r.name, key: r.key } } });
  return out;
}

/**
 * Applies defaults and validates (pure).
 *
 * @example
 * ```ts
 * normalizeK8sService("api", { ctx, namespace, image: "ghcr.io/acme/api:1.0.0", minInstances: 0 }).mode; // "knative"
 * ```
 */
export function normalizeK8sService(
  name: string,
  a: Omit<K8sCloudRunServiceArgs, "transform" | "link">,
): K8sServiceSpec {
  const d = K8S_SERVICE_DEFAULTS;
  const minInstances = a.minInstances ?? d.minInstances;
  const spec: K8sServiceSpec = {
    mode: serviceMode(minInstances),
    image: a.image,
    port: a.port ?? d.port,
    cpuLimit: a.cpu ?? d.cpu,
    cpuRequest: a.cpuRequest ?? d.cpuRequest,
    memory: a.memory ?? d.memory,
    minInstances,
    maxInstances: a.maxInstances ?? d.maxInstances,
    concurrency: a.concurrency ?? d.concurrency,
    timeoutSeconds: a.timeoutSeconds ?? d.timeoutSeconds,
    healthPath: a.healthPath ?? d.healthPath,
    readinessPath: a.readinessPath ?? d.readinessPath,
    targetCpuUtilization: a.targetCpuUtilization ?? d.targetCpuUtilization,
    ...(a.canary ? { canary: a.canary } : {}),
  };
  assertK8sService(name, spec);
  return spec;
}
