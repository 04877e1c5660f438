import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { accountIdOf, assumeRolePolicy, createAwsSecret } from "../shared/aws";
import { platformTags } from "../shared/labels";
import type { Link, Linkable } from "../shared/link";
import { childName, physicalName } from "../shared/naming";
import { transform } from "../shared/transform";
import { normalizeAwsPostgres, type AwsPostgresSpec, type AwsPostgresWithBackupsArgs } from "./aws-spec";
import { POSTGRES_TYPE } from "./gcp";

/**
 * AWS's single-user PostgreSQL rotation function in the Serverless Application Repository (the id
 * in @pulumi/aws's serverlessrepository.CloudFormationStack example). It changes the master
 * password in place (ALTER USER), which replicas and Aurora readers pick up with the rest of the
 * catalog.
 */
export const POSTGRES_ROTATION_APP =
  "arn:aws:serverlessrepo:us-east-1:297356227824:applications/SecretsManagerRDSPostgreSQLRotationSingleUser";

/** The master user (its password lives only in Secrets Manager). */
export const MASTER_USER = "platform_admin";

/**
 * PostgresWithBackups on AWS, safe by default, in one of two shapes:
 *
 * - `rds`: an RDS PostgreSQL instance (gp3, autoscaling storage), Multi-AZ standby with
 *   `highAvailability`, read replicas;
 * - `aurora-serverless`: an Aurora PostgreSQL Serverless v2 cluster that can pause at 0 ACU (the
 *   cheap dev database; resuming takes about 15 s), readers for HA and replicas, and the Data API
 *   so a Lambda outside the VPC can query it with IAM and the secret.
 *
 * Both: automated backups with PITR (retention 1–35 days, windows), deletion protection, a final
 * snapshot, copy tags to snapshots, CMK encryption of storage, Performance Insights, secret and
 * logs, a parameter group with the CIS logging parameters and `rds.force_ssl=1`, not publicly
 * accessible, a security group with no rule until a linked service opens its port, IAM database
 * authentication, Enhanced Monitoring and PostgreSQL logs in a CMK-encrypted log group with
 * retention.
 *
 * ### Password and replicas (aws-anchors §0.5)
 * RDS-managed master passwords (`manageMasterUserPassword`) cannot coexist with read replicas and
 * rotate every 7 days unannounced. So the master password is generated here, stored in our own
 * Secrets Manager secret (JSON in the shape AWS's rotation functions expect: engine, host, port,
 * username, password, dbname), and rotated by `aws.secretsmanager.SecretRotation` with `rotation`:
 * AWS's SecretsManagerRDSPostgreSQLRotationSingleUser (Serverless Application Repository) in the
 * private subnets, reaching only PostgreSQL and the Secrets Manager interface endpoint, or a
 * function of your own (`rotation.lambdaArn`). Replicas and Aurora readers share the primary's
 * credentials (ALTER USER replicates), so rotation keeps working with them. Once rotation is on,
 * the secret version's value is ignored after creation, so an `up` never writes the first
 * password back over a rotated one. Applications should connect as the IAM-authenticated `userName` (granted
 * `rds_iam` by a migration): the linked service gets `rds-db:connect` on exactly that user.
 *
 * ### Cost
 * RDS db.t4g.micro Single-AZ $0.016/h ≈ $11.68/month (+ gp3 $0.115/GB-month, doubled Multi-AZ);
 * Aurora Serverless v2 $0.12/ACU-hour, **$0 while paused** (storage $0.10/GB-month, I/O
 * $0.20/million); the secret $0.40/month; Performance Insights 7 days free.
 *
 * @example
 * ```ts
 * const db = new AwsPostgresWithBackups("db", {
 *   ctx,
 *   network: { vpcId: net.vpcId, subnetIds: net.subnetIds },
 *   engine: "rds",
 *   instanceClass: "db.r6g.large",
 *   readReplicas: 1,
 *   kmsKeyArn: kms.keyArns["data"],
 * });
 * ```
 */
export class AwsPostgresWithBackups extends pulumi.ComponentResource implements Linkable {
  /** Writer endpoint host. */
  public readonly host: pulumi.Output<string>;
  /** Reader endpoint host (Aurora), or the first replica's address; the writer when there is none. */
  public readonly readerHost: pulumi.Output<string>;
  public readonly port: pulumi.Output<number>;
  /** Instance identifier (rds) or cluster identifier (Aurora). */
  public readonly identifier: string;
  /** ARN of the instance or cluster. */
  public readonly arn: pulumi.Output<string>;
  /** `db-…` / `cluster-…` resource id, used in `rds-db:connect` ARNs. */
  public readonly resourceId: pulumi.Output<string>;
  /** Secrets Manager secret (JSON) holding the master credentials. */
  public readonly secretArn: pulumi.Output<string>;
  /** The database's security group; linked services add their ingress rule to it. */
  public readonly securityGroupId: pulumi.Output<string>;
  /** Replica instance identifiers (rds) or reader instance identifiers (Aurora). */
  public readonly replicaIdentifiers: readonly string[];
  public readonly spec: AwsPostgresSpec;
  private readonly account: pulumi.Output<string>;
  private readonly region: string;
  private readonly children: Record<string, pulumi.Resource | pulumi.Resource[]>;

  constructor(name: string, args: AwsPostgresWithBackupsArgs, opts?: pulumi.ComponentResourceOptions) {
    super(POSTGRES_TYPE, name, {}, opts);
    const ctx = args.ctx;
    const spec = normalizeAwsPostgres(name, args);
    const parent = this;
    const tags = platformTags(ctx, "postgres");
    const protect = spec.deletionProtection;
    const id = physicalName([ctx.app, ctx.env, name], { maxLength: 50 });
    const aurora = spec.engine === "aurora-serverless";
    const kms = args.kmsKeyArn;
    const account = accountIdOf(ctx, this);

    const subnetGroup = new aws.rds.SubnetGroup(
      childName(name, "subnets"),
      { name: id, description: `Private subnets of ${id}`, subnetIds: [...args.network.subnetIds], tags },
      { parent },
    );
    const sg = new aws.ec2.SecurityGroup(
      ...transform(
        args.transform?.securityGroup,
        childName(name, "sg"),
        {
          name: `${id}-postgres`,
          description: `PostgreSQL ${id}: ingress only from linked services`,
          vpcId: args.network.vpcId,
          // No inline rules: linked services add theirs as separate rules (inline rules would remove them);
          // the provider also removes AWS's default allow-all egress rule.
          tags,
        },
        { parent },
      ),
    );
    const params = spec.parameters.map((p) => ({
      name: p.name,
      value: p.value,
      applyMethod: p.applyMethod ?? "immediate",
    }));
    const parameterGroup = aurora
      ? new aws.rds.ClusterParameterGroup(
          childName(name, "params"),
          {
            name: id,
            family: spec.family,
            description: `CIS logging + TLS for ${id}`,
            parameters: params,
            tags,
          },
          { parent },
        )
      : new aws.rds.ParameterGroup(
          childName(name, "params"),
          {
            name: id,
            family: spec.family,
            description: `CIS logging + TLS for ${id}`,
            parameters: params,
            tags,
          },
          { parent },
        );
    // Created first so RDS writes into a group with retention and the CMK (it would otherwise create one that never expires).
    const logGroup = new aws.cloudwatch.LogGroup(
      childName(name, "logs"),
      {
        name: `/aws/rds/${aurora ? "cluster" : "instance"}/${id}/postgresql`,
        retentionInDays: spec.logRetentionDays,
        ...(kms !== undefined ? { kmsKeyId: kms } : {}),
        tags,
      },
      { parent },
    );
    const monitoringRole = spec.monitoringIntervalSeconds > 0 ? createMonitoringRole() : undefined;
    const password = new random.RandomPassword(
      ...transform(
        args.transform?.password,
        childName(name, "password"),
        // RDS refuses '/', '@', '"' and spaces in master passwords.
        {
          length: 32,
          special: true,
          overrideSpecial: "-_.~!#",
          minLower: 2,
          minUpper: 2,
          minNumeric: 2,
          minSpecial: 1,
        },
        { parent },
      ),
    );
    const common = {
      storageEncrypted: true,
      ...(kms !== undefined ? { kmsKeyId: kms } : {}),
      deletionProtection: spec.deletionProtection,
      skipFinalSnapshot: false,
      finalSnapshotIdentifier: `${id}-final`,
      copyTagsToSnapshot: true,
      iamDatabaseAuthenticationEnabled: spec.iamAuth,
      vpcSecurityGroupIds: [sg.id],
      dbSubnetGroupName: subnetGroup.name,
      tags,
    };
    const monitoring = {
      performanceInsightsEnabled: spec.performanceInsights,
      ...(spec.performanceInsights ? { performanceInsightsRetentionPeriod: 7 } : {}),
      ...(spec.performanceInsights && kms !== undefined ? { performanceInsightsKmsKeyId: kms } : {}),
      monitoringInterval: spec.monitoringIntervalSeconds,
      ...(monitoringRole ? { monitoringRoleArn: monitoringRole.arn } : {}),
      autoMinorVersionUpgrade: true,
    };

    let host: pulumi.Output<string>;
    let readerHost: pulumi.Output<string>;
    let port: pulumi.Output<number>;
    let arn: pulumi.Output<string>;
    let resourceId: pulumi.Output<string>;
    const replicaIds: string[] = [];
    const instances: pulumi.Resource[] = [];
    if (aurora) {
      const cluster = new aws.rds.Cluster(
        ...transform(
          args.transform?.cluster,
          childName(name, "cluster"),
          {
            ...common,
            clusterIdentifier: id,
            engine: "aurora-postgresql",
            engineMode: "provisioned",
            engineVersion: spec.engineVersion,
            databaseName: spec.databaseName,
            masterUsername: MASTER_USER,
            masterPassword: password.result,
            dbClusterParameterGroupName: parameterGroup.name,
            backupRetentionPeriod: spec.retentionDays,
            preferredBackupWindow: spec.backupWindow,
            preferredMaintenanceWindow: spec.maintenanceWindow,
            enabledCloudwatchLogsExports: ["postgresql"],
            enableHttpEndpoint: spec.dataApi,
            serverlessv2ScalingConfiguration: {
              minCapacity: spec.serverless.minCapacity,
              maxCapacity: spec.serverless.maxCapacity,
              ...(spec.serverless.minCapacity === 0
                ? { secondsUntilAutoPause: spec.serverless.secondsUntilAutoPause }
                : {}),
            },
          },
          { parent, protect, dependsOn: [logGroup] },
        ),
      );
      // Writer + one reader for HA + the read replicas; readers take over in the order of promotionTier.
      const count = 1 + (spec.highAvailability ? 1 : 0) + spec.readReplicas;
      for (let i = 0; i < count; i++) {
        const instanceId = `${id}-${i}`;
        if (i > 0) replicaIds.push(instanceId);
        instances.push(
          new aws.rds.ClusterInstance(
            ...transform(
              args.transform?.clusterInstance,
              childName(name, "instance", String(i)),
              {
                identifier: instanceId,
                clusterIdentifier: cluster.id,
                engine: "aurora-postgresql",
                engineVersion: spec.engineVersion,
                instanceClass: "db.serverless",
                publiclyAccessible: false,
                promotionTier: i === 0 ? 0 : i === 1 && spec.highAvailability ? 1 : 15,
                dbSubnetGroupName: subnetGroup.name,
                copyTagsToSnapshot: true,
                ...monitoring,
                tags: { ...tags, role: i === 0 ? "writer" : "reader" },
              },
              { parent, protect },
            ),
          ),
        );
      }
      host = cluster.endpoint;
      readerHost = count > 1 ? cluster.readerEndpoint : cluster.endpoint;
      port = cluster.port;
      arn = cluster.arn;
      resourceId = cluster.clusterResourceId;
      instances.unshift(cluster);
    } else {
      const instance = new aws.rds.Instance(
        ...transform(
          args.transform?.instance,
          childName(name, "instance"),
          {
            ...common,
            ...monitoring,
            identifier: id,
            engine: "postgres",
            engineVersion: spec.engineVersion,
            instanceClass: spec.instanceClass,
            allocatedStorage: spec.diskSizeGb,
            maxAllocatedStorage: spec.diskSizeGb * 10,
            storageType: "gp3",
            multiAz: spec.highAvailability,
            dbName: spec.databaseName,
            username: MASTER_USER,
            password: password.result,
            parameterGroupName: parameterGroup.name,
            publiclyAccessible: false,
            backupRetentionPeriod: spec.retentionDays,
            backupWindow: spec.backupWindow,
            maintenanceWindow: spec.maintenanceWindow,
            deleteAutomatedBackups: false,
            enabledCloudwatchLogsExports: ["postgresql", "upgrade"],
            caCertIdentifier: "rds-ca-rsa2048-g1",
          },
          { parent, protect, dependsOn: [logGroup] },
        ),
      );
      const replicas = Array.from({ length: spec.readReplicas }, (_, i) => {
        const replicaId = `${id}-replica-${i}`;
        replicaIds.push(replicaId);
        return new aws.rds.Instance(
          ...transform(
            args.transform?.replica,
            childName(name, "replica", String(i)),
            {
              identifier: replicaId,
              replicateSourceDb: instance.identifier,
              instanceClass: spec.instanceClass,
              storageType: "gp3",
              storageEncrypted: true,
              ...(kms !== undefined ? { kmsKeyId: kms } : {}),
              ...monitoring,
              parameterGroupName: parameterGroup.name,
              vpcSecurityGroupIds: [sg.id],
              publiclyAccessible: false,
              iamDatabaseAuthenticationEnabled: spec.iamAuth,
              deletionProtection: spec.deletionProtection,
              // A replica holds no data of its own: the primary's final snapshot covers it.
              skipFinalSnapshot: true,
              copyTagsToSnapshot: true,
              backupRetentionPeriod: 0,
              maintenanceWindow: spec.maintenanceWindow,
              enabledCloudwatchLogsExports: ["postgresql", "upgrade"],
              caCertIdentifier: "rds-ca-rsa2048-g1",
              tags: { ...tags, role: "replica" },
            },
            { parent, protect },
          ),
        );
      });
      host = instance.address;
      readerHost = replicas[0] ? replicas[0].address : instance.address;
      port = instance.port;
      arn = instance.arn;
      resourceId = instance.resourceId;
      instances.push(instance, ...replicas);
    }

    const secretJson = pulumi.all([host, port, password.result]).apply(([h, p, pw]) =>
      JSON.stringify({
        engine: "postgres",
        host: h,
        port: p,
        username: MASTER_USER,
        password: pw,
        dbname: spec.databaseName,
      }),
    );
    const { secret } = createAwsSecret({
      ctx,
      owner: name,
      role: "master",
      data: secretJson,
      tags,
      ...(kms !== undefined ? { kmsKeyArn: kms } : {}),
      protect,
      rotated: args.rotation !== undefined,
      parent,
      ...(args.transform?.secret ? { transform: { secret: args.transform.secret } } : {}),
    });
    const rotation = args.rotation ? createRotation(args.rotation) : undefined;

    this.spec = spec;
    this.identifier = id;
    this.host = host;
    this.readerHost = readerHost;
    this.port = port;
    this.arn = arn;
    this.resourceId = resourceId;
    this.secretArn = secret.arn;
    this.securityGroupId = sg.id;
    this.replicaIdentifiers = replicaIds;
    this.account = account;
    this.region = ctx.region;
    this.children = {
      subnetGroup,
      sg,
      parameterGroup,
      logGroup,
      instances,
      secret,
      ...(rotation ? { rotation: rotation.rotation } : {}),
      ...(rotation?.rotator ? { rotator: rotation.rotator } : {}),
    };
    this.registerOutputs({ host, readerHost, port, arn, secretArn: this.secretArn });

    function createRotation(r: NonNullable<AwsPostgresWithBackupsArgs["rotation"]>): {
      rotation: aws.secretsmanager.SecretRotation;
      rotator?: aws.serverlessrepository.CloudFormationStack;
    } {
      let lambdaArn: pulumi.Input<string>;
      let rotator: aws.serverlessrepository.CloudFormationStack | undefined;
      if (r.lambdaArn !== undefined) lambdaArn = r.lambdaArn;
      else {
        const fnName = physicalName([id, "rotator"], { maxLength: 64 });
        const rotSg = new aws.ec2.SecurityGroup(
          childName(name, "rotation-sg"),
          {
            name: `${id}-rotation`,
            description: `Rotation function of ${id}: PostgreSQL and the Secrets Manager endpoint only`,
            vpcId: args.network.vpcId,
            tags,
          },
          { parent },
        );
        const rule = (kind: "to" | "from", key: string, a: aws.vpc.SecurityGroupIngressRuleArgs) =>
          kind === "to"
            ? new aws.vpc.SecurityGroupEgressRule(childName(name, "rotation", key), a, { parent })
            : new aws.vpc.SecurityGroupIngressRule(childName(name, "rotation", key), a, { parent });
        const pg = { ipProtocol: "tcp", fromPort: 5432, toPort: 5432, tags };
        rule("to", "to-db", {
          ...pg,
          securityGroupId: rotSg.id,
          referencedSecurityGroupId: sg.id,
          description: "to PostgreSQL",
        });
        rule("from", "db-from", {
          ...pg,
          securityGroupId: sg.id,
          referencedSecurityGroupId: rotSg.id,
          description: "from the rotation function",
        });
        if (r.endpointSecurityGroupId !== undefined)
          rule("to", "to-endpoints", {
            ipProtocol: "tcp",
            fromPort: 443,
            toPort: 443,
            securityGroupId: rotSg.id,
            referencedSecurityGroupId: r.endpointSecurityGroupId,
            description: "HTTPS to the Secrets Manager endpoint",
            tags,
          });
        rotator = new aws.serverlessrepository.CloudFormationStack(
          childName(name, "rotator"),
          {
            name: fnName,
            applicationId: POSTGRES_ROTATION_APP,
            capabilities: ["CAPABILITY_IAM", "CAPABILITY_RESOURCE_POLICY"],
            parameters: {
              functionName: fnName,
              endpoint: `https://secretsmanager.${ctx.region}.amazonaws.com`,
              vpcSubnetIds: pulumi.output(args.network.subnetIds).apply((ids) => ids.join(",")),
              vpcSecurityGroupIds: rotSg.id,
              ...(kms !== undefined ? { kmsKeyArn: kms } : {}),
            },
            tags,
          },
          { parent },
        );
        // The application names its function after functionName: the ARN follows (and waits for the stack).
        lambdaArn = pulumi
          .all([account, rotator.id])
          .apply(([acct]) => `arn:aws:lambda:${ctx.region}:${acct}:function:${fnName}`);
      }
      const rotation = new aws.secretsmanager.SecretRotation(
        childName(name, "master-rotation"),
        {
          secretId: secret.id,
          rotationLambdaArn: lambdaArn,
          rotationRules: { automaticallyAfterDays: r.days ?? 30 },
          // The first rotation waits a period: replicas may still be creating on the first up.
          rotateImmediately: false,
        },
        { parent },
      );
      return { rotation, ...(rotator ? { rotator } : {}) };
    }

    function createMonitoringRole(): aws.iam.Role {
      const role = new aws.iam.Role(
        childName(name, "monitoring-role"),
        {
          name: physicalName([id, "rds-monitoring"], { maxLength: 64 }),
          assumeRolePolicy: assumeRolePolicy("monitoring.rds.amazonaws.com", account),
          tags,
        },
        { parent },
      );
      new aws.iam.RolePolicyAttachment(
        childName(name, "monitoring-policy"),
        {
          role: role.name,
          policyArn: "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole",
        },
        { parent },
      );
      return role;
    }
  }

  /**
   * What a linked service gets: DB_HOST/DB_PORT/DB_NAME/DB_USER, the master secret by ARN
   * (`DB_SECRET_ID`, read at run time), `rds-db:connect` on exactly `userName`, and either the
   * Data API on exactly this cluster (Aurora: no VPC needed) or an ingress rule on port 5432.
   */
  getLink(): Link {
    const dbUser = pulumi.interpolate`arn:aws:rds-db:${this.region}:${this.account}:dbuser:${this.resourceId}/${this.spec.userName}`;
    return {
      env: {
        DB_HOST: this.host,
        DB_PORT: this.port.apply(String),
        DB_NAME: this.spec.databaseName,
        DB_USER: this.spec.userName,
        ...(this.spec.dataApi ? { DB_CLUSTER_ARN: this.arn } : {}),
      },
      secretEnv: { DB: this.secretArn },
      secretIds: [this.secretArn],
      statements: [
        ...(this.spec.iamAuth ? [{ actions: ["rds-db:connect"], resources: [dbUser] }] : []),
        ...(this.spec.dataApi
          ? [
              {
                actions: [
                  "rds-data:ExecuteStatement",
                  "rds-data:BatchExecuteStatement",
                  "rds-data:BeginTransaction",
                  "rds-data:CommitTransaction",
                  "rds-data:RollbackTransaction",
                ],
                resources: [this.arn],
              },
            ]
          : []),
      ],
      ...(this.spec.dataApi
        ? {}
        : { privateEndpoints: [{ securityGroupId: this.securityGroupId, port: 5432, name: "postgres" }] }),
    };
  }

  /** Raw children, an escape hatch for wiring this library does not cover. */
  public get nodes() {
    return this.children;
  }
}
