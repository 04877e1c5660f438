/**
 * Hand-built Kubernetes inventories for the schema, cost and guard tests: the objects the
 * Kubernetes components emit per profile (namespace with Pod Security "restricted" and the rates
 * annotation, quota and limit range, default-deny policy, a hardened Deployment + Service + HPA +
 * PDB + NetworkPolicy, a Knative Service in dev, a CloudNativePG Cluster with the Barman Cloud
 * plugin, ObjectStore and ScheduledBackup, a Valkey StatefulSet with an exporter sidecar,
 * cert-manager issuers and certificates, Prometheus Operator objects, the restore-test CronJob).
 * Type tokens are `kubernetes:<group>/<version>:<Kind>`, inputs `{apiVersion, kind, metadata, …}`.
 */
import { KUBERNETES_RATES_ANNOTATION } from "../../components/shared/kubernetes-rates";
import type { GuardResource } from "../../plan/guards/types";

/** Component type per family (the URN parent). */
const COMPONENT: Record<string, string> = {
  env: "platform:network:Network",
  kms: "platform:security:KmsKeyRing",
  db: "platform:data:PostgresWithBackups",
  cache: "platform:data:RedisCache",
  api: "platform:compute:CloudRunService",
  worker: "platform:compute:CloudRunService",
  budget: "platform:cost:BudgetAlert",
  obs: "platform:ops:ObservabilityStack",
};

/** `kubernetes:<group>/<version>:<Kind>` for an apiVersion and kind. */
export function k8sType(apiVersion: string, kind: string): string {
  return `kubernetes:${apiVersion.includes("/") ? apiVersion : `core/${apiVersion}`}:${kind}`;
}

/** One Kubernetes object as an inventory row under a component. */
export function k8sRes(
  object: { apiVersion: string; kind: string; metadata: Record<string, unknown>; [k: string]: unknown },
  opts: { name: string; component: string; stack: string; protect?: boolean },
): GuardResource {
  const type = k8sType(object.apiVersion, object.kind);
  const parentType = COMPONENT[opts.component] ?? "platform:x:Y";
  return {
    urn: `urn:pulumi:${opts.stack}::platform::${parentType}$${type}::${opts.name}`,
    type,
    name: opts.name,
    parent: `urn:pulumi:${opts.stack}::platform::${parentType}::${opts.component}`,
    inputs: object,
    protect: opts.protect ?? false,
  };
}

const NS = (stack: string) => `acme-${stack}`;

function labels(stack: string, component: string, name: string) {
  return {
    env: stack,
    app: "acme",
    component,
    "managed-by": "platform",
    team: "shop",
    "cost-center": "cc-42",
    "app.kubernetes.io/name": name,
    "app.kubernetes.io/instance": `acme-${stack}-${name}`,
    "app.kubernetes.io/component": component,
    "app.kubernetes.io/part-of": "acme",
    "app.kubernetes.io/managed-by": "platform",
  };
}
const select = (stack: string, name: string) => ({
  "app.kubernetes.io/name": name,
  "app.kubernetes.io/instance": `acme-${stack}-${name}`,
});

const RESTRICTED = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  privileged: false,
  capabilities: { drop: ["ALL"] },
  seccompProfile: { type: "RuntimeDefault" },
};
const POD_SECURITY = {
  runAsNonRoot: true,
  runAsUser: 10001,
  runAsGroup: 10001,
  fsGroup: 10001,
  seccompProfile: { type: "RuntimeDefault" },
};
const DNS = {
  to: [
    {
      namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } },
      podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
    },
  ],
  ports: [
    { protocol: "UDP", port: 53 },
    { protocol: "TCP", port: 53 },
  ],
};
const fromNs = (ns: string) => ({
  namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": ns } },
});

/** A digest for pinned fixture images (any 64 hex digits: the guards read the form). */
const DIGEST = "@sha256:" + "0123456789abcdef".repeat(4);
/** Images by digest in prod (k8s/image-digest is advisory; the careful prod fixture pins them). */
const pin = (image: string, prod: boolean) => (prod ? `${image}${DIGEST}` : image);

/** The rates a fixture stack is configured with (annotated on its Namespace). */
export const FIXTURE_RATES = { vcpuHour: 0.05, gibHour: 0.006, storageGbMonth: 0.12 } as const;

function container(image: string, cpu: string, memory: string) {
  return {
    name: "app",
    image,
    imagePullPolicy: "Always",
    ports: [{ name: "http", containerPort: 8080 }],
    env: [
      { name: "DB_HOST", value: "db-rw.acme.svc" },
      { name: "PGPASSWORD", valueFrom: { secretKeyRef: { name: "db-app", key: "password" } } },
      { name: "REDIS_PASSWORD", valueFrom: { secretKeyRef: { name: "cache-auth", key: "password" } } },
    ],
    resources: {
      requests: { cpu, memory, "ephemeral-storage": "64Mi" },
      limits: { cpu: "1", memory, "ephemeral-storage": "256Mi" },
    },
    securityContext: RESTRICTED,
    volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
    startupProbe: { httpGet: { path: "/ready", port: "http" }, periodSeconds: 2, failureThreshold: 30 },
    readinessProbe: { httpGet: { path: "/ready", port: "http" }, periodSeconds: 5 },
    livenessProbe: { httpGet: { path: "/health", port: "http" }, periodSeconds: 10 },
  };
}

function spread(stack: string, name: string) {
  return {
    topologySpreadConstraints: [
      {
        maxSkew: 1,
        topologyKey: "topology.kubernetes.io/zone",
        whenUnsatisfiable: "ScheduleAnyway",
        labelSelector: { matchLabels: select(stack, name) },
      },
    ],
    affinity: {
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          {
            weight: 100,
            podAffinityTerm: {
              topologyKey: "kubernetes.io/hostname",
              labelSelector: { matchLabels: select(stack, name) },
            },
          },
        ],
      },
    },
  };
}

/** Every object of a fixture stack (`k8s-dev` or `k8s-prod`). */
export function k8sInventory(profile: "dev" | "prod"): GuardResource[] {
  const stack = `k8s-${profile}`;
  const prod = profile === "prod";
  const ns = NS(stack);
  const out: GuardResource[] = [];
  const add = (
    component: string,
    name: string,
    object: { apiVersion: string; kind: string; metadata: Record<string, unknown>; [k: string]: unknown },
    protect = false,
  ) => out.push(k8sRes(object, { name, component, stack, protect }));
  const meta = (component: string, name: string, extra: Record<string, unknown> = {}) => ({
    name,
    namespace: ns,
    labels: labels(stack, component, name),
    ...extra,
  });

  // Environment: namespace, default-deny, quota, limit range.
  add("env", "namespace", {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: {
      name: ns,
      labels: {
        ...labels(stack, "environment", ns),
        "pod-security.kubernetes.io/enforce": "restricted",
        "pod-security.kubernetes.io/enforce-version": "latest",
        "pod-security.kubernetes.io/warn": "restricted",
        "pod-security.kubernetes.io/audit": "restricted",
      },
      annotations: { [KUBERNETES_RATES_ANNOTATION]: JSON.stringify(FIXTURE_RATES) },
    },
  });
  add("env", "default-deny", {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: meta("environment", "default-deny"),
    spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
  });
  add("budget", "budget-quota", {
    apiVersion: "v1",
    kind: "ResourceQuota",
    metadata: meta("budget", "budget"),
    spec: { hard: { "requests.cpu": "8", "requests.memory": "16Gi", "requests.storage": "200Gi" } },
  });
  add("budget", "budget-limits", {
    apiVersion: "v1",
    kind: "LimitRange",
    metadata: meta("budget", "budget"),
    spec: {
      limits: [
        {
          type: "Container",
          default: { cpu: "500m", memory: "512Mi" },
          defaultRequest: { cpu: "100m", memory: "128Mi" },
        },
      ],
    },
  });

  // API service: Deployment bundle.
  const api = select(stack, "api");
  add("api", "api-sa", {
    apiVersion: "v1",
    kind: "ServiceAccount",
    metadata: meta("service", "api"),
    automountServiceAccountToken: false,
  });
  add("api", "api-deployment", {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: meta("service", "api"),
    spec: {
      selector: { matchLabels: api },
      revisionHistoryLimit: 5,
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: 0 } },
      template: {
        metadata: { labels: labels(stack, "service", "api") },
        spec: {
          serviceAccountName: "api",
          automountServiceAccountToken: false,
          enableServiceLinks: false,
          securityContext: POD_SECURITY,
          containers: [container(pin("ghcr.io/acme/api:1.42.0", prod), prod ? "500m" : "250m", "512Mi")],
          volumes: [{ name: "tmp", emptyDir: { sizeLimit: "256Mi" } }],
          ...(prod ? spread(stack, "api") : {}),
        },
      },
    },
  });
  add("api", "api-service", {
    apiVersion: "v1",
    kind: "Service",
    metadata: meta("service", "api"),
    spec: { type: "ClusterIP", selector: api, ports: [{ name: "http", port: 80, targetPort: "http" }] },
  });
  add("api", "api-hpa", {
    apiVersion: "autoscaling/v2",
    kind: "HorizontalPodAutoscaler",
    metadata: meta("service", "api"),
    spec: {
      scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "api" },
      minReplicas: prod ? 3 : 1,
      maxReplicas: prod ? 10 : 3,
      metrics: [
        {
          type: "Resource",
          resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } },
        },
      ],
    },
  });
  add("api", "api-pdb", {
    apiVersion: "policy/v1",
    kind: "PodDisruptionBudget",
    metadata: meta("service", "api"),
    spec: { selector: { matchLabels: api }, maxUnavailable: 1, unhealthyPodEvictionPolicy: "AlwaysAllow" },
  });
  add("api", "api-network-policy", {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: meta("service", "api"),
    spec: {
      podSelector: { matchLabels: api },
      policyTypes: ["Ingress", "Egress"],
      ingress: [{ from: [fromNs("ingress-nginx"), fromNs("monitoring")], ports: [{ port: 8080 }] }],
      egress: [
        DNS,
        { to: [{ podSelector: { matchLabels: { "cnpg.io/cluster": "db" } } }], ports: [{ port: 5432 }] },
        { to: [{ podSelector: { matchLabels: select(stack, "cache") } }], ports: [{ port: 6379 }] },
      ],
    },
  });

  // Worker: a Knative Service (scale to zero) in dev.
  if (!prod) {
    add("worker", "worker-sa", {
      apiVersion: "v1",
      kind: "ServiceAccount",
      metadata: meta("service", "worker"),
      automountServiceAccountToken: false,
    });
    add("worker", "worker-knative-service", {
      apiVersion: "serving.knative.dev/v1",
      kind: "Service",
      metadata: meta("service", "worker", {
        labels: {
          ...labels(stack, "service", "worker"),
          "networking.knative.dev/visibility": "cluster-local",
        },
      }),
      spec: {
        template: {
          metadata: {
            name: "worker-00001",
            labels: labels(stack, "service", "worker"),
            annotations: {
              "autoscaling.knative.dev/min-scale": "0",
              "autoscaling.knative.dev/max-scale": "3",
            },
          },
          spec: {
            serviceAccountName: "worker",
            automountServiceAccountToken: false,
            enableServiceLinks: false,
            securityContext: POD_SECURITY,
            containerConcurrency: 80,
            timeoutSeconds: 300,
            containers: [
              {
                ...container("ghcr.io/acme/worker:2.0.1", "250m", "256Mi"),
                ports: [{ name: "http1", containerPort: 8080 }],
              },
            ],
            volumes: [{ name: "tmp", emptyDir: { sizeLimit: "256Mi" } }],
          },
        },
        traffic: [{ latestRevision: true, percent: 100 }],
      },
    });
    add("worker", "worker-network-policy", {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: meta("service", "worker"),
      spec: {
        podSelector: { matchLabels: select(stack, "worker") },
        policyTypes: ["Ingress", "Egress"],
        ingress: [{ from: [fromNs("ingress-nginx"), fromNs("knative-serving"), fromNs("monitoring")] }],
        egress: [DNS],
      },
    });
  }

  // Postgres: CloudNativePG.
  const instances = prod ? 3 : 1;
  add(
    "db",
    "db-object-store",
    {
      apiVersion: "barmancloud.cnpg.io/v1",
      kind: "ObjectStore",
      metadata: meta("postgres", "db-backups"),
      spec: {
        configuration: {
          destinationPath: `s3://acme-backups/${stack}/db`,
          s3Credentials: { inheritFromIAMRole: true },
          wal: { compression: "gzip" },
          data: { compression: "gzip" },
        },
        retentionPolicy: prod ? "30d" : "7d",
        instanceSidecarConfiguration: {
          resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } },
        },
      },
    },
    true,
  );
  add(
    "db",
    "db-cluster",
    {
      apiVersion: "postgresql.cnpg.io/v1",
      kind: "Cluster",
      metadata: meta("postgres", "db"),
      spec: {
        instances,
        imageName: "ghcr.io/cloudnative-pg/postgresql:16.6",
        primaryUpdateStrategy: "unsupervised",
        enableSuperuserAccess: false,
        postgresql: {
          parameters: { log_connections: "on", log_disconnections: "on", log_min_duration_statement: "1000" },
          pg_hba: ["hostssl all all all scram-sha-256"],
          ...(prod ? { synchronous: { method: "any", number: 1, dataDurability: "required" } } : {}),
        },
        bootstrap: { initdb: { database: "app", owner: "app", dataChecksums: true } },
        certificates: { serverTLSSecret: "db-tls", serverCASecret: "db-tls" },
        storage: { size: prod ? "100Gi" : "10Gi" },
        ...(prod ? { walStorage: { size: "25Gi" } } : {}),
        resources: {
          requests: { cpu: prod ? "2" : "500m", memory: prod ? "4Gi" : "1Gi" },
          limits: { cpu: prod ? "2" : "500m", memory: prod ? "4Gi" : "1Gi" },
        },
        affinity: {
          enablePodAntiAffinity: true,
          topologyKey: "kubernetes.io/hostname",
          podAntiAffinityType: prod ? "required" : "preferred",
        },
        enablePDB: true,
        plugins: [
          {
            name: "barman-cloud.cloudnative-pg.io",
            isWALArchiver: true,
            parameters: { barmanObjectName: "db-backups" },
          },
        ],
      },
    },
    true,
  );
  add("db", "db-scheduled-backup", {
    apiVersion: "postgresql.cnpg.io/v1",
    kind: "ScheduledBackup",
    metadata: meta("postgres", "db-daily"),
    spec: {
      schedule: "0 0 3 * * *",
      cluster: { name: "db" },
      method: "plugin",
      pluginConfiguration: { name: "barman-cloud.cloudnative-pg.io" },
      backupOwnerReference: "self",
      immediate: true,
      target: prod ? "prefer-standby" : "primary",
    },
  });
  add("db", "db-pod-monitor", {
    apiVersion: "monitoring.coreos.com/v1",
    kind: "PodMonitor",
    metadata: meta("postgres", "db", {
      labels: { ...labels(stack, "postgres", "db"), release: "kube-prometheus-stack" },
    }),
    spec: {
      selector: { matchLabels: { "cnpg.io/cluster": "db" } },
      podMetricsEndpoints: [{ port: "metrics" }],
    },
  });
  add("db", "db-network-policy", {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: meta("postgres", "db"),
    spec: {
      podSelector: { matchLabels: { "cnpg.io/cluster": "db" } },
      policyTypes: ["Ingress", "Egress"],
      ingress: [
        { from: [{ podSelector: { matchLabels: { "cnpg.io/cluster": "db" } } }], ports: [{ port: 5432 }] },
      ],
      egress: [DNS, { to: [{ ipBlock: { cidr: "0.0.0.0/0" } }], ports: [{ port: 443 }] }],
    },
  });

  // Redis: Valkey StatefulSet.
  const cache = select(stack, "cache");
  const replicas = prod ? 3 : 1;
  const valkeyResources = (cpu: string, memory: string) => ({
    requests: { cpu, memory, "ephemeral-storage": "64Mi" },
    limits: { cpu: "1", memory, "ephemeral-storage": "256Mi" },
  });
  add("cache", "cache-auth", {
    apiVersion: "v1",
    kind: "Secret",
    metadata: meta("redis", "cache-auth"),
    type: "Opaque",
    stringData: { password: "[secret]" },
  });
  add(
    "cache",
    "cache-statefulset",
    {
      apiVersion: "apps/v1",
      kind: "StatefulSet",
      metadata: meta("redis", "cache"),
      spec: {
        serviceName: "cache-headless",
        replicas,
        selector: { matchLabels: cache },
        template: {
          metadata: { labels: labels(stack, "redis", "cache") },
          spec: {
            automountServiceAccountToken: false,
            securityContext: POD_SECURITY,
            ...(prod ? spread(stack, "cache") : {}),
            containers: [
              {
                name: "valkey",
                image: pin("valkey/valkey:8.1.4-alpine", prod),
                imagePullPolicy: "Always",
                command: ["valkey-server", "/run/valkey/valkey.conf", "--requirepass", "$(VALKEY_PASSWORD)"],
                env: [
                  {
                    name: "VALKEY_PASSWORD",
                    valueFrom: { secretKeyRef: { name: "cache-auth", key: "password" } },
                  },
                ],
                ports: [{ name: "valkey", containerPort: 6379 }],
                startupProbe: { tcpSocket: { port: "valkey" }, periodSeconds: 2, failureThreshold: 60 },
                readinessProbe: { exec: { command: ["sh", "-c", "valkey-cli ping"] }, periodSeconds: 5 },
                livenessProbe: { tcpSocket: { port: "valkey" }, periodSeconds: 10 },
                securityContext: RESTRICTED,
                resources: valkeyResources("100m", prod ? "2Gi" : "1Gi"),
                volumeMounts: [{ name: "data", mountPath: "/data" }],
              },
              {
                name: "exporter",
                image: pin("oliver006/redis_exporter:v1.80.0", prod),
                imagePullPolicy: "Always",
                ports: [{ name: "metrics", containerPort: 9121 }],
                readinessProbe: { httpGet: { path: "/health", port: "metrics" }, periodSeconds: 10 },
                livenessProbe: { tcpSocket: { port: "metrics" }, periodSeconds: 20 },
                securityContext: RESTRICTED,
                resources: valkeyResources("20m", "32Mi"),
              },
            ],
          },
        },
        volumeClaimTemplates: [
          {
            metadata: { name: "data" },
            spec: {
              accessModes: ["ReadWriteOnce"],
              resources: { requests: { storage: prod ? "4Gi" : "2Gi" } },
            },
          },
        ],
        persistentVolumeClaimRetentionPolicy: { whenDeleted: "Retain", whenScaled: "Retain" },
      },
    },
    true,
  );
  add("cache", "cache-pdb", {
    apiVersion: "policy/v1",
    kind: "PodDisruptionBudget",
    metadata: meta("redis", "cache"),
    spec: { selector: { matchLabels: cache }, ...(prod ? { minAvailable: 2 } : { maxUnavailable: 1 }) },
  });
  add("cache", "cache-network-policy", {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: meta("redis", "cache"),
    spec: {
      podSelector: { matchLabels: cache },
      policyTypes: ["Ingress", "Egress"],
      ingress: [{ from: [{ podSelector: { matchLabels: cache } }], ports: [{ port: 6379 }] }],
      egress: [DNS],
    },
  });

  // Keys: cert-manager.
  add("kms", "kms-selfsigned", {
    apiVersion: "cert-manager.io/v1",
    kind: "Issuer",
    metadata: meta("kms", "selfsigned"),
    spec: { selfSigned: {} },
  });
  add("kms", "kms-root", {
    apiVersion: "cert-manager.io/v1",
    kind: "Certificate",
    metadata: meta("kms", "root-ca"),
    spec: {
      isCA: true,
      commonName: "acme root CA",
      secretName: "root-ca",
      duration: "2160h",
      renewBefore: "360h",
      privateKey: { algorithm: "ECDSA", size: 256, rotationPolicy: "Always" },
      issuerRef: { name: "selfsigned", kind: "Issuer", group: "cert-manager.io" },
    },
  });
  add("kms", "kms-db-certificate", {
    apiVersion: "cert-manager.io/v1",
    kind: "Certificate",
    metadata: meta("kms", "db-tls"),
    spec: {
      secretName: "db-tls",
      dnsNames: ["db-rw", `db-rw.${ns}.svc`],
      duration: "2160h",
      renewBefore: "360h",
      privateKey: { algorithm: "Ed25519", rotationPolicy: "Always" },
      usages: ["server auth"],
      issuerRef: { name: "ca", kind: "Issuer" },
    },
  });

  // Observability.
  add("obs", "obs-rules", {
    apiVersion: "monitoring.coreos.com/v1",
    kind: "PrometheusRule",
    metadata: meta("observability", "alerts", {
      labels: { ...labels(stack, "observability", "alerts"), release: "kube-prometheus-stack" },
    }),
    spec: {
      groups: [
        {
          name: "acme.rules",
          rules: [
            {
              alert: "PodCrashLooping",
              expr: `increase(kube_pod_container_status_restarts_total{namespace="${ns}"}[15m]) > 3`,
              for: "5m",
              labels: { severity: "page" },
              annotations: { summary: "a pod restarts repeatedly" },
            },
          ],
        },
      ],
    },
  });
  add("obs", "obs-probe", {
    apiVersion: "monitoring.coreos.com/v1",
    kind: "Probe",
    metadata: meta("observability", "uptime", {
      labels: { ...labels(stack, "observability", "uptime"), release: "kube-prometheus-stack" },
    }),
    spec: {
      prober: { url: "blackbox-exporter.monitoring.svc:9115" },
      module: "http_2xx",
      targets: { staticConfig: { static: [`http://api.${ns}.svc/health`] } },
    },
  });
  add("obs", "obs-alertmanager", {
    apiVersion: "monitoring.coreos.com/v1alpha1",
    kind: "AlertmanagerConfig",
    metadata: meta("observability", "email"),
    spec: {
      route: { receiver: "email", groupBy: ["alertname"] },
      receivers: [{ name: "email", emailConfigs: [{ to: "oncall@acme.test", sendResolved: true }] }],
    },
  });
  add("obs", "obs-dashboard", {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: meta("observability", "dashboard", {
      labels: { ...labels(stack, "observability", "dashboard"), grafana_dashboard: "1" },
    }),
    data: { "acme.json": "{}" },
  });
  return out;
}
