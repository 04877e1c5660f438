/**
 * The CIS AWS log-metric-filter alarms (trivy AVD-AWS-0147…0160, 0174; the list and metric names of
 * terraform-aws-cloudwatch cis-alarms): one stack rule per CIS control.
 */
import { Severity } from "../../model";
import { Category, Level, Scope, unverified, type StackRule } from "../types";
import { isOpaque, read } from "../values";
import { AWS } from "./tokens";

/**
 * The CIS AWS 4.x log-metric alarms (same list and metric names as terraform-aws-cloudwatch
 * cis-alarms; trivy ids in CIS order), with the canonical pattern (use it verbatim) and the tokens a
 * pattern must contain to count. `level: L1` for the ones the platform requires everywhere.
 *
 * @example
 * ```ts
 * new aws.cloudwatch.LogMetricFilter("root-usage", { pattern: CIS_AWS_ALARMS.rootUsage.pattern, ... });
 * ```
 */
export const CIS_AWS_ALARMS = {
  unauthorizedApiCalls: {
    id: "aws/cis-alarm-unauthorized-api-calls",
    metric: "UnauthorizedAPICalls",
    refs: ["AVD-AWS-0147", "CIS AWS 4.1"],
    level: Level.L1,
    title: "unauthorized API calls",
    pattern: '{($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")}',
    tokens: ["UnauthorizedOperation", "AccessDenied"],
  },
  noMfaConsoleSignin: {
    id: "aws/cis-alarm-no-mfa-console-signin",
    metric: "NoMFAConsoleSignin",
    refs: ["AVD-AWS-0148", "CIS AWS 4.2"],
    level: Level.L2,
    title: "console sign-in without MFA",
    pattern: '{($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes")}',
    tokens: ["ConsoleLogin", "MFAUsed"],
  },
  rootUsage: {
    id: "aws/cis-alarm-root-usage",
    metric: "RootUsage",
    refs: ["AVD-AWS-0149", "CIS AWS 4.3"],
    level: Level.L1,
    title: "root account use",
    pattern:
      '{$.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent"}',
    tokens: ["userIdentity.type", "Root"],
  },
  iamChanges: {
    id: "aws/cis-alarm-iam-changes",
    metric: "IAMChanges",
    refs: ["AVD-AWS-0150", "CIS AWS 4.4"],
    level: Level.L1,
    title: "IAM policy changes",
    pattern:
      "{($.eventName=DeleteGroupPolicy)||($.eventName=DeleteRolePolicy)||($.eventName=DeleteUserPolicy)||($.eventName=PutGroupPolicy)||($.eventName=PutRolePolicy)||($.eventName=PutUserPolicy)||($.eventName=CreatePolicy)||($.eventName=DeletePolicy)||($.eventName=CreatePolicyVersion)||($.eventName=DeletePolicyVersion)||($.eventName=AttachRolePolicy)||($.eventName=DetachRolePolicy)||($.eventName=AttachUserPolicy)||($.eventName=DetachUserPolicy)||($.eventName=AttachGroupPolicy)||($.eventName=DetachGroupPolicy)}",
    tokens: ["PutRolePolicy", "AttachRolePolicy"],
  },
  cloudTrailChanges: {
    id: "aws/cis-alarm-cloudtrail-changes",
    metric: "CloudTrailCfgChanges",
    refs: ["AVD-AWS-0151", "CIS AWS 4.5"],
    level: Level.L1,
    title: "CloudTrail configuration changes",
    pattern:
      "{($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging)}",
    tokens: ["UpdateTrail", "StopLogging"],
  },
  consoleSigninFailures: {
    id: "aws/cis-alarm-console-signin-failures",
    metric: "ConsoleSigninFailures",
    refs: ["AVD-AWS-0152", "CIS AWS 4.6"],
    level: Level.L2,
    title: "console sign-in failures",
    pattern: '{($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication")}',
    tokens: ["ConsoleLogin", "Failed authentication"],
  },
  kmsKeyDisableOrDelete: {
    id: "aws/cis-alarm-kms-key-disable-or-delete",
    metric: "DisableOrDeleteCMK",
    refs: ["AVD-AWS-0153", "CIS AWS 4.7"],
    level: Level.L1,
    title: "KMS keys disabled or scheduled for deletion",
    pattern:
      "{($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion))}",
    tokens: ["DisableKey", "ScheduleKeyDeletion"],
  },
  s3BucketPolicyChanges: {
    id: "aws/cis-alarm-s3-bucket-policy-changes",
    metric: "S3BucketPolicyChanges",
    refs: ["AVD-AWS-0154", "CIS AWS 4.8"],
    level: Level.L2,
    title: "S3 bucket policy changes",
    pattern:
      "{($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy) || ($.eventName = PutBucketCors) || ($.eventName = PutBucketLifecycle) || ($.eventName = PutBucketReplication) || ($.eventName = DeleteBucketPolicy) || ($.eventName = DeleteBucketCors) || ($.eventName = DeleteBucketLifecycle) || ($.eventName = DeleteBucketReplication))}",
    tokens: ["PutBucketPolicy"],
  },
  configChanges: {
    id: "aws/cis-alarm-config-changes",
    metric: "AWSConfigChanges",
    refs: ["AVD-AWS-0155", "CIS AWS 4.9"],
    level: Level.L2,
    title: "AWS Config changes",
    pattern:
      "{($.eventSource = config.amazonaws.com) && (($.eventName = StopConfigurationRecorder) || ($.eventName = DeleteDeliveryChannel) || ($.eventName = PutDeliveryChannel) || ($.eventName = PutConfigurationRecorder))}",
    tokens: ["StopConfigurationRecorder"],
  },
  securityGroupChanges: {
    id: "aws/cis-alarm-security-group-changes",
    metric: "SecurityGroupChanges",
    refs: ["AVD-AWS-0156", "CIS AWS 4.10"],
    level: Level.L1,
    title: "security group changes",
    pattern:
      "{($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup)}",
    tokens: ["AuthorizeSecurityGroupIngress"],
  },
  naclChanges: {
    id: "aws/cis-alarm-nacl-changes",
    metric: "NACLChanges",
    refs: ["AVD-AWS-0157", "CIS AWS 4.11"],
    level: Level.L2,
    title: "network ACL changes",
    pattern:
      "{($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation)}",
    tokens: ["CreateNetworkAcl"],
  },
  networkGatewayChanges: {
    id: "aws/cis-alarm-network-gateway-changes",
    metric: "NetworkGWChanges",
    refs: ["AVD-AWS-0158", "CIS AWS 4.12"],
    level: Level.L2,
    title: "network gateway changes",
    pattern:
      "{($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway) || ($.eventName = AttachInternetGateway) || ($.eventName = CreateInternetGateway) || ($.eventName = DeleteInternetGateway) || ($.eventName = DetachInternetGateway)}",
    tokens: ["AttachInternetGateway"],
  },
  routeTableChanges: {
    id: "aws/cis-alarm-route-table-changes",
    metric: "RouteTableChanges",
    refs: ["AVD-AWS-0159", "CIS AWS 4.13"],
    level: Level.L2,
    title: "route table changes",
    pattern:
      "{($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable)}",
    tokens: ["CreateRoute"],
  },
  vpcChanges: {
    id: "aws/cis-alarm-vpc-changes",
    metric: "VPCChanges",
    refs: ["AVD-AWS-0160", "CIS AWS 4.14"],
    level: Level.L2,
    title: "VPC changes",
    pattern:
      "{($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) || ($.eventName = RejectVpcPeeringConnection) || ($.eventName = AttachClassicLinkVpc) || ($.eventName = DetachClassicLinkVpc) || ($.eventName = DisableVpcClassicLink) || ($.eventName = EnableVpcClassicLink)}",
    tokens: ["CreateVpc", "ModifyVpcAttribute"],
  },
  organizationsChanges: {
    id: "aws/cis-alarm-organizations-changes",
    metric: "AWSOrganizationsChanges",
    refs: ["AVD-AWS-0174", "CIS AWS 4.15"],
    level: Level.L2,
    title: "AWS Organizations changes",
    pattern:
      "{($.eventSource = organizations.amazonaws.com) && (($.eventName = AcceptHandshake) || ($.eventName = AttachPolicy) || ($.eventName = CreateAccount) || ($.eventName = CreateOrganizationalUnit) || ($.eventName = CreatePolicy) || ($.eventName = DeclineHandshake) || ($.eventName = DeleteOrganization) || ($.eventName = DeleteOrganizationalUnit) || ($.eventName = DeletePolicy) || ($.eventName = DetachPolicy) || ($.eventName = DisablePolicyType) || ($.eventName = EnablePolicyType) || ($.eventName = InviteAccountToOrganization) || ($.eventName = LeaveOrganization) || ($.eventName = MoveAccount) || ($.eventName = RemoveAccountFromOrganization) || ($.eventName = UpdatePolicy) || ($.eventName = UpdateOrganizationalUnit))}",
    tokens: ["organizations.amazonaws.com"],
  },
} as const;
/** One CIS AWS log-metric alarm. */
export type CisAwsAlarm = (typeof CIS_AWS_ALARMS)[keyof typeof CIS_AWS_ALARMS];

/** Metric filters matching an alarm's tokens; opaque patterns make the rule unverifiable. */
function cisRule(alarm: CisAwsAlarm): StackRule {
  return {
    scope: Scope.stack,
    category: Category.security,
    id: alarm.id,
    refs: alarm.refs,
    level: alarm.level,
    severity: alarm.level === Level.L1 ? Severity.medium : Severity.low,
    existence: true,
    description: `A CloudWatch metric filter on the trail's log group and an alarm with actions for ${alarm.title}.`,
    remediation: `Add a LogMetricFilter with pattern ${alarm.pattern} and a MetricAlarm on its metric that notifies the alert topic (ObservabilityStack does both).`,
    appliesTo: [AWS.logMetricFilter, AWS.metricAlarm],
    check(resources) {
      if (!resources.some((r) => r.type === AWS.trail)) return [];
      const filters = resources.filter((r) => r.type === AWS.logMetricFilter);
      const matching = filters.filter((f) => {
        const p = read(f.inputs, "pattern");
        return (
          p.kind === "set" &&
          typeof p.value === "string" &&
          alarm.tokens.every((t) => (p.value as string).includes(t))
        );
      });
      if (matching.length === 0) {
        if (filters.some((f) => isOpaque(f.inputs["pattern"])))
          return [unverified("pattern", `the metric filters' patterns (${alarm.title})`)];
        return [
          {
            message: `No metric filter for ${alarm.title} (CIS ${alarm.refs[1]?.replace("CIS AWS ", "")}): nobody is alerted. Add one with the pattern from CIS_AWS_ALARMS.`,
          },
        ];
      }
      const names = matching.map((f) => read(f.inputs, "metricTransformation.name"));
      const alarms = resources.filter((r) => r.type === AWS.metricAlarm);
      const alarmed = alarms.some((a) => {
        const m = read(a.inputs, "metricName");
        const actions = read(a.inputs, "alarmActions");
        const hasActions =
          actions.kind === "opaque" ||
          (actions.kind === "set" && Array.isArray(actions.value) && actions.value.length > 0);
        return (
          hasActions &&
          (m.kind === "opaque" ||
            names.some(
              (n) => n.kind === "opaque" || (n.kind === "set" && m.kind === "set" && n.value === m.value),
            ))
        );
      });
      if (alarmed) return [];
      return [
        {
          message: `The metric filter for ${alarm.title} has no alarm with actions on its metric: the metric is counted but nobody is told.`,
          urn: matching[0]!.urn,
          type: matching[0]!.type,
        },
      ];
    },
  };
}

/**
 * One stack rule per CIS alarm.
 *
 * @example
 * ```ts
 * CIS_AWS_ALARM_RULES.map((r) => r.id); // ["aws/cis-alarm-unauthorized-api-calls", …]
 * ```
 */
export const CIS_AWS_ALARM_RULES: readonly StackRule[] = Object.values(CIS_AWS_ALARMS).map(cisRule);
