import { PlatformError, show } from "../shared/errors";
import { isK8sCpu, isK8sMemory, isSixFieldCron, ObjectStoreProvider } from "../shared/kubernetes";
import { CIS_DATABASE_FLAGS, POSTGRES_VERSIONS, type PostgresVersion } from "./spec";

/**
 * Pure rules of PostgresWithBackups on CloudNativePG: instance counts, images, the Barman Cloud
 * object store, schedules and the CIS log parameters.
 */

/** The Barman Cloud plugin's name in `Cluster.spec.plugins` and `ScheduledBackup.pluginConfiguration`. */
export const BARMAN_PLUGIN = "barman-cloud.cloudnative-pg.io" as const;
/** CloudNativePG's API group/version. */
export const CNPG_API = "postgresql.cnpg.io/v1" as const;
/** The Barman Cloud plugin's ObjectStore API group/version. */
export const BARMAN_API = "barmancloud.cnpg.io/v1" as const;

/**
 * CloudNativePG operand images per major (ghcr.io/cloudnative-pg/postgresql), minor pinned so an
 * `up` never changes the server by itself. The `standard` variant: PostgreSQL with pgaudit (which
 * the CIS parameters below load) and without the in-tree Barman Cloud, which the Barman Cloud
 * plugin replaces; the `system` images that carry it are deprecated upstream. Minors: the newest
 * set seen together in public CNPG `ClusterImageCatalog`s (2026-08; 18.6-standard-trixie is also
 * CloudNativePG 1.30.1's default image). Bump the four together after each PostgreSQL minor release.
 */
export const CNPG_IMAGES = {
  POSTGRES_15: "ghcr.io/cloudnative-pg/postgresql:15.19-standard-trixie",
  POSTGRES_16: "ghcr.io/cloudnative-pg/postgresql:16.15-standard-trixie",
  POSTGRES_17: "ghcr.io/cloudnative-pg/postgresql:17.11-standard-trixie",
  POSTGRES_18: "ghcr.io/cloudnative-pg/postgresql:18.6-standard-trixie",
} as const satisfies Record<PostgresVersion, string>;

/**
 * The CIS logging parameters (as on Cloud SQL and RDS) plus pgaudit for DDL and role changes
 * (CloudNativePG adds pgaudit to shared_preload_libraries itself when a pgaudit.* parameter is set).
 */
export const CNPG_LOG_PARAMETERS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    CIS_DATABASE_FLAGS.filter((f) => !f.name.startsWith("cloudsql.")).map((f) => [f.name, f.value]),
  ),
  "pgaudit.log": "ddl,role",
  "pgaudit.log_relation": "on",
};

/** pg_hba lines after the operator's own: TLS with SCRAM only, plaintext refused. */
export const CNPG_PG_HBA = [
  "hostnossl all all 0.0.0.0/0 reject",
  "hostnossl all all ::/0 reject",
  "hostssl all all all scram-sha-256",
] as const;

/** Object store settings of the Barman Cloud plugin. */
export interface ObjectStoreArgs {
  readonly provider: ObjectStoreProvider;
  readonly bucket: string;
  /** Prefix inside the bucket. */
  readonly path: string;
  /** Secret with the credentials (s3: ACCESS_KEY_ID, ACCESS_SECRET_KEY, optional ACCESS_REGION; gcs: credentials.json); omit for IRSA / Workload Identity. */
  readonly credentialsSecret?: string;
  /** S3-compatible endpoint. */
  readonly endpointUrl?: string;
  /** S3 region (sets the endpoint to s3.<region>.amazonaws.com when no endpointUrl). */
  readonly region?: string;
}

/**
 * Instances of the Cluster: 1 primary, plus 2 standbys with HA (synchronous quorum of 1), plus
 * the read replicas.
 *
 * @example
 * ```ts
 * cnpgInstances(true, 1); // 4
 * cnpgInstances(false, 0); // 1
 * ```
 */
export function cnpgInstances(highAvailability: boolean, readReplicas: number): number {
  return (highAvailability ? 3 : 1) + readReplicas;
}

/**
 * The six-field (seconds first) cron of the daily base backup at `HH:MM` UTC.
 *
 * @example
 * ```ts
 * backupSchedule("01:30"); // "0 30 1 * * *"
 * ```
 */
export function backupSchedule(startTime: string): string {
  const [h, m] = startTime.split(":").map(Number) as [number, number];
  return `0 ${m} ${h} * * *`;
}

/**
 * The Barman Cloud `destinationPath` (`s3://bucket/path`, `gs://bucket/path`).
 *
 * @example
 * ```ts
 * destinationPath({ provider: "gcs", bucket: "acme-backups", path: "shop/k8s-prod" }); // "gs://acme-backups/shop/k8s-prod"
 * ```
 */
export function destinationPath(o: Pick<ObjectStoreArgs, "provider" | "bucket" | "path">): string {
  return `${o.provider === "gcs" ? "gs" : "s3"}://${o.bucket}/${o.path.replace(/^\/+|\/+$/g, "")}`;
}

/**
 * `ObjectStore.spec.configuration`: where, with which credentials, compressed.
 *
 * @example
 * ```ts
 * objectStoreConfiguration({ provider: "s3", bucket: "b", path: "p", credentialsSecret: "s3-creds" }).s3Credentials;
 * ```
 */
export function objectStoreConfiguration(o: ObjectStoreArgs): Record<string, unknown> {
  const base: Record<string, unknown> = {
    destinationPath: destinationPath(o),
    wal: { compression: "gzip", maxParallel: 2 },
    data: { compression: "gzip", jobs: 2 },
  };
  if (o.provider === "s3") {
    const endpoint =
      o.endpointUrl ?? (o.region !== undefined ? `https://s3.${o.region}.amazonaws.com` : undefined);
    if (endpoint !== undefined) base["endpointURL"] = endpoint;
    // Server-side encryption even when the bucket's default policy does not ask for it.
    base["wal"] = { ...(base["wal"] as object), encryption: "AES256" };
    base["data"] = { ...(base["data"] as object), encryption: "AES256" };
    base["s3Credentials"] =
      o.credentialsSecret === undefined
        ? { inheritFromIAMRole: true }
        : {
            accessKeyId: { name: o.credentialsSecret, key: "ACCESS_KEY_ID" },
            secretAccessKey: { name: o.credentialsSecret, key: "ACCESS_SECRET_KEY" },
          };
  } else {
    base["googleCredentials"] =
      o.credentialsSecret === undefined
        ? { gkeEnvironment: true }
        : { applicationCredentials: { name: o.credentialsSecret, key: "credentials.json" } };
  }
  return base;
}

/** Defaults of `K8sPostgresArgs` (k8s.ts). */
export const K8S_PG_DEFAULTS = {
  version: "POSTGRES_17",
  readReplicas: 0,
  storageGb: 10,
  cpu: "500m",
  memory: "1Gi",
  backups: true,
  retentionDays: 30,
  backupStartTime: "03:00",
  restoreTestSchedule: "0 0 5 * * 0",
  restoreTestMaxAgeHours: 26,
  protect: true,
  monitoringNamespace: "monitoring",
} as const;

/** Settings the validator checks. */
export interface K8sPostgresCheck {
  readonly version: PostgresVersion;
  readonly instances: number;
  readonly storageGb: number;
  readonly cpu: string;
  readonly memory: string;
  readonly backups: boolean;
  readonly objectStore?: ObjectStoreArgs;
  readonly retentionDays: number;
  readonly restoreTestSchedule?: string;
  readonly recoveryTargetTime?: string;
}

/**
 * Validates the resolved settings (pure); throws one {@link PlatformError} listing every problem.
 *
 * @example
 * ```ts
 * validateK8sPostgres("db", { ...spec, instances: 0 }); // PlatformError: PostgresWithBackups 'db': instances must be 1–10, got 0
 * ```
 */
export function validateK8sPostgres(name: string, s: K8sPostgresCheck): void {
  const p: string[] = [];
  if (!POSTGRES_VERSIONS.includes(s.version))
    p.push(`version must be one of ${POSTGRES_VERSIONS.join(" | ")}, got ${show(s.version)}`);
  if (!Number.isInteger(s.instances) || s.instances < 1 || s.instances > 10)
    p.push(`instances must be 1–10, got ${show(s.instances)}`);
  if (!Number.isInteger(s.storageGb) || s.storageGb < 1 || s.storageGb > 65536)
    p.push(`storageGb must be 1–65536, got ${show(s.storageGb)}`);
  if (!isK8sCpu(s.cpu)) p.push(`cpu must be a CPU quantity such as "500m", got ${show(s.cpu)}`);
  if (!isK8sMemory(s.memory)) p.push(`memory must be a memory quantity such as "1Gi", got ${show(s.memory)}`);
  if (s.backups && s.objectStore === undefined)
    p.push("backups need objectStore { provider: s3 | gcs, bucket, path }");
  if (!Number.isInteger(s.retentionDays) || s.retentionDays < 1 || s.retentionDays > 3650)
    p.push(`retentionDays must be 1–3650, got ${show(s.retentionDays)}`);
  if (s.restoreTestSchedule !== undefined && !isSixFieldCron(s.restoreTestSchedule))
    p.push(
      `restoreTest.schedule must be a six-field cron (seconds first), got ${show(s.restoreTestSchedule)}`,
    );
  if (s.recoveryTargetTime !== undefined && Number.isNaN(Date.parse(s.recoveryTargetTime)))
    p.push(`recovery.targetTime must be an RFC 3339 time, got ${show(s.recoveryTargetTime)}`);
  if (s.recoveryTargetTime !== undefined && !s.backups)
    p.push("recovery needs backups (it reads the object store)");
  if (p.length > 0) throw new PlatformError(`PostgresWithBackups '${name}': ${p.join("; ")}`);
}

/**
 * The script of the restore test: create the throw-away recovery Cluster, wait until it is ready,
 * check that it has data recent enough, delete it. Exits non-zero on any failure (the Job fails,
 * the `RestoreTestFailed` alert fires).
 *
 * @example
 * ```ts
 * restoreTestScript("db-restore-test", 26); // "set -eu\n kubectl apply -f /manifest/cluster.json …"
 * ```
 */
export function restoreTestScript(cluster: string, maxAgeHours: number): string {
  return [
    "set -eu",
    `trap 'kubectl delete cluster.postgresql.cnpg.io ${cluster} --ignore-not-found --wait=false' EXIT`,
    `kubectl delete cluster.postgresql.cnpg.io ${cluster} --ignore-not-found --wait=true`,
    "kubectl apply -f /manifest/cluster.json",
    `kubectl wait cluster.postgresql.cnpg.io/${cluster} --for=condition=Ready --timeout=3h`,
    `age=$(kubectl exec ${cluster}-1 -c postgres -- psql -tAc "select coalesce(extract(epoch from now() - pg_last_xact_replay_timestamp()), 999999999)::int")`,
    `echo "restored cluster ${cluster} is ready; last replayed transaction $age s before now"`,
    `kubectl exec ${cluster}-1 -c postgres -- psql -tAc "select count(*) from pg_database"`,
    `test "$age" -le ${maxAgeHours * 3600}`,
  ].join("\n");
}
