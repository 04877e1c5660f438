import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { assumeRolePolicy, policyJson } from "../shared/aws";
import type { AwsContext } from "../shared/context";
import { childName, physicalName } from "../shared/naming";
import { awsRunbook, type AwsAlarmSpec } from "./aws-alarms";

/**
 * The CIS AWS Foundations log-metric filters (section 4 / CloudWatch.1–14; trivy AVD-AWS-0147…0160,
 * 0174), as terraform-aws-modules/cloudwatch `cis-alarms` defines them. Each becomes a metric
 * filter on the CloudTrail log group and an alarm on any match.
 */
export const CIS_AWS_FILTERS = {
  "unauthorized-api-calls": {
    cis: "4.1",
    pattern: '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
    check: [
      "userIdentity.arn and eventName of the denied calls in CloudTrail",
      "a role missing a permission after a deploy vs. probing",
    ],
  },
  "no-mfa-console-signin": {
    cis: "4.2",
    pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
    check: ["who signed in without MFA (userIdentity.arn, sourceIPAddress)", "enforce MFA for that user"],
  },
  "root-usage": {
    cis: "4.3",
    pattern:
      '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
    check: [
      "what the root user did (eventName, sourceIPAddress)",
      "whether anyone expected root use; rotate root credentials if not",
    ],
  },
  "iam-changes": {
    cis: "4.4",
    pattern:
      "{($.eventName=DeleteGroupPolicy)||($.eventName=DeleteRolePolicy)||($.eventName=DeleteUserPolicy)||($.eventName=PutGroupPolicy)||($.eventName=PutRolePolicy)||($.eventName=PutUserPolicy)||($.eventName=CreatePolicy)||($.eventName=DeletePolicy)||($.eventName=CreatePolicyVersion)||($.eventName=DeletePolicyVersion)||($.eventName=AttachRolePolicy)||($.eventName=DetachRolePolicy)||($.eventName=AttachUserPolicy)||($.eventName=DetachUserPolicy)||($.eventName=AttachGroupPolicy)||($.eventName=DetachGroupPolicy)}",
    check: [
      "the changed policy and who changed it",
      "whether a platform deploy ran at that time (Pulumi update history)",
    ],
  },
  "cloudtrail-changes": {
    cis: "4.5",
    pattern:
      "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }",
    check: ["StopLogging/DeleteTrail events first: audit logging may be off", "who made the change"],
  },
  "console-signin-failures": {
    cis: "4.6",
    pattern: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
    check: [
      "the source IPs and user names of the failures",
      "a brute-force pattern vs. a forgotten password",
    ],
  },
  "kms-key-deletion": {
    cis: "4.7",
    pattern:
      "{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }",
    check: [
      "which key: data encrypted with it becomes unreadable",
      "CancelKeyDeletion within the waiting period if unintended",
    ],
  },
  "s3-bucket-policy-changes": {
    cis: "4.8",
    pattern:
      "{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy) || ($.eventName = PutBucketCors) || ($.eventName = PutBucketLifecycle) || ($.eventName = PutBucketReplication) || ($.eventName = DeleteBucketPolicy) || ($.eventName = DeleteBucketCors) || ($.eventName = DeleteBucketLifecycle) || ($.eventName = DeleteBucketReplication)) }",
    check: ["the bucket and the new policy (public access?)", "who changed it"],
  },
  "config-changes": {
    cis: "4.9",
    pattern:
      "{ ($.eventSource = config.amazonaws.com) && (($.eventName = StopConfigurationRecorder) || ($.eventName = DeleteDeliveryChannel) || ($.eventName = PutDeliveryChannel) || ($.eventName = PutConfigurationRecorder)) }",
    check: ["whether AWS Config recording was stopped", "who changed it"],
  },
  "security-group-changes": {
    cis: "4.10",
    pattern:
      "{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }",
    check: ["new ingress from 0.0.0.0/0", "whether a platform deploy made it (Pulumi update history)"],
  },
  "nacl-changes": {
    cis: "4.11",
    pattern:
      "{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }",
    check: ["the changed ACL entries", "who changed them"],
  },
  "network-gateway-changes": {
    cis: "4.12",
    pattern:
      "{ ($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway) || ($.eventName = AttachInternetGateway) || ($.eventName = CreateInternetGateway) || ($.eventName = DeleteInternetGateway) || ($.eventName = DetachInternetGateway) }",
    check: ["an internet gateway attached to the private VPC", "who made the change"],
  },
  "route-table-changes": {
    cis: "4.13",
    pattern:
      "{ ($.eventSource = ec2.amazonaws.com) && (($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable)) }",
    check: ["a new 0.0.0.0/0 route in the private route table", "who made the change"],
  },
  "vpc-changes": {
    cis: "4.14",
    pattern:
      "{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) || ($.eventName = RejectVpcPeeringConnection) || ($.eventName = AttachClassicLinkVpc) || ($.eventName = DetachClassicLinkVpc) || ($.eventName = DisableVpcClassicLink) || ($.eventName = EnableVpcClassicLink) }",
    check: ["peering connections to unknown accounts", "who made the change"],
  },
  "organizations-changes": {
    cis: "4.15",
    pattern:
      '{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy") || ($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ($.eventName = "CreatePolicy") || ($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ($.eventName = "DeleteOrganizationalUnit") || ($.eventName = "DeletePolicy") || ($.eventName = "DetachPolicy") || ($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") || ($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ($.eventName = "MoveAccount") || ($.eventName = "RemoveAccountFromOrganization") || ($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit")) }',
    check: ["the SCP or account change", "who made it from which account"],
  },
} as const;
/** A CIS log-metric filter key. */
export type CisAwsFilter = keyof typeof CIS_AWS_FILTERS;

/** Namespace of the CIS log metrics. */
export const CIS_NAMESPACE = "Platform/CIS";

/**
 * The alarm on one CIS log metric (any match in 5 minutes).
 *
 * @example
 * ```ts
 * cisAwsAlarm("shop prod", "root-usage", "shop-aws-prod-root-usage").threshold; // 1
 * ```
 */
export function cisAwsAlarm(title: string, key: CisAwsFilter, metricName: string): AwsAlarmSpec {
  const f = CIS_AWS_FILTERS[key];
  return {
    key: `cis-${key}`,
    description: awsRunbook(`${title}: CIS AWS ${f.cis} ${key} seen in CloudTrail.`, [
      ...f.check,
      "CloudWatch Logs Insights on the CloudTrail log group with the filter pattern",
    ]),
    comparisonOperator: "GreaterThanOrEqualToThreshold",
    threshold: 1,
    evaluationPeriods: 1,
    treatMissingData: "notBreaching",
    namespace: CIS_NAMESPACE,
    metricName,
    statistic: "Sum",
    period: 300,
  };
}

/** What {@link createTrail} needs. */
export interface TrailArgs {
  readonly ctx: AwsContext;
  readonly owner: string;
  readonly account: pulumi.Output<string>;
  readonly kmsKeyArn?: pulumi.Input<string>;
  readonly retentionDays: number;
  readonly tags: Readonly<Record<string, string>>;
  readonly parent: pulumi.Resource;
}

/**
 * A multi-Region CloudTrail with log-file validation (CIS 3.2), KMS encryption (CIS 3.7), delivery
 * to CloudWatch Logs (CIS 3.4) and an S3 bucket that is private, versioned, KMS-encrypted, TLS-only
 * and expires logs after the retention.
 *
 * @example
 * ```ts
 * const { trail, logGroup } = createTrail({ ctx, owner: name, account, kmsKeyArn, retentionDays: 365, tags, parent: this });
 * ```
 */
export function createTrail(a: TrailArgs): {
  trail: aws.cloudtrail.Trail;
  logGroup: aws.cloudwatch.LogGroup;
  bucket: aws.s3.Bucket;
} {
  const { ctx, owner, parent, tags } = a;
  const base = physicalName([ctx.app, ctx.env], { maxLength: 40 });
  const trailName = `${base}-trail`;
  const trailArn = pulumi.interpolate`arn:aws:cloudtrail:${ctx.region}:${a.account}:trail/${trailName}`;
  const bucket = new aws.s3.Bucket(
    childName(owner, "trail-bucket"),
    { bucket: pulumi.interpolate`${base}-trail-${a.account}`, forceDestroy: false, tags: { ...tags } },
    { parent },
  );
  new aws.s3.BucketPublicAccessBlock(
    childName(owner, "trail-bucket-public-access"),
    {
      bucket: bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    },
    { parent },
  );
  new aws.s3.BucketVersioning(
    childName(owner, "trail-bucket-versioning"),
    { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } },
    { parent },
  );
  new aws.s3.BucketServerSideEncryptionConfiguration(
    childName(owner, "trail-bucket-encryption"),
    {
      bucket: bucket.id,
      rules: [
        {
          applyServerSideEncryptionByDefault: {
            sseAlgorithm: a.kmsKeyArn !== undefined ? "aws:kms" : "AES256",
            ...(a.kmsKeyArn !== undefined ? { kmsMasterKeyId: a.kmsKeyArn } : {}),
          },
          bucketKeyEnabled: true,
        },
      ],
    },
    { parent },
  );
  new aws.s3.BucketLifecycleConfiguration(
    childName(owner, "trail-bucket-lifecycle"),
    {
      bucket: bucket.id,
      rules: [
        {
          id: "expire-audit-logs",
          status: "Enabled",
          filter: { prefix: "" },
          expiration: { days: a.retentionDays },
          noncurrentVersionExpiration: { noncurrentDays: 30 },
        },
      ],
    },
    { parent },
  );
  const bucketPolicy = new aws.s3.BucketPolicy(
    childName(owner, "trail-bucket-policy"),
    {
      bucket: bucket.id,
      policy: policyJson([
        {
          Sid: "CloudTrailAclCheck",
          Effect: "Allow",
          Principal: { Service: "cloudtrail.amazonaws.com" },
          Action: "s3:GetBucketAcl",
          Resource: bucket.arn,
          Condition: { StringEquals: { "aws:SourceArn": trailArn } },
        },
        {
          Sid: "CloudTrailWrite",
          Effect: "Allow",
          Principal: { Service: "cloudtrail.amazonaws.com" },
          Action: "s3:PutObject",
          Resource: pulumi.interpolate`${bucket.arn}/AWSLogs/${a.account}/*`,
          Condition: {
            StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": trailArn },
          },
        },
        {
          Sid: "DenyInsecureTransport",
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Resource: [bucket.arn, pulumi.interpolate`${bucket.arn}/*`],
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
      ]),
    },
    { parent },
  );
  const logGroup = new aws.cloudwatch.LogGroup(
    childName(owner, "trail-logs"),
    {
      name: `/platform/${base}/cloudtrail`,
      retentionInDays: a.retentionDays,
      ...(a.kmsKeyArn !== undefined ? { kmsKeyId: a.kmsKeyArn } : {}),
      tags: { ...tags },
    },
    { parent },
  );
  const role = new aws.iam.Role(
    childName(owner, "trail-role"),
    {
      name: physicalName([base, "cloudtrail-logs"], { maxLength: 64 }),
      assumeRolePolicy: assumeRolePolicy("cloudtrail.amazonaws.com", a.account),
      tags: { ...tags },
    },
    { parent },
  );
  const rolePolicy = new aws.iam.RolePolicy(
    childName(owner, "trail-role-policy"),
    {
      role: role.id,
      policy: policyJson([
        {
          Effect: "Allow",
          Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
          Resource: [pulumi.interpolate`${logGroup.arn}:*`],
        },
      ]),
    },
    { parent },
  );
  const trail = new aws.cloudtrail.Trail(
    childName(owner, "trail"),
    {
      name: trailName,
      s3BucketName: bucket.id,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      enableLogging: true,
      ...(a.kmsKeyArn !== undefined ? { kmsKeyId: a.kmsKeyArn } : {}),
      cloudWatchLogsGroupArn: pulumi.interpolate`${logGroup.arn}:*`,
      cloudWatchLogsRoleArn: role.arn,
      tags: { ...tags },
    },
    { parent, dependsOn: [bucketPolicy, rolePolicy] },
  );
  return { trail, logGroup, bucket };
}
