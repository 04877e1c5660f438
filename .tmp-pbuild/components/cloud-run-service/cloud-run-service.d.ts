import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { type CloudRunServiceArgs, type CloudRunSpec } from "./spec";
/** Type token of {@link CloudRunService}. */
export declare const CLOUD_RUN_SERVICE_TYPE = "platform:compute:CloudRunService";
/** Project-level roles every service identity gets: writing its own logs and metrics, nothing else. */
export declare const BASE_ROLES: {
    readonly "log-writer": "roles/logging.logWriter";
    readonly "metric-writer": "roles/monitoring.metricWriter";
};
/** Invoker role. */
export declare const INVOKER_ROLE = "roles/run.invoker";
/**
 * A Cloud Run (v2) service with its own least-privilege identity: a dedicated service account
 * (never the default compute one) that gets `logging.logWriter` and `monitoring.metricWriter` on
 * the project and, per linked component, exactly what it needs: `secretmanager.secretAccessor` on
 * each linked or named secret, `cloudsql.client` limited by an IAM condition to each linked
 * instance, `cloudkms.cryptoKeyEncrypterDecrypter` on each linked key. Direct VPC egress
 * (private ranges only) reaches private-IP Cloud SQL and Memorystore. A startup probe on
 * `readinessPath` gates traffic, a liveness probe on `healthPath` restarts stuck instances.
 * Invokers are explicit; `allUsers` only with `public: true`.
 *
 * ### Revisions and canaries
 * Revision names are deterministic: `<service>-<hash>` of the image and every other revision
 * setting ({@link revisionName}). Without a canary, the template runs `image` and 100 % of
 * traffic goes to the latest revision. With `canary`, the template runs `canary.image` (a new
 * revision, tag `canary`, `percent` of traffic) and the rest is pinned to the revision that `image`
 * with the same settings produced: the one serving before the canary started. So start a canary
 * without changing other settings in the same deploy (or name the stable revision with
 * `canary.stableRevision`). Promote by setting `image` to the canary image and removing `canary`
 * (the canary revision is reused, no new rollout); roll back by removing `canary`.
 *
 * ### Cost
 * Request-based billing (`cpuIdle`, default) charges only while requests run: about
 * $0.000024 per vCPU-second and $0.0000025 per GiB-second beyond the free tier. Every
 * `minInstances` instance is billed all month at the idle rate: one 1 vCPU / 512Mi warm instance is
 * roughly **$10–15/month**; with `cpuIdle: false` about $50/month. Scale-to-zero dev services cost
 * close to nothing.
 *
 * @example
 * ```ts
 * const api = new CloudRunService("api", {
 *   ctx,
 *   image: "europe-docker.pkg.dev/acme/app/api:v1",
 *   cpu: "2",
 *   memory: "1Gi",
 *   minInstances: 1,
 *   network: net.networkId,
 *   subnetwork: net.subnetworkId,
 *   link: [db, cache, kmsLink(kms, "data")],
 *   invokers: ["serviceAccount:frontend@acme.iam.gserviceaccount.com"],
 * });
 * export const url = api.url;
 * ```
 */
export declare class CloudRunService extends pulumi.ComponentResource {
    /** HTTPS URL; resolves after the invoker grants exist. */
    readonly url: pulumi.Output<string>;
    /** Cloud Run service name. */
    readonly serviceName: pulumi.Output<string>;
    /** The service's identity; resolves after all of its grants exist. */
    readonly serviceAccountEmail: pulumi.Output<string>;
    /** Region. */
    readonly location: pulumi.Output<string>;
    /** Name of the revision the template deploys (the canary's when a canary runs). */
    readonly revision: pulumi.Output<string>;
    /** Settings with defaults applied and links merged. */
    readonly spec: CloudRunSpec;
    private readonly children;
    constructor(name: string, args: CloudRunServiceArgs, opts?: pulumi.ComponentResourceOptions);
    /** Raw children, an escape hatch for wiring this library does not cover. */
    get nodes(): {
        service: gcp.cloudrunv2.Service;
        serviceAccount: gcp.serviceaccount.Account;
        projectGrants: gcp.projects.IAMMember[];
        secretGrants: gcp.secretmanager.SecretIamMember[];
        keyGrants: gcp.kms.CryptoKeyIAMMember[];
        invokers: gcp.cloudrunv2.ServiceIamMember[];
    };
}
