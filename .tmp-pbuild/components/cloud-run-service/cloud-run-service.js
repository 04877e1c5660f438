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
exports.CloudRunService = exports.INVOKER_ROLE = exports.BASE_ROLES = exports.CLOUD_RUN_SERVICE_TYPE = void 0;
const gcp = __importStar(require("@pulumi/gcp"));
const pulumi = __importStar(require("@pulumi/pulumi"));
const labels_1 = require("../shared/labels");
const naming_1 = require("../shared/naming");
const outputs_1 = require("../shared/outputs");
const transform_1 = require("../shared/transform");
const links_1 = require("./links");
const spec_1 = require("./spec");
/** Type token of {@link CloudRunService}. */
exports.CLOUD_RUN_SERVICE_TYPE = "platform:compute:CloudRunService";
/** Project-level roles every service identity gets: writing its own logs and metrics, nothing else. */
exports.BASE_ROLES = {
    "log-writer": "roles/logging.logWriter",
    "metric-writer": "roles/monitoring.metricWriter",
};
/** Invoker role. */
exports.INVOKER_ROLE = "roles/run.invoker";
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
class CloudRunService extends pulumi.ComponentResource {
    /** HTTPS URL; resolves after the invoker grants exist. */
    url;
    /** Cloud Run service name. */
    serviceName;
    /** The service's identity; resolves after all of its grants exist. */
    serviceAccountEmail;
    /** Region. */
    location;
    /** Name of the revision the template deploys (the canary's when a canary runs). */
    revision;
    /** Settings with defaults applied and links merged. */
    spec;
    children;
    constructor(name, args, opts) {
        super(exports.CLOUD_RUN_SERVICE_TYPE, name, {}, opts);
        const ctx = args.ctx;
        const spec = (0, spec_1.normalizeCloudRunArgs)(name, args);
        const parent = this;
        const serviceAccount = createServiceAccount();
        const member = pulumi.interpolate `serviceAccount:${serviceAccount.email}`;
        const projectGrants = [
            ...Object.entries(exports.BASE_ROLES).map(([key, role]) => createProjectGrant(key, role)),
            ...spec.cloudSqlInstances.map(createCloudSqlGrant),
        ];
        const secretGrants = spec.secretGrants.map(createSecretGrant);
        const keyGrants = [
            ...spec.kmsKeys.map((g) => createKeyGrant(g, links_1.LINK_ROLES.encrypterDecrypter)),
            ...spec.kmsSigningKeys.map((g) => createKeyGrant(g, links_1.LINK_ROLES.signerVerifier)),
        ];
        // A revision is checked against its identity's access when it deploys: grants come first.
        const { service, revision } = createService([...projectGrants, ...secretGrants, ...keyGrants]);
        const invokers = createInvokers(service);
        this.spec = spec;
        this.revision = revision;
        this.serviceName = service.name;
        this.location = service.location;
        this.url = (0, outputs_1.afterAll)(service.uri, invokers);
        this.serviceAccountEmail = (0, outputs_1.afterAll)(serviceAccount.email, [
            ...projectGrants,
            ...secretGrants,
            ...keyGrants,
        ]);
        this.children = { service, serviceAccount, projectGrants, secretGrants, keyGrants, invokers };
        this.registerOutputs({
            url: this.url,
            serviceName: this.serviceName,
            serviceAccountEmail: this.serviceAccountEmail,
            location: this.location,
        });
        function createServiceAccount() {
            const labels = (0, labels_1.platformLabels)(ctx, "cloud-run");
            return new gcp.serviceaccount.Account(...(0, transform_1.transform)(args.transform?.serviceAccount, (0, naming_1.childName)(name, "sa"), {
                // 6–30 characters; the "run" suffix keeps short app/env/name combinations long enough.
                accountId: (0, naming_1.physicalName)([ctx.app, ctx.env, name, "run"], { maxLength: 30 }),
                project: ctx.project,
                displayName: `Cloud Run ${spec.serviceName}`.slice(0, 100),
                description: `Runtime identity of Cloud Run service ${spec.serviceName}; least privilege, granted by the platform. ${Object.entries(labels)
                    .map(([k, v]) => `${k}=${v}`)
                    .join(" ")}`.slice(0, 256),
            }, { parent }));
        }
        function createProjectGrant(key, role) {
            return new gcp.projects.IAMMember(...(0, transform_1.transform)(args.transform?.projectIamMember, (0, naming_1.childName)(name, key), { project: ctx.project, role, member }, { parent }));
        }
        function createCloudSqlGrant(g) {
            const c = pulumi.output(g.resource).apply(links_1.cloudSqlCondition);
            return new gcp.projects.IAMMember(...(0, transform_1.transform)(args.transform?.projectIamMember, (0, naming_1.childName)(name, g.key), {
                project: c.project,
                role: links_1.LINK_ROLES.cloudSqlClient,
                member,
                condition: { title: c.title, description: c.description, expression: c.expression },
            }, { parent }));
        }
        function createSecretGrant(g) {
            const shortName = typeof g.resource === "string" && !g.resource.startsWith("projects/");
            return new gcp.secretmanager.SecretIamMember(...(0, transform_1.transform)(args.transform?.secretIamMember, (0, naming_1.childName)(name, g.key), {
                secretId: g.resource,
                role: links_1.LINK_ROLES.secretAccessor,
                member,
                ...(shortName ? { project: ctx.project } : {}),
            }, { parent }));
        }
        function createKeyGrant(g, role) {
            return new gcp.kms.CryptoKeyIAMMember(...(0, transform_1.transform)(args.transform?.cryptoKeyIamMember, (0, naming_1.childName)(name, g.key), { cryptoKeyId: g.resource, role, member }, { parent }));
        }
        function container(image) {
            return {
                image,
                ports: { containerPort: spec.port },
                resources: {
                    limits: { cpu: spec.cpu, memory: spec.memory },
                    cpuIdle: spec.cpuIdle,
                    startupCpuBoost: spec.startupCpuBoost,
                },
                envs: [
                    ...spec.env.map((e) => ({ name: e.name, value: e.value })),
                    ...spec.secretEnv.map((s) => ({
                        name: s.name,
                        valueSource: { secretKeyRef: { secret: s.secret, version: "latest" } },
                    })),
                ],
                // Up to 2 minutes to start; no traffic until readinessPath answers.
                startupProbe: {
                    httpGet: { path: spec.readinessPath, port: spec.port },
                    periodSeconds: 5,
                    timeoutSeconds: 3,
                    failureThreshold: 24,
                },
                livenessProbe: {
                    httpGet: { path: spec.healthPath, port: spec.port },
                    periodSeconds: 15,
                    timeoutSeconds: 5,
                    failureThreshold: 3,
                },
            };
        }
        function createService(after) {
            const servingImage = spec.canary ? spec.canary.image : args.image;
            const template = {
                serviceAccount: serviceAccount.email,
                executionEnvironment: spec.executionEnvironment,
                timeout: `${spec.timeoutSeconds}s`,
                maxInstanceRequestConcurrency: spec.concurrency,
                scaling: { minInstanceCount: spec.minInstances, maxInstanceCount: spec.maxInstances },
                containers: [container(servingImage)],
                ...(spec.vpc
                    ? {
                        vpcAccess: {
                            egress: spec.vpc.egress,
                            networkInterfaces: [
                                {
                                    ...(spec.vpc.network !== undefined ? { network: spec.vpc.network } : {}),
                                    ...(spec.vpc.subnetwork !== undefined ? { subnetwork: spec.vpc.subnetwork } : {}),
                                },
                            ],
                        },
                    }
                    : {}),
                ...(args.kmsKeyId !== undefined ? { encryptionKey: args.kmsKeyId } : {}),
            };
            const [n, a, o] = (0, transform_1.transform)(args.transform?.service, (0, naming_1.childName)(name, "service"), {
                name: spec.serviceName,
                location: ctx.region,
                project: ctx.project,
                description: `${ctx.app} ${name} (${ctx.env}), managed by the platform`,
                ingress: spec_1.INGRESS_SETTING[spec.ingress],
                deletionProtection: spec.deletionProtection,
                labels: (0, labels_1.platformLabels)(ctx, "cloud-run"),
                template,
            }, { parent, dependsOn: after });
            // Name revisions from the final template (after any transform) so every change gets a new name.
            const fingerprint = pulumi
                .output(a.template)
                .apply((t) => (0, spec_1.templateFingerprint)(t));
            const nameFor = (image) => pulumi.unsecret(pulumi.all([image, fingerprint]).apply(([i, f]) => (0, spec_1.revisionName)(spec.serviceName, i, f)));
            const revision = nameFor(servingImage);
            const traffics = spec.canary
                ? [
                    {
                        type: spec_1.TrafficType.REVISION,
                        revision: spec.canary.stableRevision ?? nameFor(args.image),
                        percent: 100 - spec.canary.percent,
                    },
                    { type: spec_1.TrafficType.REVISION, revision, percent: spec.canary.percent, tag: "canary" },
                ]
                : [{ type: spec_1.TrafficType.LATEST, percent: 100 }];
            const finalArgs = {
                ...a,
                template: pulumi.Output.isInstance(a.template)
                    ? a.template.apply((t) => ({ ...t, revision }))
                    : { ...a.template, revision },
                traffics: a.traffics ?? traffics,
            };
            return { service: new gcp.cloudrunv2.Service(n, finalArgs, o), revision };
        }
        function createInvokers(service) {
            const members = [
                ...(spec.public ? [["invoker-public", "allUsers"]] : []),
                ...spec.invokers.map((m, i) => [`invoker-${i}`, m]),
            ];
            return members.map(([key, m]) => new gcp.cloudrunv2.ServiceIamMember(...(0, transform_1.transform)(args.transform?.invokerIamMember, (0, naming_1.childName)(name, key), {
                name: service.name,
                location: service.location,
                project: ctx.project,
                role: exports.INVOKER_ROLE,
                member: m,
            }, { parent })));
        }
    }
    /** Raw children, an escape hatch for wiring this library does not cover. */
    get nodes() {
        return this.children;
    }
}
exports.CloudRunService = CloudRunService;
//# sourceMappingURL=cloud-run-service.js.map