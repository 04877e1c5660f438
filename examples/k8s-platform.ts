import { K8sBudgetAlert } from "../components/budget-alert";
import { K8sCloudRunService } from "../components/cloud-run-service";
import { K8sKmsKeyRing } from "../components/kms-key-ring";
import { K8sNetwork } from "../components/network";
import { K8sObservabilityStack } from "../components/observability-stack";
import { K8sPostgresWithBackups } from "../components/postgres-with-backups";
import { K8sRedisCache } from "../components/redis-cache";
import type { KubernetesContext } from "../components/shared";

const ctx: KubernetesContext = {
  cloud: "kubernetes",
  env: "k8s-staging",
  profile: "staging",
  app: "shop",
  namespace: "shop-k8s-staging",
  labels: { team: "payments", "cost-center": "cc-42" },
};

// The namespace (Pod Security restricted, default deny) and a cert-manager CA with one certificate per consumer.
export const net = new K8sNetwork("net", { ctx });
const ns = net.namespace;
const svc = (s: string) => [s, `${s}.${ctx.namespace}.svc`];
export const pki = new K8sKmsKeyRing("kms", {
  ctx,
  namespace: ns,
  certificates: {
    db: { dnsNames: svc("db-rw") },
    cache: {
      dnsNames: [...svc("cache"), `*.cache-headless.${ctx.namespace}.svc.cluster.local`, "localhost"],
    },
  },
});

// CloudNativePG archiving WAL to S3 through IRSA, daily base backups kept 14 days, a weekly restore test.
export const db = new K8sPostgresWithBackups("db", {
  ctx,
  namespace: ns,
  tlsSecret: pki.certificateSecrets["db"]!,
  objectStore: { provider: "s3", bucket: "acme-shop-pg", path: "shop/k8s-staging", region: "eu-west-1" },
  retentionDays: 14,
});
export const cache = new K8sRedisCache("cache", {
  ctx,
  namespace: ns,
  tlsSecret: pki.certificateSecrets["cache"]!,
  tier: "BASIC",
});

// A Deployment + HPA (2–10 pods); DATABASE_URL and REDIS_PASSWORD arrive as secretKeyRefs, egress only to db and cache.
export const api = new K8sCloudRunService("api", {
  ctx,
  namespace: ns,
  image: "ghcr.io/acme/shop-api:1.42.0",
  minInstances: 2,
  maxInstances: 10,
  link: [db, cache],
});

export const ops = new K8sObservabilityStack("ops", {
  ctx,
  namespace: ctx.namespace,
  notifyEmails: ["oncall@acme.example"],
  services: [
    {
      name: "api",
      mode: api.mode,
      healthUrl: `http://api.${ctx.namespace}.svc.cluster.local/health`,
      podLabels: api.podLabels,
    },
  ],
  databases: [{ cluster: "db", hasStandbys: false }],
  caches: [{ name: "cache", podLabels: cache.podLabels }],
});

// 300 USD/month buys the namespace's ResourceQuota at the default rates; alerts at 50/90/100 % of projected spend.
export const budget = new K8sBudgetAlert("budget", {
  ctx,
  namespace: ctx.namespace,
  amount: 300,
  dependsOn: [net],
});
