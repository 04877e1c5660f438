import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import {
  backupFailureFilter,
  BURN_RATE_ALERTS,
  burnRateAlerts,
  burnRateFilter,
  CIS_LOG_METRICS,
  cisAlert,
  dashboardJson,
  dashboardUrl,
  databaseId,
  DEFAULTS,
  logMetricFilter,
  normalizeObservability,
  percent,
  redisInstanceId,
  runbook,
  uptimeTarget,
  validateHealthPath,
  validateKeys,
  validateRegions,
  validateServiceUrl,
  validateTargets,
} from "../../components/observability-stack";

// Golden copies of the CIS GCP Foundations v2 filters (elastic/cloudbeat cis_gcp rules 2.4, 2.5,
// 2.6, 2.11), kept here on purpose: the implementation must match them byte for byte.
const CIS_GOLDEN = {
  "project-ownership":
    '(protoPayload.serviceName="cloudresourcemanager.googleapis.com")\n' +
    "AND (ProjectOwnership OR projectOwnerInvitee)\n" +
    'OR (protoPayload.serviceData.policyDelta.bindingDeltas.action="REMOVE"\n' +
    'AND protoPayload.serviceData.policyDelta.bindingDeltas.role="roles/owner")\n' +
    'OR (protoPayload.serviceData.policyDelta.bindingDeltas.action="ADD"\n' +
    'AND protoPayload.serviceData.policyDelta.bindingDeltas.role="roles/owner")',
  "audit-config":
    'protoPayload.methodName="SetIamPolicy" AND protoPayload.serviceData.policyDelta.auditConfigDeltas:*',
  "custom-role":
    'resource.type="iam_role"\n' +
    ' AND (protoPayload.methodName = "google.iam.admin.v1.CreateRole" OR\n' +
    ' protoPayload.methodName="google.iam.admin.v1.DeleteRole" OR\n' +
    ' protoPayload.methodName="google.iam.admin.v1.UpdateRole")',
  "sql-instance-config": 'protoPayload.methodName="cloudsql.instances.update"',
} as const;

describe("CIS 2.x log metrics", () => {
  it.each(Object.entries(CIS_GOLDEN))("%s filter is the benchmark's, exactly", (key, golden) => {
    expect(CIS_LOG_METRICS[key as keyof typeof CIS_LOG_METRICS].filter).toBe(golden);
  });

  it("covers CIS 2.4, 2.5, 2.6 and 2.11", () => {
    expect(Object.values(CIS_LOG_METRICS).map((m) => m.cis)).toEqual(["2.4", "2.5", "2.6", "2.11"]);
  });

  it('alert condition filter is exactly metric.type="logging.googleapis.com/user/<metric>"', async () => {
    expect(logMetricFilter("shop-prod-cis-audit-config")).toBe(
      'metric.type="logging.googleapis.com/user/shop-prod-cis-audit-config"',
    );
    const a = cisAlert("shop prod", "custom-role", "m");
    expect(a.documentation).toContain("### What to check first");
    expect(a.conditions[0]!.conditionThreshold).toMatchObject({
      comparison: "COMPARISON_GT",
      thresholdValue: 0,
      duration: "0s",
    });
  });
});

describe("SLO burn rates (SRE workbook, 30-day budget)", () => {
  it("fast: 1 h & 5 min at 14.4×; slow: 6 h & 30 min at 6×", () => {
    expect(
      BURN_RATE_ALERTS.map((b) => [b.key, b.longWindowSeconds, b.shortWindowSeconds, b.burnRate]),
    ).toEqual([
      ["fast", 3600, 300, 14.4],
      ["slow", 21600, 1800, 6],
    ]);
  });

  it("the rates spend 2 % of the budget in 1 h and 5 % in 6 h of a 30-day window", () => {
    const hours = 30 * 24;
    const [fast, slow] = BURN_RATE_ALERTS;
    expect((fast.burnRate * (fast.longWindowSeconds / 3600)) / hours).toBeCloseTo(0.02, 6);
    expect((slow.burnRate * (slow.longWindowSeconds / 3600)) / hours).toBeCloseTo(0.05, 6);
    // The short window is 1/12 of the long one.
    for (const b of BURN_RATE_ALERTS) expect(b.longWindowSeconds / b.shortWindowSeconds).toBe(12);
  });

  it("select_slo_burn_rate filter", () => {
    expect(burnRateFilter("projects/p/services/s/serviceLevelObjectives/availability", 3600)).toBe(
      'select_slo_burn_rate("projects/p/services/s/serviceLevelObjectives/availability", "3600s")',
    );
  });

  it("one AND policy per pair, documented", () => {
    const specs = burnRateAlerts(
      "shop prod",
      "api",
      "availability",
      "projects/p/services/s/serviceLevelObjectives/availability",
      0.999,
    );
    expect(specs.map((s) => [s.role.join("-"), s.combiner, s.conditions.length, s.severity])).toEqual([
      ["api-slo-availability-burn-fast", "AND", 2, "CRITICAL"],
      ["api-slo-availability-burn-slow", "AND", 2, "ERROR"],
    ]);
    expect(specs[0]!.documentation).toContain("goal 99.9%");
  });
});

describe("filters and helpers", () => {
  it("backup failure filter targets the instance's automated and on-demand backups", () => {
    expect(backupFailureFilter("acme", "acme:db")).toBe(
      [
        'resource.type="cloudsql_database"',
        'AND resource.labels.database_id="acme:db"',
        'AND ((logName="projects/acme/logs/cloudaudit.googleapis.com%2Fsystem_event"',
        '  AND protoPayload.methodName="cloudsql.instances.automatedBackup"',
        '  AND (protoPayload.metadata.windowStatus="STATUS_FAILED" OR severity>=ERROR))',
        ' OR (protoPayload.methodName="cloudsql.backupRuns.create" AND protoPayload.status.code>0))',
      ].join("\n"),
    );
  });

  it.each([
    ["acme", "db", "acme:db"],
    ["acme", "other:db", "other:db"],
  ])("databaseId(%s, %s) = %s", (p, i, id) => expect(databaseId(p, i)).toBe(id));

  it.each([
    ["c", "projects/acme/locations/europe-west1/instances/c"],
    ["projects/x/locations/y/instances/z", "projects/x/locations/y/instances/z"],
  ])("redisInstanceId(%s) = %s", (i, id) => expect(redisInstanceId("acme", "europe-west1", i)).toBe(id));

  it.each([
    ["https://api-abc-ew.a.run.app", "/health", { host: "api-abc-ew.a.run.app", path: "/health" }],
    ["https://acme.com/shop/", "/health", { host: "acme.com", path: "/shop/health" }],
    ["https://acme.com:8443", "/ready", { host: "acme.com:8443", path: "/ready" }],
  ])("uptimeTarget(%s, %s)", (url, path, target) => expect(uptimeTarget(url, path)).toEqual(target));

  it("uptimeTarget refuses plain HTTP", () => {
    expect(() => uptimeTarget("http://acme.com", "/health")).toThrow("must be an https:// URL");
  });

  it.each([
    [0.02, "2%"],
    [0.999, "99.9%"],
    [0.99999, "99.999%"],
  ])("percent(%s) = %s", (f, s) => expect(percent(f)).toBe(s));

  it("runbook: numbered checks under a fixed heading", () => {
    expect(runbook("T", "S", ["a", "b"])).toBe("## T\n\nS\n\n### What to check first\n\n1. a\n2. b");
  });

  it("dashboardUrl from the id", () => {
    expect(dashboardUrl("projects/123/dashboards/abc-def", "acme")).toBe(
      "https://console.cloud.google.com/monitoring/dashboards/builder/abc-def?project=acme",
    );
  });
});

describe("dashboardJson", () => {
  const base = { displayName: "shop prod platform", labels: { env: "prod" }, targets: DEFAULTS.targets };

  it("groups tiles per component, two charts per row, groups cover their charts", () => {
    const json = JSON.parse(
      dashboardJson({
        ...base,
        services: [{ key: "api", serviceName: "shop-api", checkId: "chk" }],
        databases: [{ key: "db", databaseId: "acme:db", hasReplicas: true }],
        caches: [{ key: "cache", instanceId: "projects/a/locations/b/instances/c" }],
      }),
    );
    const tiles = json.mosaicLayout.tiles as any[];
    const groups = tiles.filter((t) => t.widget.collapsibleGroup);
    expect(groups.map((g) => [g.widget.title, g.yPos, g.height])).toEqual([
      ["Cloud Run", 0, 32],
      ["Cloud SQL", 32, 32],
      ["Memorystore", 64, 16],
    ]);
    const charts = tiles.filter((t) => t.widget.xyChart);
    expect(charts).toHaveLength(3 + 4 + 1);
    for (const c of charts) {
      expect(c.xPos + c.width).toBeLessThanOrEqual(48);
      const group = groups.find((g) => c.yPos >= g.yPos && c.yPos + c.height <= g.yPos + g.height);
      expect(group, c.widget.title).toBeDefined();
    }
    const p95 = charts.find((c) => c.widget.title === "api: p95 latency (ms)");
    expect(p95.widget.xyChart.thresholds).toEqual([
      { value: DEFAULTS.targets.latencyP95Ms, targetAxis: "Y1" },
    ]);
  });

  it("omits empty groups", () => {
    const json = JSON.parse(
      dashboardJson({ ...base, services: [], databases: [], caches: [{ key: "c", instanceId: "i" }] }),
    );
    expect(
      json.mosaicLayout.tiles.filter((t: any) => t.widget.collapsibleGroup).map((t: any) => t.widget.title),
    ).toEqual(["Memorystore"]);
  });
});

describe("validators", () => {
  it.each([
    ["latencyP95Ms", 0, "targets.latencyP95Ms must be an integer 1–60000 (ms), got 0"],
    ["latencyP95Ms", 2.5, "targets.latencyP95Ms must be an integer 1–60000 (ms), got 2.5"],
    ["availabilityTarget", 1, "targets.availabilityTarget must be 0.9–0.99999, got 1"],
    ["availabilityTarget", 0.5, "targets.availabilityTarget must be 0.9–0.99999, got 0.5"],
    ["errorRateThreshold", 0, "targets.errorRateThreshold must be > 0 and < 1, got 0"],
    ["errorRateThreshold", 1, "targets.errorRateThreshold must be > 0 and < 1, got 1"],
    ["latencyGoal", 0.4, "targets.latencyGoal must be 0.5–0.99999, got 0.4"],
    ["sqlCpu", 1.5, "targets.sqlCpu must be > 0 and ≤ 1, got 1.5"],
    ["redisMemory", 0, "targets.redisMemory must be > 0 and ≤ 1, got 0"],
    ["replicaLagSeconds", 0, "targets.replicaLagSeconds must be an integer 1–86400 (seconds), got 0"],
  ])("targets.%s = %s", (field, value, message) => {
    expect(validateTargets({ ...DEFAULTS.targets, [field]: value })).toEqual([message]);
  });

  it("defaults are valid", () => expect(validateTargets(DEFAULTS.targets)).toEqual([]));

  it.each([
    ["/health", true],
    ["/api/v1/status", true],
    ["/healthz", false],
    ["health", false],
    ["/", true],
    ["/a b", false],
  ])("healthPath %s valid=%s", (p, ok) => expect(validateHealthPath("healthPath", p).length === 0).toBe(ok));

  it.each([
    ["https://api.acme.com", true],
    ["https://api.acme.com/base", true],
    ["http://api.acme.com", false],
    ["https://api.acme.com/?x=1", false],
    ["api.acme.com", false],
  ])("service url %s valid=%s", (u, ok) => expect(validateServiceUrl("url", u).length === 0).toBe(ok));

  it.each([
    [["USA", "EUROPE", "ASIA_PACIFIC"], []],
    [["EUROPE"], ["uptime.regions must list at least 3 regions, got 1"]],
    [["EUROPE", "EUROPE", "USA"], ['uptime.regions must not repeat a region, got ["EUROPE","EUROPE","USA"]']],
    [
      ["MARS", "EUROPE", "USA"],
      [
        'uptime.regions: unknown region "MARS"; allowed: USA, EUROPE, SOUTH_AMERICA, ASIA_PACIFIC, USA_OREGON, USA_IOWA, USA_VIRGINIA',
      ],
    ],
  ])("regions %j", (regions, problems) =>
    expect(validateRegions("uptime.regions", regions)).toEqual(problems),
  );

  it("keys: shape and uniqueness", () => {
    expect(validateKeys("services", [{ name: "api" }, { name: "api" }, { name: "Web" }])).toEqual([
      'services: name "api" is used twice',
      "services[2].name must be lowercase letters, digits or '-' (≤ 20, starting with a letter), got \"Web\"",
    ]);
  });

  it("normalizeObservability applies defaults and lists every problem", () => {
    const s = normalizeObservability("obs", {
      services: [{ name: "api", url: "https://a.io", serviceName: "a" }],
    });
    expect(s).toMatchObject({
      targets: DEFAULTS.targets,
      uptime: { periodSeconds: 60, timeoutSeconds: 10, regions: ["USA", "EUROPE", "ASIA_PACIFIC"] },
      slo: { enabled: true, rollingPeriodDays: 30 },
      dashboard: true,
      audit: { cisAlerts: true, dataAccessLogs: true },
    });
    expect(s.services[0]!.healthPath).toBe("/health");
    expect(() =>
      normalizeObservability("obs", {
        notifyEmails: ["nope"],
        uptime: { periodSeconds: 30 as never, timeoutSeconds: 0 },
        slo: { rollingPeriodDays: 31 },
        targets: { availabilityTarget: 2 },
      }),
    ).toThrow(
      "ObservabilityStack 'obs': notifyEmails[0] must be an email address, got \"nope\"; targets.availabilityTarget must be 0.9–0.99999, got 2; " +
        "uptime.periodSeconds must be one of 60 | 300 | 600 | 900, got 30; uptime.timeoutSeconds must be 1–60, got 0; " +
        "slo.rollingPeriodDays must be 1–30, got 31",
    );
  });
});
