import type { CostResource } from "../../plan/cost";

/**
 * Realistic environment inventories (the shape `platform synth --json` emits), for the cost tests.
 * Component URNs follow Pulumi's `<parent types>$<type>::<name>` scheme.
 */

const STACK = (env: string) => `urn:pulumi:${env}::platform::pulumi:pulumi:Stack::platform-${env}`;

function builder(env: string) {
  const out: CostResource[] = [
    { urn: STACK(env), type: "pulumi:pulumi:Stack", name: `platform-${env}`, inputs: {} },
  ];
  return {
    out,
    component(type: string, name: string): string {
      const urn = `urn:pulumi:${env}::platform::${type}::${name}`;
      out.push({ urn, type, name, parent: STACK(env), inputs: {} });
      return urn;
    },
    child(parent: string, type: string, name: string, inputs: Record<string, unknown>): void {
      const parentType = parent.split("::")[2]!;
      out.push({
        urn: `urn:pulumi:${env}::platform::${parentType}$${type}::${name}`,
        type,
        name,
        parent,
        inputs,
      });
    },
  };
}

interface Shape {
  region: string;
  sql: { tier: string; availabilityType: string; diskSize: number; replica?: boolean };
  redis?: { tier: string; memorySizeGb: number };
  run: { min: number; cpu: string; memory: string };
  keys: { protectionLevel: string; count: number; signing?: boolean };
  secrets: string[];
}

function environment(env: string, s: Shape): CostResource[] {
  const b = builder(env);
  const labels = (component: string) => ({ env, app: "shop", component, "managed-by": "platform" });

  const kms = b.component("platform:security:KmsKeyRing", "kms");
  b.child(kms, "gcp:kms/keyRing:KeyRing", "kms-ring", { location: s.region, name: `shop-${env}` });
  for (const key of ["data", "secrets", "logs"].slice(0, s.keys.count)) {
    b.child(kms, "gcp:kms/cryptoKey:CryptoKey", `kms-${key}`, {
      keyRing: "[unknown]",
      purpose: "ENCRYPT_DECRYPT",
      rotationPeriod: "7776000s",
      versionTemplate: { algorithm: "GOOGLE_SYMMETRIC_ENCRYPTION", protectionLevel: s.keys.protectionLevel },
      labels: labels("kms"),
    });
    b.child(kms, "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember", `kms-${key}-agent`, {
      cryptoKeyId: "[unknown]",
      role: "roles/cloudkms.cryptoKeyEncrypterDecrypter",
      member: "serviceAccount:service-123@gcp-sa-cloud-sql.iam.gserviceaccount.com",
    });
  }
  if (s.keys.signing) {
    b.child(kms, "gcp:kms/cryptoKey:CryptoKey", "kms-signing", {
      keyRing: "[unknown]",
      purpose: "ASYMMETRIC_SIGN",
      versionTemplate: { algorithm: "EC_SIGN_P256_SHA256", protectionLevel: "HSM" },
      labels: labels("kms"),
    });
  }

  const db = b.component("platform:data:PostgresWithBackups", "db");
  const settings = (extra: Record<string, unknown>) => ({
    tier: s.sql.tier,
    edition: "ENTERPRISE",
    diskType: "PD_SSD",
    diskSize: s.sql.diskSize,
    diskAutoresize: true,
    ipConfiguration: { ipv4Enabled: false, privateNetwork: "[unknown]", sslMode: "ENCRYPTED_ONLY" },
    userLabels: labels("postgres"),
    ...extra,
  });
  b.child(db, "gcp:sql/databaseInstance:DatabaseInstance", "db-instance", {
    region: s.region,
    databaseVersion: "POSTGRES_16",
    encryptionKeyName: "[unknown]",
    deletionProtection: true,
    settings: settings({
      availabilityType: s.sql.availabilityType,
      backupConfiguration: { enabled: true, pointInTimeRecoveryEnabled: true },
    }),
  });
  if (s.sql.replica) {
    b.child(db, "gcp:sql/databaseInstance:DatabaseInstance", "db-replica", {
      region: s.region,
      databaseVersion: "POSTGRES_16",
      masterInstanceName: "[unknown]",
      settings: settings({ availabilityType: "ZONAL" }),
    });
  }
  b.child(db, "random:index/randomPassword:RandomPassword", "db-password", { length: 32, special: false });
  b.child(db, "gcp:sql/user:User", "db-user", { instance: "[unknown]", name: "app", password: "[secret]" });
  b.child(db, "gcp:sql/database:Database", "db-database", { instance: "[unknown]", name: "app" });

  if (s.redis) {
    const cache = b.component("platform:data:RedisCache", "cache");
    b.child(cache, "gcp:redis/instance:Instance", "cache-instance", {
      region: s.region,
      tier: s.redis.tier,
      memorySizeGb: s.redis.memorySizeGb,
      authEnabled: true,
      transitEncryptionMode: "SERVER_AUTHENTICATION",
      labels: labels("redis"),
    });
  }

  const api = b.component("platform:run:CloudRunService", "api");
  b.child(api, "gcp:serviceaccount/account:Account", "api-sa", { accountId: `shop-api-${env}` });
  b.child(api, "gcp:cloudrunv2/service:Service", "api-service", {
    location: s.region,
    ingress: "INGRESS_TRAFFIC_ALL",
    labels: labels("cloud-run"),
    template: {
      serviceAccount: "[unknown]",
      scaling: { minInstanceCount: s.run.min, maxInstanceCount: 10 },
      containers: [
        {
          image: "europe-docker.pkg.dev/acme/shop/api:1.2.3",
          resources: { cpuIdle: true, limits: { cpu: s.run.cpu, memory: s.run.memory } },
        },
      ],
    },
  });
  b.child(api, "gcp:cloudrunv2/serviceIamMember:ServiceIamMember", "api-invoker", {
    name: "[unknown]",
    role: "roles/run.invoker",
    member: "allUsers",
  });
  for (const secret of s.secrets) {
    b.child(api, "gcp:secretmanager/secret:Secret", `api-${secret}`, {
      secretId: `shop-${env}-${secret}`,
      replication: { auto: { customerManagedEncryption: { kmsKeyName: "[unknown]" } } },
      labels: labels("cloud-run"),
    });
    b.child(api, "gcp:secretmanager/secretVersion:SecretVersion", `api-${secret}-v1`, {
      secret: "[unknown]",
      secretData: "[secret]",
    });
  }

  const obs = b.component("platform:observability:ObservabilityStack", "obs");
  b.child(obs, "gcp:monitoring/notificationChannel:NotificationChannel", "obs-email", { type: "email" });
  b.child(obs, "gcp:monitoring/uptimeCheckConfig:UptimeCheckConfig", "obs-uptime", {
    displayName: "api",
    period: "60s",
    timeout: "10s",
    httpCheck: { path: "/healthz", useSsl: true },
    userLabels: labels("observability"),
  });
  b.child(obs, "gcp:monitoring/alertPolicy:AlertPolicy", "obs-uptime-alert", { combiner: "OR" });

  const budget = b.component("platform:billing:BudgetAlert", "budget");
  b.child(budget, "gcp:billing/budget:Budget", "budget-budget", {
    billingAccount: "000000-000000-000000",
    amount: { specifiedAmount: { currencyCode: "USD", units: "20" } },
  });
  return b.out;
}

/** dev: db-f1-micro ZONAL 10 GB SSD, no Redis, Cloud Run min 0, 3 SOFTWARE keys, 3 secrets. */
export const DEV = environment("dev", {
  region: "us-central1",
  sql: { tier: "db-f1-micro", availabilityType: "ZONAL", diskSize: 10 },
  run: { min: 0, cpu: "1", memory: "512Mi" },
  keys: { protectionLevel: "SOFTWARE", count: 3 },
  secrets: ["db-password", "api-key", "session-key"],
});

/** staging: db-custom-1-3840 ZONAL 20 GB, Redis BASIC 1 GB, Cloud Run min 1, 3 SOFTWARE keys, 3 secrets. */
export const STAGING = environment("staging", {
  region: "us-central1",
  sql: { tier: "db-custom-1-3840", availabilityType: "ZONAL", diskSize: 20 },
  redis: { tier: "BASIC", memorySizeGb: 1 },
  run: { min: 1, cpu: "1", memory: "512Mi" },
  keys: { protectionLevel: "SOFTWARE", count: 3 },
  secrets: ["db-password", "api-key", "session-key"],
});

/** prod (europe-west1): db-custom-2-7680 REGIONAL 100 GB + replica, Redis STANDARD_HA 5 GB, min 2 × 2 vCPU/1Gi, 3 HSM keys + HSM EC signing key, 4 secrets. */
export const PROD = environment("prod", {
  region: "europe-west1",
  sql: { tier: "db-custom-2-7680", availabilityType: "REGIONAL", diskSize: 100, replica: true },
  redis: { tier: "STANDARD_HA", memorySizeGb: 5 },
  run: { min: 2, cpu: "2", memory: "1Gi" },
  keys: { protectionLevel: "HSM", count: 3, signing: true },
  secrets: ["db-password", "api-key", "session-key", "redis-auth"],
});
