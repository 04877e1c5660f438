import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { clone, DNS_EGRESS, k8sLabels, releaseLabel, type KubernetesContext } from "../shared/kubernetes";
import type { Link, Linkable } from "../shared/link";
import { childName } from "../shared/naming";
import { transform, type Transform } from "../shared/transform";
import { POSTGRES_TYPE } from "./gcp";
import { createRestoreTest } from "./k8s-restore-test";
import {
  backupSchedule,
  BARMAN_API,
  BARMAN_PLUGIN,
  CNPG_API,
  CNPG_IMAGES,
  CNPG_LOG_PARAMETERS,
  CNPG_PG_HBA,
  cnpgInstances,
  objectStoreConfiguration,
  validateK8sPostgres,
  K8S_PG_DEFAULTS,
  type ObjectStoreArgs,
} from "./k8s-spec";
import type { PostgresVersion } from "./spec";

/**
 * Arguments of {@link K8sPostgresWithBackups}.
 *
 * @example
 * ```ts
 * const args: K8sPostgresArgs = { ctx, namespace, tlsSecret: "db-tls", objectStore: { provider: "s3", bucket: "acme-pg", path: "shop/dev", region: "us-east-1" } };
 * ```
 */
export interface K8sPostgresArgs {
  readonly ctx: KubernetesContext;
  readonly namespace: pulumi.Input<string>;
  /** @default "POSTGRES_17" */
  readonly version?: PostgresVersion;
  /** 3 instances with a synchronous standby (quorum 1). @default true in prod, else false */
  readonly highAvailability?: boolean;
  /** Extra hot standbys that serve the `-ro` Service. @default 0 */
  readonly readReplicas?: number;
  /** PVC size per instance (a separate WAL volume of a quarter of it, ≥ 5 Gi, with HA). @default 10 */
  readonly storageGb?: number;
  /** @default the cluster's default StorageClass */
  readonly storageClass?: string;
  /** CPU request = limit per instance. @default "500m" */
  readonly cpu?: string;
  /** Memory request = limit per instance. @default "1Gi" */
  readonly memory?: string;
  /** cert-manager Secret with the server certificate (`tls.crt`, `tls.key`, `ca.crt`). */
  readonly tlsSecret: pulumi.Input<string>;
  /** WAL archiving + base backups through the Barman Cloud plugin. @default true */
  readonly backups?: boolean;
  readonly objectStore?: ObjectStoreArgs;
  /** Days of base backups and WAL kept in the object store. @default 30 */
  readonly retentionDays?: number;
  /** Daily base backup time `HH:MM` UTC. @default "03:00" */
  readonly backupStartTime?: string;
  /** Periodic restore test (throw-away recovery Cluster + check, then deleted). @default on with backups */
  readonly restoreTest?: {
    readonly enabled?: boolean;
    readonly schedule?: string;
    readonly maxAgeHours?: number;
    /** Image with `sh` and `kubectl`. @default "alpine/k8s:1.34.1" */
    readonly image?: string;
  };
  /** PITR: a NEW Cluster `<name>-pitr` bootstrapped from the object store at this time. @default none */
  readonly recovery?: { readonly targetTime: string };
  /** Pulumi `protect` on the Cluster and the ObjectStore. @default true */
  readonly protect?: boolean;
  /** Namespace of Prometheus (allowed to scrape port 9187). @default "monitoring" */
  readonly monitoringNamespace?: string;
  readonly transform?: {
    cluster?: Transform<k8s.apiextensions.CustomResourceArgs>;
    objectStore?: Transform<k8s.apiextensions.CustomResourceArgs>;
    scheduledBackup?: Transform<k8s.apiextensions.CustomResourceArgs>;
  };
}

/**
 * `platform:data:PostgresWithBackups` on CloudNativePG (≥ 1.26 with the Barman Cloud plugin):
 * a `Cluster` (1 instance, or 3 with synchronous replication; plus read replicas), TLS from a
 * cert-manager certificate and SCRAM over TLS only, the CIS log parameters and pgaudit, WAL
 * archiving to S3 or GCS through an `ObjectStore` (RPO ≤ 5 min: archive_timeout), a daily
 * `ScheduledBackup`, retention, a weekly restore test, an optional point-in-time recovery into a
 * new cluster, a PodMonitor and a NetworkPolicy that lets in exactly the linked services.
 * Dev hibernation: annotate the Cluster `cnpg.io/hibernation=on` (zero pods, PVCs kept).
 * Cost: requests × the stack's rates, plus PVCs and the object store.
 *
 * @example
 * ```ts
 * const db = new K8sPostgresWithBackups("db", { ctx, namespace, tlsSecret: "db-tls", objectStore });
 * ```
 */
export class K8sPostgresWithBackups extends pulumi.ComponentResource implements Linkable {
  /** The Cluster's name (its Services are `<name>-rw`, `-ro`, `-r`; its app Secret `<name>-app`). */
  public readonly clusterName: string;
  /** `<name>-rw.<namespace>.svc`. */
  public readonly host: pulumi.Output<string>;
  /** Labels of the instance pods. */
  public readonly podLabels: Readonly<Record<string, string>>;
  public readonly instances: number;
  public readonly nodes: Readonly<Record<string, pulumi.Resource>>;
  private readonly tlsSecret: pulumi.Input<string>;

  constructor(name: string, args: K8sPostgresArgs, opts?: pulumi.ComponentResourceOptions) {
    super(POSTGRES_TYPE, name, {}, opts);
    const { ctx, namespace } = args;
    const prod = ctx.profile === "prod";
    const ha = args.highAvailability ?? prod;
    const instances = cnpgInstances(ha, args.readReplicas ?? K8S_PG_DEFAULTS.readReplicas);
    const version = args.version ?? K8S_PG_DEFAULTS.version;
    const storageGb = args.storageGb ?? K8S_PG_DEFAULTS.storageGb;
    const cpu = args.cpu ?? K8S_PG_DEFAULTS.cpu;
    const memory = args.memory ?? K8S_PG_DEFAULTS.memory;
    const backups = args.backups ?? K8S_PG_DEFAULTS.backups;
    const retentionDays = args.retentionDays ?? K8S_PG_DEFAULTS.retentionDays;
    const restore = {
      enabled: args.restoreTest?.enabled ?? backups,
      schedule: args.restoreTest?.schedule ?? K8S_PG_DEFAULTS.restoreTestSchedule,
    };
    validateK8sPostgres(name, {
      version,
      instances,
      storageGb,
      cpu,
      memory,
      backups,
      ...(args.objectStore ? { objectStore: args.objectStore } : {}),
      retentionDays,
      ...(restore.enabled ? { restoreTestSchedule: restore.schedule } : {}),
      ...(args.recovery ? { recoveryTargetTime: args.recovery.targetTime } : {}),
    });
    const parent = this;
    const protect = args.protect ?? K8S_PG_DEFAULTS.protect;
    const labels = k8sLabels(ctx, "postgres", name);
    const storeName = childName(name, "store");
    const nodes: Record<string, pulumi.Resource> = {};
    this.clusterName = name;
    this.tlsSecret = args.tlsSecret;
    this.instances = instances;
    this.podLabels = { "cnpg.io/cluster": name };
    let store: k8s.apiextensions.CustomResource | undefined;
    if (backups) {
      store = new k8s.apiextensions.CustomResource(
        ...transform(
          args.transform?.objectStore,
          childName(name, "object-store"),
          {
            apiVersion: BARMAN_API,
            kind: "ObjectStore",
            metadata: { name: storeName, namespace, labels },
            spec: {
              configuration: objectStoreConfiguration(args.objectStore!),
              retentionPolicy: `${retentionDays}d`,
              instanceSidecarConfiguration: {
                resources: {
                  requests: { cpu: "100m", memory: "128Mi" },
                  limits: { cpu: "500m", memory: "256Mi" },
                },
              },
            },
          },
          { parent, protect },
        ),
      );
      nodes["objectStore"] = store;
    }
    const clusterSpec = (instanceCount: number, bootstrap: Record<string, unknown>, archive: boolean) => ({
      instances: instanceCount,
      imageName: CNPG_IMAGES[version],
      primaryUpdateStrategy: "unsupervised",
      enableSuperuserAccess: false,
      postgresql: {
        parameters: { ...CNPG_LOG_PARAMETERS },
        pg_hba: [...CNPG_PG_HBA],
        ...(ha && instanceCount >= 3
          ? { synchronous: { method: "any", number: 1, dataDurability: "required" } }
          : {}),
      },
      bootstrap,
      certificates: { serverTLSSecret: args.tlsSecret, serverCASecret: args.tlsSecret },
      storage: { size: `${storageGb}Gi`, ...(args.storageClass ? { storageClass: args.storageClass } : {}) },
      ...(ha
        ? {
            walStorage: {
              size: `${Math.max(5, Math.ceil(storageGb / 4))}Gi`,
              ...(args.storageClass ? { storageClass: args.storageClass } : {}),
            },
          }
        : {}),
      resources: { requests: { cpu, memory }, limits: { cpu, memory } },
      affinity: {
        enablePodAntiAffinity: true,
        topologyKey: "kubernetes.io/hostname",
        podAntiAffinityType: prod ? "required" : "preferred",
      },
      enablePDB: true,
      inheritedMetadata: { labels },
      ...(archive && backups
        ? {
            plugins: [
              { name: BARMAN_PLUGIN, isWALArchiver: true, parameters: { barmanObjectName: storeName } },
            ],
          }
        : {}),
    });
    const initdb = { initdb: { database: "app", owner: "app", dataChecksums: true } };
    const cluster = new k8s.apiextensions.CustomResource(
      ...transform(
        args.transform?.cluster,
        childName(name, "cluster"),
        {
          apiVersion: CNPG_API,
          kind: "Cluster",
          metadata: { name, namespace, labels },
          spec: clusterSpec(instances, initdb, true),
        },
        { parent, protect, ...(store ? { dependsOn: [store] } : {}) },
      ),
    );
    nodes["cluster"] = cluster;
    const origin = (server: string) => ({
      name: "origin",
      plugin: { name: BARMAN_PLUGIN, parameters: { barmanObjectName: storeName, serverName: server } },
    });
    if (backups) {
      nodes["scheduledBackup"] = new k8s.apiextensions.CustomResource(
        ...transform(
          args.transform?.scheduledBackup,
          childName(name, "scheduled-backup"),
          {
            apiVersion: CNPG_API,
            kind: "ScheduledBackup",
            metadata: { name: childName(name, "daily"), namespace, labels },
            spec: {
              schedule: backupSchedule(args.backupStartTime ?? K8S_PG_DEFAULTS.backupStartTime),
              cluster: { name },
              method: "plugin",
              pluginConfiguration: { name: BARMAN_PLUGIN },
              backupOwnerReference: "self",
              immediate: true,
              target: instances > 1 ? "prefer-standby" : "primary",
            },
          },
          { parent, dependsOn: [cluster] },
        ),
      );
    }
    if (args.recovery) {
      // PITR never rewinds the running cluster: it bootstraps a new one, the app is pointed at it after checks.
      const pitr = childName(name, "pitr");
      nodes["recoveryCluster"] = new k8s.apiextensions.CustomResource(
        childName(name, "pitr-cluster"),
        {
          apiVersion: CNPG_API,
          kind: "Cluster",
          metadata: { name: pitr, namespace, labels: k8sLabels(ctx, "postgres", pitr) },
          spec: {
            ...clusterSpec(
              instances,
              { recovery: { source: "origin", recoveryTarget: { targetTime: args.recovery.targetTime } } },
              false,
            ),
            externalClusters: [origin(name)],
          },
        },
        { parent, dependsOn: [cluster] },
      );
    }
    nodes["podMonitor"] = new k8s.apiextensions.CustomResource(
      childName(name, "pod-monitor"),
      {
        apiVersion: "monitoring.coreos.com/v1",
        kind: "PodMonitor",
        metadata: { name, namespace, labels: { ...labels, ...releaseLabel(ctx) } },
        spec: {
          selector: { matchLabels: { "cnpg.io/cluster": name } },
          podMetricsEndpoints: [{ port: "metrics" }],
        },
      },
      { parent },
    );
    const monitoring = args.monitoringNamespace ?? K8S_PG_DEFAULTS.monitoringNamespace;
    const restoreName = childName(name, "restore-test");
    const clusters = [
      name,
      ...(args.recovery ? [childName(name, "pitr")] : []),
      ...(restore.enabled ? [restoreName] : []),
    ];
    nodes["networkPolicy"] = new k8s.networking.v1.NetworkPolicy(
      childName(name, "network-policy"),
      {
        metadata: { name, namespace, labels },
        spec: {
          podSelector: { matchExpressions: [{ key: "cnpg.io/cluster", operator: "In", values: clusters }] },
          policyTypes: ["Ingress", "Egress"],
          // Linked services add their own policy that admits them on 5432 (policies are additive).
          ingress: [
            // Replication and the operator's status checks (port 8000) between the instances.
            {
              from: [
                {
                  podSelector: {
                    matchExpressions: [{ key: "cnpg.io/cluster", operator: "In", values: clusters }],
                  },
                },
              ],
              ports: [{ port: 5432 }, { port: 8000 }],
            },
            {
              from: [
                { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "cnpg-system" } } },
              ],
              ports: [{ port: 8000 }, { port: 5432 }],
            },
            {
              from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": monitoring } } }],
              ports: [{ port: 9187 }],
            },
          ],
          egress: [
            {
              to: [
                {
                  podSelector: {
                    matchExpressions: [{ key: "cnpg.io/cluster", operator: "In", values: clusters }],
                  },
                },
              ],
              ports: [{ port: 5432 }, { port: 8000 }],
            },
            clone(DNS_EGRESS),
            // The instance manager talks to the API server and the plugin to the object store: both outside the pod network.
            { to: [{ ipBlock: { cidr: "0.0.0.0/0" } }], ports: [{ port: 443 }, { port: 6443 }] },
          ],
        },
      },
      { parent },
    );
    if (restore.enabled && backups)
      Object.assign(
        nodes,
        createRestoreTest(
          this,
          name,
          args,
          restoreName,
          clusterSpec(1, { recovery: { source: "origin" } }, false),
          origin(name),
          restore.schedule,
          labels,
        ),
      );
    this.host = pulumi.interpolate`${name}-rw.${namespace}.svc`;
    this.nodes = nodes;
    this.registerOutputs({ clusterName: name, host: this.host });
  }

  /**
   * DATABASE_URL, PGUSER and PGPASSWORD from the operator's `<name>-app` Secret by reference (never
   * a literal), the host and TLS settings, the CA (only `ca.crt`) and the instance pods as the
   * service's only Postgres peer (its NetworkPolicy allows egress there and admits it here).
   */
  getLink(): Link {
    const app = `${this.clusterName}-app`;
    return {
      env: {
        DB_HOST: this.host,
        DB_PORT: "5432",
        DB_NAME: "app",
        PGSSLMODE: "verify-full",
        PGSSLROOTCERT: `/etc/platform/ca/${this.clusterName}/ca.crt`,
      },
      secretKeyRefs: {
        DATABASE_URL: { name: app, key: "uri" },
        PGUSER: { name: app, key: "username" },
        PGPASSWORD: { name: app, key: "password" },
      },
      peers: [{ name: "postgres", podLabels: { "cnpg.io/cluster": this.clusterName }, ports: [5432] }],
      caSecrets: [{ name: this.clusterName, secretName: this.tlsSecret }],
    };
  }
}
