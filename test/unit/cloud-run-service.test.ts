import * as pulumi from "@pulumi/pulumi";
import { beforeAll, beforeEach, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import {
  CloudRunService,
  DEFAULTS,
  kmsLink,
  revisionName,
  templateFingerprint,
} from "../../components/cloud-run-service";
import { RedisCache } from "../../components/redis-cache";
import type { PlatformContext } from "../../components/shared/context";
import type { Linkable } from "../../components/shared/link";
import { promiseOf, setupMocks } from "../support/harness";

const ctx: PlatformContext = {
  env: "test",
  profile: "staging",
  app: "shop",
  project: "acme-test",
  region: "europe-west1",
  labels: { team: "core" },
};
const T = {
  component: "platform:compute:CloudRunService",
  service: "gcp:cloudrunv2/service:Service",
  sa: "gcp:serviceaccount/account:Account",
  projectMember: "gcp:projects/iAMMember:IAMMember",
  secretMember: "gcp:secretmanager/secretIamMember:SecretIamMember",
  keyMember: "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember",
  invoker: "gcp:cloudrunv2/serviceIamMember:ServiceIamMember",
} as const;
const IMAGE = "europe-docker.pkg.dev/acme/app/api:v1";
const NET = {
  network: "projects/acme-test/global/networks/shop-test-vpc",
  subnetwork: "projects/acme-test/regions/europe-west1/subnetworks/shop-test-run",
};

/** A PostgresWithBackups-shaped link, from plain values. */
const dbLink: Linkable = {
  getLink: () => ({
    env: { DB_NAME: "shop", DB_USER: "shop_app", DB_HOST: pulumi.output("10.10.0.3"), DB_PORT: "5432" },
    secretEnv: {
      DATABASE_URL: pulumi.output("projects/acme-test/secrets/shop-test-db-url"),
      DB_PASSWORD: pulumi.output("projects/acme-test/secrets/shop-test-db-password"),
    },
    secretIds: [
      pulumi.output("projects/acme-test/secrets/shop-test-db-url"),
      pulumi.output("projects/acme-test/secrets/shop-test-db-password"),
    ],
    cloudSqlInstances: [pulumi.output("acme-test:europe-west1:shop-test-db")],
  }),
};
const kms = {
  keyIds: {
    data: pulumi.output("projects/acme-test/locations/europe-west1/keyRings/shop-test-kms/cryptoKeys/data"),
  },
};

let rec: Awaited<ReturnType<typeof setupMocks>>;
beforeAll(async () => {
  rec = await setupMocks("test");
});
beforeEach(() => rec.reset());

const env = (r: { inputs: Record<string, any> }) =>
  Object.fromEntries(
    (r.inputs.template.containers[0].envs as any[]).map((e) => [e.name, e.value ?? e.valueSource]),
  );

describe("CloudRunService inventory", () => {
  it("creates a service, a dedicated SA with only logWriter + metricWriter, and no invoker by default", async () => {
    const svc = new CloudRunService("api", { ctx, image: IMAGE });
    await promiseOf(svc.url);
    await rec.settled();
    expect(rec.counts("api")).toEqual({ [T.component]: 1, [T.service]: 1, [T.sa]: 1, [T.projectMember]: 2 });
    const s = rec.find(T.service, "api-service");
    expect(s.inputs).toMatchObject({
      name: "shop-test-api",
      location: "europe-west1",
      project: "acme-test",
      ingress: "INGRESS_TRAFFIC_ALL", // DEFAULTS.ingress = "all"
      deletionProtection: DEFAULTS.deletionProtection,
      labels: { env: "test", app: "shop", component: "cloud-run", "managed-by": "platform", team: "core" },
      traffics: [{ type: "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST", percent: 100 }],
    });
    const email = await promiseOf(svc.serviceAccountEmail);
    expect(email).toMatch(/^shop-test-api-run@[a-z0-9-]+\.iam\.gserviceaccount\.com$/);
    const t = s.inputs["template"] as any;
    expect(t).toMatchObject({
      serviceAccount: email,
      executionEnvironment: "EXECUTION_ENVIRONMENT_GEN2",
      timeout: "300s",
      maxInstanceRequestConcurrency: DEFAULTS.concurrency,
      scaling: { minInstanceCount: DEFAULTS.minInstances, maxInstanceCount: DEFAULTS.maxInstances },
    });
    expect(t.vpcAccess).toBeUndefined();
    expect(t.revision).toMatch(/^shop-test-api-[0-9a-f]{10}$/);
    expect(t.containers[0]).toMatchObject({
      image: IMAGE,
      ports: { containerPort: DEFAULTS.port },
      resources: {
        limits: { cpu: DEFAULTS.cpu, memory: DEFAULTS.memory },
        cpuIdle: true,
        startupCpuBoost: true,
      },
      startupProbe: { httpGet: { path: DEFAULTS.readinessPath, port: 8080 } },
      livenessProbe: { httpGet: { path: DEFAULTS.healthPath, port: 8080 } },
    });
    const roles = rec.ofType(T.projectMember).map((r) => r.inputs["role"]);
    expect(roles.sort()).toEqual(["roles/logging.logWriter", "roles/monitoring.metricWriter"]);
    for (const r of rec.ofType(T.projectMember)) {
      expect(r.inputs["member"]).toBe(`serviceAccount:${email}`);
    }
    expect(rec.find(T.sa, "api-sa").inputs).toMatchObject({
      accountId: "shop-test-api-run",
      project: "acme-test",
    });
    expect(String(rec.find(T.sa, "api-sa").inputs["description"])).toContain("managed-by=platform");
    expect(rec.ofType(T.invoker)).toHaveLength(0);
    expect(await promiseOf(svc.url)).toBe("https://shop-test-api-abc123-ew.a.run.app");
    expect(await promiseOf(svc.location)).toBe("europe-west1");
  });

  it("maps ingress, scaling, CPU/memory, VPC egress, CMEK and explicit invokers", async () => {
    const svc = new CloudRunService("web", {
      ctx,
      image: IMAGE,
      cpu: "4",
      memory: "8Gi",
      cpuIdle: false,
      minInstances: 2,
      maxInstances: 50,
      concurrency: 200,
      timeoutSeconds: 60,
      ingress: "internal-and-lb",
      invokers: ["serviceAccount:lb@acme-test.iam.gserviceaccount.com"],
      kmsKeyId: "projects/acme-test/locations/europe-west1/keyRings/r/cryptoKeys/run",
      deletionProtection: false,
      ...NET,
    });
    await promiseOf(svc.url);
    await rec.settled();
    const s = rec.find(T.service, "web-service");
    expect(s.inputs).toMatchObject({
      ingress: "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER",
      deletionProtection: false,
    });
    expect(s.inputs["template"]).toMatchObject({
      scaling: { minInstanceCount: 2, maxInstanceCount: 50 },
      maxInstanceRequestConcurrency: 200,
      timeout: "60s",
      encryptionKey: "projects/acme-test/locations/europe-west1/keyRings/r/cryptoKeys/run",
      vpcAccess: { egress: "PRIVATE_RANGES_ONLY", networkInterfaces: [NET] },
      containers: [{ resources: { limits: { cpu: "4", memory: "8Gi" }, cpuIdle: false } }],
    });
    const inv = rec.find(T.invoker, "web-invoker-0");
    expect(inv.inputs).toMatchObject({
      role: "roles/run.invoker",
      member: "serviceAccount:lb@acme-test.iam.gserviceaccount.com",
      name: "shop-test-web",
    });
  });

  it("fractional CPUs run gen1 with concurrency 1", async () => {
    new CloudRunService("tiny", { ctx, image: IMAGE, cpu: "0.5", memory: "1Gi" });
    await rec.settled();
    expect(rec.find(T.service, "tiny-service").inputs["template"]).toMatchObject({
      executionEnvironment: "EXECUTION_ENVIRONMENT_GEN1",
      maxInstanceRequestConcurrency: 1,
    });
  });

  it("public: true grants allUsers run.invoker, and the url waits for it", async () => {
    const svc = new CloudRunService("pub", { ctx, image: IMAGE, public: true });
    await promiseOf(svc.url);
    await rec.settled();
    const invokers = rec.ofType(T.invoker);
    expect(invokers.map((r) => r.name)).toEqual(["pub-invoker-public"]);
    expect(invokers[0]!.inputs).toMatchObject({ role: "roles/run.invoker", member: "allUsers" });
  });
});

describe("CloudRunService links", () => {
  it("wires a database, a Memorystore cache and a KMS key with grants on exactly those resources", async () => {
    const cache = new RedisCache("cache", { ctx, network: NET.network, tier: "BASIC" });
    const secrets = { STRIPE_KEY: "stripe-api-key" };
    const svc = new CloudRunService("app", {
      ctx,
      image: IMAGE,
      env: { LOG_LEVEL: "info" },
      secrets,
      link: [dbLink, cache, kmsLink(kms, "data")],
      ...NET,
    });
    const member = `serviceAccount:${await promiseOf(svc.serviceAccountEmail)}`;
    await promiseOf(svc.url);
    await rec.settled();
    const s = rec.find(T.service, "app-service");
    expect(env(s)).toMatchObject({
      LOG_LEVEL: "info",
      DB_NAME: "shop",
      DB_HOST: "10.10.0.3",
      CACHE_BACKEND: "memorystore",
      REDIS_HOST: "10.20.0.4",
      REDIS_PORT: "6378",
      REDIS_TLS: "true",
      KMS_KEY_ID: "projects/acme-test/locations/europe-west1/keyRings/shop-test-kms/cryptoKeys/data",
      STRIPE_KEY: { secretKeyRef: { secret: "stripe-api-key", version: "latest" } },
      DATABASE_URL: {
        secretKeyRef: { secret: "projects/acme-test/secrets/shop-test-db-url", version: "latest" },
      },
      DB_PASSWORD: {
        secretKeyRef: { secret: "projects/acme-test/secrets/shop-test-db-password", version: "latest" },
      },
      REDIS_AUTH: { secretKeyRef: { secret: "cache-auth-secret-id", version: "latest" } },
    });

    // secretAccessor on exactly the four secrets, each a secret-level binding.
    const secretGrants = rec.ofType(T.secretMember).filter((r) => r.name.startsWith("app-"));
    expect(secretGrants.map((r) => r.inputs["secretId"]).sort()).toEqual(
      [
        "cache-auth-secret-id",
        "projects/acme-test/secrets/shop-test-db-password",
        "projects/acme-test/secrets/shop-test-db-url",
        "stripe-api-key",
      ].sort(),
    );
    for (const g of secretGrants)
      expect(g.inputs).toMatchObject({ role: "roles/secretmanager.secretAccessor", member });
    expect(rec.find(T.secretMember, "app-secret-stripe-key").inputs["project"]).toBe("acme-test");

    // Project level: logWriter, metricWriter, and cloudsql.client only with a condition on the linked instance.
    const projectGrants = rec.ofType(T.projectMember).filter((r) => r.name.startsWith("app-"));
    expect(projectGrants.map((r) => r.inputs["role"]).sort()).toEqual(
      ["roles/cloudsql.client", "roles/logging.logWriter", "roles/monitoring.metricWriter"].sort(),
    );
    expect(projectGrants.some((r) => r.inputs["role"] === "roles/secretmanager.secretAccessor")).toBe(false);
    const sql = projectGrants.find((r) => r.inputs["role"] === "roles/cloudsql.client")!;
    expect(sql.inputs["condition"]).toMatchObject({
      expression:
        "resource.name == 'projects/acme-test/instances/shop-test-db' && resource.type == 'sqladmin.googleapis.com/Instance'",
    });

    // KMS: encrypterDecrypter on exactly the linked key.
    const keyGrants = rec.ofType(T.keyMember).filter((r) => r.name.startsWith("app-"));
    expect(keyGrants).toHaveLength(1);
    expect(keyGrants[0]!.inputs).toMatchObject({
      cryptoKeyId: "projects/acme-test/locations/europe-west1/keyRings/shop-test-kms/cryptoKeys/data",
      role: "roles/cloudkms.cryptoKeyEncrypterDecrypter",
      member,
    });

    // The service waits for its grants; nobody public.
    expect(s.dependencies).toEqual(
      expect.arrayContaining([...secretGrants, ...keyGrants, sql].map((r) => r.urn)),
    );
    expect(rec.ofType(T.invoker)).toHaveLength(0);
  });

  it("a memory-mode cache link adds CACHE_BACKEND=memory and no grants or VPC requirement", async () => {
    const cache = new RedisCache("mem", { ctx, mode: "memory" });
    new CloudRunService("lite", { ctx, image: IMAGE, link: [cache] });
    await rec.settled();
    const s = rec.find(T.service, "lite-service");
    expect(env(s)).toEqual({ CACHE_BACKEND: "memory" });
    expect(rec.ofType(T.secretMember)).toHaveLength(0);
    expect(rec.counts("lite")[T.projectMember]).toBe(2);
  });

  it("refuses links to private IPs without VPC egress, and env name clashes", () => {
    expect(() => new CloudRunService("novpc", { ctx, image: IMAGE, link: [dbLink] })).toThrow(
      "link[0] reaches a private IP (Cloud SQL or Memorystore): set network and subnetwork for direct VPC egress",
    );
    expect(
      () =>
        new CloudRunService("clash", { ctx, image: IMAGE, env: { DB_NAME: "x" }, link: [dbLink], ...NET }),
    ).toThrow("link[0].env.DB_NAME: env DB_NAME is already set by env");
  });
});

describe("CloudRunService canary", () => {
  it("deploys the canary image as a tagged revision and pins the rest to the stable revision", async () => {
    const canaryImage = "europe-docker.pkg.dev/acme/app/api:v2";
    const svc = new CloudRunService("cn", { ctx, image: IMAGE, canary: { percent: 10, image: canaryImage } });
    await promiseOf(svc.url);
    await rec.settled();
    const s = rec.find(T.service, "cn-service");
    const t = s.inputs["template"] as any;
    expect(t.containers[0].image).toBe(canaryImage);
    const fp = templateFingerprint(t);
    const stable = revisionName("shop-test-cn", IMAGE, fp);
    const canary = revisionName("shop-test-cn", canaryImage, fp);
    expect(t.revision).toBe(canary);
    expect(await promiseOf(svc.revision)).toBe(canary);
    expect(s.inputs["traffics"]).toEqual([
      { type: "TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION", revision: stable, percent: 90 },
      { type: "TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION", revision: canary, percent: 10, tag: "canary" },
    ]);
  });

  it("honours an explicit stable revision", async () => {
    new CloudRunService("cx", {
      ctx,
      image: IMAGE,
      canary: {
        percent: 25,
        image: "europe-docker.pkg.dev/acme/app/api:v3",
        stableRevision: "shop-test-cx-00007-abc",
      },
    });
    await rec.settled();
    const traffics = rec.find(T.service, "cx-service").inputs["traffics"] as any[];
    expect(traffics[0]).toEqual({
      type: "TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION",
      revision: "shop-test-cx-00007-abc",
      percent: 75,
    });
  });

  it("still names the revision when a callback transform makes the template an Output", async () => {
    new CloudRunService("cb", {
      ctx,
      image: IMAGE,
      transform: {
        service: (a) => {
          a.template = pulumi.output(a.template).apply((t) => ({ ...t, sessionAffinity: true }));
        },
      },
    });
    await rec.settled();
    const t = rec.find(T.service, "cb-service").inputs["template"] as any;
    expect(t.sessionAffinity).toBe(true);
    expect(t.revision).toBe(revisionName("shop-test-cb", IMAGE, templateFingerprint(t)));
  });

  it("names the revision from the final template, after a transform", async () => {
    new CloudRunService("tf", {
      ctx,
      image: IMAGE,
      transform: { service: { template: { timeout: "30s" } } },
    });
    await rec.settled();
    const t = rec.find(T.service, "tf-service").inputs["template"] as any;
    expect(t.timeout).toBe("30s");
    expect(t.containers[0].image).toBe(IMAGE); // the one-level merge keeps the rest of the template
    expect(t.revision).toBe(revisionName("shop-test-tf", IMAGE, templateFingerprint(t)));
    expect(templateFingerprint({ ...t, timeout: "300s" })).not.toBe(templateFingerprint(t));
  });
});
