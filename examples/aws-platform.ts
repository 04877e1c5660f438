import { AwsBudgetAlert } from "../components/budget-alert";
import { AwsCloudRunService, kmsLink } from "../components/cloud-run-service";
import { AwsKmsKeyRing } from "../components/kms-key-ring";
import { AwsNetwork } from "../components/network";
import { AwsObservabilityStack } from "../components/observability-stack";
import { AwsPostgresWithBackups } from "../components/postgres-with-backups";
import { AwsRedisCache } from "../components/redis-cache";
import type { AwsContext } from "../components/shared";

const ctx: AwsContext = {
  cloud: "aws",
  env: "aws-staging",
  profile: "staging",
  app: "shop",
  region: "us-east-1",
  accountId: "444455556666",
};

// One data key (rotated every 90 days) that RDS, ElastiCache, Secrets Manager, Lambda, CloudWatch Logs,
// CloudWatch alarms and Budgets may use, each only for this account.
export const kms = new AwsKmsKeyRing("kms", {
  ctx,
  keys: {
    data: {
      viaServices: ["rds", "elasticache", "secretsmanager", "lambda", "sns"],
      servicePrincipals: ["logs", "cloudwatch", "budgets", "cloudtrail"],
    },
  },
});
const dataKey = kms.keyArns["data"]!;

// Private subnets in 2 AZs, no NAT gateway: the Lambda reads Secrets Manager through its endpoint.
export const net = new AwsNetwork("net", { ctx, endpoints: ["secretsmanager"], kmsKeyArn: dataKey });
const network = { vpcId: net.vpcId, subnetIds: net.subnetIds };

export const db = new AwsPostgresWithBackups("db", {
  ctx,
  network,
  engine: "rds",
  instanceClass: "db.t4g.small",
  kmsKeyArn: dataKey,
});
export const cache = new AwsRedisCache("cache", { ctx, network, tier: "BASIC", kmsKeyArn: dataKey });

// The Lambda joins the VPC because the database and the cache are private; each opens its port to it only.
export const api = new AwsCloudRunService("api", {
  ctx,
  image: "444455556666.dkr.ecr.us-east-1.amazonaws.com/shop/api:1.42.0",
  memory: "1Gi",
  maxInstances: 10,
  public: true,
  network: { ...network, endpointSecurityGroupId: net.endpointSecurityGroupId! },
  link: [db, cache, kmsLink(kms, "data")],
  kmsKeyArn: dataKey,
});

export const ops = new AwsObservabilityStack("ops", {
  ctx,
  notifyEmails: ["oncall@acme.example"],
  kmsKeyArn: dataKey,
  services: [
    { name: "api", functionName: api.serviceName, alias: api.aliasName, url: api.url, public: true },
  ],
  databases: [
    { name: "db", engine: "rds", identifier: db.identifier, allocatedGb: 20, instanceClass: "db.t4g.small" },
  ],
  caches:
    cache.spec.mode === "elasticache"
      ? [{ name: "cache", replicationGroupId: cache.spec.replicationGroupId }]
      : [],
});

export const budget = new AwsBudgetAlert("budget", {
  ctx,
  amount: 300,
  notifyEmails: ["finops@acme.example"],
  kmsKeyArn: dataKey,
});
