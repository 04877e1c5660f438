import { z } from "zod";
import { DEFAULT_KUBERNETES_RATES, type KubernetesRates } from "../../components/shared/kubernetes-rates";
import { physicalName } from "../../components/shared/naming";
import type { Profile } from "../../components/shared/profiles";
import {
  ClusterFlavour,
  isK8sCpu,
  isK8sMemory,
  isSixFieldCron,
  K8S_NAME,
  KeysFrom,
  ObjectStoreProvider,
  VALKEY_IMAGE,
} from "../../components/shared/kubernetes";
import { bool, got, intRange, numRange, oneOf, pattern, section } from "./fields";

/**
 * `platform:kubernetes`: where and how a stack with `platform:environment.cloud: kubernetes` runs
 * (the cluster, the namespace, the operators' conventions, the object store for backups, the rates
 * quotas are sized with). The neutral sections (`platform:database`, `platform:cache`, …) keep
 * their meaning; this object holds what only a cluster has.
 */

const k8sName = (what: string) =>
  pattern(
    K8S_NAME,
    `a Kubernetes ${what} name (lowercase letters, digits, '-', ≤ 63, starting with a letter)`,
  );
const cpu = () =>
  z
    .string({ error: (i) => `must be a CPU quantity such as "250m" or "1", got ${got(i.input)}` })
    .refine(isK8sCpu, { error: (i) => `must be a CPU quantity such as "250m" or "1", got ${got(i.input)}` });
const memory = () =>
  z
    .string({ error: (i) => `must be a memory quantity such as "256Mi" or "1Gi", got ${got(i.input)}` })
    .refine(isK8sMemory, {
      error: (i) => `must be a memory quantity such as "256Mi" or "1Gi", got ${got(i.input)}`,
    });
const rate = () => numRange(0, 1000, { exclusiveMin: true });

/** `platform:kubernetes.backups`: the object store the Barman Cloud plugin archives WAL and base backups to. */
export const k8sBackupsSchema = section({
  /** s3 | gcs. */
  provider: oneOf(Object.values(ObjectStoreProvider) as ["s3", "gcs"]),
  /** Bucket name (3–63 lowercase letters, digits, '.', '-'). */
  bucket: pattern(
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
    "a bucket name (3–63 lowercase letters, digits, '.', '-')",
  ),
  /** Prefix inside the bucket. @default "<app>/<env>" */
  path: pattern(/^[A-Za-z0-9._/-]{1,200}$/, "a path such as shop/k8s-prod"),
  /** Secret in the namespace holding the object store credentials (s3: ACCESS_KEY_ID / ACCESS_SECRET_KEY; gcs: credentials.json). Omit on EKS with IRSA / GKE Workload Identity. */
  credentialsSecret: k8sName("Secret"),
  /** S3 region. */
  region: pattern(/^[a-z]{2}(-[a-z]+)+-\d$/, "an S3 region such as us-east-1"),
  /** S3-compatible endpoint (MinIO, R2, …). */
  endpointUrl: pattern(/^https:\/\/[A-Za-z0-9.-]+(:\d+)?(\/.*)?$/, "an https:// URL"),
}).partial();

/** `platform:kubernetes` (cloud kubernetes only). */
export const kubernetesSchema = section({
  /** kubeconfig context the provider uses. @default the kubeconfig's current context */
  context: pattern(/^[A-Za-z0-9_.:@/-]{1,253}$/, "a kubeconfig context name"),
  /** Path to a kubeconfig file. @default $KUBECONFIG or ~/.kube/config */
  kubeconfigPath: pattern(/^[^\0\n]{1,1024}$/, "a file path"),
  /** The environment's namespace. @default "<app>-<env>" */
  namespace: k8sName("namespace"),
  /** Namespace of the ingress controller (the only ingress source of the services). @default "ingress-nginx" */
  ingressNamespace: k8sName("namespace"),
  /** StorageClass of every PVC. @default the cluster's default StorageClass */
  storageClass: k8sName("StorageClass"),
  /** eks | gke | other: which secrets-encryption statement applies. @default other */
  cluster: oneOf(Object.values(ClusterFlavour) as ["eks", "gke", "other"]),
  /** The cluster encrypts Secrets at rest with a cloud KMS key (EKS encryptionConfig / GKE application-layer secrets encryption). @default false (prod refuses false) */
  secretsEncryptedAtRest: bool(),
  /** gcp | aws | none: where app encryption/signing keys come from. @default none */
  keysFrom: oneOf(Object.values(KeysFrom) as ["gcp", "aws", "none"]),
  /** Rates quotas are sized and workloads priced with (USD). @default GKE Autopilot us-central1 list prices */
  rates: section({ vcpuHour: rate(), gibHour: rate(), storageGbMonth: rate() }).partial(),
  /** Object store for backups (required when platform:database.backups.enabled). */
  backups: k8sBackupsSchema,
  /** kube-prometheus-stack conventions. */
  prometheus: section({
    /** The Helm release name Prometheus selects on (`release: <name>`). @default "kube-prometheus-stack" */
    release: k8sName("Helm release"),
    /** Namespace of Prometheus and the blackbox exporter. @default "monitoring" */
    namespace: k8sName("namespace"),
  }).partial(),
  /** PostgreSQL pods and restore tests. */
  database: section({
    /** CPU request of each instance. @default "250m" (dev), "1" (prod) */
    cpu: cpu(),
    /** Memory request = limit of each instance. @default "512Mi" (dev), "2Gi" (prod) */
    memory: memory(),
    /** Periodic restore test (throw-away recovery cluster + check). @default true when backups are on */
    restoreTest: bool(),
    /** Six-field cron (seconds first) of the restore test. @default "0 0 5 * * 0" (Sundays 05:00) */
    restoreTestSchedule: z
      .string({ error: (i) => `must be a six-field cron such as "0 0 5 * * 0", got ${got(i.input)}` })
      .refine(isSixFieldCron, {
        error: (i) => `must be a six-field cron (seconds first) such as "0 0 5 * * 0", got ${got(i.input)}`,
      }),
    /** PITR: bootstrap a NEW cluster from the object store at this RFC 3339 time. */
    recoveryTargetTime: pattern(
      /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/,
      "an RFC 3339 time such as 2026-11-30T08:00:00Z",
    ),
  }).partial(),
  /** Valkey pods. */
  cache: section({
    /** Official Valkey image. @default valkey/valkey:8.1-alpine */
    image: pattern(/^[a-z0-9./-]+(:[\w.-]{1,128}|@sha256:[a-f0-9]{64})$/, "an image with a tag or digest"),
    /** CPU request per pod. @default "100m" */
    cpu: cpu(),
  }).partial(),
  /** The service's pods. */
  service: section({
    /** Container port. @default 8080 */
    port: intRange(1024, 65535),
    /** CPU request (the limit is platform:service.cpu). @default "250m" (dev), "500m" (prod) */
    cpuRequest: cpu(),
    /** HPA target CPU utilisation, percent. @default 70 */
    targetCpuUtilization: intRange(10, 95),
  }).partial(),
}).partial();

/** Resolved `platform:kubernetes`. */
export interface KubernetesSettings {
  readonly context?: string;
  readonly kubeconfigPath?: string;
  readonly namespace: string;
  readonly ingressNamespace: string;
  readonly storageClass?: string;
  readonly cluster: ClusterFlavour;
  readonly secretsEncryptedAtRest: boolean;
  readonly keysFrom: KeysFrom;
  readonly rates: KubernetesRates;
  readonly backups?: {
    readonly provider: ObjectStoreProvider;
    readonly bucket: string;
    readonly path: string;
    readonly credentialsSecret?: string;
    readonly region?: string;
    readonly endpointUrl?: string;
  };
  readonly prometheus: { readonly release: string; readonly namespace: string };
  readonly database: {
    readonly cpu: string;
    readonly memory: string;
    readonly restoreTest: boolean;
    readonly restoreTestSchedule: string;
    readonly recoveryTargetTime?: string;
  };
  readonly cache: { readonly mode: "memory" | "valkey"; readonly image: string; readonly cpu: string };
  readonly service: {
    readonly port: number;
    readonly cpuRequest: string;
    readonly targetCpuUtilization: number;
  };
  /** `platform:budget` is set: the namespace gets a ResourceQuota, a LimitRange and spend alerts. */
  readonly budgetEnabled: boolean;
}

type Raw = Record<string, any> | undefined;

/**
 * Fills in `platform:kubernetes` from the raw sections and the profile.
 *
 * @example
 * ```ts
 * resolveKubernetes({ kubernetes: {} }, "dev", "shop", "k8s-dev").namespace; // "shop-k8s-dev"
 * ```
 */
export function resolveKubernetes(
  raw: Readonly<Record<string, Raw>>,
  profile: Profile,
  app: string,
  env: string,
): KubernetesSettings {
  const k = raw["kubernetes"] ?? {};
  const prod = profile === "prod";
  const db = k.database ?? {};
  const b = k.backups;
  const cacheMode = raw["cache"]?.mode ?? (profile === "dev" ? "memory" : "valkey");
  const backupsOn = raw["database"]?.backups?.enabled ?? true;
  return {
    ...(k.context !== undefined ? { context: k.context } : {}),
    ...(k.kubeconfigPath !== undefined ? { kubeconfigPath: k.kubeconfigPath } : {}),
    namespace: k.namespace ?? physicalName([app, env]),
    ingressNamespace: k.ingressNamespace ?? "ingress-nginx",
    ...(k.storageClass !== undefined ? { storageClass: k.storageClass } : {}),
    cluster: k.cluster ?? ClusterFlavour.other,
    secretsEncryptedAtRest: k.secretsEncryptedAtRest ?? false,
    keysFrom: k.keysFrom ?? KeysFrom.none,
    rates: { ...DEFAULT_KUBERNETES_RATES, ...(k.rates ?? {}) },
    ...(b !== undefined && b.provider !== undefined && b.bucket !== undefined
      ? {
          backups: {
            provider: b.provider,
            bucket: b.bucket,
            path: b.path ?? `${app}/${env}`,
            ...(b.credentialsSecret !== undefined ? { credentialsSecret: b.credentialsSecret } : {}),
            ...(b.region !== undefined ? { region: b.region } : {}),
            ...(b.endpointUrl !== undefined ? { endpointUrl: b.endpointUrl } : {}),
          },
        }
      : {}),
    prometheus: {
      release: k.prometheus?.release ?? "kube-prometheus-stack",
      namespace: k.prometheus?.namespace ?? "monitoring",
    },
    database: {
      cpu: db.cpu ?? (prod ? "1" : "250m"),
      memory: db.memory ?? (prod ? "2Gi" : "512Mi"),
      restoreTest: db.restoreTest ?? backupsOn,
      restoreTestSchedule: db.restoreTestSchedule ?? "0 0 5 * * 0",
      ...(db.recoveryTargetTime !== undefined ? { recoveryTargetTime: db.recoveryTargetTime } : {}),
    },
    cache: {
      mode: cacheMode === "memory" ? "memory" : "valkey",
      image: k.cache?.image ?? VALKEY_IMAGE,
      cpu: k.cache?.cpu ?? "100m",
    },
    service: {
      port: k.service?.port ?? 8080,
      cpuRequest: k.service?.cpuRequest ?? (prod ? "500m" : "250m"),
      targetCpuUtilization: k.service?.targetCpuUtilization ?? 70,
    },
    budgetEnabled: Object.keys(raw["budget"] ?? {}).length > 0,
  };
}
