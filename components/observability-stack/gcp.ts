import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { platformLabels } from "../shared/labels";
import { childName, physicalName } from "../shared/naming";
import { afterAll } from "../shared/outputs";
import { createEmailChannel } from "../shared/notifications";
import { transform } from "../shared/transform";
import {
  burnRateAlerts,
  cacheAlerts,
  cisAlert,
  databaseAlerts,
  serviceAlerts,
  uptimeAlert,
  type AlertSpec,
} from "./alerts";
import { dashboardJson, dashboardUrl } from "./dashboard";
import {
  CIS_LOG_METRICS,
  DATA_ACCESS_SERVICES,
  databaseId,
  redisInstanceId,
  runLatencyFilter,
  runRequestsFilter,
  uptimeTarget,
  type CisLogMetric,
} from "./filters";
import {
  normalizeObservability,
  type ObservabilitySpec,
  type ObservabilityStackArgs,
  type ServiceTarget,
} from "./spec";

/** Type token of {@link ObservabilityStack}. */
export const OBSERVABILITY_STACK_TYPE = "platform:ops:ObservabilityStack";

const COMPONENT = "observability";

/**
 * Monitoring for one environment, derived from what the program actually deployed:
 *
 * - email notification channels attached to every alert;
 * - per Cloud Run service: an HTTPS uptime check on its health path from three regions every
 *   60 s (and an alert when more than one region fails), a 5xx-ratio alert, a p95-latency alert, an
 *   availability SLO and a latency SLO, each with fast (1 h & 5 min at 14.4×) and slow (6 h & 30 min
 *   at 6×) burn-rate alerts;
 * - per Cloud SQL instance: CPU, disk and memory utilization, replica lag (with replicas) and a
 *   log-based alert on failed backups;
 * - per Redis instance: memory usage ratio;
 * - CIS GCP 2.4 / 2.5 / 2.6 / 2.11 log metrics with alerts, and Data Access audit logs for Cloud
 *   KMS and Cloud SQL;
 * - one dashboard with a collapsible group per component kind.
 *
 * Every alert carries Markdown documentation that says what to check first.
 *
 * ### Cost
 * Channels, SLOs, dashboards and (until Google starts charging, announced for no sooner than
 * Sept 2027) alert policies are free. Uptime checks: 1M executions/project/month free, then $0.30
 * per 1,000 (60 s from 3 regions ≈ 131k/month). Log-based counters count against the 150 MiB/month
 * free metric ingestion (per billing account) and stay tiny. Data Access audit logs are the real
 * cost: log ingestion at $0.50/GiB after 50 GiB/project/month, growing with database and KMS
 * traffic. A small environment stays at **$0–5/month**.
 *
 * @example
 * ```ts
 * const obs = new ObservabilityStack("obs", {
 *   ctx,
 *   notifyEmails: ["oncall@acme.com"],
 *   services: [{ name: "api", url: api.url, serviceName: api.serviceName }],
 *   databases: [{ name: "db", instanceId: db.instanceName, hasReplicas: true }],
 *   caches: [{ name: "cache", instanceId: cache.instanceId }],
 *   targets: { latencyP95Ms: 500, availabilityTarget: 0.999 },
 * });
 * export const dashboard = obs.dashboardUrl;
 * ```
 */
export class ObservabilityStack extends pulumi.ComponentResource {
  /** Cloud console URL of the dashboard; undefined when `dashboard: false`. */
  public readonly dashboardUrl: pulumi.Output<string | undefined>;
  /** Names (`projects/…/notificationChannels/…`) of the email channels created here. */
  public readonly notificationChannelIds: pulumi.Output<string>[];
  /** Alert policy names by role, e.g. `api-5xx`, `db-backup-failed`, `cis-audit-config`. */
  public readonly alertPolicyNames: Readonly<Record<string, pulumi.Output<string>>>;
  /** SLO names by role (`api-availability`, `api-latency`), resolved after the SLO exists. */
  public readonly sloNames: Readonly<Record<string, pulumi.Output<string>>>;
  /** The resolved settings (defaults applied). */
  public readonly spec: ObservabilitySpec;
  private readonly children: {
    channels: gcp.monitoring.NotificationChannel[];
    uptimeChecks: Record<string, gcp.monitoring.UptimeCheckConfig>;
    sloServices: Record<string, gcp.monitoring.CustomService>;
    slos: Record<string, gcp.monitoring.Slo>;
    alertPolicies: Record<string, gcp.monitoring.AlertPolicy>;
    logMetrics: Record<string, gcp.logging.Metric>;
    auditConfigs: gcp.projects.IAMAuditConfig[];
    dashboard?: gcp.monitoring.Dashboard;
  };

  constructor(name: string, args: ObservabilityStackArgs, opts?: pulumi.ComponentResourceOptions) {
    super(OBSERVABILITY_STACK_TYPE, name, {}, opts);
    const ctx = args.ctx;
    const spec = normalizeObservability(name, args);
    const labels = platformLabels(ctx, COMPONENT);
    const title = `${ctx.app} ${ctx.env}`;
    const t = spec.targets;

    const channels = spec.notifyEmails.map((email, i) => createChannel(this, email, i));
    const channelNames = [...channels.map((c) => c.name), ...(args.notificationChannels ?? [])];
    const uptimeChecks: Record<string, gcp.monitoring.UptimeCheckConfig> = {};
    const sloServices: Record<string, gcp.monitoring.CustomService> = {};
    const slos: Record<string, gcp.monitoring.Slo> = {};
    const sloNames: Record<string, pulumi.Output<string>> = {};
    const alerts: AlertSpec[] = [];

    for (const svc of spec.services) {
      alerts.push(...serviceAlerts(title, svc.name, svc.serviceName, t));
      if (svc.uptimeCheck !== false) {
        const check = createUptimeCheck(this, svc);
        uptimeChecks[svc.name] = check;
        alerts.push(uptimeAlert(title, svc.name, svc.healthPath, check.uptimeCheckId));
      }
      if (spec.slo.enabled) alerts.push(...createSlos(this, svc));
    }
    const dbIds = spec.databases.map((db) =>
      pulumi.output(db.instanceId).apply((i) => databaseId(ctx.project, i)),
    );
    spec.databases.forEach((db, i) =>
      alerts.push(...databaseAlerts(title, db.name, ctx.project, dbIds[i]!, db.hasReplicas ?? false, t)),
    );
    const cacheIds = spec.caches.map((c) =>
      pulumi.output(c.instanceId).apply((i) => redisInstanceId(ctx.project, ctx.region, i)),
    );
    spec.caches.forEach((c, i) => alerts.push(...cacheAlerts(title, c.name, cacheIds[i]!, t)));
    const logMetrics: Record<string, gcp.logging.Metric> = {};
    if (spec.audit.cisAlerts) {
      for (const key of Object.keys(CIS_LOG_METRICS) as CisLogMetric[]) {
        const metric = createLogMetric(this, key);
        logMetrics[key] = metric;
        alerts.push(cisAlert(title, key, metric.name));
      }
    }
    const auditConfigs = spec.audit.dataAccessLogs
      ? (spec.audit.allServices ? ["allServices" as const] : DATA_ACCESS_SERVICES).map((s) =>
          createAuditConfig(this, s),
        )
      : [];
    const alertPolicies = Object.fromEntries(alerts.map((a) => [a.role.join("-"), createPolicy(this, a)]));
    const dashboard = spec.dashboard ? createDashboard(this) : undefined;

    this.spec = spec;
    this.dashboardUrl = dashboard
      ? dashboard.id.apply((id) => dashboardUrl(id, ctx.project))
      : pulumi.output(undefined);
    this.notificationChannelIds = channels.map((c) => c.name);
    this.alertPolicyNames = Object.fromEntries(Object.entries(alertPolicies).map(([k, p]) => [k, p.name]));
    this.sloNames = sloNames;
    this.children = {
      channels,
      uptimeChecks,
      sloServices,
      slos,
      alertPolicies,
      logMetrics,
      auditConfigs,
      ...(dashboard ? { dashboard } : {}),
    };
    this.registerOutputs({
      dashboardUrl: this.dashboardUrl,
      notificationChannelIds: this.notificationChannelIds,
      alertPolicyNames: this.alertPolicyNames,
      sloNames: this.sloNames,
    });

    function createChannel(
      parent: ObservabilityStack,
      email: string,
      i: number,
    ): gcp.monitoring.NotificationChannel {
      return createEmailChannel({
        ctx,
        owner: name,
        index: i,
        email,
        purpose: "platform alerts",
        labels,
        parent,
        ...(args.transform?.notificationChannel ? { transform: args.transform.notificationChannel } : {}),
      });
    }

    function createUptimeCheck(
      parent: ObservabilityStack,
      svc: ServiceTarget & { healthPath: string },
    ): gcp.monitoring.UptimeCheckConfig {
      const target = pulumi.output(svc.url).apply((u) => uptimeTarget(u, svc.healthPath));
      return new gcp.monitoring.UptimeCheckConfig(
        ...transform(
          args.transform?.uptimeCheck,
          childName(name, "uptime", svc.name),
          {
            project: ctx.project,
            displayName: `${title} ${svc.name} ${svc.healthPath}`,
            monitoredResource: { type: "uptime_url", labels: { project_id: ctx.project, host: target.host } },
            httpCheck: {
              path: target.path,
              port: 443,
              useSsl: true,
              validateSsl: true,
              requestMethod: "GET",
              acceptedResponseStatusCodes: [{ statusClass: "STATUS_CLASS_2XX" }],
              ...(svc.authenticated ? { serviceAgentAuthentication: { type: "OIDC_TOKEN" } } : {}),
            },
            ...(svc.contentMatcher
              ? { contentMatchers: [{ content: svc.contentMatcher, matcher: "CONTAINS_STRING" }] }
              : {}),
            period: `${spec.uptime.periodSeconds}s`,
            timeout: `${spec.uptime.timeoutSeconds}s`,
            selectedRegions: [...spec.uptime.regions],
            checkerType: "STATIC_IP_CHECKERS",
            userLabels: platformLabels(ctx, COMPONENT, { target: svc.name }),
          },
          { parent },
        ),
      );
    }

    function createSlos(parent: ObservabilityStack, svc: ServiceTarget): AlertSpec[] {
      const serviceId = physicalName([ctx.app, ctx.env, svc.name], { maxLength: 63 });
      const service = new gcp.monitoring.CustomService(
        ...transform(
          args.transform?.sloService,
          childName(name, "slo", svc.name),
          {
            project: ctx.project,
            serviceId,
            displayName: `${title} ${svc.name}`,
            telemetry: {
              resourceName: pulumi.interpolate`//run.googleapis.com/projects/${ctx.project}/locations/${ctx.region}/services/${svc.serviceName}`,
            },
            userLabels: platformLabels(ctx, COMPONENT, { target: svc.name }),
          },
          { parent },
        ),
      );
      sloServices[svc.name] = service;
      const serviceName = pulumi.output(svc.serviceName);
      const sli = {
        availability: {
          goal: t.availabilityTarget,
          requestBasedSli: {
            goodTotalRatio: {
              badServiceFilter: serviceName.apply((s) => runRequestsFilter(s, "5xx")),
              totalServiceFilter: serviceName.apply((s) => runRequestsFilter(s)),
            },
          },
        },
        latency: {
          goal: t.latencyGoal,
          requestBasedSli: {
            distributionCut: {
              distributionFilter: serviceName.apply(runLatencyFilter),
              range: { max: t.latencyP95Ms },
            },
          },
        },
      } as const;
      return (["availability", "latency"] as const).flatMap((kind) => {
        const slo = new gcp.monitoring.Slo(
          ...transform(
            args.transform?.slo,
            childName(name, "slo", svc.name, kind),
            {
              project: ctx.project,
              service: service.serviceId,
              sloId: kind,
              displayName: `${title} ${svc.name} ${kind}`,
              goal: sli[kind].goal,
              rollingPeriodDays: spec.slo.rollingPeriodDays,
              requestBasedSli: sli[kind].requestBasedSli,
              userLabels: platformLabels(ctx, COMPONENT, { target: svc.name }),
            },
            { parent },
          ),
        );
        slos[`${svc.name}-${kind}`] = slo;
        const sloName = afterAll(
          pulumi.interpolate`projects/${ctx.project}/services/${service.serviceId}/serviceLevelObjectives/${kind}`,
          [slo],
        );
        sloNames[`${svc.name}-${kind}`] = sloName;
        return burnRateAlerts(title, svc.name, kind, sloName, sli[kind].goal);
      });
    }

    function createLogMetric(parent: ObservabilityStack, key: CisLogMetric): gcp.logging.Metric {
      const cis = CIS_LOG_METRICS[key];
      return new gcp.logging.Metric(
        ...transform(
          args.transform?.logMetric,
          childName(name, "cis", key),
          {
            project: ctx.project,
            name: physicalName([ctx.app, ctx.env, "cis", key], { maxLength: 100 }),
            description: `CIS GCP ${cis.cis}: ${cis.title}`,
            filter: cis.filter,
            metricDescriptor: {
              metricKind: "DELTA",
              valueType: "INT64",
              unit: "1",
              displayName: `CIS ${cis.cis}: ${cis.title}`,
            },
          },
          { parent },
        ),
      );
    }

    function createAuditConfig(
      parent: ObservabilityStack,
      service: (typeof DATA_ACCESS_SERVICES)[number] | "allServices",
    ): gcp.projects.IAMAuditConfig {
      return new gcp.projects.IAMAuditConfig(
        ...transform(
          args.transform?.auditConfig,
          childName(name, "audit", service.split(".")[0]!),
          {
            project: ctx.project,
            service,
            auditLogConfigs: [{ logType: "ADMIN_READ" }, { logType: "DATA_READ" }, { logType: "DATA_WRITE" }],
          },
          { parent },
        ),
      );
    }

    function createPolicy(parent: ObservabilityStack, a: AlertSpec): gcp.monitoring.AlertPolicy {
      return new gcp.monitoring.AlertPolicy(
        ...transform(
          args.transform?.alertPolicy,
          childName(name, "alert", ...a.role),
          {
            project: ctx.project,
            displayName: a.displayName,
            combiner: a.combiner,
            conditions: a.conditions,
            severity: a.severity,
            enabled: true,
            ...(channelNames.length > 0 ? { notificationChannels: channelNames } : {}),
            documentation: { content: a.documentation, mimeType: "text/markdown", subject: a.displayName },
            ...(a.alertStrategy ? { alertStrategy: a.alertStrategy } : {}),
            userLabels: platformLabels(ctx, COMPONENT, { target: a.target, severity: a.severity }),
          },
          { parent },
        ),
      );
    }

    function createDashboard(parent: ObservabilityStack): gcp.monitoring.Dashboard {
      const services = spec.services.map((s) =>
        pulumi.all([s.serviceName, uptimeChecks[s.name]?.uptimeCheckId]).apply(([serviceName, checkId]) => ({
          key: s.name,
          serviceName,
          ...(checkId ? { checkId } : {}),
        })),
      );
      const json = pulumi
        .all([pulumi.all(services), pulumi.all(dbIds), pulumi.all(cacheIds)])
        .apply(([svcs, dbs, caches]) =>
          dashboardJson({
            displayName: `${title} platform`,
            labels,
            services: svcs,
            databases: spec.databases.map((d, i) => ({
              key: d.name,
              databaseId: dbs[i]!,
              hasReplicas: d.hasReplicas ?? false,
            })),
            caches: spec.caches.map((c, i) => ({ key: c.name, instanceId: caches[i]! })),
            targets: t,
          }),
        );
      return new gcp.monitoring.Dashboard(
        ...transform(
          args.transform?.dashboard,
          childName(name, "dashboard"),
          { project: ctx.project, dashboardJson: json },
          { parent },
        ),
      );
    }
  }

  /** Raw children, an escape hatch for wiring this library does not cover. */
  public get nodes() {
    return this.children;
  }
}
