"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.ObservabilityStack = exports.DATA_ACCESS_SERVICES = exports.OBSERVABILITY_STACK_TYPE = void 0;
const gcp = __importStar(require("@pulumi/gcp"));
const pulumi = __importStar(require("@pulumi/pulumi"));
const labels_1 = require("../shared/labels");
const naming_1 = require("../shared/naming");
const outputs_1 = require("../shared/outputs");
const transform_1 = require("../shared/transform");
const alerts_1 = require("./alerts");
const dashboard_1 = require("./dashboard");
const filters_1 = require("./filters");
const spec_1 = require("./spec");
/** Type token of {@link ObservabilityStack}. */
exports.OBSERVABILITY_STACK_TYPE = "platform:ops:ObservabilityStack";
/** Services whose Data Access audit logs (ADMIN_READ, DATA_READ, DATA_WRITE) are turned on. */
exports.DATA_ACCESS_SERVICES = ["cloudkms.googleapis.com", "cloudsql.googleapis.com"];
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
 * Alert policies, notification channels, SLOs and dashboards are free. Uptime checks: 1M
 * executions/month per project are free, then $0.30 per 1,000 (one check every 60 s from 3
 * regions is ~130k/month). Log-based metrics are free to define; their time series count as
 * chargeable metric ingestion only above the 150 MiB/month free allotment (these counters are tiny).
 * Data Access audit logs are the real cost: they are billed as log ingestion ($0.50/GiB after the
 * first 50 GiB/project/month) and grow with database and KMS traffic. A typical small
 * environment stays at **$0–5/month**.
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
class ObservabilityStack extends pulumi.ComponentResource {
    /** Cloud console URL of the dashboard; undefined when `dashboard: false`. */
    dashboardUrl;
    /** Names (`projects/…/notificationChannels/…`) of the email channels created here. */
    notificationChannelIds;
    /** Alert policy names by role, e.g. `api-5xx`, `db-backup-failed`, `cis-audit-config`. */
    alertPolicyNames;
    /** SLO names by role (`api-availability`, `api-latency`), resolved after the SLO exists. */
    sloNames;
    /** The resolved settings (defaults applied). */
    spec;
    children;
    constructor(name, args, opts) {
        super(exports.OBSERVABILITY_STACK_TYPE, name, {}, opts);
        const ctx = args.ctx;
        const spec = (0, spec_1.normalizeObservability)(name, args);
        const labels = (0, labels_1.platformLabels)(ctx, COMPONENT);
        const title = `${ctx.app} ${ctx.env}`;
        const t = spec.targets;
        const channels = spec.notifyEmails.map((email, i) => createChannel(this, email, i));
        const channelNames = [...channels.map((c) => c.name), ...(args.notificationChannels ?? [])];
        const uptimeChecks = {};
        const sloServices = {};
        const slos = {};
        const sloNames = {};
        const alerts = [];
        for (const svc of spec.services) {
            alerts.push(...(0, alerts_1.serviceAlerts)(title, svc.name, svc.serviceName, t));
            if (svc.uptimeCheck !== false) {
                const check = createUptimeCheck(this, svc);
                uptimeChecks[svc.name] = check;
                alerts.push((0, alerts_1.uptimeAlert)(title, svc.name, svc.healthPath, check.uptimeCheckId));
            }
            if (spec.slo.enabled)
                alerts.push(...createSlos(this, svc));
        }
        const dbIds = spec.databases.map((db) => pulumi.output(db.instanceId).apply((i) => (0, filters_1.databaseId)(ctx.project, i)));
        spec.databases.forEach((db, i) => alerts.push(...(0, alerts_1.databaseAlerts)(title, db.name, ctx.project, dbIds[i], db.hasReplicas ?? false, t)));
        const cacheIds = spec.caches.map((c) => pulumi.output(c.instanceId).apply((i) => (0, filters_1.redisInstanceId)(ctx.project, ctx.region, i)));
        spec.caches.forEach((c, i) => alerts.push(...(0, alerts_1.cacheAlerts)(title, c.name, cacheIds[i], t)));
        const logMetrics = {};
        if (spec.audit.cisAlerts) {
            for (const key of Object.keys(filters_1.CIS_LOG_METRICS)) {
                const metric = createLogMetric(this, key);
                logMetrics[key] = metric;
                alerts.push((0, alerts_1.cisAlert)(title, key, metric.name));
            }
        }
        const auditConfigs = spec.audit.dataAccessLogs
            ? exports.DATA_ACCESS_SERVICES.map((s) => createAuditConfig(this, s))
            : [];
        const alertPolicies = Object.fromEntries(alerts.map((a) => [a.role.join("-"), createPolicy(this, a)]));
        const dashboard = spec.dashboard ? createDashboard(this) : undefined;
        this.spec = spec;
        this.dashboardUrl = dashboard
            ? dashboard.id.apply((id) => (0, dashboard_1.dashboardUrl)(id, ctx.project))
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
        function createChannel(parent, email, i) {
            return new gcp.monitoring.NotificationChannel(...(0, transform_1.transform)(args.transform?.notificationChannel, (0, naming_1.childName)(name, "email", String(i)), {
                project: ctx.project,
                type: "email",
                displayName: `${title} alerts: ${email}`,
                labels: { email_address: email },
                userLabels: labels,
                description: `Platform alerts for ${ctx.app} (${ctx.env}), managed by the platform library.`,
            }, { parent }));
        }
        function createUptimeCheck(parent, svc) {
            const target = pulumi.output(svc.url).apply((u) => (0, filters_1.uptimeTarget)(u, svc.healthPath));
            return new gcp.monitoring.UptimeCheckConfig(...(0, transform_1.transform)(args.transform?.uptimeCheck, (0, naming_1.childName)(name, "uptime", svc.name), {
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
                userLabels: (0, labels_1.platformLabels)(ctx, COMPONENT, { target: svc.name }),
            }, { parent }));
        }
        function createSlos(parent, svc) {
            const serviceId = (0, naming_1.physicalName)([ctx.app, ctx.env, svc.name], { maxLength: 63 });
            const service = new gcp.monitoring.CustomService(...(0, transform_1.transform)(args.transform?.sloService, (0, naming_1.childName)(name, "slo", svc.name), {
                project: ctx.project,
                serviceId,
                displayName: `${title} ${svc.name}`,
                telemetry: {
                    resourceName: pulumi.interpolate `//run.googleapis.com/projects/${ctx.project}/locations/${ctx.region}/services/${svc.serviceName}`,
                },
                userLabels: (0, labels_1.platformLabels)(ctx, COMPONENT, { target: svc.name }),
            }, { parent }));
            sloServices[svc.name] = service;
            const serviceName = pulumi.output(svc.serviceName);
            const sli = {
                availability: {
                    goal: t.availabilityTarget,
                    requestBasedSli: {
                        goodTotalRatio: {
                            badServiceFilter: serviceName.apply((s) => (0, filters_1.runRequestsFilter)(s, "5xx")),
                            totalServiceFilter: serviceName.apply((s) => (0, filters_1.runRequestsFilter)(s)),
                        },
                    },
                },
                latency: {
                    goal: t.latencyGoal,
                    requestBasedSli: {
                        distributionCut: {
                            distributionFilter: serviceName.apply(filters_1.runLatencyFilter),
                            range: { max: t.latencyP95Ms },
                        },
                    },
                },
            };
            return ["availability", "latency"].flatMap((kind) => {
                const slo = new gcp.monitoring.Slo(...(0, transform_1.transform)(args.transform?.slo, (0, naming_1.childName)(name, "slo", svc.name, kind), {
                    project: ctx.project,
                    service: service.serviceId,
                    sloId: kind,
                    displayName: `${title} ${svc.name} ${kind}`,
                    goal: sli[kind].goal,
                    rollingPeriodDays: spec.slo.rollingPeriodDays,
                    requestBasedSli: sli[kind].requestBasedSli,
                    userLabels: (0, labels_1.platformLabels)(ctx, COMPONENT, { target: svc.name }),
                }, { parent }));
                slos[`${svc.name}-${kind}`] = slo;
                const sloName = (0, outputs_1.afterAll)(pulumi.interpolate `projects/${ctx.project}/services/${service.serviceId}/serviceLevelObjectives/${kind}`, [slo]);
                sloNames[`${svc.name}-${kind}`] = sloName;
                return (0, alerts_1.burnRateAlerts)(title, svc.name, kind, sloName, sli[kind].goal);
            });
        }
        function createLogMetric(parent, key) {
            const cis = filters_1.CIS_LOG_METRICS[key];
            return new gcp.logging.Metric(...(0, transform_1.transform)(args.transform?.logMetric, (0, naming_1.childName)(name, "cis", key), {
                project: ctx.project,
                name: (0, naming_1.physicalName)([ctx.app, ctx.env, "cis", key], { maxLength: 100 }),
                description: `CIS GCP ${cis.cis}: ${cis.title}`,
                filter: cis.filter,
                metricDescriptor: {
                    metricKind: "DELTA",
                    valueType: "INT64",
                    unit: "1",
                    displayName: `CIS ${cis.cis}: ${cis.title}`,
                },
            }, { parent }));
        }
        function createAuditConfig(parent, service) {
            return new gcp.projects.IAMAuditConfig(...(0, transform_1.transform)(args.transform?.auditConfig, (0, naming_1.childName)(name, "audit", service.split(".")[0]), {
                project: ctx.project,
                service,
                auditLogConfigs: [{ logType: "ADMIN_READ" }, { logType: "DATA_READ" }, { logType: "DATA_WRITE" }],
            }, { parent }));
        }
        function createPolicy(parent, a) {
            return new gcp.monitoring.AlertPolicy(...(0, transform_1.transform)(args.transform?.alertPolicy, (0, naming_1.childName)(name, "alert", ...a.role), {
                project: ctx.project,
                displayName: a.displayName,
                combiner: a.combiner,
                conditions: a.conditions,
                severity: a.severity,
                enabled: true,
                ...(channelNames.length > 0 ? { notificationChannels: channelNames } : {}),
                documentation: { content: a.documentation, mimeType: "text/markdown", subject: a.displayName },
                ...(a.alertStrategy ? { alertStrategy: a.alertStrategy } : {}),
                userLabels: (0, labels_1.platformLabels)(ctx, COMPONENT, { target: a.target, severity: a.severity }),
            }, { parent }));
        }
        function createDashboard(parent) {
            const services = spec.services.map((s) => pulumi.all([s.serviceName, uptimeChecks[s.name]?.uptimeCheckId]).apply(([serviceName, checkId]) => ({
                key: s.name,
                serviceName,
                ...(checkId ? { checkId } : {}),
            })));
            const json = pulumi
                .all([pulumi.all(services), pulumi.all(dbIds), pulumi.all(cacheIds)])
                .apply(([svcs, dbs, caches]) => (0, dashboard_1.dashboardJson)({
                displayName: `${title} platform`,
                labels,
                services: svcs,
                databases: spec.databases.map((d, i) => ({
                    key: d.name,
                    databaseId: dbs[i],
                    hasReplicas: d.hasReplicas ?? false,
                })),
                caches: spec.caches.map((c, i) => ({ key: c.name, instanceId: caches[i] })),
                targets: t,
            }));
            return new gcp.monitoring.Dashboard(...(0, transform_1.transform)(args.transform?.dashboard, (0, naming_1.childName)(name, "dashboard"), { project: ctx.project, dashboardJson: json }, { parent }));
        }
    }
    /** Raw children, an escape hatch for wiring this library does not cover. */
    get nodes() {
        return this.children;
    }
}
exports.ObservabilityStack = ObservabilityStack;
//# sourceMappingURL=observability-stack.js.map