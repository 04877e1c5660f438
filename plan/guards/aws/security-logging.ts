/**
 * Logging and monitoring rules: log groups (KMS, retention), alarms with actions, encrypted SNS
 * topics, the CloudTrail trail, VPC flow logs and the closed default security group; the CIS AWS
 * log-metric alarms are in ./cis-alarms.ts.
 */
import { Severity } from "../../model";
import {
  Category,
  Level,
  Scope,
  expectValue,
  unverified,
  type GuardResource,
  type ResourceRule,
  type RuleHit,
  type StackRule,
} from "../types";
import { read, stateHasProvider } from "../values";
import { CIS_AWS_ALARM_RULES } from "./cis-alarms";
import { AWS, label } from "./tokens";

const base = { scope: Scope.resource, category: Category.security } as const;

/**
 * CKV_AWS_158 / AVD-AWS-0017: log groups encrypted with a customer-managed key.
 *
 * @example
 * ```ts
 * LOG_GROUP_KMS.check(group, ctx);
 * ```
 */
export const LOG_GROUP_KMS: ResourceRule = {
  ...base,
  id: "aws/log-group-kms",
  refs: ["CKV_AWS_158", "AVD-AWS-0017"],
  level: Level.L1,
  severity: Severity.medium,
  description: "CloudWatch log groups are encrypted with a customer-managed KMS key (kmsKeyId).",
  remediation: "Set kmsKeyId and allow logs.<region>.amazonaws.com in the key policy.",
  appliesTo: [AWS.logGroup],
  check(r) {
    return expectValue(
      r.inputs,
      "kmsKeyId",
      (v) => typeof v === "string" && v.length > 0,
      () =>
        `${label(r)}: kmsKeyId is unset; logs (which can hold request data) use the service key. Set a customer-managed key.`,
    );
  },
};

/**
 * CKV_AWS_66: a retention is set (the default keeps logs, and bills them, forever).
 *
 * @example
 * ```ts
 * LOG_GROUP_RETENTION.check(group, ctx);
 * ```
 */
export const LOG_GROUP_RETENTION: ResourceRule = {
  ...base,
  id: "aws/log-group-retention",
  refs: ["CKV_AWS_66"],
  level: Level.L1,
  severity: Severity.low,
  description: "CloudWatch log groups set retentionInDays.",
  remediation: "Set retentionInDays (30 in dev, 365 in prod).",
  appliesTo: [AWS.logGroup],
  check(r) {
    return expectValue(
      r.inputs,
      "retentionInDays",
      (v) => typeof v === "number" && v > 0,
      () => `${label(r)}: retentionInDays is unset (never expire); set a retention.`,
    );
  },
};

/**
 * CKV_AWS_338: logs are kept at least a year.
 *
 * @example
 * ```ts
 * LOG_GROUP_RETENTION_YEAR.check(group, ctx);
 * ```
 */
export const LOG_GROUP_RETENTION_YEAR: ResourceRule = {
  ...base,
  id: "aws/log-group-retention-1-year",
  refs: ["CKV_AWS_338"],
  level: Level.L2,
  severity: Severity.low,
  description: "CloudWatch log groups keep logs at least 365 days (or never expire).",
  remediation: "Set retentionInDays: 365 in prod.",
  appliesTo: [AWS.logGroup],
  check(r) {
    return expectValue(
      r.inputs,
      "retentionInDays",
      (v) => v === undefined || v === 0 || (typeof v === "number" && v >= 365),
      (got) => `${label(r)}: retentionInDays is ${got}; keep logs at least 365 days for investigations.`,
    );
  },
};

/**
 * CKV_AWS_319: alarms have actions and actions are enabled. A stack rule, because a window alarm
 * that only feeds a composite alarm (burn-rate SLOs) notifies through the composite.
 *
 * @example
 * ```ts
 * ALARM_ACTIONS.check(resources, ctx);
 * ```
 */
export const ALARM_ACTIONS: StackRule = {
  scope: Scope.stack,
  category: Category.security,
  id: "aws/alarm-actions-enabled",
  refs: ["CKV_AWS_319"],
  level: Level.L1,
  severity: Severity.medium,
  description:
    "CloudWatch metric and composite alarms notify someone: actionsEnabled not false, and alarmActions set (or the alarm feeds a composite alarm that has them).",
  remediation: "Set alarmActions to the ObservabilityStack SNS topic and keep actionsEnabled.",
  appliesTo: [AWS.metricAlarm, AWS.compositeAlarm],
  check(resources) {
    const composites = resources.filter((x) => x.type === AWS.compositeAlarm);
    const rules = composites.map((x) => read(x.inputs, "alarmRule"));
    const hits: RuleHit[] = [];
    for (const r of resources.filter((x) => x.type === AWS.metricAlarm || x.type === AWS.compositeAlarm)) {
      const at = { urn: r.urn, type: r.type };
      for (const h of expectValue(
        r.inputs,
        "actionsEnabled",
        (v) => v !== false,
        () => `${label(r)}: actionsEnabled is false; the alarm changes state silently.`,
      ))
        hits.push({ ...h, ...at });
      const actions = read(r.inputs, "alarmActions");
      if (actions.kind === "opaque") {
        hits.push({ ...unverified(actions.path), ...at });
        continue;
      }
      if (actions.kind === "set" && Array.isArray(actions.value) && actions.value.length > 0) continue;
      const name = read(r.inputs, r.type === AWS.compositeAlarm ? "alarmName" : "name");
      const id = name.kind === "set" && typeof name.value === "string" ? name.value : r.name;
      if (r.type === AWS.metricAlarm) {
        if (rules.some((x) => x.kind === "set" && typeof x.value === "string" && x.value.includes(id)))
          continue;
        if (rules.some((x) => x.kind === "opaque")) {
          hits.push({ ...unverified("alarmRule", "the composite alarms' rules"), ...at });
          continue;
        }
      }
      hits.push({
        message: `${label(r)}: no alarmActions${r.type === AWS.metricAlarm ? " and no composite alarm uses it" : ""}; nobody is told when it fires. Send it to the alert topic.`,
        ...at,
      });
    }
    return hits;
  },
};

/**
 * CKV_AWS_26 / AVD-AWS-0095 / AVD-AWS-0136: SNS topics encrypted with a customer-managed key.
 *
 * @example
 * ```ts
 * SNS_ENCRYPTED.check(topic, ctx);
 * ```
 */
export const SNS_ENCRYPTED: ResourceRule = {
  ...base,
  id: "aws/sns-encrypted",
  refs: ["CKV_AWS_26", "AVD-AWS-0095", "AVD-AWS-0136"],
  level: Level.L1,
  severity: Severity.medium,
  description: "SNS topics (alerts, budgets) are encrypted with a customer-managed key, not alias/aws/sns.",
  remediation:
    "Set kmsMasterKeyId to the KmsKeyRing key and allow budgets/cloudwatch to use it in the key policy.",
  appliesTo: [AWS.topic],
  check(r) {
    return expectValue(
      r.inputs,
      "kmsMasterKeyId",
      (v) => typeof v === "string" && v.length > 0 && v !== "alias/aws/sns",
      (got) => `${label(r)}: kmsMasterKeyId is ${got}; set a customer-managed key.`,
    );
  },
};

/** One CloudTrail check: path, expected value, refs. */
const TRAIL_CHECKS = [
  {
    path: "isMultiRegionTrail",
    ok: (v: unknown) => v === true,
    why: "events from other regions are not recorded",
    fix: "isMultiRegionTrail: true",
  },
  {
    path: "enableLogFileValidation",
    ok: (v: unknown) => v === true,
    why: "tampered log files cannot be detected",
    fix: "enableLogFileValidation: true",
  },
  {
    path: "kmsKeyId",
    ok: (v: unknown) => typeof v === "string" && v.length > 0,
    why: "log files use S3-managed encryption only",
    fix: "kmsKeyId (a customer-managed key)",
  },
  {
    path: "cloudWatchLogsGroupArn",
    ok: (v: unknown) => typeof v === "string" && v.length > 0,
    why: "the CIS metric filters have nothing to read",
    fix: "cloudWatchLogsGroupArn and cloudWatchLogsRoleArn",
  },
] as const;

/**
 * CKV_AWS_67, CKV_AWS_36, CKV_AWS_35, CKV2_AWS_10 (CIS AWS 3.1/3.2/3.7/3.4): a multi-region trail
 * with log-file validation, KMS, delivered to CloudWatch Logs.
 *
 * @example
 * ```ts
 * CLOUDTRAIL_CONFIGURED.check(trail, ctx);
 * ```
 */
export const CLOUDTRAIL_CONFIGURED: ResourceRule = {
  ...base,
  id: "aws/cloudtrail-configured",
  refs: ["CKV_AWS_67", "CKV_AWS_36", "CKV_AWS_35", "CKV2_AWS_10"],
  level: Level.L1,
  severity: Severity.high,
  description:
    "The CloudTrail trail is multi-region, validates log files, is KMS-encrypted and delivers to CloudWatch Logs.",
  remediation:
    "Set isMultiRegionTrail, enableLogFileValidation, kmsKeyId and cloudWatchLogsGroupArn/RoleArn.",
  appliesTo: [AWS.trail],
  check(r) {
    return TRAIL_CHECKS.flatMap((c) =>
      expectValue(
        r.inputs,
        c.path,
        c.ok,
        (got) => `${label(r)}: ${c.path} is ${got}: ${c.why}. Set ${c.fix}.`,
      ),
    );
  },
};

/**
 * A trail exists (CIS AWS 3.1): without it there is no audit log and no CIS alarm can work.
 *
 * @example
 * ```ts
 * CLOUDTRAIL_EXISTS.check(resources, ctx);
 * ```
 */
export const CLOUDTRAIL_EXISTS: StackRule = {
  scope: Scope.stack,
  category: Category.security,
  id: "aws/cloudtrail-exists",
  refs: ["CKV_AWS_67"],
  level: Level.L1,
  severity: Severity.high,
  existence: true,
  description:
    "An AWS stack records API activity with a CloudTrail trail (the ObservabilityStack creates one).",
  remediation: "Enable the ObservabilityStack's trail (or point it at the organization trail).",
  appliesTo: [AWS.trail],
  check(resources, ctx) {
    if (!stateHasProvider(resources, ctx, "aws")) return [];
    if (resources.some((r) => r.type === AWS.trail)) return [];
    return [
      {
        message:
          "No CloudTrail trail in the stack: API activity (who changed what) is not recorded beyond the 90-day event history.",
      },
    ];
  },
};

/**
 * CKV2_AWS_11: every VPC has a flow log.
 *
 * @example
 * ```ts
 * VPC_FLOW_LOGS.check(resources, ctx);
 * ```
 */
export const VPC_FLOW_LOGS: StackRule = {
  scope: Scope.stack,
  category: Category.security,
  id: "aws/vpc-flow-logs",
  refs: ["CKV2_AWS_11"],
  level: Level.L1,
  severity: Severity.medium,
  description: "Every VPC has a flow log (the Network creates one per VPC).",
  remediation: "Add an ec2.FlowLog for the VPC (trafficType ALL, to a KMS-encrypted log group).",
  appliesTo: [AWS.vpc, AWS.flowLog],
  check(resources) {
    const vpcs = resources.filter((r) => r.type === AWS.vpc);
    const logs = resources.filter((r) => r.type === AWS.flowLog);
    const covers = (l: GuardResource, v: GuardResource) => {
      if (l.parent !== undefined && l.parent === v.parent) return true;
      const id = read(l.inputs, "vpcId");
      return id.kind === "set" && typeof id.value === "string" && id.value.includes(v.name);
    };
    return vpcs
      .filter((v) => !logs.some((l) => covers(l, v)))
      .map((v) => ({
        message: `${label(v)}: no flow log; rejected and accepted traffic is not recorded.`,
        urn: v.urn,
        type: v.type,
      }));
  },
};

/**
 * CKV2_AWS_12 (CIS AWS 5.4): the VPC's default security group allows no traffic.
 *
 * @example
 * ```ts
 * DEFAULT_SG_CLOSED.check(resources, ctx);
 * ```
 */
export const DEFAULT_SG_CLOSED: StackRule = {
  scope: Scope.stack,
  category: Category.security,
  id: "aws/default-security-group-closed",
  refs: ["CKV2_AWS_12"],
  level: Level.L1,
  severity: Severity.medium,
  description:
    "Each VPC's default security group is adopted (ec2.DefaultSecurityGroup) with no ingress and no egress rules.",
  remediation: "Add an ec2.DefaultSecurityGroup for the VPC with ingress: [] and egress: [].",
  appliesTo: [AWS.vpc, AWS.defaultSecurityGroup],
  check(resources) {
    const hits: RuleHit[] = [];
    const groups = resources.filter((r) => r.type === AWS.defaultSecurityGroup);
    for (const g of groups) {
      for (const dir of ["ingress", "egress"] as const) {
        const rules = read(g.inputs, dir);
        if (rules.kind === "opaque") hits.push({ ...unverified(dir), urn: g.urn });
        else if (rules.kind === "set" && Array.isArray(rules.value) && rules.value.length > 0)
          hits.push({
            message: `${label(g)}: the default security group has ${dir} rules; remove them (${dir}: []).`,
            urn: g.urn,
            type: g.type,
          });
      }
    }
    for (const vpc of resources.filter((r) => r.type === AWS.vpc)) {
      if (groups.some((g) => g.parent === vpc.parent)) continue;
      hits.push({
        message: `${label(vpc)}: its default security group is not managed, so it keeps AWS's allow-all-within-group rules. Adopt it with ec2.DefaultSecurityGroup and no rules.`,
        urn: vpc.urn,
        type: vpc.type,
      });
    }
    return hits;
  },
};

/**
 * Every logging and monitoring rule.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: AWS_LOGGING_RULES });
 * ```
 */
export const AWS_LOGGING_RULES: readonly (ResourceRule | StackRule)[] = [
  LOG_GROUP_KMS,
  LOG_GROUP_RETENTION,
  LOG_GROUP_RETENTION_YEAR,
  ALARM_ACTIONS,
  SNS_ENCRYPTED,
  CLOUDTRAIL_CONFIGURED,
  CLOUDTRAIL_EXISTS,
  VPC_FLOW_LOGS,
  DEFAULT_SG_CLOSED,
  ...CIS_AWS_ALARM_RULES,
];
