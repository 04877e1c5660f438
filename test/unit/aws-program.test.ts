import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { synth, type SynthResult } from "../../orchestrator/synth";
import { MOCK_INVOKES, mockState } from "../../orchestrator/synth/mock-cloud";
import { installRecordingMocks } from "../../orchestrator/synth/recorder";
import { readStackConfig, toRuntimeConfig } from "../../programs/stack-config";
import { checkInventory } from "../../plan/guards";
import { parseInventory } from "../../plan/parse";
import { estimateResources } from "../../plan/cost/estimate";
import { loadUsage } from "../../plan/cost/usage";

const ENVS = ["aws-dev", "aws-staging", "aws-prod"] as const;
const results: Record<string, SynthResult> = {};

beforeAll(async () => {
  // Synth runs each environment in its own child process from dist/ (built by `npm test`).
  for (const env of ENVS) results[env] = await synth(env);
}, 180_000); // three synths, one after the other: more than a minute on a busy 2-core machine

const ofType = (env: string, type: string) => results[env]!.resources.filter((r) => r.type === type);
const one = (env: string, type: string, name: string) => {
  const hits = results[env]!.resources.filter((r) => r.type === type && r.name === name);
  expect(hits, `${type} ${name} in ${env}`).toHaveLength(1);
  return hits[0]!;
};
const policyOf = (env: string, type: string, name: string) =>
  JSON.parse(one(env, type, name).inputs["policy"] as string);

/** Types that take `tags` in @pulumi/aws 7 among those the program creates. */
const UNTAGGED = new Set([
  "aws:kms/alias:Alias",
  "aws:kms/grant:Grant",
  "aws:iam/rolePolicy:RolePolicy",
  "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  "aws:ec2/routeTableAssociation:RouteTableAssociation",
  "aws:lambda/alias:Alias",
  "aws:lambda/functionUrl:FunctionUrl",
  "aws:lambda/permission:Permission",
  "aws:lambda/provisionedConcurrencyConfig:ProvisionedConcurrencyConfig",
  "aws:secretsmanager/secretVersion:SecretVersion",
  "aws:secretsmanager/secretRotation:SecretRotation",
  "aws:sns/topicPolicy:TopicPolicy",
  "aws:sns/topicSubscription:TopicSubscription",
  "aws:cloudwatch/logMetricFilter:LogMetricFilter",
  "aws:cloudwatch/dashboard:Dashboard",
  "aws:s3/bucketPolicy:BucketPolicy",
  "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
  "aws:s3/bucketVersioning:BucketVersioning",
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
]);

describe("the pulumi up entry and synth register the same resources (aws-dev)", () => {
  it("aws-dev", async () => {
    const rec = await installRecordingMocks({
      project: "platform",
      stack: "aws-dev",
      invokes: MOCK_INVOKES,
      state: mockState,
    });
    pulumi.runtime.setAllConfig(toRuntimeConfig(readStackConfig("aws-dev")));
    await import("../../programs/index.js");
    await rec.settled();
    const key = (r: { urn: string; inputs: unknown; protect: boolean }) =>
      `${r.urn} ${JSON.stringify(r.inputs)} ${r.protect}`;
    const fromEntry = rec.resources.map(key).sort();
    expect(fromEntry.length).toBeGreaterThan(80);
    expect(fromEntry).toEqual(results["aws-dev"]!.resources.map(key).sort());
  });
});

describe("the three AWS stacks", () => {
  it("compose the six concepts and the network on AWS in every environment, and nothing from GCP", () => {
    for (const env of ENVS) {
      const types = new Set(results[env]!.resources.map((r) => r.type));
      for (const t of [
        "platform:network:Network",
        "platform:security:KmsKeyRing",
        "platform:data:PostgresWithBackups",
        "platform:data:RedisCache",
        "platform:compute:CloudRunService",
        "platform:ops:ObservabilityStack",
        "platform:cost:BudgetAlert",
      ])
        expect(types, `${env} ${t}`).toContain(t);
      expect([...types].filter((t) => t.startsWith("gcp:"))).toEqual([]);
      expect(ofType(env, "aws:ec2/natGateway:NatGateway")).toEqual([]);
      expect(ofType(env, "aws:ec2/internetGateway:InternetGateway")).toEqual([]);
    }
  });

  it("aws-dev is cheap: Aurora pausing at 0 ACU via the Data API, Lambda outside the VPC, in-process cache, no endpoint", () => {
    const cluster = one("aws-dev", "aws:rds/cluster:Cluster", "db-cluster");
    expect(cluster.inputs).toMatchObject({
      serverlessv2ScalingConfiguration: { minCapacity: 0, maxCapacity: 2, secondsUntilAutoPause: 900 },
      enableHttpEndpoint: true,
      deletionProtection: false,
      backupRetentionPeriod: 3,
      preferredBackupWindow: "02:00-03:00",
      preferredMaintenanceWindow: "tue:04:00-tue:05:00",
    });
    expect(cluster.protect).toBe(false);
    expect(
      one("aws-dev", "aws:lambda/function:Function", "api-function").inputs["vpcConfig"],
    ).toBeUndefined();
    expect(ofType("aws-dev", "aws:elasticache/replicationGroup:ReplicationGroup")).toEqual([]);
    expect(ofType("aws-dev", "aws:ec2/vpcEndpoint:VpcEndpoint")).toEqual([]);
    expect(ofType("aws-dev", "aws:ec2/subnet:Subnet")).toHaveLength(2);
    expect(ofType("aws-dev", "aws:lambda/provisionedConcurrencyConfig:ProvisionedConcurrencyConfig")).toEqual(
      [],
    );
    const access = policyOf("aws-dev", "aws:iam/rolePolicy:RolePolicy", "api-access");
    expect(access.Statement.find((s: { Sid: string }) => s.Sid === "Linked1")).toMatchObject({
      Action: expect.arrayContaining(["rds-data:ExecuteStatement"]),
      Resource: ["arn:aws:rds:us-east-1:111122223333:cluster:shop-aws-dev-db"],
    });
  });

  it("aws-staging: RDS Multi-AZ, single-node Valkey, Lambda in the VPC with a Secrets Manager endpoint", () => {
    expect(one("aws-staging", "aws:rds/instance:Instance", "db-instance").inputs).toMatchObject({
      multiAz: true,
      instanceClass: "db.t4g.small",
      backupRetentionPeriod: 14,
    });
    expect(
      one("aws-staging", "aws:elasticache/replicationGroup:ReplicationGroup", "cache-replication-group")
        .inputs,
    ).toMatchObject({
      numCacheClusters: 1,
      automaticFailoverEnabled: false,
      snapshotRetentionLimit: 7,
    });
    expect(
      one("aws-staging", "aws:lambda/function:Function", "api-function").inputs["vpcConfig"],
    ).toBeDefined();
    expect(
      one("aws-staging", "aws:ec2/vpcEndpoint:VpcEndpoint", "net-endpoint-secretsmanager").inputs[
        "subnetIds"
      ],
    ).toHaveLength(2);
  });

  it("aws-prod: three AZs, RDS Multi-AZ + replica, Valkey failover, provisioned concurrency, canary, Ed25519, data protected", () => {
    expect(ofType("aws-prod", "aws:ec2/subnet:Subnet").map((s) => s.inputs["availabilityZone"])).toEqual([
      "us-west-2a",
      "us-west-2b",
      "us-west-2c",
    ]);
    const primary = one("aws-prod", "aws:rds/instance:Instance", "db-instance");
    expect(primary.protect).toBe(true);
    expect(primary.inputs).toMatchObject({
      multiAz: true,
      instanceClass: "db.r6g.large",
      allocatedStorage: 100,
      backupRetentionPeriod: 30,
      deletionProtection: true,
      skipFinalSnapshot: false,
      storageEncrypted: true,
      publiclyAccessible: false,
      kmsKeyId: expect.stringMatching(/^arn:aws:kms:us-west-2:777788889999:key\//),
    });
    expect(one("aws-prod", "aws:rds/instance:Instance", "db-replica-0").inputs["replicateSourceDb"]).toBe(
      "shop-aws-prod-db",
    );
    const cache = one(
      "aws-prod",
      "aws:elasticache/replicationGroup:ReplicationGroup",
      "cache-replication-group",
    );
    expect(cache.protect).toBe(true);
    expect(cache.inputs).toMatchObject({
      numCacheClusters: 3,
      multiAzEnabled: true,
      automaticFailoverEnabled: true,
      nodeType: "cache.t4g.small",
    });
    expect(
      one(
        "aws-prod",
        "aws:lambda/provisionedConcurrencyConfig:ProvisionedConcurrencyConfig",
        "api-provisioned",
      ).inputs,
    ).toMatchObject({ provisionedConcurrentExecutions: 2 });
    expect(one("aws-prod", "aws:lambda/alias:Alias", "api-alias").inputs).toMatchObject({
      functionVersion: "41",
      routingConfig: { additionalVersionWeights: { "1": 0.1 } },
    });
    expect(one("aws-prod", "aws:lambda/function:Function", "api-function").inputs["imageUri"]).toBe(
      "777788889999.dkr.ecr.us-west-2.amazonaws.com/shop/api:1.42.0",
    );
    expect(one("aws-prod", "aws:kms/key:Key", "kms-key-signing").inputs).toMatchObject({
      customerMasterKeySpec: "ECC_NIST_EDWARDS25519",
      keyUsage: "SIGN_VERIFY",
    });
    // Route 53 health-check metrics exist in us-east-1 only: the uptime alarm, its topic and key live there.
    expect(
      one("aws-prod", "aws:cloudwatch/metricAlarm:MetricAlarm", "ops-alarm-api-uptime").inputs["region"],
    ).toBe("us-east-1");
    expect(one("aws-prod", "aws:kms/key:Key", "ops-uptime-key").inputs["region"]).toBe("us-east-1");
  });

  it("the prod function's role names exact ARNs: its secrets, its DB user, its log group; no '*' resource", () => {
    const access = policyOf("aws-prod", "aws:iam/rolePolicy:RolePolicy", "api-access");
    for (const st of access.Statement) {
      expect([st.Action].flat()).not.toContain("*");
      for (const r of [st.Resource].flat()) expect(r).not.toBe("*");
    }
    const secrets = access.Statement.find((s: { Sid: string }) => s.Sid === "LinkedSecrets");
    expect(secrets.Resource).toEqual([
      expect.stringMatching(
        /^arn:aws:secretsmanager:us-west-2:777788889999:secret:shop\/aws-prod\/db-master-[0-9a-f]{6}$/,
      ),
      expect.stringMatching(
        /^arn:aws:secretsmanager:us-west-2:777788889999:secret:shop\/aws-prod\/cache-auth-[0-9a-f]{6}$/,
      ),
    ]);
    expect(access.Statement.find((s: { Sid: string }) => s.Sid === "Linked0").Resource).toEqual([
      expect.stringMatching(/^arn:aws:rds-db:us-west-2:777788889999:dbuser:db-[0-9A-F]{26}\/shop_app$/),
    ]);
    expect(access.Statement.find((s: { Sid: string }) => s.Sid === "OwnLogs").Resource).toEqual([
      "arn:aws:logs:us-west-2:777788889999:log-group:/aws/lambda/shop-aws-prod-api:*",
    ]);
    const grant = one("aws-prod", "aws:kms/grant:Grant", "api-kms-0");
    expect(grant.inputs).toMatchObject({
      granteePrincipal: "arn:aws:iam::777788889999:role/shop-aws-prod-api-run",
      keyId: expect.stringMatching(/^arn:aws:kms:us-west-2:777788889999:key\//),
      operations: ["Encrypt", "Decrypt", "GenerateDataKey", "DescribeKey"],
    });
    // The database and the cache open their port to the function's group only (and the database
    // to its rotation function's group).
    const ingress = ofType("aws-prod", "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
    expect(ingress.map((r) => [r.name, r.inputs["fromPort"], r.inputs["cidrIpv4"]]).sort()).toEqual([
      ["api-from-postgres-0", 5432, undefined],
      ["api-from-redis-1", 6379, undefined],
      ["db-rotation-db-from", 5432, undefined],
    ]);
    expect(new Set(ingress.map((r) => r.inputs["referencedSecurityGroupId"])).size).toBe(2);
  });

  it("every taggable AWS resource carries env, app, component and managed-by", () => {
    for (const env of ENVS) {
      for (const r of results[env]!.resources) {
        if (!r.type.startsWith("aws:") || UNTAGGED.has(r.type)) continue;
        expect(r.inputs["tags"], `${env} ${r.type} ${r.name}`).toMatchObject({
          env,
          app: "shop",
          "managed-by": "platform",
          component: expect.any(String),
        });
      }
    }
  });

  it("secret values never appear in inputs except as [secret]; outputs carry ARNs and names", () => {
    for (const env of ENVS) {
      const text = JSON.stringify(results[env]!.resources);
      expect(text).not.toMatch(/"password":"(?!\[secret\])/);
      expect(text).not.toMatch(/"authToken":"(?!\[secret\])/);
      expect(text).not.toMatch(/"secretString":"(?!\[secret\])/);
    }
    expect(results["aws-prod"]!.outputs).toMatchObject({
      cloud: "aws",
      profile: "prod",
      cacheEndpoint: expect.stringMatching(
        /^master\.shop-aws-prod-cache\.[0-9a-f]{6}\.usw2\.cache\.amazonaws\.com:6379$/,
      ),
      databaseSecretArn: expect.stringMatching(/^arn:aws:secretsmanager:us-west-2:777788889999:secret:/),
    });
  });

  it("the guards on the real synth: aws-prod passes every rule; aws-staging has no blocking finding; aws-dev passes every L1 rule", () => {
    const prod = checkInventory(parseInventory(results["aws-prod"]!).resources, "prod");
    expect(prod.failedRules.map((r) => r.id)).toEqual([]);
    expect(prod.passed).toBe(true);
    const staging = checkInventory(parseInventory(results["aws-staging"]!).resources, "staging");
    // Staging is production-shaped at a small size: the prod-only rules it misses do not block it.
    expect(staging.passed).toBe(true);
    expect(staging.failedRules.filter((r) => r.blocking)).toEqual([]);
    expect(staging.failedRules.map((r) => r.id)).not.toContain("aws/secret-rotation");
    const dev = checkInventory(parseInventory(results["aws-dev"]!).resources, "dev");
    expect(dev.failedRules.filter((r) => r.level === "L1")).toEqual([]);
    expect(dev.passed).toBe(true);
  });

  it("aws-dev on the real synth with its usage file: idle (baseline) ≤ $10, no uptime check, no burn-rate alarms", () => {
    const dev = estimateResources(
      parseInventory(results["aws-dev"]!).resources,
      loadUsage("aws-dev", "stacks"),
      {
        region: "us-east-1",
      },
    );
    expect(dev.baseline).toBeLessThanOrEqual(10);
    expect(dev.notPriced).not.toContain("aws:rds/cluster:Cluster");
    expect(ofType("aws-dev", "aws:route53/healthCheck:HealthCheck")).toEqual([]);
    expect(ofType("aws-dev", "aws:cloudwatch/compositeAlarm:CompositeAlarm")).toEqual([]);
    // staging and prod keep both (the profile asks for them).
    for (const env of ["aws-staging", "aws-prod"]) {
      expect(ofType(env, "aws:route53/healthCheck:HealthCheck")).toHaveLength(1);
      expect(ofType(env, "aws:cloudwatch/compositeAlarm:CompositeAlarm")).toHaveLength(4);
    }
  });

  it("prod rotates both secrets: AWS's PostgreSQL rotator in the private subnets, the cache's AUTH token inline", () => {
    const stack = one(
      "aws-prod",
      "aws:serverlessrepository/cloudFormationStack:CloudFormationStack",
      "db-rotator",
    );
    expect(stack.inputs).toMatchObject({
      applicationId:
        "arn:aws:serverlessrepo:us-east-1:297356227824:applications/SecretsManagerRDSPostgreSQLRotationSingleUser",
      capabilities: ["CAPABILITY_IAM", "CAPABILITY_RESOURCE_POLICY"],
      parameters: {
        functionName: "shop-aws-prod-db-rotator",
        endpoint: "https://secretsmanager.us-west-2.amazonaws.com",
        kmsKeyArn: expect.stringMatching(/^arn:aws:kms:us-west-2:777788889999:key\//),
      },
    });
    expect(
      String((stack.inputs["parameters"] as Record<string, unknown>)["vpcSubnetIds"]).split(","),
    ).toHaveLength(3);
    const rotations = ofType("aws-prod", "aws:secretsmanager/secretRotation:SecretRotation");
    expect(
      rotations.map((r) => [r.name, r.inputs["rotationRules"], r.inputs["rotationLambdaArn"]]).sort(),
    ).toEqual([
      [
        "cache-auth-rotation",
        { automaticallyAfterDays: 30 },
        expect.stringMatching(/:function:shop-aws-prod-cache-rotator$/),
      ],
      [
        "db-master-rotation",
        { automaticallyAfterDays: 30 },
        "arn:aws:lambda:us-west-2:777788889999:function:shop-aws-prod-db-rotator",
      ],
    ]);
    // The cache rotator touches exactly its secret and its group.
    const access = policyOf("aws-prod", "aws:iam/rolePolicy:RolePolicy", "cache-rotation-access");
    expect(access.Statement.find((s: { Sid: string }) => s.Sid === "TheGroup").Resource).toEqual([
      "arn:aws:elasticache:us-west-2:777788889999:replicationgroup:shop-aws-prod-cache",
    ]);
    for (const st of access.Statement) for (const r of [st.Resource].flat()) expect(r).not.toBe("*");
    // dev: Aurora behind the Data API and no Secrets Manager endpoint: nothing can rotate (L2 rule).
    expect(ofType("aws-dev", "aws:secretsmanager/secretRotation:SecretRotation")).toEqual([]);
  });
});
