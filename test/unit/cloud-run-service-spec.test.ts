import fc from "fast-check";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import {
  cloudSqlCondition,
  fitMemoryToCpu,
  kmsLink,
  linkNeedsVpc,
  memoryRangeMib,
  minCpuForMemory,
  normalizeCloudRunArgs,
  parseCpu,
  parseMemoryMib,
  revisionName,
  templateFingerprint,
  trafficTargets,
  validateCpuMemory,
  validateEnvName,
  validateSecretRef,
  WHOLE_CPUS,
  type CloudRunServiceArgs,
} from "../../components/cloud-run-service";
import type { PlatformContext } from "../../components/shared/context";
import { PlatformError } from "../../components/shared/errors";

const ctx: PlatformContext = {
  env: "dev",
  profile: "dev",
  app: "shop",
  project: "acme-dev",
  region: "europe-west1",
};
const base: CloudRunServiceArgs = { ctx, image: "europe-docker.pkg.dev/acme/app/api:v1" };

describe("cpu / memory rules", () => {
  it.each([
    ["1", "512Mi"],
    ["1", "4Gi"],
    ["2", "8Gi"],
    ["4", "2Gi"],
    ["4", "16Gi"],
    ["6", "4Gi"],
    ["8", "32Gi"],
    ["0.08", "128Mi"],
    ["0.25", "512Mi"],
    ["0.5", "1Gi"],
  ])("accepts cpu %s with memory %s", (cpu, memory) => {
    expect(validateCpuMemory(cpu, memory)).toEqual([]);
  });

  it.each([
    ["1", "5Gi", 'memory must be 512Mi–4Gi for cpu "1", got "5Gi"'],
    ["1", "256Mi", 'memory must be 512Mi–4Gi for cpu "1", got "256Mi"'],
    ["4", "1Gi", 'memory must be 2Gi–16Gi for cpu "4", got "1Gi"'],
    ["8", "2Gi", 'memory must be 4Gi–32Gi for cpu "8", got "2Gi"'],
    ["0.25", "1Gi", 'memory must be 128Mi–512Mi for cpu "0.25", got "1Gi"'],
    ["0.9", "2Gi", 'memory must be 128Mi–1Gi for cpu "0.9", got "2Gi"'],
    ["3", "1Gi", 'cpu must be "1" | "2" | "4" | "6" | "8", or a fraction "0.08"–"0.999", got "3"'],
    ["0.05", "128Mi", 'cpu must be "1" | "2" | "4" | "6" | "8", or a fraction "0.08"–"0.999", got "0.05"'],
    ["1", "1G", 'memory must be a whole number of Mi or Gi such as "512Mi" or "2Gi", got "1G"'],
  ])("refuses cpu %s with memory %s", (cpu, memory, message) => {
    expect(validateCpuMemory(cpu, memory)).toContain(message);
  });

  it("parses units", () => {
    expect(parseCpu("6")).toBe(6);
    expect(parseCpu("0.125")).toBe(0.125);
    expect(parseCpu("0.1234")).toBeUndefined();
    expect(parseMemoryMib("2Gi")).toBe(2048);
    expect(parseMemoryMib("0Mi")).toBeUndefined();
    expect(fitMemoryToCpu("4", "512Mi")).toBe("2Gi");
    expect(fitMemoryToCpu("1", "8Gi")).toBe("4Gi");
  });

  const wholeCpu = fc.constantFrom(...WHOLE_CPUS);
  const mib = fc.integer({ min: 1, max: 40 * 1024 });
  const unit = (m: number) => (m % 1024 === 0 ? `${m / 1024}Gi` : `${m}Mi`);

  it("property: a pair is valid exactly when memory is inside the CPU's range", () => {
    fc.assert(
      fc.property(wholeCpu, mib, (cpu, m) => {
        const r = memoryRangeMib(cpu)!;
        const inside = m >= r.min && m <= r.max;
        expect(validateCpuMemory(cpu, unit(m)).length === 0).toBe(inside);
      }),
    );
  });

  it("property: more CPU never lowers the memory ceiling", () => {
    fc.assert(
      fc.property(wholeCpu, wholeCpu, (a, b) => {
        const [lo, hi] = Number(a) <= Number(b) ? [a, b] : [b, a];
        expect(memoryRangeMib(hi)!.max).toBeGreaterThanOrEqual(memoryRangeMib(lo)!.max);
      }),
    );
  });

  it("property: minCpuForMemory plus the fitted memory is always a valid pair", () => {
    fc.assert(
      fc.property(fc.integer({ min: 512, max: 32 * 1024 }), (m) => {
        const cpu = minCpuForMemory(m)!;
        expect(cpu).toBeDefined();
        expect(validateCpuMemory(cpu, fitMemoryToCpu(cpu, unit(m)))).toEqual([]);
        // …and no smaller whole CPU allows this memory.
        for (const smaller of WHOLE_CPUS.filter((c) => Number(c) < Number(cpu))) {
          expect(memoryRangeMib(smaller)!.max).toBeLessThan(m);
        }
      }),
    );
  });

  it("property: fractional CPUs below 0.5 allow at most 512Mi, below 1 at most 1Gi", () => {
    fc.assert(
      fc.property(fc.integer({ min: 80, max: 999 }), mib, (milli, m) => {
        const cpu = `0.${String(milli).padStart(3, "0")}`.replace(/0+$/, "");
        const ceiling = milli < 500 ? 512 : 1024;
        expect(validateCpuMemory(cpu, unit(m)).length === 0).toBe(m >= 128 && m <= ceiling);
      }),
    );
  });
});

describe("normalizeCloudRunArgs", () => {
  it("applies defaults", () => {
    const s = normalizeCloudRunArgs("api", base);
    expect(s).toMatchObject({
      serviceName: "shop-dev-api",
      cpu: "1",
      memory: "512Mi",
      concurrency: 80,
      minInstances: 0,
      maxInstances: 10,
      ingress: "all",
      public: false,
      deletionProtection: true,
      executionEnvironment: "EXECUTION_ENVIRONMENT_GEN2",
    });
    expect(s.vpc).toBeUndefined();
    expect(normalizeCloudRunArgs("t", { ...base, cpu: "0.5", memory: "1Gi" }).concurrency).toBe(1);
  });

  it.each([
    [{ cpu: "4", memory: "1Gi" }, 'memory must be 2Gi–16Gi for cpu "4", got "1Gi"'],
    [
      { cpu: "0.5", memory: "512Mi", concurrency: 10 },
      "concurrency must be 1 for a fractional cpu (0.5), got 10",
    ],
    [{ cpu: "0.5", memory: "512Mi", cpuIdle: false }, "cpuIdle must be true for a fractional cpu (0.5)"],
    [{ minInstances: 5, maxInstances: 2 }, "minInstances (5) must not exceed maxInstances (2)"],
    [{ concurrency: 2000 }, "concurrency must be an integer 1–1000, got 2000"],
    [{ timeoutSeconds: 0 }, "timeoutSeconds must be an integer 1–3600, got 0"],
    [{ ingress: "public" }, 'ingress must be one of all | internal | internal-and-lb, got "public"'],
    [{ healthPath: "health" }, 'healthPath must be an absolute URL path such as /health, got "health"'],
    [{ invokers: ["allUsers"] }, "invokers[0]: allUsers makes the service public; set public: true instead"],
    [{ invokers: ["bob@acme.com"] }, "invokers[0] must look like serviceAccount:…"],
    [{ env: { PORT: "9000" } }, "env.PORT: PORT is set by Cloud Run; choose another name"],
    [{ env: { A: "1" }, secrets: { A: "s" } }, "secrets.A: env A is already set by env"],
    [
      { secrets: { K: "projects/p/secrets/k/versions/2" } },
      "secrets.K must be a secret id or projects/<project>/secrets/<id>",
    ],
    [{ canary: { percent: 0, image: "x/y:2" } }, "canary.percent must be an integer 1–99, got 0"],
    [
      { canary: { percent: 10, image: "europe-docker.pkg.dev/acme/app/api:v1" } },
      "canary.image must differ from image",
    ],
    [
      { canary: { percent: 10, image: "x/y:2", stableRevision: "other-001" } },
      "canary.stableRevision must be a revision of this service (shop-dev-api-…)",
    ],
  ] as [Partial<CloudRunServiceArgs>, string][])("refuses %j", (extra, message) => {
    const run = () => normalizeCloudRunArgs("api", { ...base, ...extra });
    expect(run).toThrow(PlatformError);
    expect(run).toThrow(`CloudRunService 'api': `);
    expect(run).toThrow(message);
  });

  it("lists every problem at once", () => {
    try {
      normalizeCloudRunArgs("api", { ...base, cpu: "3" as never, timeoutSeconds: 0, ingress: "x" as never });
      throw new Error("expected to be unreachable");
    } catch (e) {
      expect((e as Error).message.split("; ")).toHaveLength(3);
    }
  });

  it("merges links and keys grants by link index", () => {
    const link = {
      getLink: () => ({
        env: { A: "1" },
        secretEnv: { S: "projects/p/secrets/s" },
        kmsKeys: ["k1"],
        kmsSigningKeys: ["k2"],
      }),
    };
    const s = normalizeCloudRunArgs("api", { ...base, secrets: { Z: "z" }, link: [link] });
    expect(s.env).toEqual([{ name: "A", value: "1" }]);
    expect(s.secretEnv.map((e) => e.name)).toEqual(["S", "Z"]);
    expect(s.secretGrants.map((g) => g.key)).toEqual(["secret-z", "link0-secret-0"]);
    expect(s.kmsKeys).toEqual([{ key: "link0-kms-0", resource: "k1" }]);
    expect(s.kmsSigningKeys).toEqual([{ key: "link0-kms-signer-0", resource: "k2" }]);
  });
});

describe("env and secret names", () => {
  it.each([
    ["1ABC", "env names must be letters, digits and '_'"],
    ["K_SERVICE", "K_SERVICE is set by Cloud Run"],
    ["X_GOOGLE_FOO", "X_GOOGLE_ prefix is reserved"],
  ])("refuses env name %s", (name, message) => {
    expect(validateEnvName("env", name).join()).toContain(message);
  });
  it("accepts ordinary names and secret refs", () => {
    expect(validateEnvName("env", "DATABASE_URL")).toEqual([]);
    expect(validateSecretRef("s", "stripe-key")).toEqual([]);
    expect(validateSecretRef("s", "projects/acme/secrets/stripe-key")).toEqual([]);
  });
});

describe("revisions", () => {
  it("names revisions from image + settings, independent of key order and of the image slot", () => {
    const a = { timeout: "300s", containers: [{ image: "a:1", ports: { containerPort: 8080 } }] };
    const b = {
      containers: [{ ports: { containerPort: 8080 }, image: "a:2" }],
      timeout: "300s",
      revision: "x",
    };
    expect(templateFingerprint(a)).toBe(templateFingerprint(b));
    expect(templateFingerprint(a)).not.toBe(templateFingerprint({ ...a, timeout: "60s" }));
    const fp = templateFingerprint(a);
    expect(revisionName("shop-dev-api", "a:1", fp)).toMatch(/^shop-dev-api-[0-9a-f]{10}$/);
    expect(revisionName("shop-dev-api", "a:1", fp)).toBe(revisionName("shop-dev-api", "a:1", fp));
    expect(revisionName("shop-dev-api", "a:1", fp)).not.toBe(revisionName("shop-dev-api", "a:2", fp));
  });

  it("splits traffic for a canary and sends everything to latest otherwise", () => {
    expect(trafficTargets()).toEqual([{ type: "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST", percent: 100 }]);
    expect(trafficTargets({ percent: 5, stable: "s-1", canary: "s-2" })).toEqual([
      { type: "TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION", revision: "s-1", percent: 95 },
      { type: "TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION", revision: "s-2", percent: 5, tag: "canary" },
    ]);
  });

  it("property: canary splits always sum to 100", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), (percent) => {
        const sum = trafficTargets({ percent, stable: "a", canary: "b" }).reduce((n, t) => n + t.percent, 0);
        expect(sum).toBe(100);
      }),
    );
  });

  it("property: revision names are valid DNS labels ≤ 63 for any service name ≤ 49", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z0-9-]{0,47}[a-z0-9]$/), fc.string(), (svc, img) => {
        const r = revisionName(svc, img, "fp");
        expect(r.length).toBeLessThanOrEqual(63);
        expect(r.startsWith(`${svc}-`)).toBe(true);
      }),
    );
  });
});

describe("link helpers", () => {
  it("kmsLink grants exactly one key and refuses unknown keys", () => {
    const l = kmsLink({ keyIds: { data: "k/data" } }, "data").getLink();
    expect(l).toEqual({ env: { KMS_KEY_ID: "k/data" }, kmsKeys: ["k/data"] });
    expect(
      kmsLink({ keyIds: { s: "k/s" } }, "s", { envName: "SIGNING_KEY", signing: true }).getLink(),
    ).toEqual({
      env: { SIGNING_KEY: "k/s" },
      kmsSigningKeys: ["k/s"],
    });
    expect(() => kmsLink({ keyIds: { data: "k" } }, "nope")).toThrow(
      'kmsLink: key "nope" is not in this key ring; allowed: data',
    );
  });

  it("cloudSqlCondition limits the client role to one instance", () => {
    expect(cloudSqlCondition("acme:europe-west1:db")).toEqual({
      project: "acme",
      title: "cloudsql-client-db",
      description: "Connect to Cloud SQL instance db only",
      expression:
        "resource.name == 'projects/acme/instances/db' && resource.type == 'sqladmin.googleapis.com/Instance'",
    });
    expect(() => cloudSqlCondition("db")).toThrow('connection names "project:region:instance", got "db"');
  });

  it.each([
    [{ env: { CACHE_BACKEND: "memory" } }, false],
    [{ env: { REDIS_HOST: "10.0.0.1" } }, true],
    [{ cloudSqlInstances: ["a:b:c"] }, true],
    [{ env: { KMS_KEY_ID: "k" }, kmsKeys: ["k"] }, false],
  ])("linkNeedsVpc(%j) = %s", (link, expected) => {
    expect(linkNeedsVpc(link)).toBe(expected);
  });
});
