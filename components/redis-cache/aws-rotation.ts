import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { arnOf, assumeRolePolicy, policyJson } from "../shared/aws";
import type { AwsContext } from "../shared/context";
import { childName, physicalName } from "../shared/naming";

/**
 * The rotation function's code: Secrets Manager's four rotation steps for an ElastiCache AUTH
 * token kept as `{"token": …}`. Python's standard library and the boto3 of the Lambda runtime
 * only, so the code ships inline (no build, no bucket).
 *
 * - createSecret: a new 64-character token as the AWSPENDING version (alphabet as the
 *   platform's first token: ElastiCache refuses '@', '"', '/' and spaces);
 * - setSecret: `SET` the current token (drops the one from two rotations ago: clients had a whole
 *   rotation period to re-read the secret), waits until the group is available, then `ROTATE` to
 *   the pending one. Between rotations the group accepts both the current and the pending token,
 *   so a client holding either keeps working while the stage moves;
 * - testSecret: waits until the group is available with AUTH on. It cannot send AUTH itself: the
 *   function is outside the VPC (the ElastiCache and Secrets Manager APIs are public endpoints,
 *   so it needs neither a NAT gateway nor an endpoint) and the runtime has no Redis client;
 * - finishSecret: moves AWSCURRENT to the new version.
 */
export const CACHE_ROTATION_CODE = `import json, os, secrets, string
import boto3

ALPHABET = string.ascii_letters + string.digits + "!&#$^<>-"
sm = boto3.client("secretsmanager")
ec = boto3.client("elasticache")
GROUP = os.environ["REPLICATION_GROUP_ID"]


def wait_available():
    ec.get_waiter("replication_group_available").wait(
        ReplicationGroupId=GROUP, WaiterConfig={"Delay": 15, "MaxAttempts": 50}
    )


def token_of(arn, stage, version=None):
    kw = {"SecretId": arn, "VersionStage": stage}
    if version:
        kw["VersionId"] = version
    return json.loads(sm.get_secret_value(**kw)["SecretString"])["token"]


def handler(event, _context):
    arn, version, step = event["SecretId"], event["ClientRequestToken"], event["Step"]
    meta = sm.describe_secret(SecretId=arn)
    if not meta.get("RotationEnabled"):
        raise ValueError("rotation is not enabled on the secret")
    stages = meta["VersionIdsToStages"].get(version, [])
    if "AWSCURRENT" in stages:
        return
    if "AWSPENDING" not in stages:
        raise ValueError("the version is not pending")
    if step == "createSecret":
        try:
            token_of(arn, "AWSPENDING", version)
        except sm.exceptions.ResourceNotFoundException:
            new = "".join(secrets.choice(ALPHABET) for _ in range(64))
            sm.put_secret_value(
                SecretId=arn,
                ClientRequestToken=version,
                SecretString=json.dumps({"token": new}),
                VersionStages=["AWSPENDING"],
            )
    elif step == "setSecret":
        wait_available()
        ec.modify_replication_group(
            ReplicationGroupId=GROUP,
            AuthToken=token_of(arn, "AWSCURRENT"),
            AuthTokenUpdateStrategy="SET",
            ApplyImmediately=True,
        )
        wait_available()
        ec.modify_replication_group(
            ReplicationGroupId=GROUP,
            AuthToken=token_of(arn, "AWSPENDING", version),
            AuthTokenUpdateStrategy="ROTATE",
            ApplyImmediately=True,
        )
    elif step == "testSecret":
        wait_available()
        group = ec.describe_replication_groups(ReplicationGroupId=GROUP)["ReplicationGroups"][0]
        if not group.get("AuthTokenEnabled"):
            raise ValueError("AUTH is off on the replication group")
    elif step == "finishSecret":
        current = next(v for v, s in meta["VersionIdsToStages"].items() if "AWSCURRENT" in s)
        sm.update_secret_version_stage(
            SecretId=arn, VersionStage="AWSCURRENT", MoveToVersionId=version, RemoveFromVersionId=current
        )
    else:
        raise ValueError("unknown step " + step)
`;

/** Arguments of {@link createCacheRotation}. */
export interface CacheRotationArgs {
  readonly ctx: AwsContext;
  /** Component instance name; children are `${owner}-rotation-…`. */
  readonly owner: string;
  readonly replicationGroupId: string;
  readonly secretArn: pulumi.Input<string>;
  /** The secret's id (its ARN in AWS), as SecretRotation names it. */
  readonly secretId: pulumi.Input<string>;
  readonly account: pulumi.Input<string>;
  /** Days between rotations, 1–90. */
  readonly days: number;
  /** CMK of the secret, the function's environment and its logs. @default none */
  readonly kmsKeyArn?: pulumi.Input<string>;
  readonly tags: Readonly<Record<string, string>>;
  readonly parent: pulumi.Resource;
}

/**
 * The AUTH token rotation of one replication group: the inline function above with its own role
 * (exactly this secret, this group, the CMK through Secrets Manager, its own log group), a
 * CMK-encrypted log group, a Secrets Manager-only invoke permission and the SecretRotation.
 *
 * @example
 * ```ts
 * createCacheRotation({ ctx, owner: "cache", replicationGroupId: id, secretArn: secret.arn, secretId: secret.id, account, days: 30, kmsKeyArn, tags, parent: this });
 * ```
 */
export function createCacheRotation(a: CacheRotationArgs): {
  fn: aws.lambda.Function;
  rotation: aws.secretsmanager.SecretRotation;
} {
  const { ctx, parent, tags } = a;
  const fnName = physicalName([a.replicationGroupId, "rotator"], { maxLength: 64 });
  const logGroup = new aws.cloudwatch.LogGroup(
    childName(a.owner, "rotation-logs"),
    {
      name: `/aws/lambda/${fnName}`,
      retentionInDays: ctx.profile === "prod" ? 365 : 30,
      ...(a.kmsKeyArn !== undefined ? { kmsKeyId: a.kmsKeyArn } : {}),
      tags,
    },
    { parent },
  );
  const role = new aws.iam.Role(
    childName(a.owner, "rotation-role"),
    {
      name: physicalName([a.replicationGroupId, "rotator"], { maxLength: 64 }),
      assumeRolePolicy: assumeRolePolicy("lambda.amazonaws.com", a.account),
      tags,
    },
    { parent },
  );
  const groupArn = arnOf("elasticache", ctx.region, a.account, `replicationgroup:${a.replicationGroupId}`);
  new aws.iam.RolePolicy(
    childName(a.owner, "rotation-access"),
    {
      role: role.name,
      policy: policyJson([
        {
          Sid: "TheSecret",
          Effect: "Allow",
          Action: [
            "secretsmanager:DescribeSecret",
            "secretsmanager:GetSecretValue",
            "secretsmanager:PutSecretValue",
            "secretsmanager:UpdateSecretVersionStage",
          ],
          Resource: [a.secretArn],
        },
        {
          Sid: "TheGroup",
          Effect: "Allow",
          Action: ["elasticache:DescribeReplicationGroups", "elasticache:ModifyReplicationGroup"],
          Resource: [groupArn],
        },
        ...(a.kmsKeyArn !== undefined
          ? [
              {
                Sid: "TheKeyViaSecretsManager",
                Effect: "Allow" as const,
                Action: ["kms:Decrypt", "kms:GenerateDataKey"],
                Resource: [a.kmsKeyArn],
                Condition: {
                  StringEquals: { "kms:ViaService": `secretsmanager.${ctx.region}.amazonaws.com` },
                },
              },
            ]
          : []),
        {
          Sid: "OwnLogs",
          Effect: "Allow",
          Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
          Resource: [pulumi.interpolate`${logGroup.arn}:*`],
        },
      ]),
    },
    { parent },
  );
  // X-Ray's write actions take no resource: AWS's managed policy, as on the service's role.
  new aws.iam.RolePolicyAttachment(
    childName(a.owner, "rotation-xray"),
    { role: role.name, policyArn: "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess" },
    { parent },
  );
  const fn = new aws.lambda.Function(
    childName(a.owner, "rotation-function"),
    {
      name: fnName,
      description: `Rotates the AUTH token of ${a.replicationGroupId} (Secrets Manager rotation steps)`,
      role: role.arn,
      runtime: "python3.13",
      architectures: ["arm64"],
      handler: "index.handler",
      code: new pulumi.asset.AssetArchive({ "index.py": new pulumi.asset.StringAsset(CACHE_ROTATION_CODE) }),
      // Two modifications, each waited for: well under Lambda's 900 s ceiling.
      timeout: 900,
      memorySize: 128,
      reservedConcurrentExecutions: 1,
      environment: { variables: { REPLICATION_GROUP_ID: a.replicationGroupId } },
      ...(a.kmsKeyArn !== undefined ? { kmsKeyArn: a.kmsKeyArn } : {}),
      tracingConfig: { mode: "Active" },
      loggingConfig: { logFormat: "JSON", logGroup: logGroup.name },
      tags,
    },
    { parent, dependsOn: [logGroup] },
  );
  const permission = new aws.lambda.Permission(
    childName(a.owner, "rotation-invoke"),
    {
      function: fn.name,
      action: "lambda:InvokeFunction",
      principal: "secretsmanager.amazonaws.com",
      sourceAccount: a.account,
    },
    { parent },
  );
  const rotation = new aws.secretsmanager.SecretRotation(
    childName(a.owner, "auth-rotation"),
    {
      secretId: a.secretId,
      rotationLambdaArn: fn.arn,
      rotationRules: { automaticallyAfterDays: a.days },
      // The first rotation waits a period: the group may still be creating on the first up.
      rotateImmediately: false,
    },
    { parent, dependsOn: [permission] },
  );
  return { fn, rotation };
}
