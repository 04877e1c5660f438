import * as pulumi from "@pulumi/pulumi";
import { beforeAll, beforeEach, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import {
  CIS_LOG_METRICS,
  DATA_ACCESS_SERVICES,
  DEFAULTS,
  OBSERVABILITY_STACK_TYPE,
  ObservabilityStack,
  type ObservabilityStackArgs,
} from "../../components/observability-stack";
import type { PlatformContext } from "../../components/shared/context";
import { promiseOf, setupMocks, type RecordedResource } from "../support/harness";

const T = {
  channel: "gcp:monitoring/notificationChannel:NotificationChannel",
  uptime: "gcp:monitoring/uptimeCheckConfig:UptimeCheckConfig",
  policy: "gcp:monitoring/alertPolicy:AlertPolicy",
  service: "gcp:monitoring/customService:CustomService",
  slo: "gcp:monitoring/slo:Slo",
  metric: "gcp:logging/metric:Metric",
  audit: "gcp:projects/iAMAuditConfig:IAMAuditConfig",
  dashboard: "gcp:monitoring/dashboard:Dashboard",
} as const;

const ctx: PlatformContext = {
  env: "prod",
  profile: "prod",
  app: "shop",
  project: "acme-prod",
  region: "europe-west1",
};
const PLATFORM_LABELS = { env: "prod", app: "shop", component: "observability", "managed-by": "platform" };

let rec: Awaited<ReturnType<typeof setupMocks>>;
beforeAll(async () => {
  rec = await setupMocks();
});
beforeEach(() => rec.reset());

async function build(name: string, args: Omit<ObservabilityStackArgs, "ctx">) {
  const o = new ObservabilityStack(name, { ctx, ...args });
  await promiseOf(o.dashboardUrl);
  await Promise.all(Object.values(o.alertPolicyNames).map((n) => promiseOf(n)));
  await rec.settled();
  return o;
}

const full: Omit<ObservabilityStackArgs, "ctx"> = {
  notifyEmails: ["oncall@acme.com", "sre@acme.com"],
  services: [
    {
      name: "api",
      url: pulumi.output("https://shop-prod-api-abc123-ew.a.run.app"),
      serviceName: pulumi.output("shop-prod-api"),
    },
  ],
  databases: [{ name: "db", instanceId: pulumi.output("shop-prod-db"), hasReplicas: true }],
  caches: [
    { name: "cache", instanceId: "projects/acme-prod/locations/europe-west1/instances/shop-prod-cache" },
  ],
};

const policies = (prefix: string): RecordedResource[] =>
  rec.ofType(T.policy).filter((r) => r.name.startsWith(prefix));
const policy = (name: string) => rec.find(T.policy, name);
const threshold = (r: RecordedResource, i = 0) => (r.inputs["conditions"] as any[])[i].conditionThreshold;

describe("ObservabilityStack inventory", () => {
  it("one service, one database with replicas, one cache: counts per type", async () => {
    const o = await build("obs", full);
    expect(rec.counts("obs")).toEqual({
      [OBSERVABILITY_STACK_TYPE]: 1,
      [T.channel]: 2,
      [T.uptime]: 1,
      [T.service]: 1,
      [T.slo]: 2,
      // api: 5xx, latency, uptime, 2 SLOs × (fast, slow) = 7; db: cpu, disk, memory, replica lag, backup = 5;
      // cache: memory = 1; CIS: 4.
      [T.policy]: 17,
      [T.metric]: 4,
      [T.audit]: 2,
      [T.dashboard]: 1,
    });
    expect(Object.keys(o.alertPolicyNames).sort()).toEqual(
      [
        "api-5xx",
        "api-latency",
        "api-uptime",
        "api-slo-availability-burn-fast",
        "api-slo-availability-burn-slow",
        "api-slo-latency-burn-fast",
        "api-slo-latency-burn-slow",
        "db-cpu",
        "db-disk",
        "db-memory",
        "db-replica-lag",
        "db-backup-failed",
        "cache-memory",
        "cis-project-ownership",
        "cis-audit-config",
        "cis-custom-role",
        "cis-sql-instance-config",
      ].sort(),
    );
  });

  it("every alert: documentation in Markdown, all channels, platform labels, a severity", async () => {
    await build("obs", full);
    const all = policies("obs-");
    expect(all).toHaveLength(17);
    for (const p of all) {
      const doc = p.inputs["documentation"] as { content: string; mimeType: string; subject: string };
      expect(doc.mimeType).toBe("text/markdown");
      expect(doc.content).toContain("### What to check first");
      expect(doc.content).toMatch(/\n1\. .+/);
      expect(doc.subject).toBe(p.inputs["displayName"]);
      expect(p.inputs["notificationChannels"]).toEqual([
        "projects/acme-prod/notificationChannels/obs-email-0",
        "projects/acme-prod/notificationChannels/obs-email-1",
      ]);
      expect(p.inputs["userLabels"]).toMatchObject(PLATFORM_LABELS);
      expect(["CRITICAL", "ERROR", "WARNING"]).toContain(p.inputs["severity"]);
      expect(p.inputs["project"]).toBe("acme-prod");
    }
  });

  it("labels on every labelable child", async () => {
    await build("obs", full);
    for (const type of [T.channel, T.uptime, T.service, T.slo]) {
      for (const r of rec.ofType(type))
        expect(r.inputs["userLabels"], `${type} ${r.name}`).toMatchObject(PLATFORM_LABELS);
    }
    expect(
      JSON.parse(rec.find(T.dashboard, "obs-dashboard").inputs["dashboardJson"] as string).labels,
    ).toMatchObject(PLATFORM_LABELS);
  });

  it("uptime check: HTTPS on the health path, 60 s from three regions, with its alert", async () => {
    await build("obs", full);
    const u = rec.find(T.uptime, "obs-uptime-api");
    expect(u.inputs).toMatchObject({
      monitoredResource: {
        type: "uptime_url",
        labels: { project_id: "acme-prod", host: "shop-prod-api-abc123-ew.a.run.app" },
      },
      httpCheck: {
        path: DEFAULTS.healthPath,
        port: 443,
        useSsl: true,
        validateSsl: true,
        requestMethod: "GET",
      },
      period: "60s",
      timeout: "10s",
      selectedRegions: ["USA", "EUROPE", "ASIA_PACIFIC"],
      checkerType: "STATIC_IP_CHECKERS",
    });
    expect(u.inputs["contentMatchers"]).toBeUndefined();
    const a = threshold(policy("obs-alert-api-uptime"));
    expect(a.filter).toBe(
      'metric.type="monitoring.googleapis.com/uptime_check/check_passed" AND metric.label.check_id="obs-uptime-api" AND resource.type="uptime_url"',
    );
    expect(a).toMatchObject({ comparison: "COMPARISON_GT", thresholdValue: 1, duration: "60s" });
    expect(a.aggregations[0]).toMatchObject({
      perSeriesAligner: "ALIGN_NEXT_OLDER",
      crossSeriesReducer: "REDUCE_COUNT_FALSE",
    });
  });

  it("Cloud Run: 5xx ratio by response_code_class and p95 latency above the targets", async () => {
    await build("obs", { ...full, targets: { errorRateThreshold: 0.01, latencyP95Ms: 400 } });
    const ratio = threshold(policy("obs-alert-api-5xx"));
    expect(ratio.filter).toBe(
      'metric.type="run.googleapis.com/request_count" AND resource.type="cloud_run_revision" AND resource.label.service_name="shop-prod-api" AND metric.label.response_code_class="5xx"',
    );
    expect(ratio.denominatorFilter).toBe(
      'metric.type="run.googleapis.com/request_count" AND resource.type="cloud_run_revision" AND resource.label.service_name="shop-prod-api"',
    );
    expect(ratio).toMatchObject({ comparison: "COMPARISON_GT", thresholdValue: 0.01, duration: "300s" });
    expect(ratio.aggregations).toEqual(ratio.denominatorAggregations);
    const lat = threshold(policy("obs-alert-api-latency"));
    expect(lat.filter).toContain('metric.type="run.googleapis.com/request_latencies"');
    expect(lat).toMatchObject({ thresholdValue: 400 });
    expect(lat.aggregations[0]).toMatchObject({
      perSeriesAligner: "ALIGN_DELTA",
      crossSeriesReducer: "REDUCE_PERCENTILE_95",
    });
  });

  it("Cloud SQL: utilization metrics on the instance, replica lag on its replicas, failed backups from the logs", async () => {
    await build("obs", full);
    const id = '"acme-prod:shop-prod-db"';
    expect(threshold(policy("obs-alert-db-cpu")).filter).toBe(
      `metric.type="cloudsql.googleapis.com/database/cpu/utilization" AND resource.type="cloudsql_database" AND resource.label.database_id=${id}`,
    );
    expect(threshold(policy("obs-alert-db-cpu")).thresholdValue).toBe(DEFAULTS.targets.sqlCpu);
    expect(threshold(policy("obs-alert-db-disk")).filter).toContain(
      "cloudsql.googleapis.com/database/disk/utilization",
    );
    expect(threshold(policy("obs-alert-db-memory")).filter).toContain(
      "cloudsql.googleapis.com/database/memory/utilization",
    );
    expect(threshold(policy("obs-alert-db-replica-lag")).filter).toBe(
      'metric.type="cloudsql.googleapis.com/database/replication/replica_lag" AND resource.type="cloudsql_database" AND resource.label.database_id=starts_with("acme-prod:shop-prod-db")',
    );
    const backup = policy("obs-alert-db-backup-failed");
    const cond = (backup.inputs["conditions"] as any[])[0];
    expect(cond.conditionMatchedLog.filter).toContain(
      'protoPayload.methodName="cloudsql.instances.automatedBackup"',
    );
    expect(cond.conditionMatchedLog.filter).toContain(`resource.labels.database_id=${id}`);
    expect((backup.inputs["alertStrategy"] as any).notificationRateLimit).toEqual({ period: "300s" });
  });

  it("no replicas → no replica-lag alert; no caches (memory mode) → no Redis alert", async () => {
    await build("obs", { ...full, databases: [{ name: "db", instanceId: "shop-prod-db" }], caches: [] });
    expect(policies("obs-alert-db-replica")).toHaveLength(0);
    expect(policies("obs-alert-cache")).toHaveLength(0);
    expect(rec.ofType(T.policy)).toHaveLength(15);
  });

  it("Redis: memory usage ratio on the instance; a bare name is expanded to the full id", async () => {
    await build("obs", {
      caches: [{ name: "cache", instanceId: "shop-prod-cache" }],
      audit: { cisAlerts: false, dataAccessLogs: false },
    });
    expect(threshold(policy("obs-alert-cache-memory")).filter).toBe(
      'metric.type="redis.googleapis.com/stats/memory/usage_ratio" AND resource.type="redis_instance" AND resource.label.instance_id="projects/acme-prod/locations/europe-west1/instances/shop-prod-cache"',
    );
  });

  it("SLOs: availability (good/total) and latency (distribution cut) on a Cloud Run custom service", async () => {
    const o = await build("obs", { ...full, targets: { availabilityTarget: 0.999, latencyP95Ms: 500 } });
    expect(rec.find(T.service, "obs-slo-api").inputs).toMatchObject({
      serviceId: "shop-prod-api",
      telemetry: {
        resourceName: "//run.googleapis.com/projects/acme-prod/locations/europe-west1/services/shop-prod-api",
      },
    });
    const avail = rec.find(T.slo, "obs-slo-api-availability");
    expect(avail.inputs).toMatchObject({
      service: "shop-prod-api",
      sloId: "availability",
      goal: 0.999,
      rollingPeriodDays: 30,
    });
    expect((avail.inputs["requestBasedSli"] as any).goodTotalRatio.badServiceFilter).toContain(
      'metric.label.response_code_class="5xx"',
    );
    const lat = rec.find(T.slo, "obs-slo-api-latency");
    expect(lat.inputs).toMatchObject({
      goal: DEFAULTS.targets.latencyGoal,
      requestBasedSli: { distributionCut: { range: { max: 500 } } },
    });
    expect(await promiseOf(o.sloNames["api-availability"]!)).toBe(
      "projects/acme-prod/services/shop-prod-api/serviceLevelObjectives/availability",
    );
  });

  it("burn-rate alerts: fast 1 h & 5 min at 14.4×, slow 6 h & 30 min at 6×, both windows required", async () => {
    await build("obs", full);
    const slo = "projects/acme-prod/services/shop-prod-api/serviceLevelObjectives/availability";
    const fast = policy("obs-alert-api-slo-availability-burn-fast");
    expect(fast.inputs["combiner"]).toBe("AND");
    expect((fast.inputs["conditions"] as any[]).map((c) => c.conditionThreshold)).toEqual([
      {
        filter: `select_slo_burn_rate("${slo}", "3600s")`,
        comparison: "COMPARISON_GT",
        thresholdValue: 14.4,
        duration: "0s",
      },
      {
        filter: `select_slo_burn_rate("${slo}", "300s")`,
        comparison: "COMPARISON_GT",
        thresholdValue: 14.4,
        duration: "0s",
      },
    ]);
    expect(fast.inputs["severity"]).toBe("CRITICAL");
    const slow = policy("obs-alert-api-slo-latency-burn-slow");
    expect(
      (slow.inputs["conditions"] as any[]).map((c) => [
        c.conditionThreshold.filter,
        c.conditionThreshold.thresholdValue,
      ]),
    ).toEqual([
      [
        'select_slo_burn_rate("projects/acme-prod/services/shop-prod-api/serviceLevelObjectives/latency", "21600s")',
        6,
      ],
      [
        'select_slo_burn_rate("projects/acme-prod/services/shop-prod-api/serviceLevelObjectives/latency", "1800s")',
        6,
      ],
    ]);
    // The alert waits for its SLO.
    expect(fast.dependencies).toContain(rec.find(T.slo, "obs-slo-api-availability").urn);
  });

  it("CIS 2.x log metrics carry the benchmark filters verbatim and alerts on exactly their metric type", async () => {
    await build("obs", full);
    for (const [key, cis] of Object.entries(CIS_LOG_METRICS)) {
      const m = rec.find(T.metric, `obs-cis-${key}`);
      expect(m.inputs["filter"]).toBe(cis.filter);
      expect(m.inputs["name"]).toBe(`shop-prod-cis-${key}`);
      expect(m.inputs["metricDescriptor"]).toMatchObject({ metricKind: "DELTA", valueType: "INT64" });
      const c = threshold(policy(`obs-alert-cis-${key}`));
      expect(c.filter).toBe(`metric.type="logging.googleapis.com/user/shop-prod-cis-${key}"`);
      expect(c).toMatchObject({ comparison: "COMPARISON_GT", thresholdValue: 0, duration: "0s" });
      expect(policy(`obs-alert-cis-${key}`).inputs["displayName"]).toContain(`(CIS ${cis.cis})`);
    }
  });

  it("Data Access audit logs for Cloud KMS and Cloud SQL", async () => {
    await build("obs", full);
    const audits = rec.ofType(T.audit);
    expect(audits.map((a) => a.inputs["service"])).toEqual([...DATA_ACCESS_SERVICES]);
    for (const a of audits) {
      expect(a.inputs).toMatchObject({
        project: "acme-prod",
        auditLogConfigs: [{ logType: "ADMIN_READ" }, { logType: "DATA_READ" }, { logType: "DATA_WRITE" }],
      });
    }
  });

  it("dashboard: a collapsible group per component, URL from the dashboard id", async () => {
    const o = await build("obs", full);
    const json = JSON.parse(rec.find(T.dashboard, "obs-dashboard").inputs["dashboardJson"] as string);
    const groups = json.mosaicLayout.tiles
      .filter((t: any) => t.widget.collapsibleGroup)
      .map((t: any) => t.widget.title);
    expect(groups).toEqual(["Cloud Run", "Cloud SQL", "Memorystore"]);
    expect(json.mosaicLayout.columns).toBe(48);
    expect(JSON.stringify(json)).toContain("shop-prod-api");
    expect(await promiseOf(o.dashboardUrl)).toBe(
      "https://console.cloud.google.com/monitoring/dashboards/builder/obs-dashboard-id?project=acme-prod",
    );
  });

  it("switches: no dashboard, no SLOs, no audit, uptime off for an internal service, options on the check", async () => {
    const o = await build("obs", {
      services: [
        {
          name: "api",
          url: "https://api.acme.com/shop/",
          serviceName: "shop-api",
          contentMatcher: '"ok"',
          authenticated: true,
          healthPath: "/ready",
        },
        { name: "worker", url: "https://worker.internal", serviceName: "shop-worker", uptimeCheck: false },
      ],
      dashboard: false,
      slo: { enabled: false },
      audit: { cisAlerts: false, dataAccessLogs: false },
      uptime: { periodSeconds: 300, regions: ["EUROPE", "USA_OREGON", "USA_VIRGINIA"] },
    });
    expect(rec.counts("obs")).toEqual({ [OBSERVABILITY_STACK_TYPE]: 1, [T.uptime]: 1, [T.policy]: 5 });
    expect(await promiseOf(o.dashboardUrl)).toBeUndefined();
    const u = rec.find(T.uptime, "obs-uptime-api");
    expect(u.inputs).toMatchObject({
      monitoredResource: { labels: { host: "api.acme.com" } },
      httpCheck: { path: "/shop/ready", serviceAgentAuthentication: { type: "OIDC_TOKEN" } },
      contentMatchers: [{ content: '"ok"', matcher: "CONTAINS_STRING" }],
      period: "300s",
      selectedRegions: ["EUROPE", "USA_OREGON", "USA_VIRGINIA"],
    });
    // Without channels the alerts still exist (incidents show in the console) but notify nobody.
    expect(policy("obs-alert-api-5xx").inputs["notificationChannels"]).toBeUndefined();
  });

  it("existing channels and transforms", async () => {
    await build("obs", {
      notificationChannels: ["projects/acme-prod/notificationChannels/42"],
      caches: [{ name: "cache", instanceId: "c" }],
      audit: { cisAlerts: false, dataAccessLogs: false },
      transform: { alertPolicy: (a) => void (a.enabled = false), dashboard: { project: "acme-ops" } },
    });
    const p = policy("obs-alert-cache-memory");
    expect(p.inputs["notificationChannels"]).toEqual(["projects/acme-prod/notificationChannels/42"]);
    expect(p.inputs["enabled"]).toBe(false);
    expect(rec.find(T.dashboard, "obs-dashboard").inputs["project"]).toBe("acme-ops");
  });

  it("bad arguments fail before any child is created", async () => {
    expect(
      () =>
        new ObservabilityStack("bad", {
          ctx,
          services: [{ name: "API", url: "http://x", serviceName: "x" }],
        }),
    ).toThrow(
      "ObservabilityStack 'bad': services[0].name must be lowercase letters, digits or '-' (≤ 20, starting with a letter), got \"API\"; " +
        'services[0].url must be an https:// URL without query or fragment, got "http://x"',
    );
    await rec.settled();
    expect(rec.resources.filter((r) => r.name.startsWith("bad-"))).toEqual([]);
  });
});
