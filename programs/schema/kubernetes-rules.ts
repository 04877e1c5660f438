import type { Profile } from "../../components/shared/profiles";
import type { KubernetesSettings } from "./kubernetes";

/**
 * The Kubernetes profile rules: neutral fields a cluster refuses (with what to use instead) and the
 * invariants (`kubernetes: …`, `prod (kubernetes) …`) programs/config.ts applies on cloud kubernetes.
 */

type Issue = { path: string; message: string };
type Raw = Record<string, any> | undefined;

/**
 * Neutral fields that mean nothing on a cluster; written in a Kubernetes stack they are refused
 * with what to use instead.
 */
export const K8S_REFUSED_FIELDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  kms: {
    protectionLevel:
      "a cluster has no HSM keys; set kubernetes.keysFrom: gcp to compose Cloud KMS (HSM) keys",
    uniqueRingName: "a cluster has no key ring (cert-manager issues the certificates)",
  },
  database: {
    tier: "use kubernetes.database.cpu and kubernetes.database.memory",
    diskType: "the PVCs use kubernetes.storageClass (or the cluster's default StorageClass)",
    maintenanceWindow:
      "CloudNativePG updates instances in a rolling fashion (switchover last); there is no window",
    "backups.location": "use kubernetes.backups (the object store bucket)",
    "backups.transactionLogRetentionDays":
      "the object store keeps WAL for the whole backups.retainedBackups period",
  },
  cache: {
    version: "use kubernetes.cache.image (an official valkey image)",
    readReplicas:
      "tier STANDARD_HA runs a primary, two replicas and Sentinel; there are no extra read replicas",
  },
  service: {
    ingress: "the ingress controller in kubernetes.ingressNamespace is the only ingress source",
    invokers: "IAM invokers are a Cloud Run concept; restrict callers with the ingress controller",
    secrets: "reference in-cluster Secrets through links; Secret Manager ids do not apply",
    deletionProtection: "Kubernetes has no deletion protection for a Deployment",
  },
  budget: {
    billingAccount: "the cluster has no billing account; the budget sizes the namespace's ResourceQuota",
    pubsubTopic: "alerts go through Alertmanager (platform:observability.notifyEmails)",
    forecastThresholds: "Prometheus alerts on quota use, not on a spend forecast; use thresholds",
    notifyEmails: "budget alerts go through Alertmanager to platform:observability.notifyEmails",
  },
};

/** What the Kubernetes invariants read from the neutral resolved sections. */
export interface K8sNeutralView {
  readonly raw: Readonly<Record<string, Raw>>;
  readonly database: {
    readonly highAvailability: boolean;
    readonly deletionProtection: boolean;
    readonly backups: {
      readonly enabled: boolean;
      readonly pointInTimeRecovery: boolean;
      readonly retainedBackups: number;
    };
  };
  readonly cache: { readonly tier: string; readonly protect: boolean };
  readonly service: {
    readonly image: string;
    readonly minInstances: number;
    readonly allowScaleToZero: boolean;
    readonly canary?: unknown;
  };
  readonly kms: { readonly rotationDays: number; readonly signingKey: boolean; readonly protect: boolean };
  readonly budget: {
    readonly enabled: boolean;
    readonly amount?: number;
    readonly currency: string;
    readonly thresholds: readonly number[];
  };
  readonly observability: { readonly notifyEmails: readonly string[] };
}

/**
 * The Kubernetes rules and the prod profile as it applies to a cluster. Every message that starts
 * with "kubernetes:" or "prod (kubernetes)" names the cloud rule.
 *
 * @example
 * ```ts
 * kubernetesInvariants(k8s, view, "prod"); // [{ path: "platform:kubernetes.secretsEncryptedAtRest", message: "prod (kubernetes) requires …" }]
 * ```
 */
export function kubernetesInvariants(k: KubernetesSettings, v: K8sNeutralView, profile: Profile): Issue[] {
  const out: Issue[] = [];
  const push = (path: string, message: string) => out.push({ path, message });
  const prod = profile === "prod";
  const rawCache = v.raw["cache"]?.mode;
  if (rawCache === "memorystore" || rawCache === "elasticache")
    push(
      "platform:cache.mode",
      `kubernetes: use "valkey" (a StatefulSet in the namespace) or "memory", got "${rawCache}"`,
    );
  const db = v.database;
  const rawBackups = v.raw["kubernetes"]?.backups;
  if (rawBackups !== undefined && (rawBackups.provider === undefined || rawBackups.bucket === undefined))
    push("platform:kubernetes.backups", "kubernetes: needs both provider and bucket");
  else if (db.backups.enabled && k.backups === undefined)
    push(
      "platform:kubernetes.backups",
      "kubernetes: is required with database backups: { provider: s3 | gcs, bucket } (the Barman Cloud plugin archives WAL and base backups there)",
    );
  if (!db.backups.enabled && k.database.recoveryTargetTime !== undefined)
    push(
      "platform:kubernetes.database.recoveryTargetTime",
      "kubernetes: point-in-time recovery reads the object store; turn platform:database.backups.enabled on",
    );
  if (v.raw["kubernetes"]?.database?.restoreTest === true && !db.backups.enabled)
    push(
      "platform:kubernetes.database.restoreTest",
      "kubernetes: a restore test needs backups; turn platform:database.backups.enabled on",
    );
  if (v.raw["observability"]?.auditAlerts === true)
    push(
      "platform:observability.auditAlerts",
      "kubernetes: API-server audit logs are a cluster setting (EKS control-plane logging, GKE Cloud Audit Logs); remove auditAlerts",
    );
  if (v.service.canary !== undefined && v.service.minInstances > 0)
    push(
      "platform:service.canary",
      "kubernetes: a traffic-split canary needs Knative (minInstances: 0); a Deployment rolls out instead",
    );
  if (
    /:latest$/.test(v.service.image) ||
    !/(:[\w.-]+|@sha256:[a-f0-9]{64})$/.test(v.service.image.replace(/^[^/]*\//, ""))
  )
    push(
      "platform:service.image",
      `kubernetes: needs a fixed tag or digest (CKV_K8S_14), got "${v.service.image}"`,
    );
  if (v.kms.rotationDays > 90)
    push(
      "platform:kms.rotationDays",
      `kubernetes: certificates rotate at most every 90 days, got ${v.kms.rotationDays}`,
    );
  if (v.kms.signingKey && k.keysFrom === "none")
    push(
      "platform:kms.signingKey",
      "kubernetes: a cluster has no signing keys; set kubernetes.keysFrom: gcp (Cloud KMS Ed25519) or aws (KMS ECC_NIST_EDWARDS25519), or remove signingKey",
    );
  if (v.budget.enabled && v.budget.currency !== "USD")
    push("platform:budget.currency", `kubernetes: the rates are in USD, got "${v.budget.currency}"`);
  if (v.budget.enabled && v.budget.amount === undefined)
    push("platform:budget.amount", "kubernetes: is required (the ResourceQuota is sized from it)");
  if (prod) {
    if (!db.highAvailability)
      push(
        "platform:database.highAvailability",
        "prod (kubernetes) requires 3 instances with synchronous replication, got false",
      );
    if (!db.backups.enabled)
      push(
        "platform:database.backups.enabled",
        "prod (kubernetes) requires backups (WAL archiving to the object store), got false",
      );
    if (!db.backups.pointInTimeRecovery)
      push(
        "platform:database.backups.pointInTimeRecovery",
        "prod (kubernetes) requires point-in-time recovery, got false",
      );
    if (!db.deletionProtection)
      push(
        "platform:database.deletionProtection",
        "prod (kubernetes) requires deletion protection (Pulumi protect on the Cluster), got false",
      );
    if (!k.database.restoreTest)
      push(
        "platform:kubernetes.database.restoreTest",
        "prod (kubernetes) requires the periodic restore test, got false",
      );
    if (k.cache.mode !== "valkey")
      push(
        "platform:cache.mode",
        `prod (kubernetes) requires "valkey" (an in-process cache is per pod and lost on restart), got "${k.cache.mode}"`,
      );
    else if (v.cache.tier !== "STANDARD_HA")
      push(
        "platform:cache.tier",
        `prod (kubernetes) requires "STANDARD_HA" (replicas with Sentinel failover), got "${v.cache.tier}"`,
      );
    if (!v.cache.protect)
      push("platform:cache.protect", "prod (kubernetes) refuses protect=false on the cache, got false");
    if (!v.kms.protect)
      push("platform:kms.protect", "prod (kubernetes) refuses protect=false on the CA, got false");
    if (!k.secretsEncryptedAtRest)
      push(
        "platform:kubernetes.secretsEncryptedAtRest",
        "prod (kubernetes) requires a cluster that encrypts Secrets at rest with a cloud KMS key (EKS encryptionConfig, GKE application-layer secrets encryption); set true once it does, got false",
      );
    if (v.service.minInstances === 0 && !v.service.allowScaleToZero)
      push(
        "platform:service.minInstances",
        "prod (kubernetes) requires at least 2 pods, got 0 (set allowScaleToZero: true for Knative scale to zero)",
      );
    else if (v.service.minInstances === 1)
      push(
        "platform:service.minInstances",
        "prod (kubernetes) requires at least 2 pods (a PodDisruptionBudget with one pod blocks node drains), got 1",
      );
    if (v.observability.notifyEmails.length === 0)
      push(
        "platform:observability.notifyEmails",
        "prod (kubernetes) requires at least one alert recipient (an email address), got none",
      );
  }
  return out;
}
