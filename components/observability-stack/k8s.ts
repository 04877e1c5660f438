import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { PlatformError, show } from "../shared/errors";
import { k8sLabels, releaseLabel, type KubernetesContext } from "../shared/kubernetes";
import { childName } from "../shared/naming";
import { transform, type Transform } from "../shared/transform";
import { OBSERVABILITY_STACK_TYPE } from "./gcp";
import {
  k8sDashboard,
  podRules,
  postgresRules,
  quotaRules,
  redisRules,
  requestMetrics,
  serviceRules,
  sloRules,
  type K8sServiceTarget,
  type K8sTargets,
} from "./k8s-rules";

const MONITORING = "monitoring.coreos.com/v1";

/**
 * Arguments of {@link K8sObservabilityStack}.
 *
 * @example
 * ```ts
 * const args: K8sObservabilityStackArgs = { ctx, namespace: "shop-k8s-dev", notifyEmails: ["oncall@acme.example"], services: [{ name: "api", mode: "deployment", healthUrl: "http://api.shop-k8s-dev.svc/health", podLabels }] };
 * ```
 */
export interface K8sObservabilityStackArgs {
  readonly ctx: KubernetesContext;
  /** The namespace name (known at synth: every rule filters on it). */
  readonly namespace: string;
  readonly notifyEmails?: readonly string[];
  readonly services?: readonly (K8sServiceTarget & {
    readonly podLabels: Readonly<Record<string, string>>;
  })[];
  /** CloudNativePG clusters (their PodMonitor is the database component's). */
  readonly databases?: readonly { readonly cluster: string; readonly hasStandbys: boolean }[];
  readonly caches?: readonly {
    readonly name: string;
    readonly podLabels: Readonly<Record<string, string>>;
  }[];
  /** @default { latencyP95Ms: 1000, availabilityTarget: 0.99, errorRateThreshold: 0.05 } */
  readonly targets?: Partial<K8sTargets>;
  /** Grafana dashboard ConfigMap. @default true */
  readonly dashboard?: boolean;
  /** The blackbox exporter the Probes go through. @default { url: "prometheus-blackbox-exporter.monitoring.svc:9115", module: "http_2xx" } */
  readonly blackbox?: { readonly url: string; readonly module: string };
  readonly dependsOn?: pulumi.Input<pulumi.Resource>[];
  readonly transform?: { rules?: Transform<k8s.apiextensions.CustomResourceArgs> };
}

/** Defaults of {@link K8sObservabilityStackArgs}. */
export const K8S_OBSERVABILITY_DEFAULTS = {
  targets: { latencyP95Ms: 1000, availabilityTarget: 0.99, errorRateThreshold: 0.05 },
  blackbox: { url: "prometheus-blackbox-exporter.monitoring.svc:9115", module: "http_2xx" },
} as const;

/**
 * `platform:ops:ObservabilityStack` on Kubernetes (kube-prometheus-stack conventions: every
 * object carries `release: <helm release>` so Prometheus selects it): ServiceMonitor / PodMonitor
 * per service and cache, one PrometheusRule (5xx ratio, p95 latency, restarts and crash loops,
 * CNPG replication lag, WAL archiving, failed and stale backups, a failed restore test, Valkey
 * memory, evictions and liveness, quota use) with availability SLO burn-rate rules on the Google
 * 30-day windows, a blackbox Probe per service, a Grafana dashboard ConfigMap
 * (`grafana_dashboard: "1"`) and an AlertmanagerConfig routing the namespace's alerts to email.
 * Cost: free (in-cluster).
 *
 * @example
 * ```ts
 * new K8sObservabilityStack("ops", { ctx, namespace: "shop-k8s-prod", notifyEmails: ["oncall@acme.example"], services, databases, caches });
 * ```
 */
export class K8sObservabilityStack extends pulumi.ComponentResource {
  /** The PrometheusRule's alert names. */
  public readonly alertNames: readonly string[];
  public readonly nodes: Readonly<Record<string, pulumi.Resource>>;

  constructor(name: string, args: K8sObservabilityStackArgs, opts?: pulumi.ComponentResourceOptions) {
    super(OBSERVABILITY_STACK_TYPE, name, {}, opts);
    const { ctx, namespace } = args;
    const t = { ...K8S_OBSERVABILITY_DEFAULTS.targets, ...(args.targets ?? {}) };
    validateK8sTargets(name, t, args.notifyEmails ?? []);
    const blackbox = args.blackbox ?? K8S_OBSERVABILITY_DEFAULTS.blackbox;
    const parent = this;
    const labels = { ...k8sLabels(ctx, "observability", name), ...releaseLabel(ctx) };
    const o = { parent, ...(args.dependsOn ? { dependsOn: args.dependsOn } : {}) };
    const nodes: Record<string, pulumi.Resource> = {};
    const services = args.services ?? [];
    for (const s of services) {
      nodes[`monitor-${s.name}`] =
        s.mode === "deployment"
          ? new k8s.apiextensions.CustomResource(
              childName(name, "service-monitor", s.name),
              {
                apiVersion: MONITORING,
                kind: "ServiceMonitor",
                metadata: { name: s.name, namespace, labels },
                spec: {
                  selector: { matchLabels: { ...s.podLabels } },
                  endpoints: [{ port: "http", path: "/metrics", interval: "30s" }],
                },
              },
              o,
            )
          : new k8s.apiextensions.CustomResource(
              childName(name, "pod-monitor", s.name),
              {
                apiVersion: MONITORING,
                kind: "PodMonitor",
                metadata: { name: s.name, namespace, labels },
                spec: {
                  selector: { matchLabels: { ...s.podLabels } },
                  podMetricsEndpoints: [{ port: "user-port", path: "/metrics", interval: "30s" }],
                },
              },
              o,
            );
      nodes[`probe-${s.name}`] = new k8s.apiextensions.CustomResource(
        childName(name, "probe", s.name),
        {
          apiVersion: MONITORING,
          kind: "Probe",
          metadata: { name: childName(s.name, "uptime"), namespace, labels },
          spec: {
            jobName: childName(s.name, "uptime"),
            interval: "60s",
            module: blackbox.module,
            prober: { url: blackbox.url },
            targets: { staticConfig: { static: [s.healthUrl], labels: { service: s.name } } },
          },
        },
        o,
      );
    }
    for (const c of args.caches ?? [])
      nodes[`monitor-${c.name}`] = new k8s.apiextensions.CustomResource(
        childName(name, "pod-monitor", c.name),
        {
          apiVersion: MONITORING,
          kind: "PodMonitor",
          metadata: { name: c.name, namespace, labels },
          spec: {
            selector: { matchLabels: { ...c.podLabels } },
            podMetricsEndpoints: [{ port: "metrics", interval: "30s" }],
          },
        },
        o,
      );
    const groups = [
      { name: `${namespace}-services`, rules: services.flatMap((s) => serviceRules(namespace, s, t)) },
      {
        name: `${namespace}-slo`,
        interval: "30s",
        rules: services.flatMap((s) => sloRules(namespace, s, t.availabilityTarget)),
      },
      {
        name: `${namespace}-uptime`,
        rules: services.map((s) => ({
          alert: `${s.name.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase())}Down`,
          expr: `max(probe_success{service="${s.name}"}) == 0`,
          for: "3m",
          labels: { severity: "critical" },
          annotations: {
            summary: `${s.name}: the health check ${s.healthUrl} fails`,
            description: "Check first: kubectl get pods, then the readiness probe and the last rollout.",
          },
        })),
      },
      { name: `${namespace}-pods`, rules: [...podRules(namespace), ...quotaRules(namespace)] },
      {
        name: `${namespace}-postgres`,
        rules: (args.databases ?? []).flatMap((d) => postgresRules(namespace, d.cluster, d.hasStandbys)),
      },
      {
        name: `${namespace}-redis`,
        rules: (args.caches ?? []).flatMap((c) => redisRules(namespace, c.name)),
      },
    ].filter((g) => g.rules.length > 0);
    this.alertNames = groups.flatMap((g) =>
      g.rules.map((r) => (r as { alert?: string }).alert).filter((a): a is string => a !== undefined),
    );
    nodes["rules"] = new k8s.apiextensions.CustomResource(
      ...transform(
        args.transform?.rules,
        childName(name, "rules"),
        {
          apiVersion: MONITORING,
          kind: "PrometheusRule",
          metadata: { name: childName(name, "alerts"), namespace, labels },
          spec: { groups },
        },
        o,
      ),
    );
    if (args.dashboard ?? true) {
      const panels = [
        ...services.flatMap((s) => {
          const m = requestMetrics(namespace, s);
          return [
            { title: `${s.name}: requests/s`, expr: m.total("5m"), unit: "reqps" },
            {
              title: `${s.name}: 5xx ratio`,
              expr: `(${m.errors("5m")}) / (${m.total("5m")})`,
              unit: "percentunit",
            },
            { title: `${s.name}: p95 latency`, expr: m.p95Seconds, unit: "s" },
          ];
        }),
        {
          title: "Pod restarts (15m)",
          expr: `sum by (pod) (increase(kube_pod_container_status_restarts_total{namespace="${namespace}"}[15m]))`,
        },
        {
          title: "Quota use",
          expr: `kube_resourcequota{namespace="${namespace}",type="used"} / ignoring(type) kube_resourcequota{namespace="${namespace}",type="hard"}`,
          unit: "percentunit",
        },
        ...(args.databases ?? []).map((d) => ({
          title: `${d.cluster}: replication lag`,
          expr: `max by (pod) (cnpg_pg_replication_lag{namespace="${namespace}",pod=~"${d.cluster}-[0-9]+"})`,
          unit: "s",
        })),
        ...(args.caches ?? []).map((c) => ({
          title: `${c.name}: memory`,
          expr: `redis_memory_used_bytes{namespace="${namespace}",pod=~"${c.name}-[0-9]+"}`,
          unit: "bytes",
        })),
      ];
      nodes["dashboard"] = new k8s.core.v1.ConfigMap(
        childName(name, "dashboard"),
        {
          metadata: {
            name: childName(name, "dashboard"),
            namespace,
            labels: { ...labels, grafana_dashboard: "1" },
          },
          data: {
            [`${namespace}.json`]: k8sDashboard(`${ctx.app} ${ctx.env}`, namespace.slice(0, 40), panels),
          },
        },
        o,
      );
    }
    const emails = args.notifyEmails ?? [];
    if (emails.length > 0)
      nodes["alertmanagerConfig"] = new k8s.apiextensions.CustomResource(
        childName(name, "alertmanager-config"),
        {
          apiVersion: "monitoring.coreos.com/v1alpha1",
          kind: "AlertmanagerConfig",
          metadata: { name: childName(name, "email"), namespace, labels },
          spec: {
            // The operator adds a namespace="<this namespace>" matcher: only this environment's alerts.
            route: {
              receiver: "email",
              groupBy: ["alertname", "severity"],
              groupWait: "30s",
              groupInterval: "5m",
              repeatInterval: "4h",
            },
            receivers: [{ name: "email", emailConfigs: emails.map((to) => ({ to, sendResolved: true })) }],
          },
        },
        o,
      );
    this.nodes = nodes;
    this.registerOutputs({ alertNames: this.alertNames });
  }
}

/**
 * Validates the targets and recipients (pure).
 *
 * @example
 * ```ts
 * validateK8sTargets("ops", { latencyP95Ms: 0, availabilityTarget: 0.99, errorRateThreshold: 0.05 }, []); // PlatformError
 * ```
 */
export function validateK8sTargets(name: string, t: K8sTargets, emails: readonly string[]): void {
  const p: string[] = [];
  if (!(t.latencyP95Ms >= 1 && t.latencyP95Ms <= 60000))
    p.push(`latencyP95Ms must be 1–60000, got ${show(t.latencyP95Ms)}`);
  if (!(t.availabilityTarget >= 0.9 && t.availabilityTarget < 1))
    p.push(`availabilityTarget must be 0.9–0.99999, got ${show(t.availabilityTarget)}`);
  if (!(t.errorRateThreshold > 0 && t.errorRateThreshold < 1))
    p.push(`errorRateThreshold must be in (0, 1), got ${show(t.errorRateThreshold)}`);
  for (const e of emails)
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e)) p.push(`notifyEmails must be email addresses, got ${show(e)}`);
  if (p.length > 0) throw new PlatformError(`ObservabilityStack '${name}': ${p.join("; ")}`);
}
