import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import {
  clone,
  DNS_EGRESS,
  k8sLabels,
  REDIS_EXPORTER_IMAGE,
  restrictedPod,
  RESTRICTED_CONTAINER,
  selectorLabels,
  VALKEY_IMAGE,
  type KubernetesContext,
} from "../shared/kubernetes";
import type { Link, Linkable } from "../shared/link";
import { childName } from "../shared/naming";
import { transform, type Transform } from "../shared/transform";
import { REDIS_CACHE_TYPE } from "./gcp";
import { initScript, sentinelConf, SENTINEL_MASTER, TLS_DIR, validateValkey, valkeyConf } from "./k8s-spec";
import type { RedisTier } from "./spec";

/**
 * Arguments of {@link K8sRedisCache}.
 *
 * @example
 * ```ts
 * const args: K8sRedisCacheArgs = { ctx, mode: "valkey", namespace, tlsSecret: "cache-tls", tier: "STANDARD_HA" };
 * ```
 */
export interface K8sRedisCacheArgs {
  readonly ctx: KubernetesContext;
  /** `memory`: nothing is created, linked services cache in-process. @default "valkey" */
  readonly mode?: "memory" | "valkey";
  /** Required with valkey. */
  readonly namespace?: pulumi.Input<string>;
  /** cert-manager Secret for TLS (its certificate must name `*.<name>-headless.<ns>.svc.cluster.local`). Required with valkey. */
  readonly tlsSecret?: pulumi.Input<string>;
  /** BASIC: one pod. STANDARD_HA: three pods (primary, two replicas) with Sentinel failover. @default "STANDARD_HA" in prod, else "BASIC" */
  readonly tier?: RedisTier;
  /** Memory limit per pod (maxmemory is 80 % of it), GiB. @default 1 */
  readonly memorySizeGb?: number;
  /** @default "rdb" */
  readonly persistence?: "none" | "rdb";
  /** CPU request per pod. @default "100m" */
  readonly cpu?: string;
  /** @default valkey/valkey:8.1.4-alpine */
  readonly image?: string;
  /** @default the cluster's default StorageClass */
  readonly storageClass?: string;
  /** Pulumi `protect` on the StatefulSet. @default true */
  readonly protect?: boolean;
  /** Namespace of Prometheus (allowed to scrape port 9121). @default "monitoring" */
  readonly monitoringNamespace?: string;
  readonly transform?: { statefulSet?: Transform<k8s.apps.v1.StatefulSetArgs> };
}

/**
 * `platform:data:RedisCache` on Kubernetes: a StatefulSet of the official Valkey image (no Bitnami)
 * with AUTH from a generated Secret, TLS only from a cert-manager certificate, a PVC per pod, RDB
 * snapshots, a redis_exporter sidecar, a PodDisruptionBudget and a NetworkPolicy; STANDARD_HA
 * runs three pods with a Sentinel in each (quorum 2, automatic failover). `mode: "memory"`
 * creates nothing and links `CACHE_BACKEND=memory`. Cost: requests × the stack's rates + PVCs.
 *
 * @example
 * ```ts
 * const cache = new K8sRedisCache("cache", { ctx, namespace, tlsSecret: "cache-tls", tier: "STANDARD_HA" });
 * ```
 */
export class K8sRedisCache extends pulumi.ComponentResource implements Linkable {
  public readonly backend: "memory" | "valkey";
  /** `<name>.<namespace>.svc:6379` (BASIC), the Sentinel endpoint `…:26379` (HA), or `memory`. */
  public readonly endpoint: pulumi.Output<string>;
  /** Secret holding the AUTH password (key `password`); undefined in memory mode. */
  public readonly authSecretName?: string;
  public readonly podLabels: Readonly<Record<string, string>>;
  public readonly replicas: number;
  public readonly nodes: Readonly<Record<string, pulumi.Resource>>;
  private readonly tlsSecret?: pulumi.Input<string>;
  private readonly headless: string;
  private readonly caName: string;

  constructor(name: string, args: K8sRedisCacheArgs, opts?: pulumi.ComponentResourceOptions) {
    super(REDIS_CACHE_TYPE, name, {}, opts);
    const ctx = args.ctx;
    this.backend = args.mode ?? "valkey";
    this.headless = childName(name, "headless");
    this.caName = name;
    this.podLabels = selectorLabels(ctx, name);
    if (this.backend === "memory") {
      this.endpoint = pulumi.output("memory");
      this.replicas = 0;
      this.nodes = {};
      this.registerOutputs({ endpoint: this.endpoint });
      return;
    }
    const ha = (args.tier ?? (ctx.profile === "prod" ? "STANDARD_HA" : "BASIC")) === "STANDARD_HA";
    const settings = {
      replicas: ha ? 3 : 1,
      memorySizeGb: args.memorySizeGb ?? 1,
      persistence: args.persistence ?? "rdb",
      cpu: args.cpu ?? "100m",
    } as const;
    validateValkey(name, settings);
    if (args.namespace === undefined || args.tlsSecret === undefined)
      throw new pulumi.RunError(
        `RedisCache '${name}': namespace and tlsSecret are required with mode valkey`,
      );
    const { namespace } = args;
    const parent = this;
    const labels = k8sLabels(ctx, "redis", name);
    const authName = childName(name, "auth");
    const configName = childName(name, "config");
    const monitoring = args.monitoringNamespace ?? "monitoring";
    this.replicas = settings.replicas;
    this.tlsSecret = args.tlsSecret;
    this.authSecretName = authName;
    const password = new random.RandomPassword(
      childName(name, "password"),
      { length: 48, special: false },
      { parent },
    );
    const auth = new k8s.core.v1.Secret(
      childName(name, "auth"),
      {
        metadata: { name: authName, namespace, labels },
        type: "Opaque",
        stringData: { password: password.result },
      },
      { parent },
    );
    const config = new k8s.core.v1.ConfigMap(
      childName(name, "config"),
      {
        metadata: { name: configName, namespace, labels },
        data: {
          "valkey.conf": valkeyConf(settings),
          "init.sh": initScript({ statefulSet: name, headless: this.headless, ha }),
          ...(ha ? { "sentinel.conf": sentinelConf() } : {}),
        },
      },
      { parent },
    );
    const ports = [
      { name: "valkey", port: 6379, targetPort: "valkey" },
      ...(ha ? [{ name: "sentinel", port: 26379, targetPort: "sentinel" }] : []),
    ];
    const headless = new k8s.core.v1.Service(
      childName(name, "headless"),
      {
        metadata: { name: this.headless, namespace, labels },
        spec: { clusterIP: "None", publishNotReadyAddresses: true, selector: this.podLabels, ports },
      },
      { parent },
    );
    // With Sentinel, clients ask Sentinel for the primary: the client Service exposes only Sentinel.
    const service = new k8s.core.v1.Service(
      childName(name, "service"),
      {
        metadata: { name, namespace, labels },
        spec: { type: "ClusterIP", selector: this.podLabels, ports: ha ? ports.slice(1) : ports },
      },
      { parent },
    );
    const env = [
      { name: "VALKEY_PASSWORD", valueFrom: { secretKeyRef: { name: authName, key: "password" } } },
    ];
    const mounts = [
      { name: "tls", mountPath: TLS_DIR, readOnly: true },
      { name: "run", mountPath: "/run/valkey" },
      { name: "tmp", mountPath: "/tmp" },
    ];
    const mem = `${settings.memorySizeGb}Gi`;
    const resources = (cpu: string, memory: string, limitCpu: string) => ({
      requests: { cpu, memory, "ephemeral-storage": "64Mi" },
      limits: { cpu: limitCpu, memory, "ephemeral-storage": "256Mi" },
    });
    const ping = [
      "sh",
      "-c",
      `valkey-cli --tls --cacert ${TLS_DIR}/ca.crt -h localhost -p 6379 --no-auth-warning -a "$VALKEY_PASSWORD" ping | grep -q PONG`,
    ];
    const sts = new k8s.apps.v1.StatefulSet(
      ...transform(
        args.transform?.statefulSet,
        childName(name, "statefulset"),
        {
          // Valkey reads its certificate at start: Stakater Reloader (when installed) rolls the pods on renewal.
          metadata: {
            name,
            namespace,
            labels,
            annotations: { "secret.reloader.stakater.com/reload": args.tlsSecret },
          },
          spec: {
            serviceName: this.headless,
            replicas: settings.replicas,
            podManagementPolicy: "OrderedReady",
            selector: { matchLabels: { ...this.podLabels } },
            updateStrategy: { type: "RollingUpdate" },
            template: {
              metadata: { labels, annotations: { "platform.dev/config-hash": hash(valkeyConf(settings)) } },
              spec: {
                automountServiceAccountToken: false,
                securityContext: restrictedPod(10001),
                ...(ha
                  ? {
                      topologySpreadConstraints: [
                        {
                          maxSkew: 1,
                          topologyKey: "kubernetes.io/hostname",
                          whenUnsatisfiable: "DoNotSchedule",
                          labelSelector: { matchLabels: { ...this.podLabels } },
                        },
                        {
                          maxSkew: 1,
                          topologyKey: "topology.kubernetes.io/zone",
                          whenUnsatisfiable: "ScheduleAnyway",
                          labelSelector: { matchLabels: { ...this.podLabels } },
                        },
                      ],
                    }
                  : {}),
                initContainers: [
                  {
                    name: "config",
                    image: args.image ?? VALKEY_IMAGE,
                    imagePullPolicy: "Always",
                    command: ["sh", "/config/init.sh"],
                    env: [
                      ...env,
                      { name: "NAMESPACE", valueFrom: { fieldRef: { fieldPath: "metadata.namespace" } } },
                    ],
                    securityContext: clone(RESTRICTED_CONTAINER),
                    resources: resources("50m", "64Mi", "100m"),
                    volumeMounts: [...mounts, { name: "config", mountPath: "/config", readOnly: true }],
                  },
                ],
                containers: [
                  {
                    name: "valkey",
                    image: args.image ?? VALKEY_IMAGE,
                    imagePullPolicy: "Always",
                    command: [
                      "valkey-server",
                      "/run/valkey/valkey.conf",
                      "--requirepass",
                      "$(VALKEY_PASSWORD)",
                      "--masterauth",
                      "$(VALKEY_PASSWORD)",
                    ],
                    env,
                    ports: [{ name: "valkey", containerPort: 6379 }],
                    startupProbe: { tcpSocket: { port: "valkey" }, periodSeconds: 2, failureThreshold: 60 },
                    readinessProbe: { exec: { command: ping }, periodSeconds: 5, timeoutSeconds: 3 },
                    livenessProbe: { tcpSocket: { port: "valkey" }, periodSeconds: 10, failureThreshold: 6 },
                    securityContext: clone(RESTRICTED_CONTAINER),
                    resources: resources(settings.cpu, mem, "1"),
                    volumeMounts: [...mounts, { name: "data", mountPath: "/data" }],
                  },
                  ...(ha
                    ? [
                        {
                          name: "sentinel",
                          image: args.image ?? VALKEY_IMAGE,
                          imagePullPolicy: "Always",
                          command: ["valkey-sentinel", "/run/valkey/sentinel.conf"],
                          ports: [{ name: "sentinel", containerPort: 26379 }],
                          readinessProbe: { tcpSocket: { port: "sentinel" }, periodSeconds: 5 },
                          livenessProbe: {
                            tcpSocket: { port: "sentinel" },
                            periodSeconds: 10,
                            failureThreshold: 6,
                          },
                          securityContext: clone(RESTRICTED_CONTAINER),
                          resources: resources("50m", "64Mi", "200m"),
                          volumeMounts: mounts,
                        },
                      ]
                    : []),
                  {
                    name: "exporter",
                    image: REDIS_EXPORTER_IMAGE,
                    imagePullPolicy: "Always",
                    env: [
                      { name: "REDIS_ADDR", value: "rediss://localhost:6379" },
                      {
                        name: "REDIS_PASSWORD",
                        valueFrom: { secretKeyRef: { name: authName, key: "password" } },
                      },
                      { name: "REDIS_EXPORTER_TLS_CA_CERT_FILE", value: `${TLS_DIR}/ca.crt` },
                    ],
                    ports: [{ name: "metrics", containerPort: 9121 }],
                    readinessProbe: { httpGet: { path: "/health", port: "metrics" }, periodSeconds: 10 },
                    livenessProbe: { tcpSocket: { port: "metrics" }, periodSeconds: 20 },
                    securityContext: clone(RESTRICTED_CONTAINER),
                    resources: resources("20m", "32Mi", "100m"),
                    volumeMounts: [{ name: "tls", mountPath: TLS_DIR, readOnly: true }],
                  },
                ],
                volumes: [
                  { name: "tls", secret: { secretName: args.tlsSecret } },
                  { name: "config", configMap: { name: configName } },
                  { name: "run", emptyDir: { medium: "Memory", sizeLimit: "16Mi" } },
                  { name: "tmp", emptyDir: { sizeLimit: "64Mi" } },
                ],
              },
            },
            volumeClaimTemplates: [
              {
                metadata: { name: "data", labels },
                spec: {
                  accessModes: ["ReadWriteOnce"],
                  ...(args.storageClass ? { storageClassName: args.storageClass } : {}),
                  resources: { requests: { storage: `${Math.max(1, 2 * settings.memorySizeGb)}Gi` } },
                },
              },
            ],
            persistentVolumeClaimRetentionPolicy: { whenDeleted: "Retain", whenScaled: "Retain" },
          },
        },
        { parent, protect: args.protect ?? true, dependsOn: [auth, config, headless] },
      ),
    );
    const pdb = new k8s.policy.v1.PodDisruptionBudget(
      childName(name, "pdb"),
      {
        metadata: { name, namespace, labels },
        spec: {
          selector: { matchLabels: { ...this.podLabels } },
          ...(ha ? { minAvailable: 2 } : { maxUnavailable: 1 }),
        },
      },
      { parent },
    );
    const self = { podSelector: { matchLabels: { ...this.podLabels } } };
    const peerPorts = [{ port: 6379 }, ...(ha ? [{ port: 26379 }] : [])];
    const policy = new k8s.networking.v1.NetworkPolicy(
      childName(name, "network-policy"),
      {
        metadata: { name, namespace, labels },
        spec: {
          podSelector: { matchLabels: { ...this.podLabels } },
          policyTypes: ["Ingress", "Egress"],
          // Linked services add their own policy that admits them (policies are additive).
          ingress: [
            { from: [self], ports: peerPorts },
            {
              from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": monitoring } } }],
              ports: [{ port: 9121 }],
            },
          ],
          egress: [{ to: [self], ports: peerPorts }, clone(DNS_EGRESS)],
        },
      },
      { parent },
    );
    this.endpoint = pulumi.interpolate`${name}.${namespace}.svc:${ha ? 26379 : 6379}`;
    this.nodes = { password, auth, config, headless, service, statefulSet: sts, pdb, networkPolicy: policy };
    this.registerOutputs({ endpoint: this.endpoint });
  }

  /**
   * Memory mode: `CACHE_BACKEND=memory` only. Valkey: host/port (or the Sentinels and the primary's
   * name), `REDIS_TLS=true`, the password from the auth Secret by reference, the CA, and the cache
   * pods as the service's only Redis peer.
   */
  getLink(): Link {
    if (this.backend === "memory") return { env: { CACHE_BACKEND: "memory" } };
    const ha = this.replicas > 1;
    return {
      env: {
        CACHE_BACKEND: "valkey",
        REDIS_TLS: "true",
        REDIS_CA_FILE: `/etc/platform/ca/${this.caName}/ca.crt`,
        ...(ha
          ? { REDIS_SENTINELS: this.endpoint, REDIS_SENTINEL_MASTER: SENTINEL_MASTER }
          : { REDIS_HOST: this.endpoint.apply((e) => e.replace(/:\d+$/, "")), REDIS_PORT: "6379" }),
      },
      secretKeyRefs: { REDIS_PASSWORD: { name: this.authSecretName!, key: "password" } },
      peers: [{ name: "redis", podLabels: { ...this.podLabels }, ports: ha ? [6379, 26379] : [6379] }],
      caSecrets: [{ name: this.caName, secretName: this.tlsSecret! }],
    };
  }
}

/** A short stable hash (restarts the pods when their config changes). */
function hash(s: string): string {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return (h >>> 0).toString(16);
}
