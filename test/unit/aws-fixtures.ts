/**
 * Hand-built AWS inventories for the cost and guard tests, mirroring what the AWS components create
 * per profile (network without NAT, KMS keys + aliases, Aurora Serverless v2, ElastiCache Valkey in
 * staging/prod, Lambda behind an IAM-auth Function URL, Budgets + SNS, CloudWatch alarms, a Route 53
 * health check, a multi-region CloudTrail and the CIS log-metric alarms). They stand in for the
 * real synth until the AWS program lands; inputs are camelCase as @pulumi/aws 7.x declares them.
 */
import type { Profile } from "../../components/shared/profiles";
import type { GuardResource } from "../../plan/guards/types";
import { CIS_AWS_ALARMS } from "../../plan/guards/aws/cis-alarms";

export const ACCOUNT = "123456789012";
export const REGION = "us-east-1";
const arn = (service: string, rest: string) => `arn:aws:${service}:${REGION}:${ACCOUNT}:${rest}`;
export const ARNS = {
  dataKey: arn("kms", "key/1111aaaa-0000-4000-8000-000000000001"),
  signingKey: arn("kms", "key/1111aaaa-0000-4000-8000-000000000002"),
  dbSecret: arn("secretsmanager", "secret:acme-db-password-AbCdEf"),
  alerts: arn("sns", "acme-alerts"),
  apiRole: `arn:aws:iam::${ACCOUNT}:role/acme-api`,
  rotation: arn("lambda", "function:acme-db-rotation"),
} as const;

/** Component type per family (the URN parent). */
const COMPONENT: Record<string, string> = {
  net: "platform:network:Network",
  kms: "platform:security:KmsKeyRing",
  db: "platform:data:PostgresWithBackups",
  cache: "platform:data:RedisCache",
  api: "platform:compute:CloudRunService",
  budget: "platform:cost:BudgetAlert",
  obs: "platform:ops:ObservabilityStack",
};

/** A URN under a component. */
export function awsUrn(type: string, name: string, component: string, stack = "aws-prod"): string {
  return `urn:pulumi:${stack}::platform::${COMPONENT[component] ?? component}$${type}::${name}`;
}

/** One AWS resource row under a component. */
export function awsRes(
  type: string,
  name: string,
  inputs: Record<string, unknown>,
  opts: { component?: string; stack?: string; protect?: boolean } = {},
): GuardResource {
  const component = opts.component ?? "db";
  const stack = opts.stack ?? "aws-prod";
  return {
    urn: awsUrn(type, name, component, stack),
    type,
    name,
    parent: `urn:pulumi:${stack}::platform::${COMPONENT[component] ?? component}::${component}`,
    inputs,
    protect: opts.protect ?? false,
  };
}

const tags = (env: string, component: string) => ({
  env,
  app: "acme",
  component,
  "managed-by": "platform",
});

const keyPolicy = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "Admin",
      Effect: "Allow",
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
      Action: "kms:*",
      Resource: "*",
    },
    {
      Sid: "Use",
      Effect: "Allow",
      Principal: { AWS: ARNS.apiRole },
      Action: ["kms:Decrypt", "kms:GenerateDataKey"],
      Resource: "*",
      Condition: { StringEquals: { "kms:ViaService": `rds.${REGION}.amazonaws.com` } },
    },
  ],
});

/** The CIS parameters the Postgres parameter group sets. */
export const PG_PARAMETERS = [
  { name: "rds.force_ssl", value: "1" },
  { name: "log_connections", value: "1" },
  { name: "log_disconnections", value: "1" },
  { name: "log_statement", value: "ddl" },
  { name: "log_min_duration_statement", value: "1000" },
];

/**
 * The inventory of one AWS environment. dev: 2 AZs, Aurora min 0 ACU with auto-pause, Redis in
 * "memory" mode (no ElastiCache), no deletion protection, 1-day backups; staging/prod: 3 AZs in
 * prod, Aurora min 0.5 ACU with a reader, Valkey Multi-AZ, deletion protection, 14-day backups,
 * interface endpoints, provisioned concurrency (prod).
 *
 * @example
 * ```ts
 * estimateResources(awsInventory("dev"), DEFAULT_USAGE, { region: "us-east-1" }).total; // < 10
 * ```
 */
export function awsInventory(profile: Profile): GuardResource[] {
  const env = profile;
  const stack = `aws-${profile}`;
  const prod = profile === "prod";
  const dev = profile === "dev";
  const r = (
    type: string,
    name: string,
    component: string,
    inputs: Record<string, unknown>,
    protect = false,
  ) => awsRes(type, name, { ...inputs }, { component, stack, protect: protect && !dev });
  const azs = prod ? ["a", "b", "c"] : ["a", "b"];
  const subnets = azs.map((az) => `subnet-${az}`);
  const out: GuardResource[] = [
    // Network
    r("aws:ec2/vpc:Vpc", "net-vpc", "net", {
      cidrBlock: "10.0.0.0/16",
      enableDnsHostnames: true,
      tags: tags(env, "network"),
    }),
    ...azs.map((az, i) =>
      r("aws:ec2/subnet:Subnet", `net-private-${az}`, "net", {
        vpcId: "[unknown]",
        cidrBlock: `10.0.${i}.0/24`,
        availabilityZone: `${REGION}${az}`,
        mapPublicIpOnLaunch: false,
      }),
    ),
    r("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "net-default-sg", "net", {
      vpcId: "[unknown]",
      ingress: [],
      egress: [],
    }),
    r("aws:cloudwatch/logGroup:LogGroup", "net-flow-logs", "net", {
      retentionInDays: 365,
      kmsKeyId: ARNS.dataKey,
    }),
    r("aws:iam/role:Role", "net-flow-logs-role", "net", { assumeRolePolicy: "{}" }),
    r("aws:ec2/flowLog:FlowLog", "net-flow-log", "net", {
      vpcId: "[unknown]",
      trafficType: "ALL",
      logDestinationType: "cloud-watch-logs",
      logDestination: "[unknown]",
      iamRoleArn: "[unknown]",
    }),
    r("aws:ec2/vpcEndpoint:VpcEndpoint", "net-s3", "net", {
      vpcId: "[unknown]",
      serviceName: `com.amazonaws.${REGION}.s3`,
      vpcEndpointType: "Gateway",
    }),
    // KMS
    r(
      "aws:kms/key:Key",
      "keys-data",
      "kms",
      {
        description: "data",
        customerMasterKeySpec: "SYMMETRIC_DEFAULT",
        keyUsage: "ENCRYPT_DECRYPT",
        enableKeyRotation: true,
        rotationPeriodInDays: 90,
        deletionWindowInDays: 30,
        isEnabled: true,
        policy: keyPolicy,
        tags: tags(env, "kms"),
      },
      true,
    ),
    r("aws:kms/alias:Alias", "keys-data-alias", "kms", {
      name: `alias/acme-${env}-data`,
      targetKeyId: "[unknown]",
    }),
    r(
      "aws:kms/key:Key",
      "keys-signing",
      "kms",
      {
        description: "signing",
        customerMasterKeySpec: "ECC_NIST_EDWARDS25519",
        keyUsage: "SIGN_VERIFY",
        enableKeyRotation: false,
        deletionWindowInDays: 30,
        isEnabled: true,
        policy: keyPolicy,
        tags: tags(env, "kms"),
      },
      true,
    ),
    r("aws:kms/alias:Alias", "keys-signing-alias", "kms", {
      name: `alias/acme-${env}-signing`,
      targetKeyId: "[unknown]",
    }),
    // Postgres: Aurora Serverless v2
    r("aws:rds/subnetGroup:SubnetGroup", "db-subnets", "db", { subnetIds: subnets }),
    r("aws:ec2/securityGroup:SecurityGroup", "db-sg", "db", {
      vpcId: "[unknown]",
      ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, securityGroups: ["[unknown]"] }],
      egress: [],
    }),
    r("aws:rds/clusterParameterGroup:ClusterParameterGroup", "db-params", "db", {
      family: "aurora-postgresql16",
      parameters: PG_PARAMETERS,
    }),
    r(
      "aws:rds/cluster:Cluster",
      "db-cluster",
      "db",
      {
        clusterIdentifier: `acme-${env}-db`,
        engine: "aurora-postgresql",
        engineMode: "provisioned",
        engineVersion: "16.4",
        serverlessv2ScalingConfiguration: dev
          ? { minCapacity: 0, maxCapacity: 4, secondsUntilAutoPause: 300 }
          : { minCapacity: 0.5, maxCapacity: 16 },
        storageEncrypted: true,
        kmsKeyId: ARNS.dataKey,
        deletionProtection: !dev,
        skipFinalSnapshot: false,
        finalSnapshotIdentifier: `acme-${env}-db-final`,
        copyTagsToSnapshot: true,
        backupRetentionPeriod: dev ? 1 : 14,
        preferredBackupWindow: "03:00-04:00",
        iamDatabaseAuthenticationEnabled: true,
        enabledCloudwatchLogsExports: ["postgresql"],
        dbClusterParameterGroupName: "[unknown]",
        dbSubnetGroupName: "[unknown]",
        vpcSecurityGroupIds: ["[unknown]"],
        masterUsername: "app",
        masterPasswordWo: "[secret]",
        tags: tags(env, "postgres"),
      },
      true,
    ),
    ...(dev ? ["writer"] : ["writer", "reader"]).map((role) =>
      r("aws:rds/clusterInstance:ClusterInstance", `db-${role}`, "db", {
        clusterIdentifier: `acme-${env}-db`,
        instanceClass: "db.serverless",
        engine: "aurora-postgresql",
        publiclyAccessible: false,
        performanceInsightsEnabled: true,
        performanceInsightsKmsKeyId: ARNS.dataKey,
        monitoringInterval: dev ? 0 : 60,
        autoMinorVersionUpgrade: true,
        caCertIdentifier: "rds-ca-rsa2048-g1",
      }),
    ),
    r("aws:secretsmanager/secret:Secret", "db-password", "db", {
      kmsKeyId: ARNS.dataKey,
      recoveryWindowInDays: dev ? 7 : 30,
    }),
    r("aws:secretsmanager/secretVersion:SecretVersion", "db-password-v", "db", {
      secretId: "[unknown]",
      secretStringWo: "[secret]",
    }),
    r("aws:secretsmanager/secretRotation:SecretRotation", "db-password-rotation", "db", {
      secretId: "[unknown]",
      rotationLambdaArn: ARNS.rotation,
      rotationRules: { automaticallyAfterDays: 30 },
    }),
    // Service: Lambda
    r("aws:iam/role:Role", "api-role", "api", { assumeRolePolicy: "{}" }),
    r("aws:iam/rolePolicy:RolePolicy", "api-policy", "api", {
      role: "[unknown]",
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: [ARNS.dbSecret] },
        ],
      }),
    }),
    r("aws:cloudwatch/logGroup:LogGroup", "api-logs", "api", {
      retentionInDays: prod ? 365 : 30,
      kmsKeyId: ARNS.dataKey,
    }),
    r("aws:lambda/function:Function", "api", "api", {
      name: `acme-${env}-api`,
      packageType: "Image",
      imageUri: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/acme/api:1.2.3`,
      role: "[unknown]",
      memorySize: 512,
      timeout: 30,
      architectures: ["arm64"],
      reservedConcurrentExecutions: prod ? 50 : 5,
      tracingConfig: { mode: "Active" },
      loggingConfig: { logFormat: "JSON", logGroup: "[unknown]" },
      kmsKeyArn: ARNS.dataKey,
      environment: { variables: { DB_SECRET_ARN: ARNS.dbSecret, APP_ENV: env } },
      vpcConfig: { subnetIds: subnets, securityGroupIds: ["[unknown]"] },
      ...(dev ? {} : { deadLetterConfig: { targetArn: ARNS.alerts } }),
      publish: true,
      tags: tags(env, "service"),
    }),
    r("aws:lambda/alias:Alias", "api-live", "api", {
      functionName: `acme-${env}-api`,
      functionVersion: "[unknown]",
      name: "live",
    }),
    r("aws:lambda/functionUrl:FunctionUrl", "api-url", "api", {
      functionName: `acme-${env}-api`,
      authorizationType: "AWS_IAM",
      qualifier: "live",
    }),
    r("aws:lambda/permission:Permission", "api-url-invoke", "api", {
      action: "lambda:InvokeFunctionUrl",
      function: `acme-${env}-api`,
      principal: `arn:aws:iam::${ACCOUNT}:role/acme-frontend`,
      functionUrlAuthType: "AWS_IAM",
    }),
    // Budget
    r("aws:sns/topic:Topic", "budget-topic", "budget", { kmsMasterKeyId: ARNS.dataKey }),
    r("aws:sns/topicPolicy:TopicPolicy", "budget-topic-policy", "budget", { arn: "[unknown]", policy: "{}" }),
    r("aws:sns/topicSubscription:TopicSubscription", "budget-email", "budget", {
      topic: "[unknown]",
      protocol: "email",
      endpoint: "ops@acme.example",
    }),
    r("aws:budgets/budget:Budget", "budget", "budget", {
      budgetType: "COST",
      limitAmount: dev ? "10" : "500",
      limitUnit: "USD",
      timeUnit: "MONTHLY",
      notifications: [
        {
          comparisonOperator: "GREATER_THAN",
          threshold: 80,
          thresholdType: "PERCENTAGE",
          notificationType: "ACTUAL",
        },
      ],
    }),
    // Observability
    r("aws:sns/topic:Topic", "obs-alerts", "obs", { kmsMasterKeyId: ARNS.dataKey }),
    r("aws:sns/topicSubscription:TopicSubscription", "obs-email", "obs", {
      topic: "[unknown]",
      protocol: "email",
      endpoint: "ops@acme.example",
    }),
    ...["errors", "throttles", "duration-p95", "url-5xx", "db-cpu", "db-connections"].map((n) =>
      r("aws:cloudwatch/metricAlarm:MetricAlarm", `obs-${n}`, "obs", alarm(n)),
    ),
    r("aws:route53/healthCheck:HealthCheck", "obs-uptime", "obs", {
      type: "HTTPS",
      fqdn: "abc.lambda-url.us-east-1.on.aws",
      resourcePath: "/healthz",
      requestInterval: 30,
      failureThreshold: 3,
    }),
    r("aws:cloudwatch/metricAlarm:MetricAlarm", "obs-uptime-alarm", "obs", alarm("uptime")),
    r("aws:cloudwatch/dashboard:Dashboard", "obs-dashboard", "obs", {
      dashboardName: `acme-${env}`,
      dashboardBody: "{}",
    }),
    r("aws:s3/bucketV2:BucketV2", "obs-trail-bucket", "obs", { forceDestroy: false }),
    r("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "obs-trail-bucket-pab", "obs", {
      bucket: "[unknown]",
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    }),
    r("aws:cloudwatch/logGroup:LogGroup", "obs-trail-logs", "obs", {
      retentionInDays: 365,
      kmsKeyId: ARNS.dataKey,
    }),
    r("aws:cloudtrail/trail:Trail", "obs-trail", "obs", {
      s3BucketName: "[unknown]",
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      kmsKeyId: ARNS.dataKey,
      cloudWatchLogsGroupArn: "[unknown]",
      cloudWatchLogsRoleArn: "[unknown]",
    }),
    ...Object.values(CIS_AWS_ALARMS).flatMap((c) => [
      r("aws:cloudwatch/logMetricFilter:LogMetricFilter", `obs-cis-${c.metric}`, "obs", {
        logGroupName: "[unknown]",
        pattern: c.pattern,
        metricTransformation: { name: c.metric, namespace: "CISBenchmark", value: "1" },
      }),
      r("aws:cloudwatch/metricAlarm:MetricAlarm", `obs-cis-${c.metric}-alarm`, "obs", {
        metricName: c.metric,
        namespace: "CISBenchmark",
        statistic: "Sum",
        period: 300,
        evaluationPeriods: 1,
        threshold: 1,
        comparisonOperator: "GreaterThanOrEqualToThreshold",
        alarmActions: [ARNS.alerts],
        treatMissingData: "notBreaching",
      }),
    ]),
  ];
  if (!dev) out.push(...cacheAndExtras(profile, stack, subnets, prod));
  return out;
}

function alarm(name: string): Record<string, unknown> {
  return {
    metricName: name,
    namespace: "AWS/Lambda",
    statistic: "Sum",
    period: 60,
    evaluationPeriods: 5,
    threshold: 1,
    comparisonOperator: "GreaterThanOrEqualToThreshold",
    alarmActions: [ARNS.alerts],
    okActions: [ARNS.alerts],
    alarmDescription: `What to check first: ${name}`,
  };
}

/** Staging/prod only: Valkey, its AUTH secret, interface endpoints, provisioned concurrency (prod). */
function cacheAndExtras(profile: Profile, stack: string, subnets: string[], prod: boolean): GuardResource[] {
  const r = (type: string, name: string, component: string, inputs: Record<string, unknown>) =>
    awsRes(type, name, inputs, { component, stack, protect: false });
  return [
    r("aws:elasticache/subnetGroup:SubnetGroup", "cache-subnets", "cache", { subnetIds: subnets }),
    r("aws:ec2/securityGroup:SecurityGroup", "cache-sg", "cache", {
      vpcId: "[unknown]",
      ingress: [{ protocol: "tcp", fromPort: 6379, toPort: 6379, securityGroups: ["[unknown]"] }],
      egress: [],
    }),
    r("aws:secretsmanager/secret:Secret", "cache-auth", "cache", {
      kmsKeyId: ARNS.dataKey,
      recoveryWindowInDays: 30,
    }),
    r("aws:secretsmanager/secretRotation:SecretRotation", "cache-auth-rotation", "cache", {
      secretId: "[unknown]",
      rotationLambdaArn: ARNS.rotation,
      rotationRules: { automaticallyAfterDays: 30 },
    }),
    r("aws:elasticache/replicationGroup:ReplicationGroup", "cache", "cache", {
      description: "cache",
      engine: "valkey",
      engineVersion: "8.0",
      nodeType: "cache.t4g.micro",
      numCacheClusters: 2,
      automaticFailoverEnabled: true,
      multiAzEnabled: true,
      transitEncryptionEnabled: true,
      transitEncryptionMode: "required",
      atRestEncryptionEnabled: true,
      kmsKeyId: ARNS.dataKey,
      authTokenWo: "[secret]",
      snapshotRetentionLimit: 7,
      snapshotWindow: "04:00-05:00",
      maintenanceWindow: "sun:05:00-sun:06:00",
      autoMinorVersionUpgrade: true,
      subnetGroupName: "[unknown]",
      securityGroupIds: ["[unknown]"],
      finalSnapshotIdentifier: `acme-${profile}-cache-final`,
    }),
    ...["secretsmanager", "kms"].map((svc) =>
      r("aws:ec2/vpcEndpoint:VpcEndpoint", `net-${svc}`, "net", {
        vpcId: "[unknown]",
        serviceName: `com.amazonaws.${REGION}.${svc}`,
        vpcEndpointType: "Interface",
        subnetIds: subnets,
        privateDnsEnabled: true,
      }),
    ),
    ...(prod
      ? [
          r("aws:lambda/provisionedConcurrencyConfig:ProvisionedConcurrencyConfig", "api-warm", "api", {
            functionName: `acme-${profile}-api`,
            qualifier: "live",
            provisionedConcurrentExecutions: 1,
          }),
        ]
      : []),
  ];
}
