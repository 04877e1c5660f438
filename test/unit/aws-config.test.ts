import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { ConfigError, parseEnvironmentConfig, type ConfigIssue } from "../../programs/config";
import { validateAwsProvider } from "../../programs/schema/aws-provider";

const IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/api:1.0.0";

function values(
  profile: "dev" | "staging" | "prod",
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    "aws:region": "us-east-1",
    "aws:allowedAccountIds": ["123456789012"],
    "platform:environment": { cloud: "aws", profile, app: "shop" },
    "platform:service": { image: IMAGE, ...(profile === "prod" ? { minInstances: 1 } : {}) },
    ...(profile === "prod" ? { "platform:observability": { notifyEmails: ["oncall@acme.com"] } } : {}),
    ...extra,
  };
}

function issuesOf(profile: "dev" | "staging" | "prod", extra: Record<string, unknown>): ConfigIssue[] {
  try {
    parseEnvironmentConfig(`aws-${profile}`, values(profile, extra));
  } catch (e) {
    if (e instanceof ConfigError) return [...e.issues];
    throw e;
  }
  return [];
}

const DB = (x: Record<string, unknown>) => ({ "platform:database": x });
const SVC = (x: Record<string, unknown>) => ({ "platform:service": { image: IMAGE, ...x } });

describe("cloud aws: bad config names the field, what is allowed and which cloud rule refused it", () => {
  it.each<[string, "dev" | "staging" | "prod", Record<string, unknown>, string, string | RegExp]>([
    // aws:region
    [
      "region missing",
      "dev",
      { "aws:region": undefined },
      "aws:region",
      "is required on cloud aws: the region every resource is created in, such as us-east-1",
    ],
    [
      "region typo",
      "dev",
      { "aws:region": "us-east-l" },
      "aws:region",
      'must be an AWS region such as us-east-1 (did you mean "us-east-1"?), got "us-east-l"',
    ],
    [
      "region is a GCP region",
      "dev",
      { "aws:region": "europe-west1" },
      "aws:region",
      /must be an AWS region such as us-east-1.*got "europe-west1"/,
    ],
    [
      "region not a string",
      "dev",
      { "aws:region": 1 },
      "aws:region",
      "must be an AWS region such as us-east-1, got 1",
    ],
    // account guard
    [
      "allowedAccountIds not a list",
      "dev",
      { "aws:allowedAccountIds": "123456789012" },
      "aws:allowedAccountIds",
      'must be a non-empty list of 12-digit account ids such as ["123456789012"], got "123456789012"',
    ],
    [
      "allowedAccountIds empty",
      "dev",
      { "aws:allowedAccountIds": [] },
      "aws:allowedAccountIds",
      /must be a non-empty list/,
    ],
    [
      "account id as a YAML number",
      "dev",
      { "aws:allowedAccountIds": [123456789012] },
      "aws:allowedAccountIds[0]",
      "must be a quoted string of 12 digits (YAML drops leading zeros from numbers), got 123456789012",
    ],
    [
      "account id 11 digits",
      "dev",
      { "aws:allowedAccountIds": ["12345678901"] },
      "aws:allowedAccountIds[0]",
      'must be a 12-digit AWS account id, got "12345678901"',
    ],
    [
      "account id repeated",
      "dev",
      { "aws:allowedAccountIds": ["123456789012", "123456789012"] },
      "aws:allowedAccountIds[1]",
      'must not repeat an account, got "123456789012" twice',
    ],
    [
      "staging without the account guard",
      "staging",
      { "aws:allowedAccountIds": undefined },
      "aws:allowedAccountIds",
      /^staging \(aws\) requires the account guard/,
    ],
    [
      "prod without the account guard",
      "prod",
      { "aws:allowedAccountIds": undefined },
      "aws:allowedAccountIds",
      /^prod \(aws\) requires the account guard/,
    ],
    [
      "allowed and forbidden together",
      "dev",
      { "aws:forbiddenAccountIds": ["210987654321"] },
      "aws:forbiddenAccountIds",
      "must not be set together with aws:allowedAccountIds (the provider accepts one or the other)",
    ],
    [
      "forbidden account malformed",
      "dev",
      { "aws:allowedAccountIds": undefined, "aws:forbiddenAccountIds": ["x"] },
      "aws:forbiddenAccountIds[0]",
      'must be a 12-digit AWS account id, got "x"',
    ],
    // provider sub-objects and keys
    [
      "profile with a space",
      "dev",
      { "aws:profile": "my profile" },
      "aws:profile",
      'must be a named profile from ~/.aws/config (letters, digits, _ . @ + -), got "my profile"',
    ],
    [
      "defaultTags not an object",
      "dev",
      { "aws:defaultTags": "team=core" },
      "aws:defaultTags",
      'must be an object { tags: { key: value } }, got "team=core"',
    ],
    [
      "defaultTags unknown key",
      "dev",
      { "aws:defaultTags": { tag: { a: "b" } } },
      "aws:defaultTags.tag",
      'unknown key (did you mean "tags"?); allowed: tags',
    ],
    [
      "defaultTags overrides a platform tag",
      "dev",
      { "aws:defaultTags": { tags: { env: "x" } } },
      "aws:defaultTags.tags.env",
      /is set by the platform on every resource/,
    ],
    [
      "defaultTags value not a string",
      "dev",
      { "aws:defaultTags": { tags: { owner: 1 } } },
      "aws:defaultTags.tags.owner",
      "must be a string of at most 256 characters, got 1",
    ],
    [
      "assumeRoles not a list",
      "dev",
      { "aws:assumeRoles": { roleArn: "x" } },
      "aws:assumeRoles",
      /must be a non-empty list of \{ roleArn/,
    ],
    [
      "assumeRoles without roleArn",
      "dev",
      { "aws:assumeRoles": [{ sessionName: "ci" }] },
      "aws:assumeRoles[0].roleArn",
      "is required: the role to assume, arn:aws:iam::<account>:role/<name>",
    ],
    [
      "assumeRoles roleArn is a user",
      "dev",
      { "aws:assumeRoles": [{ roleArn: "arn:aws:iam::123456789012:user/bob" }] },
      "aws:assumeRoles[0].roleArn",
      /must be an IAM role ARN/,
    ],
    [
      "assumeRoles bad session name",
      "dev",
      { "aws:assumeRoles": [{ roleArn: "arn:aws:iam::123456789012:role/deployer", sessionName: "a b" }] },
      "aws:assumeRoles[0].sessionName",
      /must be 2–64 characters/,
    ],
    [
      "assumeRoles duration too long",
      "dev",
      { "aws:assumeRoles": [{ roleArn: "arn:aws:iam::123456789012:role/deployer", duration: "24h" }] },
      "aws:assumeRoles[0].duration",
      'must be a duration 15m–12h such as "1h", got "24h"',
    ],
    [
      "assumeRoles externalId too short",
      "dev",
      { "aws:assumeRoles": [{ roleArn: "arn:aws:iam::123456789012:role/deployer", externalId: "x" }] },
      "aws:assumeRoles[0].externalId",
      /must be 2–1224 characters/,
    ],
    [
      "assumeRoles unknown key",
      "dev",
      { "aws:assumeRoles": [{ roleArn: "arn:aws:iam::123456789012:role/deployer", rolearn: "x" }] },
      "aws:assumeRoles[0].rolearn",
      /unknown key \(did you mean "roleArn"\?\)/,
    ],
    [
      "singular assumeRole",
      "dev",
      { "aws:assumeRole": { roleArn: "x" } },
      "aws:assumeRole",
      /unknown key \(did you mean "aws:assumeRoles"\?\)/,
    ],
    [
      "unknown aws key",
      "dev",
      { "aws:regoin": "us-east-1" },
      "aws:regoin",
      /unknown key \(did you mean "aws:region"\?\)/,
    ],
    [
      "secret key in plain text",
      "dev",
      { "aws:secretKey": "wJalrXUtnFEMI" },
      "aws:secretKey",
      /must not be stored in plain text in a stack file/,
    ],
    [
      "access key in plain text",
      "dev",
      { "aws:accessKey": "AKIAEXAMPLE" },
      "aws:accessKey",
      /must not be stored in plain text/,
    ],
    [
      "maxRetries negative",
      "dev",
      { "aws:maxRetries": -1 },
      "aws:maxRetries",
      "must be an integer 0–25, got -1",
    ],
    [
      "skipCredentialsValidation not a boolean",
      "dev",
      { "aws:skipCredentialsValidation": "yes" },
      "aws:skipCredentialsValidation",
      'must be true or false, got "yes"',
    ],
    [
      "prod skips credential validation",
      "prod",
      { "aws:skipCredentialsValidation": true },
      "aws:skipCredentialsValidation",
      "prod (aws) refuses true: the account guard needs the caller's identity",
    ],
    // the other cloud's keys
    [
      "gcp:project in an aws stack",
      "dev",
      { "gcp:project": "acme-dev" },
      "gcp:project",
      "applies only to cloud gcp (this stack is cloud aws; platform:environment.cloud picks the cloud)",
    ],
    [
      "environment.cloud unknown",
      "dev",
      { "platform:environment": { cloud: "azure", profile: "dev", app: "shop" } },
      "platform:environment.cloud",
      'must be one of gcp | aws | kubernetes, got "azure"',
    ],
    [
      "environment.aws.azCount 4",
      "dev",
      { "platform:environment": { cloud: "aws", profile: "dev", app: "shop", aws: { azCount: 4 } } },
      "platform:environment.aws.azCount",
      "must be an integer 2–3, got 4",
    ],
    [
      "unknown VPC endpoint",
      "dev",
      {
        "platform:environment": { cloud: "aws", profile: "dev", app: "shop", aws: { vpcEndpoints: ["s3"] } },
      },
      "platform:environment.aws.vpcEndpoints[0]",
      'must be one of secretsmanager | kms | xray | logs | sts, got "s3"',
    ],
    // kms
    [
      "kms protectionLevel on aws",
      "dev",
      { "platform:kms": { protectionLevel: "HSM" } },
      "platform:kms.protectionLevel",
      /applies only to cloud gcp \(this stack is cloud aws\): every AWS KMS key is held in KMS-managed HSMs/,
    ],
    [
      "kms rotation 30 days on aws",
      "dev",
      { "platform:kms": { rotationDays: 30 } },
      "platform:kms.rotationDays",
      "aws: must be 90: AWS allows 90–2560 days and the platform requires ≤ 90, got 30",
    ],
    [
      "kms deletion window 3",
      "dev",
      { "platform:kms": { aws: { deletionWindowDays: 3 } } },
      "platform:kms.aws.deletionWindowDays",
      "must be an integer 7–30, got 3",
    ],
    [
      "kms custom key store id",
      "dev",
      { "platform:kms": { aws: { customKeyStoreId: "store-1" } } },
      "platform:kms.aws.customKeyStoreId",
      'must be a custom key store id such as cks-1234567890abcdef0, got "store-1"',
    ],
    [
      "prod keys unprotected",
      "prod",
      { "platform:kms": { protect: false } },
      "platform:kms.protect",
      /^prod \(aws\) refuses protect=false/,
    ],
    // database
    [
      "database tier on aws",
      "dev",
      DB({ tier: "db-f1-micro" }),
      "platform:database.tier",
      /applies only to cloud gcp.*aws.instanceClass/,
    ],
    [
      "database disk type on aws",
      "dev",
      DB({ diskType: "PD_HDD" }),
      "platform:database.diskType",
      /applies only to cloud gcp.*gp3/,
    ],
    [
      "retention over 35 days",
      "dev",
      DB({ backups: { retainedBackups: 40 } }),
      "platform:database.backups.retainedBackups",
      "aws: must be 1–35 (days of RDS automated backups), got 40",
    ],
    [
      "PITR off on aws",
      "dev",
      DB({ backups: { pointInTimeRecovery: false } }),
      "platform:database.backups.pointInTimeRecovery",
      /^aws: RDS and Aurora keep point-in-time recovery/,
    ],
    [
      "backups off on aws",
      "dev",
      DB({ backups: { enabled: false } }),
      "platform:database.backups.enabled",
      /^aws: automated backups cannot be turned off/,
    ],
    [
      "backup location on aws",
      "dev",
      DB({ backups: { location: "eu" } }),
      "platform:database.backups.location",
      /applies only to cloud gcp/,
    ],
    [
      "unknown engine",
      "dev",
      DB({ aws: { engine: "aurora" } }),
      "platform:database.aws.engine",
      'must be one of rds | aurora-serverless, got "aurora"',
    ],
    [
      "instance class without db.",
      "dev",
      DB({ aws: { engine: "rds", instanceClass: "t4g.micro" } }),
      "platform:database.aws.instanceClass",
      'must be an RDS instance class such as db.t4g.small, got "t4g.micro"',
    ],
    [
      "ACU not in steps of 0.5",
      "dev",
      DB({ aws: { minCapacity: 0.3 } }),
      "platform:database.aws.minCapacity",
      "aws: ACUs come in steps of 0.5, got 0.3",
    ],
    [
      "max below min ACU",
      "dev",
      DB({ aws: { minCapacity: 4, maxCapacity: 2 } }),
      "platform:database.aws.maxCapacity",
      "aws: must be ≥ minCapacity (4), got 2",
    ],
    [
      "auto-pause too short",
      "dev",
      DB({ aws: { secondsUntilAutoPause: 60 } }),
      "platform:database.aws.secondsUntilAutoPause",
      "must be an integer 300–86400, got 60",
    ],
    [
      "monitoring interval 20",
      "dev",
      DB({ aws: { monitoringIntervalSeconds: 20 } }),
      "platform:database.aws.monitoringIntervalSeconds",
      "must be one of 0, 1, 5, 10, 15, 30, 60, got 20",
    ],
    [
      "rotation lambda not an ARN",
      "dev",
      DB({ aws: { rotationLambdaArn: "rotate-pg" } }),
      "platform:database.aws.rotationLambdaArn",
      'must be a Lambda function ARN, got "rotate-pg"',
    ],
    [
      "rds disk below gp3 minimum",
      "dev",
      DB({ diskSizeGb: 10, aws: { engine: "rds" } }),
      "platform:database.diskSizeGb",
      "aws: rds gp3 storage must be 20–65536 GB, got 10",
    ],
    [
      "disk size with aurora",
      "dev",
      DB({ diskSizeGb: 50 }),
      "platform:database.diskSizeGb",
      "aws: Aurora storage grows by itself; remove diskSizeGb or use aws.engine: rds",
    ],
    [
      "maintenance overlaps backups",
      "dev",
      DB({ maintenanceWindow: { day: 7, hour: 3 }, backups: { startTime: "03:30" } }),
      "platform:database.maintenanceWindow.hour",
      "aws: overlaps the one-hour backup window from 03:30 (RDS refuses overlapping windows), got 3",
    ],
    [
      "prod auto-pause",
      "prod",
      DB({ aws: { engine: "aurora-serverless", minCapacity: 0 } }),
      "platform:database.aws.minCapacity",
      /^prod \(aws\) refuses auto-pause/,
    ],
    [
      "prod burstable class",
      "prod",
      DB({ aws: { instanceClass: "db.t4g.medium" } }),
      "platform:database.aws.instanceClass",
      'prod (aws) refuses burstable db.t* classes (CPU credits run out under load), got "db.t4g.medium"',
    ],
    [
      "prod single-AZ",
      "prod",
      DB({ highAvailability: false }),
      "platform:database.highAvailability",
      "prod (aws) requires Multi-AZ (a standby or reader in a second AZ), got false",
    ],
    // cache
    [
      "memorystore on aws",
      "staging",
      { "platform:cache": { mode: "memorystore" } },
      "platform:cache.mode",
      'aws: memorystore is the GCP cache; use "elasticache" (or "memory"), got "memorystore"',
    ],
    [
      "cache size in GB on aws",
      "staging",
      { "platform:cache": { mode: "elasticache", memorySizeGb: 5 } },
      "platform:cache.memorySizeGb",
      "applies only to cloud gcp (this stack is cloud aws): use aws.nodeType",
    ],
    [
      "bad node type",
      "staging",
      { "platform:cache": { mode: "elasticache", aws: { nodeType: "t4g.micro" } } },
      "platform:cache.aws.nodeType",
      'must be an ElastiCache node type such as cache.t4g.micro, got "t4g.micro"',
    ],
    [
      "unknown cache engine",
      "staging",
      { "platform:cache": { mode: "elasticache", aws: { engine: "memcached" } } },
      "platform:cache.aws.engine",
      'must be one of valkey | redis, got "memcached"',
    ],
    [
      "prod cache in memory",
      "prod",
      { "platform:cache": { mode: "memory" } },
      "platform:cache.mode",
      /^prod \(aws\) requires "elasticache"/,
    ],
    [
      "prod cache BASIC",
      "prod",
      { "platform:cache": { mode: "elasticache", tier: "BASIC" } },
      "platform:cache.tier",
      'prod (aws) requires "STANDARD_HA" (Multi-AZ with automatic failover), got "BASIC"',
    ],
    // service
    [
      "image not in ECR",
      "dev",
      SVC({ image: "europe-docker.pkg.dev/acme/app/api:1" }),
      "platform:service.image",
      /^aws: Lambda runs container images from ECR only/,
    ],
    [
      "timeout over 900",
      "dev",
      SVC({ timeoutSeconds: 1800 }),
      "platform:service.timeoutSeconds",
      "aws: Lambda allows at most 900 s, got 1800",
    ],
    [
      "8 vCPU on Lambda",
      "dev",
      SVC({ cpu: "8", memory: "4Gi" }),
      "platform:service.cpu",
      /^aws: Lambda gives 128–10240 MB and 1 vCPU per 1769 MB/,
    ],
    [
      "ingress on aws",
      "dev",
      SVC({ ingress: "internal" }),
      "platform:service.ingress",
      /applies only to cloud gcp.*Function URL/,
    ],
    [
      "GCP invokers on aws",
      "dev",
      SVC({ invokers: ["serviceAccount:a@b.iam.gserviceaccount.com"] }),
      "platform:service.invokers",
      "applies only to cloud gcp (this stack is cloud aws): use aws.invokers (IAM role ARNs)",
    ],
    [
      "aws invoker not an ARN",
      "dev",
      SVC({ aws: { invokers: ["frontend"] } }),
      "platform:service.aws.invokers[0]",
      /must be an IAM role or user ARN/,
    ],
    [
      "aws secret not an ARN or name",
      "dev",
      SVC({ aws: { secrets: { STRIPE: "a b" } } }),
      "platform:service.aws.secrets.STRIPE",
      'must be a Secrets Manager secret ARN or name, got "a b"',
    ],
    [
      "canary without stable version",
      "dev",
      SVC({ canary: { percent: 10, image: IMAGE.replace("1.0.0", "1.1.0") } }),
      "platform:service.aws.stableVersion",
      "aws: is required with canary: the published version that keeps the rest of the traffic",
    ],
    [
      "stable version not a number",
      "dev",
      SVC({ aws: { stableVersion: "$LATEST" } }),
      "platform:service.aws.stableVersion",
      'must be a published Lambda version number such as "12", got "$LATEST"',
    ],
    [
      "prod scale to zero",
      "prod",
      SVC({ minInstances: 0 }),
      "platform:service.minInstances",
      /^prod \(aws\) requires at least 1 provisioned-concurrency instance/,
    ],
    // budget and observability
    [
      "billing account on aws",
      "dev",
      { "platform:budget": { billingAccount: "01ABCD-23EF45-6789AB", amount: 10 } },
      "platform:budget.billingAccount",
      /applies only to cloud gcp.*per account/,
    ],
    [
      "budget in EUR on aws",
      "dev",
      { "platform:budget": { amount: 10, currency: "EUR" } },
      "platform:budget.currency",
      'aws: AWS Budgets are in USD, got "EUR"',
    ],
    [
      "staging budget without amount",
      "staging",
      { "platform:budget": { notifyEmails: ["a@acme.com"] } },
      "platform:budget.amount",
      "is required in staging (only dev has a default, 20); must be an amount > 0",
    ],
    [
      "budget without recipients",
      "dev",
      { "platform:budget": { amount: 10, aws: { snsTopic: false } } },
      "platform:budget.notifyEmails",
      "aws: nobody would be notified: give notifyEmails or keep aws.snsTopic: true",
    ],
    [
      "pubsubTopic on aws",
      "dev",
      { "platform:budget": { amount: 10, pubsubTopic: true } },
      "platform:budget.pubsubTopic",
      "applies only to cloud gcp (this stack is cloud aws): use aws.snsTopic",
    ],
    [
      "bad trail log group",
      "dev",
      { "platform:observability": { aws: { existingTrailLogGroup: "a b" } } },
      "platform:observability.aws.existingTrailLogGroup",
      'must be a CloudWatch Logs group name, got "a b"',
    ],
    [
      "prod without audit alarms",
      "prod",
      { "platform:observability": { notifyEmails: ["oncall@acme.com"], auditAlerts: false } },
      "platform:observability.auditAlerts",
      /^prod \(aws\) requires true \(a multi-Region CloudTrail/,
    ],
  ])("%s", (_title, profile, extra, path, message) => {
    const issues = issuesOf(profile, extra);
    const hit = issues.find((i) => i.path === path);
    expect(hit, `no issue at ${path}; got ${JSON.stringify(issues)}`).toBeDefined();
    if (typeof message === "string") expect(hit!.message).toBe(message);
    else expect(hit!.message).toMatch(message);
  });

  it("aws sub-objects are refused on a gcp stack, naming the cloud", () => {
    try {
      parseEnvironmentConfig("dev", {
        "gcp:project": "acme-shop-dev",
        "gcp:region": "europe-west1",
        "aws:region": "us-east-1",
        "platform:environment": { profile: "dev", app: "shop" },
        "platform:database": { aws: { engine: "rds" } },
        "platform:cache": { mode: "elasticache" },
      });
      throw new Error("expected to be unreachable");
    } catch (e) {
      expect((e as ConfigError).issues).toEqual([
        {
          path: "aws:region",
          message:
            "applies only to cloud aws (this stack is cloud gcp; platform:environment.cloud picks the cloud)",
        },
        {
          path: "platform:database.aws",
          message: "applies only to cloud aws (this stack is cloud gcp; set platform:environment.cloud: aws)",
        },
        {
          path: "platform:cache.mode",
          message: 'gcp: elasticache is the AWS cache; use "memorystore" (or "memory"), got "elasticache"',
        },
      ]);
    }
  });
});

describe("cloud aws: defaults per profile", () => {
  it("dev: Aurora Serverless v2 pausing at 0 ACU, in-process cache, 2 AZs, rotation 90, the pinned account", () => {
    const cfg = parseEnvironmentConfig("aws-dev", values("dev"));
    expect(cfg).toMatchObject({ cloud: "aws", region: "us-east-1", project: "" });
    expect(cfg.aws).toMatchObject({
      provider: { region: "us-east-1", accountId: "123456789012" },
      environment: { azCount: 2, vpcEndpoints: [] },
      kms: { rotationDays: 90, deletionWindowDays: 30 },
      database: { engine: "aurora-serverless", minCapacity: 0, maxCapacity: 2, maintenanceHour: 4 },
      cache: { mode: "memory" },
      budget: { enabled: false },
    });
  });

  it("prod: RDS db.r6g.large Multi-AZ, ElastiCache with failover, 3 AZs", () => {
    const cfg = parseEnvironmentConfig("aws-prod", values("prod"));
    expect(cfg.aws).toMatchObject({
      environment: { azCount: 3 },
      database: { engine: "rds", instanceClass: "db.r6g.large", diskSizeGb: 100 },
      cache: { mode: "elasticache", nodeType: "cache.t4g.small", snapshotRetentionDays: 7 },
    });
    expect(cfg.database.highAvailability).toBe(true);
    expect(cfg.cache.tier).toBe("STANDARD_HA");
  });

  it("the provider validator is pure and resolves the single account", () => {
    expect(
      validateAwsProvider(
        { "aws:region": "eu-west-1", "aws:allowedAccountIds": ["111122223333", "444455556666"] },
        "prod",
      ),
    ).toEqual({
      issues: [],
      config: { region: "eu-west-1", allowedAccountIds: ["111122223333", "444455556666"] },
    });
  });
});
