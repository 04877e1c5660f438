/**
 * Hand-built inventories and steps for the guard tests: what a careful GCP platform creates
 * (private Cloud SQL with TLS, the CIS flags, backups/PITR, REGIONAL, CMEK; HSM keys rotating every
 * 90 days; STANDARD_HA Redis with AUTH and TLS; Cloud Run behind the load balancer with its own
 * service account; audit logs and the CIS log alerts).
 */
import type { Profile } from "../../components/shared/profiles";
import { CIS_LOG_ALERTS, type CisLogAlert } from "../../plan/guards/gcp/security-logging";
import type { GuardResource, GuardStep } from "../../plan/guards/types";
import type { Op, PlanInputs } from "../../plan/model";

export const PROJECT_ID = "acme-prod";
const REGION = "europe-west1";
const RING = `projects/${PROJECT_ID}/locations/${REGION}/keyRings/acme-keys`;
export const KEY_IDS = {
  sql: `${RING}/cryptoKeys/sql`,
  redis: `${RING}/cryptoKeys/redis`,
  registry: `${RING}/cryptoKeys/registry`,
} as const;
export const RUN_SA = `api-sa@${PROJECT_ID}.iam.gserviceaccount.com`;

/** Component type per resource family (the parent in the URN). */
const COMPONENT: Record<string, string> = {
  kms: "platform:security:KmsKeyRing",
  db: "platform:data:PostgresWithBackups",
  cache: "platform:data:RedisCache",
  api: "platform:compute:CloudRunService",
  obs: "platform:observability:ObservabilityStack",
  registry: "platform:compute:ArtifactRegistry",
};

/** A URN under a component (`urn:pulumi:<stack>::platform::<component>$<type>::<name>`). */
export function urnOf(type: string, name: string, component = "db", stack = "prod"): string {
  return `urn:pulumi:${stack}::platform::${COMPONENT[component] ?? component}$${type}::${name}`;
}

/** A resource row. */
export function res(
  type: string,
  name: string,
  inputs: Record<string, unknown>,
  opts: { component?: string; protect?: boolean; stack?: string } = {},
): GuardResource {
  const component = opts.component ?? "db";
  const stack = opts.stack ?? "prod";
  return {
    urn: urnOf(type, name, component, stack),
    type,
    name,
    parent: `urn:pulumi:${stack}::platform::${COMPONENT[component] ?? component}::${component}`,
    inputs,
    protect: opts.protect ?? false,
  };
}

export const CIS_FLAGS = [
  { name: "log_connections", value: "on" },
  { name: "log_disconnections", value: "on" },
  { name: "log_min_duration_statement", value: "-1" },
  { name: "cloudsql.enable_pgaudit", value: "on" },
  { name: "log_statement", value: "ddl" },
  { name: "log_min_messages", value: "warning" },
  { name: "log_min_error_statement", value: "error" },
  { name: "log_error_verbosity", value: "default" },
  { name: "log_checkpoints", value: "on" },
  { name: "log_lock_waits", value: "on" },
  { name: "log_temp_files", value: "0" },
  { name: "log_hostname", value: "on" },
  { name: "log_duration", value: "on" },
  { name: "log_executor_stats", value: "off" },
  { name: "log_parser_stats", value: "off" },
  { name: "log_planner_stats", value: "off" },
  { name: "log_statement_stats", value: "off" },
];

/**
 * The inventory a careful platform creates. `dev` keeps every L1 safeguard but drops the prod
 * invariants (zonal, software keys, BASIC Redis, scale to zero, no CMEK, no protection).
 */
export function carefulInventory(profile: Profile = "prod"): GuardResource[] {
  const prod = profile === "prod";
  const stack = profile;
  const protect = prod;
  const level = prod ? "HSM" : "SOFTWARE";
  const labels = { env: profile, app: "acme", "managed-by": "platform" };
  const key = (name: string, extra: Record<string, unknown> = {}) =>
    res(
      "gcp:kms/cryptoKey:CryptoKey",
      `keys-${name}`,
      {
        keyRing: RING,
        name,
        purpose: "ENCRYPT_DECRYPT",
        rotationPeriod: "7776000s",
        versionTemplate: { algorithm: "GOOGLE_SYMMETRIC_ENCRYPTION", protectionLevel: level },
        labels: { ...labels, component: "kms" },
        ...extra,
      },
      { component: "kms", protect, stack },
    );
  const metric = (alert: CisLogAlert) =>
    res(
      "gcp:logging/metric:Metric",
      `obs-${alert}-metric`,
      { name: `acme-${profile}-${alert}`, filter: CIS_LOG_ALERTS[alert].filter, project: PROJECT_ID },
      { component: "obs", stack },
    );
  const alertPolicy = (alert: CisLogAlert) =>
    res(
      "gcp:monitoring/alertPolicy:AlertPolicy",
      `obs-${alert}-alert`,
      {
        displayName: CIS_LOG_ALERTS[alert].title,
        combiner: "OR",
        conditions: [
          {
            displayName: CIS_LOG_ALERTS[alert].title,
            conditionThreshold: {
              filter: `resource.type="global" AND metric.type="logging.googleapis.com/user/acme-${profile}-${alert}"`,
              comparison: "COMPARISON_GT",
              thresholdValue: 0,
              duration: "0s",
            },
          },
        ],
        notificationChannels: ["projects/acme-prod/notificationChannels/123"],
      },
      { component: "obs", stack },
    );
  const alerts = Object.keys(CIS_LOG_ALERTS) as CisLogAlert[];
  return [
    res(
      "gcp:kms/keyRing:KeyRing",
      "keys-ring",
      { name: "acme-keys", location: REGION, project: PROJECT_ID },
      { component: "kms", protect, stack },
    ),
    key("sql"),
    key("redis"),
    key("registry"),
    key("signing", {
      purpose: "ASYMMETRIC_SIGN",
      rotationPeriod: undefined,
      versionTemplate: { algorithm: "EC_SIGN_P256_SHA256", protectionLevel: level },
    }),
    res(
      "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember",
      "keys-sql-cloudsql",
      {
        cryptoKeyId: KEY_IDS.sql,
        role: "roles/cloudkms.cryptoKeyEncrypterDecrypter",
        member: "serviceAccount:service-123456789012@gcp-sa-cloud-sql.iam.gserviceaccount.com",
      },
      { component: "kms", stack },
    ),
    res(
      "gcp:projects/iAMMember:IAMMember",
      "kms-admins",
      { project: PROJECT_ID, role: "roles/cloudkms.admin", member: "group:platform-admins@acme.example" },
      { component: "kms", stack },
    ),
    res(
      "gcp:sql/databaseInstance:DatabaseInstance",
      "db-instance",
      {
        name: `acme-${profile}-db`,
        project: PROJECT_ID,
        region: REGION,
        databaseVersion: "POSTGRES_18",
        deletionProtection: prod,
        ...(prod ? { encryptionKeyName: KEY_IDS.sql } : {}),
        settings: {
          tier: prod ? "db-custom-2-7680" : "db-f1-micro",
          edition: "ENTERPRISE",
          availabilityType: prod ? "REGIONAL" : "ZONAL",
          deletionProtectionEnabled: prod,
          backupConfiguration: {
            enabled: true,
            pointInTimeRecoveryEnabled: prod,
            startTime: "03:00",
            transactionLogRetentionDays: 7,
            backupRetentionSettings: { retainedBackups: prod ? 30 : 3, retentionUnit: "COUNT" },
          },
          ipConfiguration: {
            ipv4Enabled: false,
            privateNetwork: `projects/${PROJECT_ID}/global/networks/acme-vpc`,
            sslMode: "ENCRYPTED_ONLY",
          },
          databaseFlags: CIS_FLAGS.map((f) => ({ ...f })),
          userLabels: { ...labels, component: "postgres" },
        },
      },
      { protect, stack },
    ),
    res(
      "gcp:sql/databaseInstance:DatabaseInstance",
      "db-replica-0",
      {
        name: `acme-${profile}-db-replica-0`,
        databaseVersion: "POSTGRES_18",
        masterInstanceName: `acme-${profile}-db`,
        deletionProtection: prod,
        ...(prod ? { encryptionKeyName: KEY_IDS.sql } : {}),
        settings: {
          tier: "db-custom-2-7680",
          availabilityType: "ZONAL",
          ipConfiguration: {
            ipv4Enabled: false,
            privateNetwork: `projects/${PROJECT_ID}/global/networks/acme-vpc`,
            sslMode: "ENCRYPTED_ONLY",
          },
          databaseFlags: CIS_FLAGS.map((f) => ({ ...f })),
        },
      },
      { protect, stack },
    ),
    res(
      "gcp:sql/database:Database",
      "db-database",
      { name: "app", instance: `acme-${profile}-db`, deletionPolicy: "ABANDON" },
      { protect, stack },
    ),
    res(
      "gcp:secretmanager/secret:Secret",
      "db-password-secret",
      {
        secretId: `acme-${profile}-db-password`,
        deletionProtection: prod,
        replication: { auto: {} },
        labels,
      },
      { stack },
    ),
    res(
      "gcp:secretmanager/secretVersion:SecretVersion",
      "db-password-secret-version",
      {
        secret: `projects/123456789012/secrets/acme-${profile}-db-password`,
        secretData: "[secret]",
        deletionPolicy: "DISABLE",
      },
      { stack },
    ),
    res(
      "gcp:redis/instance:Instance",
      "cache-redis",
      {
        name: `acme-${profile}-cache`,
        tier: prod ? "STANDARD_HA" : "BASIC",
        memorySizeGb: prod ? 5 : 1,
        authEnabled: true,
        transitEncryptionMode: "SERVER_AUTHENTICATION",
        connectMode: "PRIVATE_SERVICE_ACCESS",
        authorizedNetwork: `projects/${PROJECT_ID}/global/networks/acme-vpc`,
        ...(prod ? { customerManagedKey: KEY_IDS.redis } : {}),
        labels: { ...labels, component: "redis" },
      },
      { component: "cache", stack },
    ),
    res(
      "gcp:serviceaccount/account:Account",
      "api-sa",
      { accountId: "api-sa", project: PROJECT_ID },
      { component: "api", stack },
    ),
    res(
      "gcp:cloudrunv2/service:Service",
      "api-service",
      {
        name: `acme-${profile}-api`,
        location: REGION,
        ingress: "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER",
        deletionProtection: prod,
        template: {
          serviceAccount: RUN_SA,
          scaling: { minInstanceCount: prod ? 1 : 0, maxInstanceCount: 10 },
          containers: [{ image: `${REGION}-docker.pkg.dev/${PROJECT_ID}/images/api:1.0.0` }],
        },
        labels: { ...labels, component: "cloud-run" },
      },
      { component: "api", stack },
    ),
    res(
      "gcp:cloudrunv2/serviceIamMember:ServiceIamMember",
      "api-invoker-lb",
      {
        name: `acme-${profile}-api`,
        location: REGION,
        role: "roles/run.invoker",
        member: `serviceAccount:frontend@${PROJECT_ID}.iam.gserviceaccount.com`,
      },
      { component: "api", stack },
    ),
    res(
      "gcp:projects/iAMMember:IAMMember",
      "api-sa-sql-client",
      { project: PROJECT_ID, role: "roles/cloudsql.client", member: `serviceAccount:${RUN_SA}` },
      { component: "api", stack },
    ),
    res(
      "gcp:artifactregistry/repository:Repository",
      "registry-repo",
      { repositoryId: "images", format: "DOCKER", location: REGION, kmsKeyName: KEY_IDS.registry },
      { component: "registry", stack },
    ),
    res(
      "gcp:artifactregistry/repositoryIamMember:RepositoryIamMember",
      "registry-reader",
      {
        repository: "images",
        location: REGION,
        role: "roles/artifactregistry.reader",
        member: `serviceAccount:${RUN_SA}`,
      },
      { component: "registry", stack },
    ),
    res(
      "gcp:projects/iAMAuditConfig:IAMAuditConfig",
      "obs-audit-all-services",
      {
        project: PROJECT_ID,
        service: "allServices",
        auditLogConfigs: [{ logType: "ADMIN_READ" }, { logType: "DATA_READ" }, { logType: "DATA_WRITE" }],
      },
      { component: "obs", stack },
    ),
    ...alerts.flatMap((a) => [metric(a), alertPolicy(a)]),
  ];
}

/** Deep copy (keeps the UNKNOWN/SECRET symbols, which structuredClone would reject). */
function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clone) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = clone(v);
    return out as T;
  }
  return value;
}

/**
 * A copy of the inventory where the resource named `name` has its inputs (a deep copy) changed by
 * `edit` and its other fields overridden by `patch`.
 */
export function mutate(
  inventory: readonly GuardResource[],
  name: string,
  edit: (inputs: any) => unknown,
  patch: Partial<Omit<GuardResource, "inputs">> = {},
): GuardResource[] {
  let found = false;
  const out = inventory.map((r) => {
    if (r.name !== name) return r;
    found = true;
    const inputs = clone(r.inputs) as any;
    edit(inputs);
    return { ...r, inputs, ...patch };
  });
  if (!found) throw new Error(`no resource named ${name}`);
  return out;
}

/** The inventory without resources matching `names`. */
export function without(inventory: readonly GuardResource[], ...names: string[]): GuardResource[] {
  return inventory.filter((r) => !names.includes(r.name));
}

/** Finds one resource by name. */
export function named(inventory: readonly GuardResource[], name: string): GuardResource {
  const r = inventory.find((x) => x.name === name);
  if (!r) throw new Error(`no resource named ${name}`);
  return r;
}

/** Sets a Cloud SQL flag (or removes it when value is undefined). */
export function setFlag(inputs: any, flag: string, value: string | undefined): void {
  const flags = (inputs.settings.databaseFlags as { name: string; value: string }[]).filter(
    (f) => f.name !== flag,
  );
  if (value !== undefined) flags.push({ name: flag, value });
  inputs.settings.databaseFlags = flags;
}

/** A PlanStep for a resource. */
export function step(
  op: Op,
  r: Pick<GuardResource, "urn" | "type" | "name">,
  old?: Record<string, unknown>,
  next?: Record<string, unknown>,
  extra: Partial<GuardStep> = {},
): GuardStep {
  return {
    op,
    urn: r.urn,
    type: r.type,
    name: r.name,
    ...(old ? { oldInputs: old as PlanInputs } : {}),
    ...(next ? { newInputs: next as PlanInputs } : {}),
    diffs: [],
    replaceReasons: [],
    ...extra,
  };
}

/** A plan where every resource of the inventory is unchanged (`same`). */
export function sameSteps(inventory: readonly GuardResource[]): GuardStep[] {
  return inventory.map((r) =>
    step("same", r, r.inputs, r.inputs, {
      ...(r.protect !== undefined ? { protect: r.protect } : {}),
      ...(r.parent ? { parent: r.parent } : {}),
    }),
  );
}
