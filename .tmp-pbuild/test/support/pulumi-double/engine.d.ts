import type { Display, OperationKind } from "./display";
import { type EventSink } from "./events";
import { type Props } from "./props";
import type { PendingOperation, ResourceState } from "./state";
/** gRPC status codes the engine answers with. */
export declare const Status: {
    readonly UNKNOWN: 2;
    readonly INVALID_ARGUMENT: 3;
    readonly NOT_FOUND: 5;
    readonly UNIMPLEMENTED: 12;
    readonly UNAVAILABLE: 14;
};
/** A failure the monitor reports to the program as a gRPC error. */
export declare class GrpcFailure extends Error {
    readonly code: number;
    constructor(code: number, message: string);
}
/** Faults injected through the environment of the CLI process. */
export interface Faults {
    /** PULUMI_DOUBLE_FAIL_ON: logical name of a resource whose provider operations fail. */
    failOn?: string;
    /** PULUMI_DOUBLE_DELAY_MS: sleep per provider operation. */
    delayMs: number;
    /** PULUMI_DOUBLE_CRASH_AFTER: SIGKILL self when starting provider operation n+1. */
    crashAfter?: number;
}
/** Reads the fault variables. */
export declare function faultsFromEnv(env: NodeJS.ProcessEnv): Faults;
/** A RegisterResource request, decoded. */
export interface RegisterRequest {
    type: string;
    name: string;
    parent: string;
    custom: boolean;
    remote: boolean;
    object: Props;
    protect?: boolean;
    dependencies: string[];
    provider: string;
    propertyDependencies: Record<string, string[]>;
    deleteBeforeReplace: boolean;
    version: string;
    ignoreChanges: string[];
    additionalSecretOutputs: string[];
    aliasURNs: string[];
    importId: string;
    replaceOnChanges: string[];
    retainOnDelete?: boolean;
    deletedWith: string;
    supportsResultReporting: boolean;
}
/** What RegisterResource answers. */
export interface RegisterResult {
    urn: string;
    id: string;
    object: Props;
    /** 0 success, 1 failed (only with result reporting and --continue-on-error). */
    result: number;
}
/** Options of one deployment. */
export interface DeploymentOptions {
    kind: OperationKind;
    dryRun: boolean;
    project: string;
    stack: string;
    olds: ResourceState[];
    pendingOperations: PendingOperation[];
    /** Plaintext runtime config (the provider reads `gcp:project` and friends). */
    config: Props;
    events: EventSink;
    display: Display;
    /** Journals the snapshot (not called in dry runs). */
    persist: (resources: ResourceState[], pending: PendingOperation[]) => void;
    parallel: number;
    targets: string[];
    replaceTargets: string[];
    excludes: string[];
    continueOnError: boolean;
    excludeProtected: boolean;
    faults: Faults;
}
/** One update / preview / refresh / destroy. */
export declare class Deployment {
    private readonly o;
    private readonly olds;
    private readonly news;
    private readonly visited;
    private readonly deleted;
    private readonly pendingDeletes;
    private readonly pending;
    private readonly stepOps;
    private readonly componentStarts;
    private readonly defaultProviders;
    private readonly inflight;
    private readonly sem;
    private opsStarted;
    /** Counts of logical steps (the summary's `resourceChanges`). */
    readonly changes: Record<string, number>;
    /** Set when a step failed. */
    failed: boolean;
    /** Set once new registrations are refused (failure without --continue-on-error, or cancel). */
    stopping: boolean;
    /** Set by a graceful cancel (first SIGINT). */
    canceled: boolean;
    /** URN of the root stack resource. */
    rootUrn: string;
    constructor(o: DeploymentOptions);
    private meta;
    private emitPre;
    private emitOutputs;
    private count;
    /** Emits a diagnostic event and records it for the display. */
    diag(severity: "error" | "warning" | "info" | "debug", message: string, urn?: string): void;
    /** The snapshot as it stands: new states, replaced originals awaiting deletion, untouched olds. */
    snapshot(): ResourceState[];
    private journal;
    private providerOp;
    private ensureDefaultProvider;
    private track;
    /** Waits for every in-flight registration. */
    drain(): Promise<void>;
    /** RegisterResource. */
    registerResource(req: RegisterRequest): Promise<RegisterResult>;
    private isTargeted;
    private doRegister;
    private secretOutputs;
    private failStep;
    private execute;
    private replace;
    /** RegisterResourceOutputs: component (and root stack) outputs. */
    registerOutputs(urn: string, outputs: Props): void;
    /** ReadResource: adopts an existing resource as external state (op `read`). */
    readResource(req: {
        type: string;
        name: string;
        parent: string;
        id: string;
        properties: Props;
        provider: string;
        version: string;
        dependencies: string[];
        additionalSecretOutputs: string[];
    }): Promise<{
        urn: string;
        properties: Props;
    }>;
    /** `pulumi:pulumi:getResource`: the state of a resource registered now or in the old snapshot. */
    getResource(urn: string): {
        urn: string;
        id: string;
        state: Props;
    } | undefined;
    private deleteOne;
    private runDeletes;
    private providerUrnsUsedBy;
    /** After the program: deletes of removed resources and replaced originals, in reverse order. */
    deleteRemoved(): Promise<void>;
    /** `pulumi destroy`: deletes everything (targets / --exclude-protected respected). */
    destroyAll(): Promise<void>;
    /** `pulumi refresh`: reads every custom resource back from the (never drifting) provider. */
    refreshAll(): Promise<void>;
    /** The root stack's outputs in the new snapshot (old ones when the stack was not re-registered). */
    stackOutputs(): Props | undefined;
}
