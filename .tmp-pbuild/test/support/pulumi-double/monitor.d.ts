/**
 * The gRPC services a Pulumi program talks to: `pulumirpc.ResourceMonitor` (registrations, invokes,
 * reads, feature negotiation, shutdown) and `pulumirpc.Engine` (logging, root resource), both on
 * one 127.0.0.1 port, backed by a {@link Deployment}.
 */
import { type Deployment } from "./engine";
import type { Props } from "./props";
/** Everything the services need besides the deployment. */
export interface MonitorContext {
    deployment: Deployment;
    project: string;
    stack: string;
    dryRun: boolean;
    parallel: number;
    config: Record<string, string>;
    configSecretKeys: string[];
    /** Plaintext config (objects parsed) for invokes. */
    providerConfig: Props;
}
/** A running monitor+engine server. */
export interface MonitorServer {
    readonly address: string;
    /** Resolves when the program called SignalAndWaitForShutdown. */
    readonly shutdownSignaled: Promise<void>;
    close(): void;
}
/** Starts the ResourceMonitor and Engine services on 127.0.0.1:0. */
export declare function startMonitor(mc: MonitorContext): Promise<MonitorServer>;
