import type * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { type CisLogMetric } from "./filters";
import { Severity, type ObservabilitySpec } from "./spec";
type Condition = gcp.types.input.monitoring.AlertPolicyCondition;
type Strategy = gcp.types.input.monitoring.AlertPolicyAlertStrategy;
type Targets = ObservabilitySpec["targets"];
/** One alert policy to create. */
export interface AlertSpec {
    /** Child-name parts after the component name, e.g. `["api", "5xx"]`; also the key in `alertPolicyNames`. */
    readonly role: readonly string[];
    /** What it watches (service, database or cache key, or `audit`): the `target` user label. */
    readonly target: string;
    readonly displayName: string;
    readonly severity: Severity;
    readonly combiner: "OR" | "AND";
    readonly conditions: Condition[];
    /** Markdown: what fired and what to check first. */
    readonly documentation: string;
    readonly alertStrategy?: Strategy;
}
/** Cloud Run 5xx ratio and p95 latency for one service. */
export declare function serviceAlerts(title: string, key: string, serviceName: pulumi.Input<string>, t: Targets): AlertSpec[];
/** The uptime check failing from more than one region. */
export declare function uptimeAlert(title: string, key: string, healthPath: string, checkId: pulumi.Input<string>): AlertSpec;
/** Multi-window burn-rate alerts (fast and slow) for one SLO. */
export declare function burnRateAlerts(title: string, key: string, kind: "availability" | "latency", sloName: pulumi.Input<string>, goal: number): AlertSpec[];
/** CPU, disk, memory, replica lag (with replicas) and failed backups for one Cloud SQL instance. */
export declare function databaseAlerts(title: string, key: string, project: string, dbId: pulumi.Input<string>, hasReplicas: boolean, t: Targets): AlertSpec[];
/** Memory usage ratio for one Redis instance. */
export declare function cacheAlerts(title: string, key: string, instanceId: pulumi.Input<string>, t: Targets): AlertSpec[];
/** The alert on a CIS log metric: any matching entry within a minute fires it. */
export declare function cisAlert(title: string, key: CisLogMetric, metricName: pulumi.Input<string>): AlertSpec;
export {};
