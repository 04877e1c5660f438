/**
 * Pure PrometheusRule builders for the Kubernetes ObservabilityStack: service 5xx and latency
 * (from the ingress controller or Knative's queue-proxy), pods, CloudNativePG, Valkey, quota,
 * and SLO multi-window multi-burn-rate rules with the Google SRE 30-day windows (as Sloth's
 * `google-30d.yaml`), so no SLO operator is needed.
 */

/** One Prometheus rule (alerting or recording). */
export interface PromRule {
  readonly alert?: string;
  readonly record?: string;
  readonly expr: string;
  readonly for?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

/** A monitored service. */
export interface K8sServiceTarget {
  readonly name: string;
  /** deployment: metrics from the ingress controller (ingress-nginx); knative: from queue-proxy. */
  readonly mode: "deployment" | "knative";
  /** In-cluster health URL for the blackbox Probe. */
  readonly healthUrl: string;
}

/** Alert thresholds. */
export interface K8sTargets {
  readonly latencyP95Ms: number;
  readonly availabilityTarget: number;
  readonly errorRateThreshold: number;
}

/**
 * Google SRE 30-day windows: page when 2 % of the budget burns in 1 h (burn 14.4, short window
 * 5 m) or 5 % in 6 h (burn 6, 30 m); ticket when 10 % burns in 1 d (burn 3, 2 h) or in 3 d (burn 1, 6 h).
 */
export const GOOGLE_30D_WINDOWS = [
  { severity: "critical", long: "1h", short: "5m", burn: 14.4 },
  { severity: "critical", long: "6h", short: "30m", burn: 6 },
  { severity: "warning", long: "1d", short: "2h", burn: 3 },
  { severity: "warning", long: "3d", short: "6h", burn: 1 },
] as const;

/**
 * The request and error selectors of a service.
 *
 * @example
 * ```ts
 * requestMetrics("shop-k8s-dev", { name: "api", mode: "deployment", healthUrl: "" }).errors("5m");
 * ```
 */
export function requestMetrics(namespace: string, s: K8sServiceTarget) {
  if (s.mode === "knative") {
    const sel = `namespace_name="${namespace}",service_name="${s.name}"`;
    return {
      total: (w: string) => `sum(rate(revision_app_request_count{${sel}}[${w}]))`,
      errors: (w: string) => `sum(rate(revision_app_request_count{${sel},response_code_class="5xx"}[${w}]))`,
      p95Seconds: `histogram_quantile(0.95, sum by (le) (rate(revision_app_request_latencies_bucket{${sel}}[5m]))) / 1000`,
    };
  }
  const sel = `exported_namespace="${namespace}",exported_service="${s.name}"`;
  return {
    total: (w: string) => `sum(rate(nginx_ingress_controller_requests{${sel}}[${w}]))`,
    errors: (w: string) => `sum(rate(nginx_ingress_controller_requests{${sel},status=~"5.."}[${w}]))`,
    p95Seconds: `histogram_quantile(0.95, sum by (le) (rate(nginx_ingress_controller_request_duration_seconds_bucket{${sel}}[5m])))`,
  };
}

/**
 * 5xx ratio and p95 latency alerts for a service.
 *
 * @example
 * ```ts
 * serviceRules("shop-k8s-dev", api, targets).map((r) => r.alert); // ["ApiHigh5xxRatio", "ApiHighLatencyP95"]
 * ```
 */
export function serviceRules(namespace: string, s: K8sServiceTarget, t: K8sTargets): PromRule[] {
  const m = requestMetrics(namespace, s);
  const title = pascal(s.name);
  return [
    {
      alert: `${title}High5xxRatio`,
      expr: `(${m.errors("5m")}) / (${m.total("5m")}) > ${t.errorRateThreshold}`,
      for: "5m",
      labels: { severity: "critical" },
      annotations: {
        summary: `${s.name}: more than ${t.errorRateThreshold * 100} % of requests fail with 5xx`,
        description:
          "Check first: the latest rollout (kubectl rollout history), then the database and cache alerts.",
      },
    },
    {
      alert: `${title}HighLatencyP95`,
      expr: `${m.p95Seconds} > ${t.latencyP95Ms / 1000}`,
      for: "10m",
      labels: { severity: "warning" },
      annotations: {
        summary: `${s.name}: p95 latency is above ${t.latencyP95Ms} ms`,
        description: "Check first: CPU throttling of the pods and the HPA at its maximum, then slow queries.",
      },
    },
  ];
}

/**
 * Availability SLO: recording rules of the error ratio per window and the four burn-rate alerts.
 *
 * @example
 * ```ts
 * sloRules("ns", api, 0.999).filter((r) => r.alert).length; // 4
 * ```
 */
export function sloRules(namespace: string, s: K8sServiceTarget, objective: number): PromRule[] {
  const m = requestMetrics(namespace, s);
  const budget = Math.round((1 - objective) * 1e6) / 1e6;
  const windows = [...new Set(GOOGLE_30D_WINDOWS.flatMap((w) => [w.long, w.short]))];
  const record = (w: string) => `slo:sli_error:ratio_rate${w}`;
  const sel = `{slo_service="${s.name}"}`;
  const recording: PromRule[] = windows.map((w) => ({
    record: record(w),
    expr: `(${m.errors(w)}) / (${m.total(w)})`,
    labels: { slo_service: s.name, slo: "availability" },
  }));
  const alerts: PromRule[] = GOOGLE_30D_WINDOWS.map((w) => ({
    alert: `${pascal(s.name)}AvailabilityBurnRate${w.long}`,
    expr: `${record(w.long)}${sel} > (${w.burn} * ${budget}) and ${record(w.short)}${sel} > (${w.burn} * ${budget})`,
    labels: { severity: w.severity, slo: "availability", window: w.long },
    annotations: {
      summary: `${s.name}: the ${objective * 100} % availability error budget burns ${w.burn}× too fast (${w.long} and ${w.short} windows)`,
      description:
        "Check first: the 5xx ratio alert and the latest rollout; at this rate the 30-day budget is gone early.",
    },
  }));
  return [...recording, ...alerts];
}

/**
 * Pod restarts and crash loops in the namespace.
 *
 * @example
 * ```ts
 * podRules("shop-k8s-dev").map((r) => r.alert); // ["PodRestarting", "PodCrashLooping"]
 * ```
 */
export function podRules(namespace: string): PromRule[] {
  return [
    {
      alert: "PodRestarting",
      expr: `increase(kube_pod_container_status_restarts_total{namespace="${namespace}"}[15m]) > 3`,
      labels: { severity: "warning" },
      annotations: {
        summary: "{{ $labels.pod }}/{{ $labels.container }} restarted more than 3 times in 15 minutes",
        description: "Check first: kubectl logs --previous, then OOMKilled in kubectl describe pod.",
      },
    },
    {
      alert: "PodCrashLooping",
      expr: `max_over_time(kube_pod_container_status_waiting_reason{namespace="${namespace}",reason="CrashLoopBackOff"}[5m]) >= 1`,
      for: "5m",
      labels: { severity: "critical" },
      annotations: {
        summary: "{{ $labels.pod }}/{{ $labels.container }} is in CrashLoopBackOff",
        description: "Check first: kubectl logs --previous and the last config change.",
      },
    },
  ];
}

/**
 * CloudNativePG: replication lag, WAL archiving failures and age, failed or missing backups, a failed restore test.
 *
 * @example
 * ```ts
 * postgresRules("ns", "db", true).map((r) => r.alert);
 * ```
 */
export function postgresRules(namespace: string, cluster: string, hasStandbys: boolean): PromRule[] {
  const sel = `namespace="${namespace}",pod=~"${cluster}-[0-9]+"`;
  const out: PromRule[] = [
    {
      alert: "PostgresWalArchivingFailing",
      expr: `increase(cnpg_pg_stat_archiver_failed_count{${sel}}[10m]) > 0`,
      labels: { severity: "critical" },
      annotations: {
        summary: `${cluster}: WAL archiving to the object store fails`,
        description:
          "RPO is at risk. Check first: the barman-cloud sidecar logs and the object store credentials Secret.",
      },
    },
    {
      alert: "PostgresWalArchiveStale",
      expr: `max(cnpg_pg_stat_archiver_seconds_since_last_archival{${sel}}) > 900`,
      for: "5m",
      labels: { severity: "critical" },
      annotations: {
        summary: `${cluster}: no WAL archived for 15 minutes (archive_timeout is 5)`,
        description: "Check first: the barman-cloud sidecar and the ObjectStore status.",
      },
    },
    {
      alert: "PostgresBackupFailed",
      expr: `max(barman_cloud_cloudnative_pg_io_last_failed_backup_timestamp{${sel}}) > max(barman_cloud_cloudnative_pg_io_last_available_backup_timestamp{${sel}})`,
      labels: { severity: "critical" },
      annotations: {
        summary: `${cluster}: the last base backup failed`,
        description: "Check first: kubectl get backups, then the plugin's logs.",
      },
    },
    {
      alert: "PostgresBackupTooOld",
      expr: `time() - max(barman_cloud_cloudnative_pg_io_last_available_backup_timestamp{${sel}}) > 26 * 3600`,
      labels: { severity: "warning" },
      annotations: {
        summary: `${cluster}: no successful base backup for 26 hours`,
        description: "Check first: the ScheduledBackup and kubectl get backups.",
      },
    },
    {
      alert: "PostgresRestoreTestFailed",
      expr: `max(kube_job_status_failed{namespace="${namespace}",job_name=~"${cluster}-restore-test-.*"}) > 0`,
      labels: { severity: "critical" },
      annotations: {
        summary: `${cluster}: the periodic restore test failed`,
        description: "The backups may not be restorable. Check first: kubectl logs job/<the failed job>.",
      },
    },
  ];
  if (hasStandbys)
    out.unshift({
      alert: "PostgresReplicationLag",
      expr: `max(cnpg_pg_replication_lag{${sel}}) > 30`,
      for: "5m",
      labels: { severity: "warning" },
      annotations: {
        summary: `${cluster}: a standby is more than 30 s behind`,
        description: "Check first: the standby's disk and CPU, then long transactions on the primary.",
      },
    });
  return out;
}

/**
 * Valkey: memory near maxmemory, evictions, exporter down.
 *
 * @example
 * ```ts
 * redisRules("ns", "cache").map((r) => r.alert); // ["RedisMemoryHigh", "RedisEvictions", "RedisDown"]
 * ```
 */
export function redisRules(namespace: string, cache: string): PromRule[] {
  const sel = `namespace="${namespace}",pod=~"${cache}-[0-9]+"`;
  return [
    {
      alert: "RedisMemoryHigh",
      expr: `max(redis_memory_used_bytes{${sel}} / redis_memory_max_bytes{${sel}}) > 0.9`,
      for: "10m",
      labels: { severity: "warning" },
      annotations: {
        summary: `${cache}: memory above 90 % of maxmemory`,
        description: "Check first: key growth and TTLs; raise platform:cache.memorySizeGb.",
      },
    },
    {
      alert: "RedisEvictions",
      expr: `sum(increase(redis_evicted_keys_total{${sel}}[10m])) > 0`,
      labels: { severity: "warning" },
      annotations: {
        summary: `${cache}: keys are being evicted`,
        description: "Check first: memory use; the cache is too small for the working set.",
      },
    },
    {
      alert: "RedisDown",
      expr: `min(redis_up{${sel}}) == 0`,
      for: "2m",
      labels: { severity: "critical" },
      annotations: {
        summary: `${cache}: a Valkey instance is down`,
        description: "Check first: kubectl describe pod and the Sentinel logs.",
      },
    },
  ];
}

/**
 * Any quota of the namespace above 90 % (the budget's own alerts cover its thresholds).
 *
 * @example
 * ```ts
 * quotaRules("ns")[0].alert; // "NamespaceQuotaNearlyFull"
 * ```
 */
export function quotaRules(namespace: string): PromRule[] {
  return [
    {
      alert: "NamespaceQuotaNearlyFull",
      expr: `kube_resourcequota{namespace="${namespace}",type="used"} / ignoring(type) kube_resourcequota{namespace="${namespace}",type="hard"} > 0.9`,
      for: "15m",
      labels: { severity: "warning" },
      annotations: {
        summary: `${namespace}: {{ $labels.resource }} quota above 90 %`,
        description: "New pods will be refused. Check first: kubectl describe quota.",
      },
    },
  ];
}

/** `api-gateway` → `ApiGateway`. */
export function pascal(s: string): string {
  return s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");
}

/**
 * A Grafana dashboard (JSON model) with a row of panels per concern.
 *
 * @example
 * ```ts
 * JSON.parse(k8sDashboard("shop k8s-dev", "shop-k8s-dev", panels)).panels.length;
 * ```
 */
export function k8sDashboard(
  title: string,
  uid: string,
  panels: readonly { title: string; expr: string; unit?: string }[],
): string {
  return JSON.stringify({
    uid,
    title,
    schemaVersion: 39,
    time: { from: "now-6h", to: "now" },
    tags: ["platform"],
    panels: panels.map((p, i) => ({
      id: i + 1,
      type: "timeseries",
      title: p.title,
      gridPos: { h: 8, w: 12, x: (i % 2) * 12, y: Math.floor(i / 2) * 8 },
      fieldConfig: { defaults: { unit: p.unit ?? "short" }, overrides: [] },
      targets: [{ refId: "A", expr: p.expr, datasource: { type: "prometheus", uid: "prometheus" } }],
    })),
  });
}
