import { ObservabilityStack } from "../components/observability-stack";
import type { PlatformContext } from "../components/shared";

const ctx: PlatformContext = {
  env: "prod",
  profile: "prod",
  app: "shop",
  project: "acme-shop-prod",
  region: "europe-west1",
};

// Uptime check + SLOs with multi-window burn-rate alerts per service, Cloud SQL and Redis alerts,
// a dashboard, the CIS 2.x log-metric alerts and Data Access audit logs.
export const ops = new ObservabilityStack("ops", {
  ctx,
  notifyEmails: ["platform-oncall@acme.example"],
  services: [
    {
      name: "api",
      url: "https://shop-api-abc123-ew.a.run.app",
      serviceName: "shop-prod-api",
      healthPath: "/health",
    },
  ],
  databases: [{ name: "db", instanceId: "shop-prod-db", hasReplicas: true }],
  caches: [{ name: "cache", instanceId: "shop-prod-cache" }],
  targets: { latencyP95Ms: 500, availabilityTarget: 0.999, errorRateThreshold: 0.01 },
  audit: { cisAlerts: true, dataAccessLogs: true, allServices: true },
});
export const dashboardUrl = ops.dashboardUrl;
