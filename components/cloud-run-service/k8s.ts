import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import {
  clone,
  DNS_EGRESS,
  k8sLabels,
  restrictedPod,
  RESTRICTED_CONTAINER,
  selectorLabels,
  type KubernetesContext,
} from "../shared/kubernetes";
import type { Linkable, PodPeer } from "../shared/link";
import { childName } from "../shared/naming";
import { transform, type Transform } from "../shared/transform";
import { CLOUD_RUN_SERVICE_TYPE } from "./gcp";
import {
  envOf,
  K8S_SERVICE_DEFAULTS,
  normalizeK8sService,
  containerResources,
  knativeAnnotations,
  knativeTraffic,
  knativeContainerSecurity,
  probes,
  knativeRevisionName,
  type K8sServiceMode,
  type K8sServiceSpec,
} from "./k8s-spec";

/**
 * Arguments of {@link K8sCloudRunService}.
 *
 * @example
 * ```ts
 * const args: K8sCloudRunServiceArgs = { ctx, namespace, image: "ghcr.io/acme/api:1.42.0", minInstances: 2, maxInstances: 10, link: [db, cache] };
 * ```
 */
export interface K8sCloudRunServiceArgs {
  readonly ctx: KubernetesContext;
  readonly namespace: pulumi.Input<string>;
  /** Image with a fixed tag or digest. */
  readonly image: string;
  /** Container port. @default 8080 */
  readonly port?: number;
  /** CPU limit. @default "1" */
  readonly cpu?: string;
  /** CPU request. @default "250m" */
  readonly cpuRequest?: string;
  /** Memory request = limit. @default "512Mi" */
  readonly memory?: string;
  /** 0 → Knative Service (scale to zero). @default 1 */
  readonly minInstances?: number;
  /** @default 3 */
  readonly maxInstances?: number;
  /** Requests per pod (Knative containerConcurrency; its autoscaler targets 70 %). @default 80 */
  readonly concurrency?: number;
  /** Request timeout (Knative) and the grace period on shutdown. @default 300 */
  readonly timeoutSeconds?: number;
  /** HPA target CPU utilisation. @default 70 */
  readonly targetCpuUtilization?: number;
  /** Liveness path. @default "/health" */
  readonly healthPath?: string;
  /** Startup and readiness path. @default "/ready" */
  readonly readinessPath?: string;
  /** Plain env vars (never secrets: secrets come from links as Secret references). @default {} */
  readonly env?: Readonly<Record<string, string>>;
  /** Components whose env, Secret references and pods the service gets. @default [] */
  readonly link?: readonly Linkable[];
  /** Only namespace the service accepts traffic from (besides monitoring). @default "ingress-nginx" */
  readonly ingressNamespace?: string;
  /** Prometheus / blackbox namespace. @default "monitoring" */
  readonly monitoringNamespace?: string;
  /** Knative only: `percent` of requests to a new revision with `image`, the rest to the current one. */
  readonly canary?: { readonly percent: number; readonly image: string };
  /** Secret with the service's own TLS certificate, mounted at /etc/platform/tls. @default none */
  readonly tlsSecret?: pulumi.Input<string>;
  readonly transform?: {
    deployment?: Transform<k8s.apps.v1.DeploymentArgs>;
    hpa?: Transform<k8s.autoscaling.v2.HorizontalPodAutoscalerArgs>;
    knativeService?: Transform<k8s.apiextensions.CustomResourceArgs>;
    networkPolicy?: Transform<k8s.networking.v1.NetworkPolicyArgs>;
  };
}

/**
 * `platform:compute:CloudRunService` on Kubernetes. `minInstances ≥ 1`: a Deployment (no
 * `replicas`: the HPA owns it) + ClusterIP Service + HPA (autoscaling/v2, CPU) + PDB; `0`: a
 * Knative Service (scale to zero, canary by traffic percent). Both: a ServiceAccount without a
 * token, startup/readiness/liveness probes, the restricted securityContext, requests and limits,
 * topology spread in prod, and a NetworkPolicy that admits only the ingress and monitoring
 * namespaces and lets the pods reach exactly the linked pods (plus DNS). Linked Secrets arrive as
 * `secretKeyRef`s, never values. Cost: requests × the stack's rates (Knative: $0 idle).
 *
 * @example
 * ```ts
 * const api = new K8sCloudRunService("api", { ctx, namespace, image: "ghcr.io/acme/api:1.42.0", link: [db, cache] });
 * ```
 */
export class K8sCloudRunService extends pulumi.ComponentResource {
  public readonly mode: K8sServiceMode;
  /** In-cluster URL `http://<name>.<namespace>.svc.cluster.local`. */
  public readonly url: pulumi.Output<string>;
  public readonly serviceName: string;
  /** Labels of the service's pods. */
  public readonly podLabels: Readonly<Record<string, string>>;
  public readonly spec: K8sServiceSpec;
  public readonly nodes: Readonly<Record<string, pulumi.Resource>>;

  constructor(name: string, args: K8sCloudRunServiceArgs, opts?: pulumi.ComponentResourceOptions) {
    super(CLOUD_RUN_SERVICE_TYPE, name, {}, opts);
    const spec = normalizeK8sService(name, args);
    const { ctx, namespace } = args;
    const parent = this;
    const labels = k8sLabels(ctx, "service", name);
    const pods = selectorLabels(ctx, name);
    const links = (args.link ?? []).map((l) => l.getLink());
    const nodes: Record<string, pulumi.Resource> = {};
    this.mode = spec.mode;
    this.spec = spec;
    this.serviceName = name;
    this.podLabels = pods;

    const sa = new k8s.core.v1.ServiceAccount(
      childName(name, "sa"),
      { metadata: { name, namespace, labels }, automountServiceAccountToken: false },
      { parent },
    );
    nodes["serviceAccount"] = sa;
    const caMounts = links.flatMap((l) => l.caSecrets ?? []);
    const volumes = [
      { name: "tmp", emptyDir: { sizeLimit: "256Mi" } },
      ...caMounts.map((c) => ({
        name: `ca-${c.name}`,
        secret: { secretName: c.secretName, items: [{ key: "ca.crt", path: "ca.crt" }] },
      })),
      ...(args.tlsSecret ? [{ name: "tls", secret: { secretName: args.tlsSecret } }] : []),
    ];
    const volumeMounts = [
      { name: "tmp", mountPath: "/tmp" },
      ...caMounts.map((c) => ({
        name: `ca-${c.name}`,
        mountPath: `/etc/platform/ca/${c.name}`,
        readOnly: true,
      })),
      ...(args.tlsSecret ? [{ name: "tls", mountPath: "/etc/platform/tls", readOnly: true }] : []),
    ];
    const knativeProbes = (sp: K8sServiceSpec) => {
      const p = probes(sp);
      if (sp.mode === "deployment") return p;
      // Knative gates traffic on readiness itself; it rejects startup probes without a feature flag.
      return { readinessProbe: p.readinessProbe, livenessProbe: p.livenessProbe };
    };
    const container = (image: string) => ({
      name: "app",
      image,
      imagePullPolicy: "Always",
      ports: [{ name: spec.mode === "knative" ? "http1" : "http", containerPort: spec.port }],
      env: envOf(name, args.env ?? {}, links),
      resources: containerResources(spec),
      securityContext: spec.mode === "knative" ? knativeContainerSecurity() : clone(RESTRICTED_CONTAINER),
      volumeMounts,
      ...knativeProbes(spec),
    });
    const prodSpread =
      ctx.profile === "prod"
        ? {
            topologySpreadConstraints: [
              {
                maxSkew: 1,
                topologyKey: "topology.kubernetes.io/zone",
                whenUnsatisfiable: "ScheduleAnyway",
                labelSelector: { matchLabels: { ...pods } },
              },
              {
                maxSkew: 1,
                topologyKey: "kubernetes.io/hostname",
                whenUnsatisfiable: "DoNotSchedule",
                labelSelector: { matchLabels: { ...pods } },
              },
            ],
            affinity: {
              podAntiAffinity: {
                preferredDuringSchedulingIgnoredDuringExecution: [
                  {
                    weight: 100,
                    podAffinityTerm: {
                      topologyKey: "kubernetes.io/hostname",
                      labelSelector: { matchLabels: { ...pods } },
                    },
                  },
                ],
              },
            },
          }
        : {};
    // Knative admits only part of the PodSpec (no pod securityContext or grace period without
    // feature flags): its pods carry the restricted settings on the container instead.
    const podSpec = (image: string) => ({
      serviceAccountName: name,
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      ...(spec.mode === "deployment"
        ? {
            securityContext: restrictedPod(),
            terminationGracePeriodSeconds: Math.min(spec.timeoutSeconds + 5, 300),
          }
        : {}),
      containers: [container(image)],
      volumes,
    });

    if (spec.mode === "deployment") {
      const deployment = new k8s.apps.v1.Deployment(
        ...transform(
          args.transform?.deployment,
          childName(name, "deployment"),
          {
            metadata: { name, namespace, labels },
            spec: {
              // No replicas: the HPA owns the scale (kube-score deployment-targeted-by-hpa-does-not-have-replicas-configured).
              selector: { matchLabels: { ...pods } },
              revisionHistoryLimit: 5,
              strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: 0 } },
              template: { metadata: { labels }, spec: { ...podSpec(spec.image), ...prodSpread } },
            },
          },
          { parent, dependsOn: [sa] },
        ),
      );
      nodes["deployment"] = deployment;
      nodes["service"] = new k8s.core.v1.Service(
        childName(name, "service"),
        {
          metadata: { name, namespace, labels },
          spec: {
            type: "ClusterIP",
            selector: { ...pods },
            ports: [{ name: "http", port: 80, targetPort: "http" }],
          },
        },
        { parent },
      );
      nodes["hpa"] = new k8s.autoscaling.v2.HorizontalPodAutoscaler(
        ...transform(
          args.transform?.hpa,
          childName(name, "hpa"),
          {
            metadata: { name, namespace, labels },
            spec: {
              scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name },
              minReplicas: spec.minInstances,
              maxReplicas: spec.maxInstances,
              metrics: [
                {
                  type: "Resource",
                  resource: {
                    name: "cpu",
                    target: { type: "Utilization", averageUtilization: spec.targetCpuUtilization },
                  },
                },
              ],
              behavior: {
                scaleDown: {
                  stabilizationWindowSeconds: 300,
                  policies: [{ type: "Percent", value: 50, periodSeconds: 60 }],
                },
              },
            },
          },
          { parent, dependsOn: [deployment] },
        ),
      );
      nodes["pdb"] = new k8s.policy.v1.PodDisruptionBudget(
        childName(name, "pdb"),
        {
          metadata: { name, namespace, labels },
          spec: {
            selector: { matchLabels: { ...pods } },
            maxUnavailable: 1,
            unhealthyPodEvictionPolicy: "AlwaysAllow",
          },
        },
        { parent },
      );
    } else {
      const revisionKey = (image: string) => ({
        image,
        cpu: spec.cpuLimit,
        cpuRequest: spec.cpuRequest,
        memory: spec.memory,
        port: spec.port,
        env: args.env ?? {},
        concurrency: spec.concurrency,
        timeout: spec.timeoutSeconds,
      });
      const latest = knativeRevisionName(name, revisionKey(spec.canary?.image ?? spec.image));
      const stable = knativeRevisionName(name, revisionKey(spec.image));
      nodes["knativeService"] = new k8s.apiextensions.CustomResource(
        ...transform(
          args.transform?.knativeService,
          childName(name, "knative-service"),
          {
            apiVersion: "serving.knative.dev/v1",
            kind: "Service",
            metadata: {
              name,
              namespace,
              labels: { ...labels, "networking.knative.dev/visibility": "cluster-local" },
            },
            spec: {
              template: {
                metadata: { name: latest, labels, annotations: knativeAnnotations(spec) },
                spec: {
                  ...podSpec(spec.canary?.image ?? spec.image),
                  containerConcurrency: spec.concurrency,
                  timeoutSeconds: spec.timeoutSeconds,
                },
              },
              traffic: knativeTraffic(stable, latest, spec.canary?.percent),
            },
          },
          { parent, dependsOn: [sa] },
        ),
      );
    }
    const peers = links.flatMap((l) => l.peers ?? []);
    const usesCloudKeys = links.some((l) => (l.kmsKeys ?? []).length + (l.kmsSigningKeys ?? []).length > 0);
    const fromNs = (ns: string) => ({
      namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": ns } },
    });
    const ingressNs = args.ingressNamespace ?? K8S_SERVICE_DEFAULTS.ingressNamespace;
    const monitoringNs = args.monitoringNamespace ?? K8S_SERVICE_DEFAULTS.monitoringNamespace;
    nodes["networkPolicy"] = new k8s.networking.v1.NetworkPolicy(
      ...transform(
        args.transform?.networkPolicy,
        childName(name, "network-policy"),
        {
          metadata: { name, namespace, labels },
          spec: {
            podSelector: { matchLabels: { ...pods } },
            policyTypes: ["Ingress", "Egress"],
            ingress:
              spec.mode === "deployment"
                ? [{ from: [fromNs(ingressNs), fromNs(monitoringNs)], ports: [{ port: spec.port }] }]
                : // Knative routes through its activator and the queue-proxy sidecar (ports 8012, 8022, 9091).
                  [{ from: [fromNs(ingressNs), fromNs("knative-serving"), fromNs(monitoringNs)] }],
            egress: [
              clone(DNS_EGRESS),
              ...peers.map((p) => ({
                to: [{ podSelector: { matchLabels: { ...p.podLabels } } }],
                ports: p.ports.map((port) => ({ port })),
              })),
              // Cloud KMS / AWS KMS keys are reached over HTTPS outside the cluster.
              ...(usesCloudKeys
                ? [
                    {
                      to: [
                        {
                          ipBlock: {
                            cidr: "0.0.0.0/0",
                            except: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"],
                          },
                        },
                      ],
                      ports: [{ port: 443 }],
                    },
                  ]
                : []),
            ],
          },
        },
        { parent },
      ),
    );
    peers.forEach((p) => {
      nodes[`allow-${p.name}`] = admitPolicy(name, p, pods, labels, namespace, parent);
    });
    this.url = pulumi.interpolate`http://${name}.${namespace}.svc.cluster.local`;
    this.nodes = nodes;
    this.registerOutputs({ url: this.url });
  }
}

/** A policy on the peer's pods that admits this service's pods on the peer's ports. */
function admitPolicy(
  service: string,
  peer: PodPeer,
  pods: Record<string, string>,
  labels: Record<string, string>,
  namespace: pulumi.Input<string>,
  parent: pulumi.Resource,
): k8s.networking.v1.NetworkPolicy {
  return new k8s.networking.v1.NetworkPolicy(
    childName(service, "allow", peer.name),
    {
      metadata: { name: childName(service, "to", peer.name), namespace, labels },
      spec: {
        podSelector: { matchLabels: { ...peer.podLabels } },
        policyTypes: ["Ingress"],
        ingress: [
          {
            from: [{ podSelector: { matchLabels: { ...pods } } }],
            ports: peer.ports.map((port) => ({ port })),
          },
        ],
      },
    },
    { parent },
  );
}
