import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { platformLabels, PUBLIC_LABEL } from "../shared/labels";
import { childName, physicalName } from "../shared/naming";
import { afterAll } from "../shared/outputs";
import { transform } from "../shared/transform";
import { cloudSqlCondition, LINK_ROLES } from "./links";
import { revisionName, templateFingerprint, trafficTargets } from "./revisions";
import {
  INGRESS_SETTING,
  normalizeCloudRunArgs,
  type CloudRunServiceArgs,
  type CloudRunSpec,
  type Grant,
} from "./spec";

/** Type token of {@link CloudRunService}. */
export const CLOUD_RUN_SERVICE_TYPE = "platform:compute:CloudRunService";

/** Project-level roles every service identity gets: writing its own logs and metrics, nothing else. */
export const BASE_ROLES = {
  "log-writer": "roles/logging.logWriter",
  "metric-writer": "roles/monitoring.metricWriter",
} as const;

/** Invoker role. */
export const INVOKER_ROLE = "roles/run.invoker";

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
export class CloudRunService extends pulumi.ComponentResource {
  /** HTTPS URL; resolves after the invoker grants exist. */
  public readonly url: pulumi.Output<string>;
  /** Cloud Run service name. */
  public readonly serviceName: pulumi.Output<string>;
  /** The service's identity; resolves after all of its grants exist. */
  public readonly serviceAccountEmail: pulumi.Output<string>;
  /** Region. */
  public readonly location: pulumi.Output<string>;
  /** Name of the revision the template deploys (the canary's when a canary runs). */
  public readonly revision: pulumi.Output<string>;
  /** Settings with defaults applied and links merged. */
  public readonly spec: CloudRunSpec;
  private readonly children: {
    service: gcp.cloudrunv2.Service;
    serviceAccount: gcp.serviceaccount.Account;
    projectGrants: gcp.projects.IAMMember[];
    secretGrants: gcp.secretmanager.SecretIamMember[];
    keyGrants: gcp.kms.CryptoKeyIAMMember[];
    invokers: gcp.cloudrunv2.ServiceIamMember[];
  };

  constructor(name: string, args: CloudRunServiceArgs, opts?: pulumi.ComponentResourceOptions) {
    super(CLOUD_RUN_SERVICE_TYPE, name, {}, opts);
    const ctx = args.ctx;
    const spec = normalizeCloudRunArgs(name, args);
    const parent = this;

    const serviceAccount = createServiceAccount();
    const member = pulumi.interpolate`serviceAccount:${serviceAccount.email}`;
    const projectGrants = [
      ...Object.entries(BASE_ROLES).map(([key, role]) => createProjectGrant(key, role)),
      ...spec.cloudSqlInstances.map(createCloudSqlGrant),
    ];
    const secretGrants = spec.secretGrants.map(createSecretGrant);
    const keyGrants = [
      ...spec.kmsKeys.map((g) => createKeyGrant(g, LINK_ROLES.encrypterDecrypter)),
      ...spec.kmsSigningKeys.map((g) => createKeyGrant(g, LINK_ROLES.signerVerifier)),
    ];
    // A revision is checked against its identity's access when it deploys: grants come first.
    const { service, revision } = createService([...projectGrants, ...secretGrants, ...keyGrants]);
    const invokers = createInvokers(service);

    this.spec = spec;
    this.revision = revision;
    this.serviceName = service.name;
    this.location = service.location;
    this.url = afterAll(service.uri, invokers);
    this.serviceAccountEmail = afterAll(serviceAccount.email, [
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

    function createServiceAccount(): gcp.serviceaccount.Account {
      const labels = platformLabels(ctx, "cloud-run");
      return new gcp.serviceaccount.Account(
        ...transform(
          args.transform?.serviceAccount,
          childName(name, "sa"),
          {
            // 6–30 characters; the "run" suffix keeps short app/env/name combinations long enough.
            accountId: physicalName([ctx.app, ctx.env, name, "run"], { maxLength: 30 }),
            project: ctx.project,
            displayName: `Cloud Run ${spec.serviceName}`.slice(0, 100),
            description:
              `Runtime identity of Cloud Run service ${spec.serviceName}; least privilege, granted by the platform. ${Object.entries(
                labels,
              )
                .map(([k, v]) => `${k}=${v}`)
                .join(" ")}`.slice(0, 256),
          },
          { parent },
        ),
      );
    }

    function createProjectGrant(key: string, role: string): gcp.projects.IAMMember {
      return new gcp.projects.IAMMember(
        ...transform(
          args.transform?.projectIamMember,
          childName(name, key),
          { project: ctx.project, role, member },
          { parent },
        ),
      );
    }

    function createCloudSqlGrant(g: Grant): gcp.projects.IAMMember {
      const c = pulumi.output(g.resource).apply(cloudSqlCondition);
      return new gcp.projects.IAMMember(
        ...transform(
          args.transform?.projectIamMember,
          childName(name, g.key),
          {
            project: c.project,
            role: LINK_ROLES.cloudSqlClient,
            member,
            condition: { title: c.title, description: c.description, expression: c.expression },
          },
          { parent },
        ),
      );
    }

    function createSecretGrant(g: Grant): gcp.secretmanager.SecretIamMember {
      const shortName = typeof g.resource === "string" && !g.resource.startsWith("projects/");
      return new gcp.secretmanager.SecretIamMember(
        ...transform(
          args.transform?.secretIamMember,
          childName(name, g.key),
          {
            secretId: g.resource,
            role: LINK_ROLES.secretAccessor,
            member,
            ...(shortName ? { project: ctx.project } : {}),
          },
          { parent },
        ),
      );
    }

    function createKeyGrant(g: Grant, role: string): gcp.kms.CryptoKeyIAMMember {
      return new gcp.kms.CryptoKeyIAMMember(
        ...transform(
          args.transform?.cryptoKeyIamMember,
          childName(name, g.key),
          { cryptoKeyId: g.resource, role, member },
          { parent },
        ),
      );
    }

    function container(image: pulumi.Input<string>): gcp.types.input.cloudrunv2.ServiceTemplateContainer {
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

    function createService(after: pulumi.Resource[]) {
      const servingImage = spec.canary ? spec.canary.image : args.image;
      const template: gcp.types.input.cloudrunv2.ServiceTemplate = {
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
      const [n, a, o] = transform<gcp.cloudrunv2.ServiceArgs>(
        args.transform?.service,
        childName(name, "service"),
        {
          name: spec.serviceName,
          location: ctx.region,
          project: ctx.project,
          description: `${ctx.app} ${name} (${ctx.env}), managed by the platform`,
          ingress: INGRESS_SETTING[spec.ingress],
          deletionProtection: spec.deletionProtection,
          // The exposure label tells the guards that public access is intended.
          labels: platformLabels(
            ctx,
            "cloud-run",
            spec.public ? { [PUBLIC_LABEL.key]: PUBLIC_LABEL.value } : {},
          ),
          template,
        },
        { parent, dependsOn: after },
      );
      // Name revisions from the final template (after any transform) so every change gets a new name.
      const fingerprint = pulumi
        .output(a.template)
        .apply((t) => templateFingerprint(t as Record<string, unknown>));
      const nameFor = (image: pulumi.Input<string>) =>
        pulumi.unsecret(
          pulumi.all([image, fingerprint]).apply(([i, f]) => revisionName(spec.serviceName, i, f)),
        );
      const revision = nameFor(servingImage);
      const traffics = trafficTargets(
        spec.canary && {
          percent: spec.canary.percent,
          stable: spec.canary.stableRevision ?? nameFor(args.image),
          canary: revision,
        },
      );
      const finalArgs: gcp.cloudrunv2.ServiceArgs = {
        ...a,
        template:
          pulumi.Output.isInstance(a.template) || a.template instanceof Promise
            ? pulumi.all([a.template, revision]).apply(([t, r]) => ({ ...t, revision: r }))
            : { ...a.template, revision },
        traffics: a.traffics ?? traffics,
      };
      return { service: new gcp.cloudrunv2.Service(n, finalArgs, o), revision };
    }

    function createInvokers(service: gcp.cloudrunv2.Service): gcp.cloudrunv2.ServiceIamMember[] {
      const members: [string, pulumi.Input<string>][] = [
        ...(spec.public ? [["invoker-public", "allUsers"] as [string, string]] : []),
        ...spec.invokers.map((m, i) => [`invoker-${i}`, m] as [string, pulumi.Input<string>]),
      ];
      return members.map(
        ([key, m]) =>
          new gcp.cloudrunv2.ServiceIamMember(
            ...transform(
              args.transform?.invokerIamMember,
              childName(name, key),
              {
                name: service.name,
                location: service.location,
                project: ctx.project,
                role: INVOKER_ROLE,
                member: m,
              },
              { parent },
            ),
          ),
      );
    }
  }

  /** Raw children, an escape hatch for wiring this library does not cover. */
  public get nodes() {
    return this.children;
  }
}
