import { beforeAll, beforeEach, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import {
  AwsCloudRunService,
  kmsLink,
  lambdaMemoryMb,
  normalizeAwsService,
} from "../../components/cloud-run-service";
import { AwsKmsKeyRing } from "../../components/kms-key-ring";
import { AwsNetwork } from "../../components/network";
import {
  AwsPostgresWithBackups,
  normalizeAwsPostgres,
  rdsWindows,
  windowsOverlap,
} from "../../components/postgres-with-backups";
import { AwsRedisCache, normalizeAwsCache } from "../../components/redis-cache";
import type { AwsContext } from "../../components/shared/context";
import { promiseOf, setupMocks } from "../support/harness";

const ctx = (profile: "dev" | "staging" | "prod"): AwsContext => ({
  cloud: "aws",
  env: `aws-${profile}`,
  profile,
  app: "shop",
  region: "us-east-1",
  labels: { team: "core" },
});
const IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/api:1.0.0";

let rec: Awaited<ReturnType<typeof setupMocks>>;
beforeAll(async () => {
  rec = await setupMocks("aws-prod");
});
beforeEach(() => rec.reset());

function stack(profile: "dev" | "prod") {
  const c = ctx(profile);
  const net = new AwsNetwork("net", { ctx: c, endpoints: profile === "prod" ? ["secretsmanager"] : [] });
  const kms = new AwsKmsKeyRing("kms", {
    ctx: c,
    keys: { data: { viaServices: ["rds", "secretsmanager"] } },
  });
  const network = { vpcId: net.vpcId, subnetIds: net.subnetIds };
  return { c, net, kms, network };
}

describe("AwsPostgresWithBackups", () => {
  it("prod RDS: Multi-AZ, replica, PITR retention, deletion protection, final snapshot, CMK, CIS params, private", async () => {
    const { c, kms, network } = stack("prod");
    const db = new AwsPostgresWithBackups("db", {
      ctx: c,
      network,
      instanceClass: "db.r6g.large",
      readReplicas: 1,
      backups: { retentionDays: 30, startTime: "01:00" },
      kmsKeyArn: kms.keyArns["data"],
    });
    await promiseOf(db.secretArn);
    await rec.settled();
    expect(rec.counts("db")).toEqual({
      "platform:data:PostgresWithBackups": 1,
      "aws:rds/subnetGroup:SubnetGroup": 1,
      "aws:ec2/securityGroup:SecurityGroup": 1,
      "aws:rds/parameterGroup:ParameterGroup": 1,
      "aws:cloudwatch/logGroup:LogGroup": 1,
      "aws:iam/role:Role": 1,
      "aws:iam/rolePolicyAttachment:RolePolicyAttachment": 1,
      "random:index/randomPassword:RandomPassword": 1,
      "aws:rds/instance:Instance": 2,
      "aws:secretsmanager/secret:Secret": 1,
      "aws:secretsmanager/secretVersion:SecretVersion": 1,
    });
    const primary = rec.find("aws:rds/instance:Instance", "db-instance");
    expect(primary.protect).toBe(true);
    expect(primary.inputs).toMatchObject({
      identifier: "shop-aws-prod-db",
      engine: "postgres",
      engineVersion: "17",
      multiAz: true,
      backupRetentionPeriod: 30,
      backupWindow: "01:00-02:00",
      maintenanceWindow: "sun:04:00-sun:05:00",
      deletionProtection: true,
      skipFinalSnapshot: false,
      finalSnapshotIdentifier: "shop-aws-prod-db-final",
      copyTagsToSnapshot: true,
      storageEncrypted: true,
      publiclyAccessible: false,
      iamDatabaseAuthenticationEnabled: true,
      performanceInsightsEnabled: true,
      monitoringInterval: 60,
      storageType: "gp3",
      password: "[secret]",
    });
    expect(primary.inputs["manageMasterUserPassword"]).toBeUndefined();
    expect(primary.inputs["kmsKeyId"]).toMatch(/^arn:aws:kms:us-east-1:123456789012:key\//);
    const replica = rec.find("aws:rds/instance:Instance", "db-replica-0");
    expect(replica.inputs).toMatchObject({
      replicateSourceDb: "shop-aws-prod-db",
      storageEncrypted: true,
      publiclyAccessible: false,
    });
    const params = rec.find("aws:rds/parameterGroup:ParameterGroup", "db-params").inputs["parameters"] as {
      name: string;
      value: string;
    }[];
    expect(params).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "rds.force_ssl", value: "1" }),
        expect.objectContaining({ name: "log_connections", value: "1" }),
      ]),
    );
    expect(rec.find("aws:ec2/securityGroup:SecurityGroup", "db-sg").inputs["ingress"]).toBeUndefined();
    expect(
      rec.find("aws:secretsmanager/secretVersion:SecretVersion", "db-master-secret-version").inputs[
        "secretString"
      ],
    ).toBe("[secret]");
  });

  it("dev Aurora Serverless v2: pauses at 0 ACU, Data API, one writer", async () => {
    const { c, network } = stack("dev");
    const db = new AwsPostgresWithBackups("db", {
      ctx: c,
      network,
      engine: "aurora-serverless",
      highAvailability: false,
      deletionProtection: false,
    });
    await promiseOf(db.secretArn);
    await rec.settled();
    const cluster = rec.find("aws:rds/cluster:Cluster", "db-cluster");
    expect(cluster.protect).toBe(false);
    expect(cluster.inputs).toMatchObject({
      engine: "aurora-postgresql",
      engineVersion: "17.4",
      enableHttpEndpoint: true,
      serverlessv2ScalingConfiguration: { minCapacity: 0, maxCapacity: 2, secondsUntilAutoPause: 900 },
      skipFinalSnapshot: false,
      backupRetentionPeriod: 7,
    });
    expect(rec.ofType("aws:rds/clusterInstance:ClusterInstance")).toHaveLength(1);
    expect(
      rec.find("aws:rds/clusterParameterGroup:ClusterParameterGroup", "db-params").inputs["family"],
    ).toBe("aurora-postgresql17");
    const link = db.getLink();
    expect(link.privateEndpoints).toBeUndefined();
    expect(link.statements!.map((s) => s.actions[0])).toEqual([
      "rds-db:connect",
      "rds-data:ExecuteStatement",
    ]);
  });

  it("validators (pure)", () => {
    expect(rdsWindows("23:30", { day: 7, hour: 23 })).toEqual({
      backup: "23:30-00:30",
      maintenance: "sun:23:00-mon:00:00",
    });
    expect(windowsOverlap("03:30", 4)).toBe(true);
    expect(windowsOverlap("03:00", 4)).toBe(false);
    expect(() =>
      normalizeAwsPostgres("db", { ctx: ctx("dev"), backups: { retentionDays: 40, startTime: "04:30" } }),
    ).toThrow(
      "PostgresWithBackups 'db': backups.retentionDays must be 1–35 (RDS keeps automated backups at most 35 days), got 40; maintenanceWindow.hour 4 overlaps the backup window 04:30-05:30 (RDS refuses overlapping windows)",
    );
    expect(() =>
      normalizeAwsPostgres("db", {
        ctx: ctx("dev"),
        engine: "aurora-serverless",
        serverless: { minCapacity: 0.3, maxCapacity: 0.5, secondsUntilAutoPause: 10 },
      }),
    ).toThrow(
      /serverless.minCapacity must be 0–256 ACU in steps of 0.5, got 0.3; serverless.maxCapacity must be 1–256 ACU/,
    );
    expect(() =>
      normalizeAwsPostgres("db", { ctx: ctx("dev"), dataApi: true, instanceClass: "t4g" }),
    ).toThrow(/instanceClass must be an RDS class.*dataApi needs engine aurora-serverless/);
  });
});

describe("AwsRedisCache", () => {
  it("Valkey with TLS, AUTH in Secrets Manager, CMK, Multi-AZ failover, snapshots", async () => {
    const { c, kms, network } = stack("prod");
    const cache = new AwsRedisCache("cache", {
      ctx: c,
      network,
      kmsKeyArn: kms.keyArns["data"],
      readReplicas: 1,
    });
    await promiseOf(cache.endpoint);
    await rec.settled();
    const g = rec.find("aws:elasticache/replicationGroup:ReplicationGroup", "cache-replication-group");
    expect(g.protect).toBe(true);
    expect(g.inputs).toMatchObject({
      engine: "valkey",
      engineVersion: "8.0",
      nodeType: "cache.t4g.micro",
      numCacheClusters: 3,
      automaticFailoverEnabled: true,
      multiAzEnabled: true,
      transitEncryptionEnabled: true,
      transitEncryptionMode: "required",
      atRestEncryptionEnabled: true,
      authToken: "[secret]",
      snapshotRetentionLimit: 7,
      snapshotWindow: "05:00-06:00",
      finalSnapshotIdentifier: "shop-aws-prod-cache-final",
    });
    expect(await promiseOf(cache.endpoint)).toMatch(
      /^master\.shop-aws-prod-cache\.[0-9a-f]{6}\.use1\.cache\.amazonaws\.com:6379$/,
    );
  });

  it("memory mode creates nothing; validators are pure", async () => {
    const cache = new AwsRedisCache("mem", { ctx: ctx("dev"), mode: "memory" });
    await rec.settled();
    expect(rec.counts("mem")).toEqual({ "platform:data:RedisCache": 1 });
    expect(cache.getLink()).toEqual({ env: { CACHE_BACKEND: "memory" } });
    expect(() =>
      normalizeAwsCache("c", {
        ctx: ctx("dev"),
        tier: "BASIC",
        readReplicas: 1,
        nodeType: "m5",
        snapshotRetentionDays: 36,
      }),
    ).toThrow(
      'RedisCache \'c\': nodeType must be an ElastiCache node type such as cache.t4g.micro or cache.r7g.large, got "m5"; readReplicas needs tier STANDARD_HA, got tier BASIC with 1; snapshotRetentionDays must be an integer 0–35, got 36; network is required for mode "elasticache" (the cache lives in private subnets)',
    );
  });
});

describe("AwsCloudRunService (Lambda) link wiring", () => {
  it("IAM names exact ARNs, KMS grants per key, VPC only for private links, SG rules pairwise", async () => {
    const { c, net, kms, network } = stack("prod");
    const db = new AwsPostgresWithBackups("db", { ctx: c, network, kmsKeyArn: kms.keyArns["data"] });
    const cache = new AwsRedisCache("cache", { ctx: c, network, kmsKeyArn: kms.keyArns["data"] });
    const api = new AwsCloudRunService("api", {
      ctx: c,
      image: IMAGE,
      minInstances: 2,
      maxInstances: 20,
      network: { ...network, endpointSecurityGroupId: net.endpointSecurityGroupId! },
      secrets: { STRIPE_KEY: "stripe-api-key" },
      link: [db, cache, kmsLink(kms, "data")],
      kmsKeyArn: kms.keyArns["data"],
      canary: { percent: 10, stableVersion: "7" },
    });
    await promiseOf(api.url);
    await rec.settled();
    const fn = rec.find("aws:lambda/function:Function", "api-function");
    expect(fn.inputs).toMatchObject({
      packageType: "Image",
      imageUri: IMAGE,
      reservedConcurrentExecutions: 20,
      timeout: 30,
      memorySize: 512,
      architectures: ["arm64"],
      publish: true,
      tracingConfig: { mode: "Active" },
      loggingConfig: { logFormat: "JSON", logGroup: "/aws/lambda/shop-aws-prod-api" },
    });
    const vars = (fn.inputs["environment"] as { variables: Record<string, string> }).variables;
    expect(Object.keys(vars).sort()).toEqual([
      "CACHE_BACKEND",
      "DB_HOST",
      "DB_NAME",
      "DB_PORT",
      "DB_SECRET_ID",
      "DB_USER",
      "KMS_KEY_ID",
      "REDIS_AUTH_SECRET_ID",
      "REDIS_HOST",
      "REDIS_PORT",
      "REDIS_READ_HOST",
      "REDIS_TLS",
      "STRIPE_KEY_SECRET_ID",
    ]);
    expect(vars["DB_SECRET_ID"]).toMatch(
      /^arn:aws:secretsmanager:us-east-1:123456789012:secret:shop\/aws-prod\/db-master-/,
    );
    expect(JSON.stringify(vars)).not.toMatch(/password/i);
    const policy = JSON.parse(
      rec.find("aws:iam/rolePolicy:RolePolicy", "api-access").inputs["policy"] as string,
    );
    const secrets = policy.Statement.find((s: { Sid: string }) => s.Sid === "LinkedSecrets");
    expect(secrets.Resource).toEqual([
      "arn:aws:secretsmanager:us-east-1:123456789012:secret:stripe-api-key-??????",
      expect.stringMatching(/secret:shop\/aws-prod\/db-master-[0-9a-f]{6}$/),
      expect.stringMatching(/secret:shop\/aws-prod\/cache-auth-[0-9a-f]{6}$/),
    ]);
    for (const st of policy.Statement) {
      expect(st.Action).not.toContain("*");
      for (const r of [st.Resource].flat()) expect(r).not.toBe("*");
    }
    expect(policy.Statement.find((s: { Sid: string }) => s.Sid === "Linked0")).toMatchObject({
      Action: ["rds-db:connect"],
      Resource: [
        expect.stringMatching(/^arn:aws:rds-db:us-east-1:123456789012:dbuser:db-[0-9A-F]+\/shop_app$/),
      ],
    });
    const grants = rec.ofType("aws:kms/grant:Grant");
    expect(grants.map((g) => g.inputs["operations"])).toEqual([
      ["Encrypt", "Decrypt", "GenerateDataKey", "DescribeKey"],
    ]);
    expect(grants[0]!.inputs["granteePrincipal"]).toBe(
      "arn:aws:iam::123456789012:role/shop-aws-prod-api-run",
    );
    expect(
      rec
        .ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
        .map((r) => r.inputs["fromPort"]),
    ).toEqual([5432, 6379]);
    expect(
      rec.ofType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").map((r) => r.inputs["fromPort"]),
    ).toEqual([5432, 6379, 443]);
    expect(rec.find("aws:lambda/alias:Alias", "api-alias").inputs).toMatchObject({
      name: "live",
      functionVersion: "7",
      routingConfig: { additionalVersionWeights: { "1": 0.1 } },
    });
    expect(
      rec.find("aws:lambda/provisionedConcurrencyConfig:ProvisionedConcurrencyConfig", "api-provisioned")
        .inputs,
    ).toMatchObject({ provisionedConcurrentExecutions: 2, qualifier: "live" });
    expect(rec.find("aws:lambda/functionUrl:FunctionUrl", "api-url").inputs).toMatchObject({
      authorizationType: "AWS_IAM",
      qualifier: "live",
    });
    expect(rec.ofType("aws:lambda/permission:Permission")).toHaveLength(0);
  });

  it("no VPC without private links; public URL gets both invoke permissions; secrets refused in env", async () => {
    const api = new AwsCloudRunService("pub", {
      ctx: ctx("dev"),
      image: IMAGE,
      public: true,
      env: { LOG_LEVEL: "debug" },
    });
    await promiseOf(api.url);
    await rec.settled();
    const fn = rec.find("aws:lambda/function:Function", "pub-function");
    expect(fn.inputs["vpcConfig"]).toBeUndefined();
    expect(
      rec.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").map((a) => a.inputs["policyArn"]),
    ).toEqual(["arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"]);
    expect(
      rec.ofType("aws:lambda/permission:Permission").map((p) => [p.inputs["action"], p.inputs["principal"]]),
    ).toEqual([
      ["lambda:InvokeFunctionUrl", "*"],
      ["lambda:InvokeFunction", "*"],
    ]);
    expect(() =>
      normalizeAwsService("x", {
        ctx: ctx("dev"),
        image: "nginx:latest",
        timeoutSeconds: 3600,
        env: { DB_PASSWORD: "hunter2", AWS_REGION: "x" },
      }),
    ).toThrow(
      /image must be an ECR image.*timeoutSeconds must be 1–900 \(Lambda's limit\), got 3600; env.DB_PASSWORD looks like a secret value.*AWS_REGION is reserved by Lambda/,
    );
    expect(lambdaMemoryMb("2", "512Mi")).toBe(3538);
    expect(lambdaMemoryMb(undefined, "1Gi")).toBe(1024);
    expect(lambdaMemoryMb("8", "1Gi")).toBeUndefined();
  });
});
