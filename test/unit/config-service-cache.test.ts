import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { ConfigError, parseEnvironmentConfig } from "../../programs/config";
import { PLACEHOLDER_IMAGE, resolveService } from "../../programs/schema/service";
import { resolveCache } from "../../programs/schema/cache";

const env = (profile: string) => ({
  "gcp:project": `acme-shop-${profile}`,
  "gcp:region": "europe-west1",
  "platform:environment": { profile, app: "shop" },
});
const dev = env("dev");
const prod = env("prod");
const IMAGE = "europe-docker.pkg.dev/acme-shop/app/api:1.4.2";

const MINE = /^platform:(service|cache)\b/;

/** Issues under platform:service / platform:cache (other sections' prod rules are not this file's business). */
function issuesOf(values: Record<string, unknown>): { path: string; message: string }[] {
  try {
    parseEnvironmentConfig("test", values);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).issues.filter((i) => MINE.test(i.path));
  }
}

describe("bad platform:service / platform:cache config names the path and what is allowed", () => {
  it.each([
    [
      "cpu not a Cloud Run value",
      { "platform:service": { cpu: "3" } },
      "platform:service.cpu",
      /must be "1" \| "2" \| "4" \| "6" \| "8", or a fraction "0.08"–"0.999", got "3"/,
    ],
    [
      "cpu as a YAML number still checked",
      { "platform:service": { cpu: 16 } },
      "platform:service.cpu",
      /must be "1" \| "2".*got "16"/,
    ],
    [
      "memory unit",
      { "platform:service": { memory: "1GB" } },
      "platform:service.memory",
      /must be a whole number of Mi or Gi such as "512Mi" or "2Gi", got "1GB"/,
    ],
    [
      "memory above the CPU's ceiling",
      { "platform:service": { cpu: "1", memory: "8Gi" } },
      "platform:service.memory",
      /must be 512Mi–4Gi for cpu "1", got "8Gi"/,
    ],
    [
      "memory below the CPU's floor",
      { "platform:service": { cpu: "8", memory: "2Gi" } },
      "platform:service.memory",
      /must be 4Gi–32Gi for cpu "8", got "2Gi"/,
    ],
    [
      "memory above 32Gi",
      { "platform:service": { memory: "64Gi" } },
      "platform:service.memory",
      /must be at most 32Gi \(Cloud Run's limit\), got "64Gi"/,
    ],
    [
      "fractional cpu with concurrency",
      { "platform:service": { cpu: "0.5", concurrency: 10 } },
      "platform:service.concurrency",
      /must be 1 for a fractional cpu \("0.5"\), got 10/,
    ],
    [
      "concurrency range",
      { "platform:service": { concurrency: 1001 } },
      "platform:service.concurrency",
      /must be an integer 1–1000, got 1001/,
    ],
    [
      "timeout range",
      { "platform:service": { timeoutSeconds: 7200 } },
      "platform:service.timeoutSeconds",
      /must be an integer 1–3600, got 7200/,
    ],
    [
      "min above max",
      { "platform:service": { minInstances: 5, maxInstances: 2 } },
      "platform:service.minInstances",
      /must not exceed maxInstances \(2\), got 5/,
    ],
    [
      "ingress value",
      { "platform:service": { ingress: "public" } },
      "platform:service.ingress",
      /must be one of all \| internal \| internal-and-lb, got "public"/,
    ],
    [
      "public invoker in the list",
      { "platform:service": { invokers: ["allUsers"] } },
      "platform:service.invokers[0]",
      /allUsers would make the service public; set public: true instead/,
    ],
    [
      "reserved env name",
      { "platform:service": { env: { PORT: "9000" } } },
      "platform:service.env.PORT",
      /PORT is reserved by Cloud Run \(PORT, K_SERVICE, K_REVISION, K_CONFIGURATION, X_GOOGLE_\*\)/,
    ],
    [
      "secret with a version",
      { "platform:service": { secrets: { STRIPE_KEY: "projects/p/secrets/stripe/versions/2" } } },
      "platform:service.secrets.STRIPE_KEY",
      /must be a secret id or projects\/<project>\/secrets\/<id>, got/,
    ],
    [
      "env and secret clash",
      { "platform:service": { env: { API_KEY: "x" }, secrets: { API_KEY: "api-key" } } },
      "platform:service.secrets.API_KEY",
      /env API_KEY is also set in env; set it in one place only/,
    ],
    [
      "canary percent 100",
      { "platform:service": { canary: { percent: 100, image: IMAGE } } },
      "platform:service.canary.percent",
      /must be an integer 1–99, got 100/,
    ],
    [
      "canary without image",
      { "platform:service": { canary: { percent: 10 } } },
      "platform:service.canary.image",
      /is required: the canary's container image/,
    ],
    [
      "canary same image",
      { "platform:service": { image: IMAGE, canary: { percent: 10, image: IMAGE } } },
      "platform:service.canary.image",
      /must differ from image \(the stable one\)/,
    ],
    [
      "bad image",
      { "platform:service": { image: "Not An Image" } },
      "platform:service.image",
      /must be a container image such as europe-docker.pkg.dev\/acme\/app\/api:v1/,
    ],
    [
      "health path",
      { "platform:service": { healthPath: "health" } },
      "platform:service.healthPath",
      /must be an absolute URL path such as \/health, got "health"/,
    ],
    [
      "unknown service key",
      { "platform:service": { replicas: 2 } },
      "platform:service.replicas",
      /unknown key; allowed: image, cpu, memory/,
    ],
    [
      "cache mode",
      { "platform:cache": { mode: "disk" } },
      "platform:cache.mode",
      /must be one of memory \| memorystore, got "disk"/,
    ],
    [
      "cache tier",
      { "platform:cache": { mode: "memorystore", tier: "PREMIUM" } },
      "platform:cache.tier",
      /must be one of BASIC \| STANDARD_HA, got "PREMIUM"/,
    ],
    [
      "cache size",
      { "platform:cache": { mode: "memorystore", memorySizeGb: 0 } },
      "platform:cache.memorySizeGb",
      /must be an integer 1–300, got 0/,
    ],
    [
      "cache version",
      { "platform:cache": { mode: "memorystore", version: "REDIS_5_0" } },
      "platform:cache.version",
      /must be one of REDIS_6_X \| REDIS_7_0 \| REDIS_7_2, got "REDIS_5_0"/,
    ],
    [
      "too many replicas",
      { "platform:cache": { mode: "memorystore", readReplicas: 6 } },
      "platform:cache.readReplicas",
      /must be an integer 0–5, got 6/,
    ],
    [
      "replicas on BASIC",
      { "platform:cache": { mode: "memorystore", tier: "BASIC", readReplicas: 1 } },
      "platform:cache.readReplicas",
      /needs tier STANDARD_HA, got 1 with tier BASIC/,
    ],
    [
      "replicas on a small node",
      { "platform:cache": { mode: "memorystore", memorySizeGb: 2, readReplicas: 1 } },
      "platform:cache.memorySizeGb",
      /must be at least 5 with read replicas \(Memorystore replica node size\), got 2/,
    ],
    [
      "persistence value",
      { "platform:cache": { mode: "memorystore", persistence: "aof" } },
      "platform:cache.persistence",
      /must be one of none \| rdb, got "aof"/,
    ],
    [
      "memorystore field in memory mode",
      { "platform:cache": { mode: "memory", tier: "BASIC" } },
      "platform:cache.tier",
      /applies only to mode memorystore, got mode memory/,
    ],
  ])("%s", (_name, section, path, message) => {
    const issues = issuesOf({ ...dev, ...section });
    expect(issues.length).toBeGreaterThan(0);
    const hit = issues.find((i) => i.path === path);
    expect(hit, `no issue at ${path}; got ${JSON.stringify(issues)}`).toBeDefined();
    expect(hit!.message).toMatch(message);
  });

  it.each([
    [
      "prod scale to zero",
      { "platform:service": { minInstances: 0 } },
      "platform:service.minInstances",
      /prod requires at least 1 warm instance, got 0 \(set allowScaleToZero: true/,
    ],
    [
      "prod deletion protection off",
      { "platform:service": { deletionProtection: false } },
      "platform:service.deletionProtection",
      /prod requires deletion protection, got false/,
    ],
    [
      "prod memory cache",
      { "platform:cache": { mode: "memory" } },
      "platform:cache.mode",
      /prod requires "memorystore".*got "memory"/,
    ],
    [
      "prod BASIC cache",
      { "platform:cache": { tier: "BASIC" } },
      "platform:cache.tier",
      /prod requires "STANDARD_HA".*got "BASIC"/,
    ],
    [
      "prod unprotected cache",
      { "platform:cache": { protect: false } },
      "platform:cache.protect",
      /prod refuses protect=false/,
    ],
  ])("prod invariant: %s", (_name, section, path, message) => {
    const issues = issuesOf({ ...prod, ...section });
    expect(issues).toEqual([expect.objectContaining({ path, message: expect.stringMatching(message) })]);
  });

  it("lists every problem at once", () => {
    const issues = issuesOf({
      ...dev,
      "platform:service": { cpu: "3", ingress: "x" },
      "platform:cache": { mode: "disk" },
    });
    expect(issues.map((i) => i.path).sort()).toEqual([
      "platform:cache.mode",
      "platform:service.cpu",
      "platform:service.ingress",
    ]);
  });
});

describe("profile defaults", () => {
  it("dev scales to zero with an in-process cache; prod keeps a warm instance and STANDARD_HA Memorystore", () => {
    const d = parseEnvironmentConfig("dev", dev);
    expect(d.service).toMatchObject({
      image: PLACEHOLDER_IMAGE,
      cpu: "1",
      memory: "512Mi",
      minInstances: 0,
      maxInstances: 3,
      deletionProtection: false,
    });
    expect(d.cache).toMatchObject({ mode: "memory" });
    expect(issuesOf(prod)).toEqual([]);
    expect(resolveService(undefined, "prod")).toMatchObject({
      minInstances: 1,
      maxInstances: 20,
      memory: "1Gi",
      deletionProtection: true,
      allowScaleToZero: false,
    });
    expect(resolveCache(undefined, "prod")).toEqual({
      mode: "memorystore",
      tier: "STANDARD_HA",
      memorySizeGb: 5,
      version: "REDIS_7_2",
      readReplicas: 0,
      persistence: "rdb",
      protect: true,
    });
    const s = parseEnvironmentConfig("staging", env("staging"));
    expect(s.cache).toMatchObject({ mode: "memorystore", tier: "BASIC", persistence: "rdb" });
  });

  it("prod accepts scale to zero when opted in explicitly", () => {
    expect(issuesOf({ ...prod, "platform:service": { minInstances: 0, allowScaleToZero: true } })).toEqual(
      [],
    );
  });

  it("derives the missing half of a CPU / memory pair", () => {
    expect(resolveService({ cpu: "4" }, "dev")).toMatchObject({ cpu: "4", memory: "2Gi" });
    expect(resolveService({ memory: "16Gi" }, "dev")).toMatchObject({ cpu: "4", memory: "16Gi" });
    expect(resolveService({ cpu: "0.25" }, "dev")).toMatchObject({ memory: "512Mi", concurrency: 1 });
    expect(resolveService({ minInstances: 8 }, "dev").maxInstances).toBe(8);
  });

  it("read replicas imply STANDARD_HA and at least 5 GB", () => {
    expect(resolveCache({ mode: "memorystore", readReplicas: 2 }, "staging")).toMatchObject({
      tier: "STANDARD_HA",
      memorySizeGb: 5,
    });
  });

  it("accepts a full service config", () => {
    const c = parseEnvironmentConfig("staging", {
      ...env("staging"),
      "platform:service": {
        image: IMAGE,
        cpu: 2,
        memory: "1Gi",
        minInstances: 2,
        ingress: "internal-and-lb",
        invokers: ["serviceAccount:lb@acme-shop-prod.iam.gserviceaccount.com"],
        env: { LOG_LEVEL: "info" },
        secrets: { STRIPE_KEY: "stripe-api-key" },
        canary: { percent: 10, image: "europe-docker.pkg.dev/acme-shop/app/api:1.5.0" },
      },
    });
    expect(c.service).toMatchObject({
      cpu: "2",
      canary: { percent: 10 },
      secrets: { STRIPE_KEY: "stripe-api-key" },
    });
  });
});
