import type { KubernetesRates } from "./kubernetes-rates";
import { labelValue, platformLabels } from "./labels";
import type { Profile } from "./profiles";

/**
 * What every Kubernetes implementation shares: the context, the label set every object carries,
 * Kubernetes quantities and the few closed sets the config and the components agree on.
 */

/** Where app encryption/signing keys come from on a cluster (it has none of its own). */
export const KeysFrom = { gcp: "gcp", aws: "aws", none: "none" } as const;
/** One of `gcp`, `aws`, `none`. */
export type KeysFrom = (typeof KeysFrom)[keyof typeof KeysFrom];

/** Managed-cluster flavour: picks the secrets-encryption-at-rest statement. */
export const ClusterFlavour = { eks: "eks", gke: "gke", other: "other" } as const;
/** One of `eks`, `gke`, `other`. */
export type ClusterFlavour = (typeof ClusterFlavour)[keyof typeof ClusterFlavour];

/** Object stores the Barman Cloud plugin writes to. */
export const ObjectStoreProvider = { s3: "s3", gcs: "gcs" } as const;
/** One of `s3`, `gcs`. */
export type ObjectStoreProvider = (typeof ObjectStoreProvider)[keyof typeof ObjectStoreProvider];

/** The official Valkey image (Bitnami's free images are frozen since 2025-08-28). */
export const VALKEY_IMAGE = "valkey/valkey:8.1.4-alpine" as const;
/** redis_exporter (oliver006), the Prometheus exporter for Redis and Valkey. */
export const REDIS_EXPORTER_IMAGE = "oliver006/redis_exporter:v1.80.0" as const;

/** A DNS-1123 label: namespaces, Secrets, most object names. */
export const K8S_NAME = /^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * What every Kubernetes component needs to know about where it runs.
 *
 * @example
 * ```ts
 * const ctx: KubernetesContext = { cloud: "kubernetes", env: "k8s-dev", profile: "dev", app: "shop", namespace: "shop-k8s-dev", release: "kube-prometheus-stack" };
 * ```
 */
export interface KubernetesContext {
  readonly cloud: "kubernetes";
  /** Environment (stack) name, e.g. `k8s-dev`. Used in names and the `env` label. */
  readonly env: string;
  readonly profile: Profile;
  /** Application name (lowercase), used in names and the `app` label. */
  readonly app: string;
  /** The environment's namespace (every namespaced object lives there). */
  readonly namespace: string;
  /** kube-prometheus-stack Helm release name: monitoring objects carry `release: <it>`. @default "kube-prometheus-stack" */
  readonly release?: string;
  /** Extra labels on every object (team, cost-center: the cost-allocation labels). @default {} */
  readonly labels?: Readonly<Record<string, string>>;
  /** Rates the namespace is priced at. @default DEFAULT_KUBERNETES_RATES */
  readonly rates?: KubernetesRates;
}

/**
 * Labels every object carries: the platform's four (`env`, `app`, `component`, `managed-by`), the
 * stack's extra labels (the cost-allocation labels OpenCost groups by: `team`, `cost-center`, …)
 * and the recommended `app.kubernetes.io/*` labels. `name` is the workload (its selector label).
 *
 * @example
 * ```ts
 * k8sLabels(ctx, "postgres", "db"); // { env, app, component: "postgres", "managed-by": "platform", "app.kubernetes.io/name": "db", … }
 * ```
 */
export function k8sLabels(
  ctx: Pick<KubernetesContext, "env" | "app" | "labels">,
  component: string,
  name: string,
  extra: Readonly<Record<string, string>> = {},
): Record<string, string> {
  return {
    ...platformLabels(ctx, component),
    ...selectorLabels(ctx, name),
    "app.kubernetes.io/component": labelValue(component),
    "app.kubernetes.io/part-of": labelValue(ctx.app),
    "app.kubernetes.io/managed-by": "platform",
    ...extra,
  };
}

/**
 * The labels a workload's pods are selected by (Service, PDB, NetworkPolicy, HPA target).
 *
 * @example
 * ```ts
 * selectorLabels(ctx, "api"); // { "app.kubernetes.io/name": "api", "app.kubernetes.io/instance": "shop-k8s-dev-api" }
 * ```
 */
export function selectorLabels(
  ctx: Pick<KubernetesContext, "env" | "app">,
  name: string,
): Record<string, string> {
  return {
    "app.kubernetes.io/name": labelValue(name),
    "app.kubernetes.io/instance": labelValue(`${ctx.app}-${ctx.env}-${name}`),
  };
}

/** Labels that make kube-prometheus-stack's Prometheus select a monitoring object (§7 of the anchors). */
export function releaseLabel(ctx: Pick<KubernetesContext, "release">): Record<string, string> {
  return { release: ctx.release ?? "kube-prometheus-stack" };
}

/**
 * CPU quantity in cores (`"250m"` → 0.25, `"2"` → 2), or undefined when it is not one.
 *
 * @example
 * ```ts
 * cpuCores("500m"); // 0.5
 * ```
 */
export function cpuCores(q: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(m?)$/.exec(q);
  if (!m) return undefined;
  const n = Number(m[1]) / (m[2] === "m" ? 1000 : 1);
  return n > 0 ? n : undefined;
}

/**
 * Memory quantity in GiB (`"512Mi"` → 0.5, `"2Gi"` → 2), or undefined when it is not one.
 *
 * @example
 * ```ts
 * memoryGib("256Mi"); // 0.25
 * ```
 */
export function memoryGib(q: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|M|G)$/.exec(q);
  if (!m) return undefined;
  const unit = { Ki: 1 / 1024 ** 2, Mi: 1 / 1024, Gi: 1, Ti: 1024, M: 1e6 / 1024 ** 3, G: 1e9 / 1024 ** 3 }[
    m[2] as "Ki"
  ];
  const n = Number(m[1]) * unit;
  return n > 0 ? n : undefined;
}

/** True for a CPU quantity such as `"250m"` or `"1"`. */
export const isK8sCpu = (q: string): boolean => cpuCores(q) !== undefined;
/** True for a memory quantity such as `"256Mi"` or `"1Gi"`. */
export const isK8sMemory = (q: string): boolean => memoryGib(q) !== undefined;

/**
 * True for a six-field cron (seconds first), the format CloudNativePG's ScheduledBackup reads
 * (robfig/cron): hourly is `"0 0 * * * *"`, not `"0 * * * *"`.
 *
 * @example
 * ```ts
 * isSixFieldCron("0 0 * * * *"); // true
 * isSixFieldCron("0 * * * *"); // false
 * ```
 */
export function isSixFieldCron(s: string): boolean {
  const f = s.trim().split(/\s+/);
  return f.length === 6 && f.every((x) => /^[\d*/,\-?A-Za-z]+$/.test(x));
}

/**
 * Formats GiB as a Kubernetes quantity (`0.5` → `"512Mi"`, `3` → `"3Gi"`).
 *
 * @example
 * ```ts
 * gibQuantity(1.5); // "1536Mi"
 * ```
 */
export function gibQuantity(gib: number): string {
  return Number.isInteger(gib) ? `${gib}Gi` : `${Math.max(1, Math.floor(gib * 1024))}Mi`;
}

/**
 * Formats cores as a Kubernetes quantity (`0.25` → `"250m"`, `2` → `"2"`).
 *
 * @example
 * ```ts
 * cpuQuantity(1.5); // "1500m"
 * ```
 */
export function cpuQuantity(cores: number): string {
  return Number.isInteger(cores) ? String(cores) : `${Math.max(1, Math.floor(cores * 1000))}m`;
}

/** The hardened container securityContext (Pod Security "restricted" + read-only root, CKV_K8S_20/22/28/37). */
export const RESTRICTED_CONTAINER = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  privileged: false,
  capabilities: { drop: ["ALL"] },
  seccompProfile: { type: "RuntimeDefault" },
} as const;

/**
 * The hardened pod securityContext: a high non-root UID/GID (kube-score and CKV_K8S_40 want > 10000)
 * and seccomp RuntimeDefault.
 *
 * @example
 * ```ts
 * restrictedPod(10001); // { runAsNonRoot: true, runAsUser: 10001, runAsGroup: 10001, fsGroup: 10001, seccompProfile: { type: "RuntimeDefault" } }
 * ```
 */
export function restrictedPod(uid = 10001) {
  return {
    runAsNonRoot: true,
    runAsUser: uid,
    runAsGroup: uid,
    fsGroup: uid,
    seccompProfile: { type: "RuntimeDefault" },
  } as const;
}

/** Egress to cluster DNS (kube-dns / CoreDNS in kube-system), UDP and TCP 53. */
export const DNS_EGRESS = {
  to: [
    {
      namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } },
      podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
    },
  ],
  ports: [
    { protocol: "UDP", port: 53 },
    { protocol: "TCP", port: 53 },
  ],
} as const;

/**
 * A mutable deep copy of a constant (the SDK's input types are not readonly).
 *
 * @example
 * ```ts
 * egress: [clone(DNS_EGRESS)];
 * ```
 */
export function clone<T>(v: T): any {
  return JSON.parse(JSON.stringify(v));
}
