import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import {
  accountIdOf,
  assumeRolePolicy,
  KMS_GRANT_OPERATIONS,
  policyJson,
  type PolicyStatement,
} from "../shared/aws";
import { platformTags, PUBLIC_LABEL } from "../shared/labels";
import { childName, physicalName } from "../shared/naming";
import { afterAll } from "../shared/outputs";
import { transform } from "../shared/transform";
import {
  AWS_SERVICE_DEFAULTS,
  normalizeAwsService,
  type AwsCloudRunServiceArgs,
  type AwsServiceSpec,
} from "./aws-spec";
import { CLOUD_RUN_SERVICE_TYPE } from "./gcp";

/** AWS-managed policies the role may get, each only where no narrower grant exists. */
export const LAMBDA_MANAGED_POLICIES = {
  // X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions.
  xray: "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess",
  // ENI management (ec2:CreateNetworkInterface, Describe*) supports no narrower resource.
  vpc: "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",
} as const;

/**
 * The CloudRunService concept on AWS Lambda: a container-image function that scales to zero,
 * behind a Function URL (AWS_IAM auth unless `public`) on the `live` alias.
 *
 * - Concurrency: reserved concurrency = `maxInstances` (CKV_AWS_115); provisioned concurrency =
 *   `minInstances` on the alias (removes cold starts, billed all month).
 * - Identity: a dedicated role whose inline policy names exactly the linked secrets, the
 *   Data API cluster and `rds-db:connect` user, its own log group; KMS keys through KMS grants on
 *   exactly the linked keys (encrypt/decrypt or sign/verify). X-Ray and VPC ENI management use the
 *   AWS-managed policies because those APIs have no resource-level permissions.
 * - Secrets: never values in env vars. A linked secret becomes `<NAME>_SECRET_ID` (its ARN),
 *   read at run time with GetSecretValue or the Parameters and Secrets Lambda extension.
 * - Network: the function joins the VPC only when a link points at a private endpoint (RDS,
 *   ElastiCache); then its security group gets egress to exactly those groups/ports (and HTTPS to
 *   the Secrets Manager endpoint), and each target gets one ingress rule from it.
 * - Logs in a log group with retention and the CMK, JSON format; X-Ray active tracing.
 * - Canary: `canary.percent` of requests go to the version published from `image`, the rest to
 *   `canary.stableVersion` (alias routing). Promote by removing `canary` (the alias moves to the
 *   latest version); roll back by removing `canary` and setting `image` to the stable image.
 *
 * ### Cost
 * Idle: **$0**. Requests $0.20/million; arm64 $0.0000133334 per GB-second (x86 $0.0000166667).
 * Provisioned concurrency ≈ $0.0000041667 per GB-second all month (1 GB × 1 ≈ $10.95/month).
 * Logs $0.50/GB ingested.
 *
 * @example
 * ```ts
 * const api = new AwsCloudRunService("api", {
 *   ctx,
 *   image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/api:1.4.2",
 *   memory: "1Gi",
 *   maxInstances: 20,
 *   network: { vpcId: net.vpcId, subnetIds: net.subnetIds, endpointSecurityGroupId: net.endpointSecurityGroupId },
 *   link: [db, cache, kmsLink(kms, "data")],
 * });
 * export const url = api.url;
 * ```
 */
export class AwsCloudRunService extends pulumi.ComponentResource {
  /** Function URL of the live alias; resolves after the invoke permissions exist. */
  public readonly url: pulumi.Output<string>;
  /** Function name (the CloudWatch `FunctionName` dimension). */
  public readonly serviceName: pulumi.Output<string>;
  /** Execution role ARN; resolves after its policies and grants exist. */
  public readonly roleArn: pulumi.Output<string>;
  /** Alias name traffic goes through (`live`). */
  public readonly aliasName: string;
  public readonly spec: AwsServiceSpec;
  private readonly children: Record<string, pulumi.Resource | pulumi.Resource[]>;

  constructor(name: string, args: AwsCloudRunServiceArgs, opts?: pulumi.ComponentResourceOptions) {
    super(CLOUD_RUN_SERVICE_TYPE, name, {}, opts);
    const ctx = args.ctx;
    const account = accountIdOf(ctx, this);
    const spec = normalizeAwsService(name, args, account);
    const parent = this;
    const tags = platformTags(ctx, "lambda", spec.public ? { [PUBLIC_LABEL.key]: PUBLIC_LABEL.value } : {});
    const inVpc = spec.privateEndpoints.length > 0;
    const kms = args.kmsKeyArn;

    const role = new aws.iam.Role(
      ...transform(
        args.transform?.role,
        childName(name, "role"),
        {
          name: physicalName([spec.functionName, "run"], { maxLength: 64 }),
          description: `Runtime identity of Lambda ${spec.functionName}; least privilege, granted by the platform`,
          assumeRolePolicy: assumeRolePolicy("lambda.amazonaws.com", account),
          tags,
        },
        { parent },
      ),
    );
    const logGroup = new aws.cloudwatch.LogGroup(
      ...transform(
        args.transform?.logGroup,
        childName(name, "logs"),
        {
          name: `/aws/lambda/${spec.functionName}`,
          retentionInDays: spec.logRetentionDays,
          ...(kms !== undefined ? { kmsKeyId: kms } : {}),
          tags,
        },
        { parent },
      ),
    );
    const statements: PolicyStatement[] = [
      {
        Sid: "OwnLogs",
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
        Resource: [pulumi.interpolate`${logGroup.arn}:*`],
      },
      ...(spec.secretArns.length > 0
        ? [
            {
              Sid: "LinkedSecrets",
              Effect: "Allow" as const,
              Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
              Resource: [...spec.secretArns],
            },
          ]
        : []),
      ...spec.statements.map((st, i) => ({
        Sid: `Linked${i}`,
        Effect: "Allow" as const,
        Action: [...st.actions],
        Resource: [...st.resources],
      })),
    ];
    const policy = new aws.iam.RolePolicy(
      childName(name, "access"),
      { role: role.id, policy: policyJson(statements) },
      { parent },
    );
    const attachments = [
      ...(spec.tracing ? [["xray", LAMBDA_MANAGED_POLICIES.xray] as const] : []),
      ...(inVpc ? [["vpc", LAMBDA_MANAGED_POLICIES.vpc] as const] : []),
    ].map(
      ([key, arn]) =>
        new aws.iam.RolePolicyAttachment(
          childName(name, key),
          { role: role.name, policyArn: arn },
          { parent },
        ),
    );
    const grants = [
      ...spec.kmsKeys.map((k, i) => createGrant(`kms-${i}`, k, KMS_GRANT_OPERATIONS.encrypt)),
      ...spec.kmsSigningKeys.map((k, i) => createGrant(`kms-signer-${i}`, k, KMS_GRANT_OPERATIONS.sign)),
    ];
    const securityGroup = inVpc ? createNetworkAccess() : undefined;

    const fn = new aws.lambda.Function(
      ...transform(
        args.transform?.function,
        childName(name, "function"),
        {
          name: spec.functionName,
          description: `${ctx.app} ${name} (${ctx.env}), managed by the platform`,
          packageType: "Image",
          imageUri: args.image,
          role: role.arn,
          architectures: [spec.architecture],
          memorySize: spec.memoryMb,
          timeout: spec.timeoutSeconds,
          reservedConcurrentExecutions: spec.maxInstances,
          publish: true,
          ...(spec.env.length > 0
            ? { environment: { variables: Object.fromEntries(spec.env.map((e) => [e.name, e.value])) } }
            : {}),
          ...(kms !== undefined ? { kmsKeyArn: kms } : {}),
          tracingConfig: { mode: spec.tracing ? "Active" : "PassThrough" },
          loggingConfig: { logFormat: "JSON", logGroup: logGroup.name },
          ...(securityGroup
            ? { vpcConfig: { subnetIds: [...args.network!.subnetIds], securityGroupIds: [securityGroup.id] } }
            : {}),
          tags,
        },
        // The role must be able to read what the first invocation reads.
        { parent, dependsOn: [policy, ...attachments, ...grants, logGroup] },
      ),
    );
    const alias = new aws.lambda.Alias(
      ...transform(
        args.transform?.alias,
        childName(name, "alias"),
        {
          name: AWS_SERVICE_DEFAULTS.aliasName,
          functionName: fn.name,
          functionVersion: spec.canary ? spec.canary.stableVersion : fn.version,
          ...(spec.canary
            ? {
                routingConfig: {
                  additionalVersionWeights: fn.version.apply((v) => ({ [v]: spec.canary!.percent / 100 })),
                },
              }
            : {}),
        },
        { parent },
      ),
    );
    const provisioned =
      spec.minInstances > 0
        ? new aws.lambda.ProvisionedConcurrencyConfig(
            childName(name, "provisioned"),
            {
              functionName: fn.name,
              qualifier: alias.name,
              provisionedConcurrentExecutions: spec.minInstances,
            },
            { parent },
          )
        : undefined;
    const url = new aws.lambda.FunctionUrl(
      ...transform(
        args.transform?.functionUrl,
        childName(name, "url"),
        {
          functionName: fn.name,
          qualifier: alias.name,
          authorizationType: spec.public ? "NONE" : "AWS_IAM",
          invokeMode: "BUFFERED",
        },
        { parent },
      ),
    );
    const permissions = createInvokePermissions(alias);

    this.spec = spec;
    this.aliasName = AWS_SERVICE_DEFAULTS.aliasName;
    this.serviceName = fn.name;
    this.url = afterAll(url.functionUrl, permissions);
    this.roleArn = afterAll(role.arn, [policy, ...attachments, ...grants]);
    this.children = {
      role,
      policy,
      logGroup,
      grants,
      fn,
      alias,
      url,
      permissions,
      ...(securityGroup ? { securityGroup } : {}),
      ...(provisioned ? { provisioned } : {}),
    };
    this.registerOutputs({ url: this.url, serviceName: this.serviceName, roleArn: this.roleArn });

    function createGrant(key: string, keyArn: pulumi.Input<string>, ops: readonly string[]): aws.kms.Grant {
      return new aws.kms.Grant(
        childName(name, key),
        {
          name: physicalName([spec.functionName, key], { maxLength: 256 }),
          keyId: keyArn,
          granteePrincipal: role.arn,
          operations: [...ops],
        },
        { parent },
      );
    }

    function createNetworkAccess(): aws.ec2.SecurityGroup {
      const net = args.network!;
      const sg = new aws.ec2.SecurityGroup(
        childName(name, "sg"),
        {
          name: `${spec.functionName}-fn`,
          description: `Lambda ${spec.functionName}: egress to linked endpoints only`,
          vpcId: net.vpcId,
          tags,
        },
        { parent },
      );
      spec.privateEndpoints.forEach((e, i) => {
        new aws.vpc.SecurityGroupEgressRule(
          childName(name, "to", e.name, String(i)),
          {
            securityGroupId: sg.id,
            referencedSecurityGroupId: e.securityGroupId,
            ipProtocol: "tcp",
            fromPort: e.port,
            toPort: e.port,
            description: `to ${e.name}`,
            tags,
          },
          { parent },
        );
        new aws.vpc.SecurityGroupIngressRule(
          childName(name, "from", e.name, String(i)),
          {
            securityGroupId: e.securityGroupId,
            referencedSecurityGroupId: sg.id,
            ipProtocol: "tcp",
            fromPort: e.port,
            toPort: e.port,
            description: `from Lambda ${spec.functionName}`,
            tags,
          },
          { parent },
        );
      });
      if (net.endpointSecurityGroupId !== undefined)
        new aws.vpc.SecurityGroupEgressRule(
          childName(name, "to", "aws-endpoints"),
          {
            securityGroupId: sg.id,
            referencedSecurityGroupId: net.endpointSecurityGroupId,
            ipProtocol: "tcp",
            fromPort: 443,
            toPort: 443,
            description: "HTTPS to the AWS interface endpoints",
            tags,
          },
          { parent },
        );
      return sg;
    }

    function createInvokePermissions(a: aws.lambda.Alias): aws.lambda.Permission[] {
      const principals: [string, pulumi.Input<string>][] = [
        ...(spec.public ? [["public", "*"] as [string, string]] : []),
        ...spec.invokers.map((m, i) => [`invoker-${i}`, m] as [string, pulumi.Input<string>]),
      ];
      // Function URLs need both lambda:InvokeFunctionUrl and lambda:InvokeFunction (via the URL only).
      return principals.flatMap(([key, principal]) => [
        new aws.lambda.Permission(
          childName(name, key, "url"),
          {
            function: fn.name,
            qualifier: a.name,
            action: "lambda:InvokeFunctionUrl",
            principal,
            functionUrlAuthType: spec.public ? "NONE" : "AWS_IAM",
          },
          { parent },
        ),
        new aws.lambda.Permission(
          childName(name, key, "invoke"),
          {
            function: fn.name,
            qualifier: a.name,
            action: "lambda:InvokeFunction",
            principal,
            invokedViaFunctionUrl: true,
          },
          { parent },
        ),
      ]);
    }
  }

  /** Raw children, an escape hatch for wiring this library does not cover. */
  public get nodes() {
    return this.children;
  }
}
