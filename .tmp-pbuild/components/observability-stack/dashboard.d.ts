import type { ObservabilitySpec } from "./spec";
/** Mosaic grid width. */
export declare const DASHBOARD_COLUMNS = 48;
/** What the dashboard shows, with every name resolved. */
export interface DashboardInput {
    readonly displayName: string;
    readonly labels: Readonly<Record<string, string>>;
    readonly services: readonly {
        readonly key: string;
        readonly serviceName: string;
        readonly checkId?: string;
    }[];
    readonly databases: readonly {
        readonly key: string;
        readonly databaseId: string;
        readonly hasReplicas: boolean;
    }[];
    readonly caches: readonly {
        readonly key: string;
        readonly instanceId: string;
    }[];
    readonly targets: ObservabilitySpec["targets"];
}
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
export declare function dashboardJson(input: DashboardInput): string;
/**
 * Console URL of a dashboard from its id (`projects/<number>/dashboards/<uuid>` or the bare uuid).
 *
 * @example
 * ```ts
 * dashboardUrl("projects/123/dashboards/abc", "acme"); // "https://console.cloud.google.com/monitoring/dashboards/builder/abc?project=acme"
 * ```
 */
export declare function dashboardUrl(id: string, project: string): string;
