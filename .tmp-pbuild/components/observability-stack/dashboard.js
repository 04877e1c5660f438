"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DASHBOARD_COLUMNS = void 0;
exports.dashboardJson = dashboardJson;
exports.dashboardUrl = dashboardUrl;
const filters_1 = require("./filters");
// The dashboard as a pure function of resolved names: a 48-column mosaic with one collapsible
// group per component kind (Cloud Run, Cloud SQL, Memorystore), two charts per row.
/** Mosaic grid width. */
exports.DASHBOARD_COLUMNS = 48;
const CHART_WIDTH = 24;
const CHART_HEIGHT = 16;
/**
 * Builds the `dashboardJson` of a `gcp.monitoring.Dashboard`.
 *
 * @example
 * ```ts
 * const json = dashboardJson({ displayName: "shop prod", labels: {}, services: [{ key: "api", serviceName: "shop-prod-api" }],
 *   databases: [], caches: [], targets: DEFAULTS.targets });
 * JSON.parse(json).mosaicLayout.tiles[0].widget.collapsibleGroup; // { collapsed: false }
 * ```
 */
function dashboardJson(input) {
    const t = input.targets;
    const groups = [];
    if (input.services.length > 0) {
        groups.push({
            title: "Cloud Run",
            charts: input.services.flatMap((s) => [
                {
                    title: `${s.key}: requests/s by response class`,
                    filter: (0, filters_1.runRequestsFilter)(s.serviceName),
                    aligner: "ALIGN_RATE",
                    reducer: "REDUCE_SUM",
                    groupBy: ["metric.label.response_code_class"],
                },
                {
                    title: `${s.key}: p95 latency (ms)`,
                    filter: (0, filters_1.runLatencyFilter)(s.serviceName),
                    aligner: "ALIGN_DELTA",
                    reducer: "REDUCE_PERCENTILE_95",
                    groupBy: ["resource.label.service_name"],
                    threshold: t.latencyP95Ms,
                },
                ...(s.checkId
                    ? [
                        {
                            title: `${s.key}: uptime checks passing`,
                            filter: (0, filters_1.uptimeFilter)(s.checkId),
                            aligner: "ALIGN_FRACTION_TRUE",
                            reducer: "REDUCE_MEAN",
                            groupBy: ["resource.label.host"],
                        },
                    ]
                    : []),
            ]),
        });
    }
    if (input.databases.length > 0) {
        groups.push({
            title: "Cloud SQL",
            charts: input.databases.flatMap((d) => [
                {
                    title: `${d.key}: CPU utilization`,
                    filter: (0, filters_1.sqlFilter)(filters_1.METRICS.sqlCpu, d.databaseId),
                    aligner: "ALIGN_MEAN",
                    threshold: t.sqlCpu,
                },
                {
                    title: `${d.key}: memory utilization`,
                    filter: (0, filters_1.sqlFilter)(filters_1.METRICS.sqlMemory, d.databaseId),
                    aligner: "ALIGN_MEAN",
                    threshold: t.sqlMemory,
                },
                {
                    title: `${d.key}: disk utilization`,
                    filter: (0, filters_1.sqlFilter)(filters_1.METRICS.sqlDisk, d.databaseId),
                    aligner: "ALIGN_MEAN",
                    threshold: t.sqlDisk,
                },
                ...(d.hasReplicas
                    ? [
                        {
                            title: `${d.key}: replica lag (s)`,
                            filter: (0, filters_1.sqlFilter)(filters_1.METRICS.sqlReplicaLag, d.databaseId, true),
                            aligner: "ALIGN_MAX",
                            threshold: t.replicaLagSeconds,
                        },
                    ]
                    : []),
            ]),
        });
    }
    if (input.caches.length > 0) {
        groups.push({
            title: "Memorystore",
            charts: input.caches.map((c) => ({
                title: `${c.key}: memory usage ratio`,
                filter: (0, filters_1.redisMemoryFilter)(c.instanceId),
                aligner: "ALIGN_MEAN",
                threshold: t.redisMemory,
            })),
        });
    }
    const tiles = [];
    let y = 0;
    for (const g of groups) {
        const rows = Math.ceil(g.charts.length / 2);
        // A collapsible group covers the tiles below it, up to its height.
        tiles.push({
            xPos: 0,
            yPos: y,
            width: exports.DASHBOARD_COLUMNS,
            height: rows * CHART_HEIGHT,
            widget: { title: g.title, collapsibleGroup: { collapsed: false } },
        });
        g.charts.forEach((c, i) => {
            tiles.push({
                xPos: (i % 2) * CHART_WIDTH,
                yPos: y + Math.floor(i / 2) * CHART_HEIGHT,
                width: CHART_WIDTH,
                height: CHART_HEIGHT,
                widget: chartWidget(c),
            });
        });
        y += rows * CHART_HEIGHT;
    }
    return JSON.stringify({
        displayName: input.displayName,
        labels: input.labels,
        mosaicLayout: { columns: exports.DASHBOARD_COLUMNS, tiles },
    });
}
function chartWidget(c) {
    return {
        title: c.title,
        xyChart: {
            chartOptions: { mode: "COLOR" },
            dataSets: [
                {
                    plotType: "LINE",
                    targetAxis: "Y1",
                    timeSeriesQuery: {
                        timeSeriesFilter: {
                            filter: c.filter,
                            aggregation: {
                                alignmentPeriod: "60s",
                                perSeriesAligner: c.aligner,
                                ...(c.reducer ? { crossSeriesReducer: c.reducer, groupByFields: c.groupBy ?? [] } : {}),
                            },
                        },
                    },
                },
            ],
            ...(c.threshold !== undefined ? { thresholds: [{ value: c.threshold, targetAxis: "Y1" }] } : {}),
        },
    };
}
/**
 * Console URL of a dashboard from its id (`projects/<number>/dashboards/<uuid>` or the bare uuid).
 *
 * @example
 * ```ts
 * dashboardUrl("projects/123/dashboards/abc", "acme"); // "https://console.cloud.google.com/monitoring/dashboards/builder/abc?project=acme"
 * ```
 */
function dashboardUrl(id, project) {
    const uuid = id.split("/").pop() ?? id;
    return `https://console.cloud.google.com/monitoring/dashboards/builder/${encodeURIComponent(uuid)}?project=${encodeURIComponent(project)}`;
}
//# sourceMappingURL=dashboard.js.map