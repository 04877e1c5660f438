import type * as gcp from "@pulumi/gcp";
import type * as pulumi from "@pulumi/pulumi";
import type { PlatformContext } from "../shared/context";
import type { Linkable } from "../shared/link";
import type { Transform } from "../shared/transform";
import { type CpuLimit, type MemoryLimit } from "./resources";
/** Who may reach the service at the network level. */
export declare const Ingress: {
    readonly all: "all";
    readonly internal: "internal";
    readonly internalAndLb: "internal-and-lb";
};
/** An ingress choice. */
export type Ingress = (typeof Ingress)[keyof typeof Ingress];
/** Our ingress names → Cloud Run v2 values. */
export declare const INGRESS_SETTING: {
    readonly all: "INGRESS_TRAFFIC_ALL";
    readonly internal: "INGRESS_TRAFFIC_INTERNAL_ONLY";
    readonly "internal-and-lb": "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER";
};
/** What goes through the VPC: only private ranges (default) or everything. */
export declare const VpcEgress: {
    readonly PRIVATE_RANGES_ONLY: "PRIVATE_RANGES_ONLY";
    readonly ALL_TRAFFIC: "ALL_TRAFFIC";
};
/** A VPC egress setting. */
export type VpcEgress = (typeof VpcEgress)[keyof typeof VpcEgress];
/** Cloud Run v2 traffic allocation types. */
export declare const TrafficType: {
    readonly LATEST: "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST";
    readonly REVISION: "TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION";
};
/** Env names Cloud Run sets itself and refuses in a revision. */
export declare const RESERVED_ENV: readonly ["PORT", "K_SERVICE", "K_REVISION", "K_CONFIGURATION"];
/** Members that would make the service public; only `public: true` grants `allUsers`. */
export declare const PUBLIC_MEMBERS: readonly ["allUsers", "allAuthenticatedUsers"];
/**
 * A canary: a second revision running `image` gets `percent` of the traffic (tag `canary`), the
 * stable revision keeps the rest. See {@link CloudRunService} for the revision model.
 *
 * @example
 * ```ts
 * const canary: CanaryArgs = { percent: 10, image: "europe-docker.pkg.dev/acme/app/api:v2" };
 * ```
 */
export interface CanaryArgs {
    /** Share of requests for the canary, 1–99. */
    readonly percent: number;
    /** The canary's image. */
    readonly image: pulumi.Input<string>;
    /** Revision that keeps the rest of the traffic. @default the revision `image` + today's settings produced */
    readonly stableRevision?: string;
}
/**
 * Arguments of {@link CloudRunService}.
 *
 * @example
 * ```ts
 * const args: CloudRunServiceArgs = { ctx, image: "europe-docker.pkg.dev/acme/app/api:v1", cpu: "2", memory: "1Gi",
 *   network: net.networkId, subnetwork: net.subnetworkId, link: [db, cache, kmsLink(kms, "data")] };
 * ```
 */
export interface CloudRunServiceArgs {
    readonly ctx: PlatformContext;
    /** Container image (ideally pinned by digest). */
    readonly image: pulumi.Input<string>;
    /** @default "1" */
    readonly cpu?: CpuLimit;
    /** @default "512Mi" (raised to the CPU's floor, e.g. 2Gi for 4 CPUs) */
    readonly memory?: MemoryLimit;
    /** CPU only during requests (request-based billing). Fractional CPUs require true. @default true */
    readonly cpuIdle?: boolean;
    /** Extra CPU while an instance starts. @default true */
    readonly startupCpuBoost?: boolean;
    /** @default 0 */
    readonly minInstances?: number;
    /** @default 10 */
    readonly maxInstances?: number;
    /** Concurrent requests per instance, 1–1000 (fractional CPUs require 1). @default 80 (1 for fractional CPUs) */
    readonly concurrency?: number;
    /** Request timeout, 1–3600 s. @default 300 */
    readonly timeoutSeconds?: number;
    /** Container port. @default 8080 */
    readonly port?: number;
    /** @default "all" (every request still needs IAM unless `public`) */
    readonly ingress?: Ingress;
    /** Grant `roles/run.invoker` to `allUsers`. @default false */
    readonly public?: boolean;
    /** Members that may invoke the service (`serviceAccount:…`, `user:…`, `group:…`). @default [] */
    readonly invokers?: readonly pulumi.Input<string>[];
    /** Plain env vars. @default {} */
    readonly env?: Readonly<Record<string, pulumi.Input<string>>>;
    /** Env vars from Secret Manager: env name → secret id or `projects/…/secrets/…` (latest version). @default {} */
    readonly secrets?: Readonly<Record<string, string>>;
    /** Liveness probe path. @default "/health" */
    readonly healthPath?: string;
    /** Startup probe path: traffic arrives only once it answers. @default "/ready" */
    readonly readinessPath?: string;
    /** VPC for direct VPC egress (Cloud SQL and Memorystore private IPs). */
    readonly network?: pulumi.Input<string>;
    /** Subnet for direct VPC egress. */
    readonly subnetwork?: pulumi.Input<string>;
    /** @default "PRIVATE_RANGES_ONLY" */
    readonly vpcEgress?: VpcEgress;
    /** Components whose env vars, secrets and grants the service receives. @default [] */
    readonly link?: readonly Linkable[];
    /** Send a share of the traffic to a second image. @default none */
    readonly canary?: CanaryArgs;
    /** Cloud Run deletion protection. @default true */
    readonly deletionProtection?: boolean;
    /** CMEK key for the container image (the Cloud Run service agent needs encrypterDecrypter on it). */
    readonly kmsKeyId?: pulumi.Input<string>;
    readonly transform?: {
        service?: Transform<gcp.cloudrunv2.ServiceArgs>;
        serviceAccount?: Transform<gcp.serviceaccount.AccountArgs>;
        projectIamMember?: Transform<gcp.projects.IAMMemberArgs>;
        secretIamMember?: Transform<gcp.secretmanager.SecretIamMemberArgs>;
        cryptoKeyIamMember?: Transform<gcp.kms.CryptoKeyIAMMemberArgs>;
        invokerIamMember?: Transform<gcp.cloudrunv2.ServiceIamMemberArgs>;
    };
}
/** Defaults of {@link CloudRunServiceArgs}. */
export declare const DEFAULTS: {
    readonly cpu: "1";
    readonly memory: "512Mi";
    readonly cpuIdle: true;
    readonly startupCpuBoost: true;
    readonly minInstances: 0;
    readonly maxInstances: 10;
    readonly concurrency: 80;
    readonly timeoutSeconds: 300;
    readonly port: 8080;
    readonly ingress: "all";
    readonly public: false;
    readonly healthPath: "/health";
    readonly readinessPath: "/ready";
    readonly vpcEgress: "PRIVATE_RANGES_ONLY";
    readonly deletionProtection: true;
};
/** A secret env var: the secret and the key of the IAM grant that lets the service read it. */
export interface SecretEnv {
    readonly name: string;
    readonly secret: pulumi.Input<string>;
}
/** A grant on one resource; `key` makes the child's logical name. */
export interface Grant {
    readonly key: string;
    readonly resource: pulumi.Input<string>;
}
/** Settings with defaults applied, links merged and everything validated. */
export interface CloudRunSpec {
    readonly serviceName: string;
    readonly cpu: string;
    readonly memory: string;
    readonly cpuIdle: boolean;
    readonly startupCpuBoost: boolean;
    readonly executionEnvironment: "EXECUTION_ENVIRONMENT_GEN1" | "EXECUTION_ENVIRONMENT_GEN2";
    readonly minInstances: number;
    readonly maxInstances: number;
    readonly concurrency: number;
    readonly timeoutSeconds: number;
    readonly port: number;
    readonly ingress: Ingress;
    readonly public: boolean;
    readonly invokers: readonly pulumi.Input<string>[];
    /** Plain env, sorted by name. */
    readonly env: readonly {
        name: string;
        value: pulumi.Input<string>;
    }[];
    /** Secret env, sorted by name. */
    readonly secretEnv: readonly SecretEnv[];
    readonly secretGrants: readonly Grant[];
    readonly cloudSqlInstances: readonly Grant[];
    readonly kmsKeys: readonly Grant[];
    readonly kmsSigningKeys: readonly Grant[];
    readonly healthPath: string;
    readonly readinessPath: string;
    readonly vpc?: {
        readonly network?: pulumi.Input<string>;
        readonly subnetwork?: pulumi.Input<string>;
        readonly egress: VpcEgress;
    };
    readonly canary?: CanaryArgs;
    readonly deletionProtection: boolean;
}
/**
 * Problems with an env var name (empty when valid).
 *
 * @example
 * ```ts
 * validateEnvName("env.PORT", "PORT"); // ["env.PORT: PORT is set by Cloud Run; choose another name"]
 * ```
 */
export declare function validateEnvName(field: string, name: string): string[];
/**
 * Problems with a Secret Manager reference (`my-secret` or `projects/p/secrets/my-secret`).
 *
 * @example
 * ```ts
 * validateSecretRef("secrets.DB", "projects/p/secrets/db/versions/3"); // ["secrets.DB must be a secret id …"]
 * ```
 */
export declare function validateSecretRef(field: string, ref: string): string[];
/**
 * Deterministic revision name: `<service>-<10 hex>` from the image and the fingerprint of every
 * other revision setting. Same image + same settings → same name, so a canary can pin the stable
 * revision by name without reading live state.
 *
 * @example
 * ```ts
 * revisionName("shop-prod-api", "europe-docker.pkg.dev/acme/app/api:v1", "3f2a…"); // "shop-prod-api-5d1c0a9be2"
 * ```
 */
export declare function revisionName(serviceName: string, image: string, fingerprint: string): string;
/**
 * Fingerprint of a resolved revision template without its image and revision name (keys sorted,
 * so field order does not matter).
 *
 * @example
 * ```ts
 * templateFingerprint({ timeout: "300s", containers: [{ image: "a" }] }) === templateFingerprint({ containers: [{ image: "b" }], timeout: "300s" }); // true
 * ```
 */
export declare function templateFingerprint(template: Readonly<Record<string, unknown>>): string;
/** JSON with object keys sorted and undefined values dropped. */
export declare function stableJson(value: unknown): string;
/**
 * Applies defaults, merges links and validates; throws one {@link PlatformError} listing every problem.
 *
 * @example
 * ```ts
 * normalizeCloudRunArgs("api", { ctx, image, cpu: "4", memory: "1Gi" });
 * // PlatformError: CloudRunService 'api': memory must be 2Gi–16Gi for cpu "4", got "1Gi"
 * ```
 */
export declare function normalizeCloudRunArgs(name: string, args: CloudRunServiceArgs): CloudRunSpec;
