import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { accountIdOf, KMS_ACTIONS, policyJson, type PolicyStatement } from "../shared/aws";
import type { AwsContext } from "../shared/context";
import { platformTags } from "../shared/labels";
import { childName, physicalName } from "../shared/naming";
import { transform } from "../shared/transform";
import { AWS_KMS_DEFAULTS, normalizeAwsKeys, type AwsKeySpec, type AwsKmsKeyRingArgs } from "./aws-spec";
import { KMS_KEY_RING_TYPE } from "./gcp";

/** Key-administration actions: manage the key, never use it for cryptography. */
export const KMS_ADMIN_ACTIONS = [
  "kms:Create*",
  "kms:Describe*",
  "kms:Enable*",
  "kms:List*",
  "kms:Put*",
  "kms:Update*",
  "kms:Revoke*",
  "kms:Disable*",
  "kms:Get*",
  "kms:Delete*",
  "kms:TagResource",
  "kms:UntagResource",
  "kms:ScheduleKeyDeletion",
  "kms:CancelKeyDeletion",
  "kms:RotateKeyOnDemand",
] as const;

/**
 * The key policy of one key, least privilege per consumer:
 * administrators manage but cannot use the key; named consumers get exactly their use
 * (encrypt/decrypt, sign/verify or get-public-key); AWS services use it only through
 * `kms:ViaService` for callers in this account (and may create grants only for AWS resources);
 * CloudWatch Logs, CloudTrail, Budgets and CloudWatch alarms use it only for this account's
 * resources. Pure: the same inputs give the same document.
 *
 * @example
 * ```ts
 * keyPolicyStatements(spec, { account: "123456789012", region: "us-east-1", admins: [] });
 * ```
 */
export function keyPolicyStatements(
  spec: AwsKeySpec,
  at: { account: pulumi.Input<string>; region: string; admins: readonly pulumi.Input<string>[] },
): PolicyStatement[] {
  const root = pulumi.interpolate`arn:aws:iam::${at.account}:root`;
  const admins = at.admins.length > 0 ? [...at.admins] : [root];
  const out: PolicyStatement[] = [
    {
      Sid: "KeyAdministration",
      Effect: "Allow",
      Principal: { AWS: admins },
      Action: [...KMS_ADMIN_ACTIONS],
      Resource: "*",
    },
  ];
  const sids = { encrypt: "UseEncryptDecrypt", sign: "UseSignVerify", publicKey: "UseGetPublicKey" } as const;
  for (const use of ["encrypt", "sign", "publicKey"] as const) {
    const principals = spec.consumers[use] ?? [];
    if (principals.length > 0)
      out.push({
        Sid: sids[use],
        Effect: "Allow",
        Principal: { AWS: [...principals] },
        Action: [...KMS_ACTIONS[use]],
        Resource: "*",
      });
  }
  if (spec.viaServices.length > 0) {
    const via = spec.viaServices.map((s) => `${s}.${at.region}.amazonaws.com`);
    out.push(
      {
        Sid: "UseThroughAwsServices",
        Effect: "Allow",
        Principal: { AWS: root },
        Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
        Resource: "*",
        Condition: { StringEquals: { "kms:ViaService": via, "kms:CallerAccount": at.account } },
      },
      {
        Sid: "GrantsForAwsResources",
        Effect: "Allow",
        Principal: { AWS: root },
        Action: ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"],
        Resource: "*",
        Condition: {
          StringEquals: { "kms:ViaService": via, "kms:CallerAccount": at.account },
          Bool: { "kms:GrantIsForAWSResource": "true" },
        },
      },
    );
  }
  for (const sp of spec.servicePrincipals) {
    if (sp === "logs")
      out.push({
        Sid: "CloudWatchLogs",
        Effect: "Allow",
        Principal: { Service: `logs.${at.region}.amazonaws.com` },
        Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
        Resource: "*",
        Condition: {
          ArnLike: {
            "kms:EncryptionContext:aws:logs:arn": pulumi.interpolate`arn:aws:logs:${at.region}:${at.account}:log-group:*`,
          },
        },
      });
    else if (sp === "cloudtrail")
      out.push(
        {
          Sid: "CloudTrailEncrypt",
          Effect: "Allow",
          Principal: { Service: "cloudtrail.amazonaws.com" },
          Action: ["kms:GenerateDataKey*", "kms:DescribeKey"],
          Resource: "*",
          Condition: {
            StringEquals: { "aws:SourceAccount": at.account },
            StringLike: {
              "kms:EncryptionContext:aws:cloudtrail:arn": pulumi.interpolate`arn:aws:cloudtrail:*:${at.account}:trail/*`,
            },
          },
        },
        {
          Sid: "CloudTrailDecryptInAccount",
          Effect: "Allow",
          Principal: { AWS: root },
          Action: ["kms:Decrypt", "kms:ReEncryptFrom"],
          Resource: "*",
          Condition: {
            StringEquals: { "kms:CallerAccount": at.account },
            StringLike: {
              "kms:EncryptionContext:aws:cloudtrail:arn": pulumi.interpolate`arn:aws:cloudtrail:*:${at.account}:trail/*`,
            },
          },
        },
      );
    else
      out.push({
        // Budgets and CloudWatch alarms publish to KMS-encrypted SNS topics.
        Sid: sp === "budgets" ? "BudgetsPublishToEncryptedTopic" : "CloudWatchPublishToEncryptedTopic",
        Effect: "Allow",
        Principal: { Service: `${sp}.amazonaws.com` },
        Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
        Resource: "*",
        Condition: { StringEquals: { "aws:SourceAccount": at.account } },
      });
  }
  return out;
}

/**
 * KmsKeyRing on AWS KMS: one `aws.kms.Key` + `aws.kms.Alias` per key under
 * `alias/<app>-<env>-<key>`. Symmetric keys rotate automatically every 90 days (AWS allows
 * 90–2560, the platform's rule is ≤ 90, so exactly 90). Ed25519 signing keys
 * (`ECC_NIST_EDWARDS25519`, SIGN_VERIFY; sign with `ED25519_SHA_512` and MessageType RAW) cannot
 * rotate on AWS: rotate them by creating a new key and moving the alias (`aws.kms.Alias` is the
 * name consumers use). Each key policy is least privilege per consumer ({@link keyPolicyStatements});
 * services created in the same program (Lambda) get KMS grants on exactly their keys from their
 * own component. Keys are Pulumi-`protect`ed and keep a 30-day deletion window.
 *
 * "HSM" on AWS: every KMS key's material lives in KMS-managed HSMs; a CloudHSM custom key store
 * (`customKeyStoreId`) is opt-in for single-tenant HSMs (no automatic rotation there).
 *
 * ### Cost
 * $1.00 per key-month (+$1 for each of the first two rotations), $0.03 per 10,000 symmetric
 * requests, $0.15 per 10,000 asymmetric. Dev with one data key ≈ **$1/month**.
 *
 * @example
 * ```ts
 * const kms = new AwsKmsKeyRing("kms", {
 *   ctx,
 *   keys: {
 *     data: { viaServices: ["rds", "elasticache", "secretsmanager", "lambda"], servicePrincipals: ["logs"] },
 *     signing: { purpose: "ASYMMETRIC_SIGN" },
 *   },
 * });
 * export const dataKeyArn = kms.keyArns["data"];
 * ```
 */
export class AwsKmsKeyRing extends pulumi.ComponentResource {
  /** Key ARNs by name (what `kmsLink` and the services use). */
  public readonly keyArns: Readonly<Record<string, pulumi.Output<string>>>;
  /** Same as {@link keyArns}: the concept's `keyIds` (on AWS the ARN identifies a key everywhere). */
  public readonly keyIds: Readonly<Record<string, pulumi.Output<string>>>;
  /** Alias names by key name (`alias/<app>-<env>-<key>`). */
  public readonly aliasNames: Readonly<Record<string, string>>;
  /** The alias prefix standing in for the ring. */
  public readonly keyRingId: pulumi.Output<string>;
  /** The resolved key settings. */
  public readonly keySpecs: readonly AwsKeySpec[];
  private readonly children: { keys: Record<string, aws.kms.Key>; aliases: Record<string, aws.kms.Alias> };

  constructor(name: string, args: AwsKmsKeyRingArgs, opts?: pulumi.ComponentResourceOptions) {
    super(KMS_KEY_RING_TYPE, name, {}, opts);
    const ctx: AwsContext = args.ctx;
    const protect = args.protect ?? AWS_KMS_DEFAULTS.protect;
    const specs = normalizeAwsKeys(name, args);
    const account = accountIdOf(ctx, this);
    const prefix = `alias/${physicalName([ctx.app, ctx.env, name === "kms" ? "" : name], { maxLength: 200 })}`;
    const keys: Record<string, aws.kms.Key> = {};
    const aliases: Record<string, aws.kms.Alias> = {};
    const arns: Record<string, pulumi.Output<string>> = {};
    const aliasNames: Record<string, string> = {};
    for (const spec of specs) {
      const key = new aws.kms.Key(
        ...transform(
          args.transform?.key,
          childName(name, "key", spec.name),
          {
            description: `${ctx.app} ${ctx.env} ${spec.name} (${spec.purpose}), managed by the platform`,
            customerMasterKeySpec: spec.customerMasterKeySpec,
            keyUsage: spec.keyUsage,
            enableKeyRotation: spec.rotationDays !== undefined,
            ...(spec.rotationDays !== undefined ? { rotationPeriodInDays: spec.rotationDays } : {}),
            deletionWindowInDays: spec.deletionWindowDays,
            multiRegion: args.multiRegion ?? AWS_KMS_DEFAULTS.multiRegion,
            ...(args.customKeyStoreId !== undefined ? { customKeyStoreId: args.customKeyStoreId } : {}),
            bypassPolicyLockoutSafetyCheck: false,
            policy: policyJson(
              keyPolicyStatements(spec, { account, region: ctx.region, admins: args.administrators ?? [] }),
            ),
            tags: platformTags(ctx, "kms", { key: spec.name }),
          },
          { parent: this, protect },
        ),
      );
      const aliasName = `${prefix}-${spec.name}`;
      aliases[spec.name] = new aws.kms.Alias(
        ...transform(
          args.transform?.alias,
          childName(name, "alias", spec.name),
          { name: aliasName, targetKeyId: key.keyId },
          { parent: this },
        ),
      );
      keys[spec.name] = key;
      arns[spec.name] = key.arn;
      aliasNames[spec.name] = aliasName;
    }
    this.keySpecs = specs;
    this.keyArns = arns;
    this.keyIds = arns;
    this.aliasNames = aliasNames;
    this.keyRingId = pulumi.output(prefix);
    this.children = { keys, aliases };
    this.registerOutputs({ keyArns: this.keyArns, keyRingId: this.keyRingId });
  }

  /** Raw children, an escape hatch for wiring this library does not cover. */
  public get nodes() {
    return this.children;
  }
}
