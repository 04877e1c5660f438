import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { AwsContext } from "./context";
import { transform as applyTransform } from "./transform";

/**
 * Small AWS helpers every AWS implementation uses: the account id, IAM policy documents and
 * trust policies. Pure except {@link accountIdOf}, which reads the caller identity only when the
 * stack does not pin its account.
 */

/** One IAM policy statement (the subset the platform writes). */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: "Allow" | "Deny";
  readonly Principal?: Record<string, pulumi.Input<string> | pulumi.Input<string>[]> | "*";
  readonly Action: string | readonly string[];
  readonly Resource?: pulumi.Input<string> | readonly pulumi.Input<string>[];
  readonly Condition?: Record<string, Record<string, pulumi.Input<string> | pulumi.Input<string>[]>>;
}

/**
 * A policy document as the JSON string IAM, KMS, SNS and S3 want, resolving every Input inside.
 * Statements keep their order, so a diff shows exactly which statement changed.
 *
 * @example
 * ```ts
 * policyJson([{ Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: [secret.arn] }]);
 * ```
 */
export function policyJson(statements: readonly PolicyStatement[]): pulumi.Output<string> {
  return pulumi
    .output(statements as unknown as pulumi.Input<unknown>[])
    .apply((s) => JSON.stringify({ Version: "2012-10-17", Statement: s }));
}

/**
 * Trust policy letting one AWS service assume a role, limited to this account (confused-deputy
 * protection) when the account is known.
 *
 * @example
 * ```ts
 * assumeRolePolicy("lambda.amazonaws.com", accountId);
 * ```
 */
export function assumeRolePolicy(service: string, accountId?: pulumi.Input<string>): pulumi.Output<string> {
  return policyJson([
    {
      Effect: "Allow",
      Principal: { Service: service },
      Action: "sts:AssumeRole",
      ...(accountId !== undefined ? { Condition: { StringEquals: { "aws:SourceAccount": accountId } } } : {}),
    },
  ]);
}

/**
 * The account the stack deploys to: the pinned `aws:allowedAccountIds` entry, else the caller
 * identity (an invoke, answered by the mock runtime offline).
 *
 * @example
 * ```ts
 * const account = accountIdOf(ctx, this);
 * ```
 */
export function accountIdOf(ctx: AwsContext, parent: pulumi.Resource): pulumi.Output<string> {
  if (ctx.accountId !== undefined) return pulumi.output(ctx.accountId);
  return aws.getCallerIdentityOutput({}, { parent }).apply((c) => c.accountId);
}

/**
 * `arn:aws:<service>:<region>:<account>:<resource>` (commercial partition).
 *
 * @example
 * ```ts
 * arnOf("logs", "us-east-1", "123456789012", "log-group:/aws/lambda/x"); // "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/x"
 * ```
 */
export function arnOf(
  service: string,
  region: string,
  account: pulumi.Input<string>,
  resource: string,
): pulumi.Output<string> {
  return pulumi.interpolate`arn:aws:${service}:${region}:${account}:${resource}`;
}

/** KMS actions by use: the only sets the platform grants. */
export const KMS_ACTIONS = {
  encrypt: ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"],
  sign: ["kms:Sign", "kms:Verify", "kms:GetPublicKey", "kms:DescribeKey"],
  publicKey: ["kms:GetPublicKey", "kms:DescribeKey"],
} as const;
/** A KMS use. */
export type KmsUse = keyof typeof KMS_ACTIONS;

/** Grant operations per use (the KMS Grant API names, without the `kms:` prefix). */
export const KMS_GRANT_OPERATIONS = {
  encrypt: ["Encrypt", "Decrypt", "GenerateDataKey", "DescribeKey"],
  sign: ["Sign", "Verify", "GetPublicKey", "DescribeKey"],
  publicKey: ["GetPublicKey", "DescribeKey"],
} as const satisfies Record<KmsUse, readonly string[]>;

/** Options for {@link createAwsSecret}. */
export interface AwsSecretArgs {
  readonly ctx: AwsContext;
  /** Component instance name; children are `${owner}-${role}-secret[-version]`. */
  readonly owner: string;
  /** What the secret holds, e.g. `master`, `auth`. */
  readonly role: string;
  readonly data: pulumi.Input<string>;
  readonly tags: Readonly<Record<string, string>>;
  /** CMK (CKV_AWS_149). @default the AWS-managed `aws/secretsmanager` key */
  readonly kmsKeyArn?: pulumi.Input<string>;
  /** Pulumi `protect` and a 30-day recovery window (else 7). @default false */
  readonly protect?: boolean;
  /**
   * A rotation owns the value after the first version: a later `up` must not write the original
   * value back over a rotated one (the version's `secretString` is ignored after creation). @default false
   */
  readonly rotated?: boolean;
  readonly parent: pulumi.Resource;
  readonly transform?: {
    readonly secret?: import("./transform").Transform<aws.secretsmanager.SecretArgs>;
  };
}

/**
 * A Secrets Manager secret with one version holding `data` (always marked secret), encrypted
 * with the CMK when given. Deleting it waits 30 days when protected (7 otherwise), so a mistaken
 * destroy can be undone with RestoreSecret.
 *
 * @example
 * ```ts
 * const { secret } = createAwsSecret({ ctx, owner: "db", role: "master", data, tags, kmsKeyArn, protect: true, parent: this });
 * ```
 */
export function createAwsSecret(a: AwsSecretArgs): {
  secret: aws.secretsmanager.Secret;
  version: aws.secretsmanager.SecretVersion;
} {
  const { ctx } = a;
  const protect = a.protect ?? false;
  const [n, args, o] = applyTransform(
    a.transform?.secret,
    `${a.owner}-${a.role}-secret`,
    {
      name: `${ctx.app}/${ctx.env}/${a.owner}-${a.role}`,
      description: `${a.role} of ${a.owner} (${ctx.app} ${ctx.env}), managed by the platform`,
      recoveryWindowInDays: protect ? 30 : 7,
      ...(a.kmsKeyArn !== undefined ? { kmsKeyId: a.kmsKeyArn } : {}),
      tags: { ...a.tags },
    },
    { parent: a.parent, protect },
  );
  const secret = new aws.secretsmanager.Secret(n, args, o);
  const version = new aws.secretsmanager.SecretVersion(
    `${a.owner}-${a.role}-secret-version`,
    { secretId: secret.id, secretString: pulumi.secret(a.data) },
    { parent: a.parent, ...(a.rotated ? { ignoreChanges: ["secretString"] } : {}) },
  );
  return { secret, version };
}

/** Options for {@link createAlertTopic}. */
export interface AlertTopicArgs {
  readonly ctx: AwsContext;
  /** Component instance name; children are `${owner}-topic…`. */
  readonly owner: string;
  /** What the topic carries, e.g. `budget` or `alerts`. */
  readonly purpose: string;
  /** AWS services allowed to publish (scoped to this account): `budgets`, `cloudwatch`. */
  readonly publishers: readonly ("budgets" | "cloudwatch")[];
  /** Email subscriptions (each address confirms once). @default [] */
  readonly emails?: readonly string[];
  /** CMK (its key policy must let the publishers use it: KmsKeyRing `servicePrincipals`). @default none */
  readonly kmsKeyArn?: pulumi.Input<string>;
  readonly account: pulumi.Input<string>;
  readonly tags: Readonly<Record<string, string>>;
  /** Region override (alarms on Route 53 health checks live in us-east-1). @default the provider's */
  readonly region?: string;
  readonly suffix?: string;
  readonly parent: pulumi.Resource;
}

/**
 * A KMS-encrypted SNS topic with a policy that lets only the named AWS services of this account
 * publish, plus one email subscription per address. Budgets and CloudWatch alarms both use it.
 *
 * @example
 * ```ts
 * const { topic } = createAlertTopic({ ctx, owner: name, purpose: "alerts", publishers: ["cloudwatch"], emails, kmsKeyArn, account, tags, parent: this });
 * ```
 */
export function createAlertTopic(a: AlertTopicArgs): {
  topic: aws.sns.Topic;
  policy: aws.sns.TopicPolicy;
  subscriptions: aws.sns.TopicSubscription[];
} {
  const base = a.suffix ? `${a.owner}-topic-${a.suffix}` : `${a.owner}-topic`;
  const region = a.region !== undefined ? { region: a.region } : {};
  const topic = new aws.sns.Topic(
    base,
    {
      name: [a.ctx.app, a.ctx.env, a.owner, a.purpose, a.suffix].filter(Boolean).join("-").slice(0, 256),
      displayName: `${a.ctx.app} ${a.ctx.env} ${a.purpose}`.slice(0, 100),
      ...(a.kmsKeyArn !== undefined ? { kmsMasterKeyId: a.kmsKeyArn } : {}),
      tags: { ...a.tags },
      ...region,
    },
    { parent: a.parent },
  );
  const policy = new aws.sns.TopicPolicy(
    `${base}-policy`,
    {
      arn: topic.arn,
      policy: policyJson(
        a.publishers.map((p) => ({
          Sid: `${p}Publish`,
          Effect: "Allow" as const,
          Principal: { Service: `${p}.amazonaws.com` },
          Action: "SNS:Publish",
          Resource: topic.arn,
          Condition: { StringEquals: { "aws:SourceAccount": a.account } },
        })),
      ),
      ...region,
    },
    { parent: a.parent },
  );
  const subscriptions = (a.emails ?? []).map(
    (email, i) =>
      new aws.sns.TopicSubscription(
        `${base}-email-${i}`,
        { topic: topic.arn, protocol: "email", endpoint: email, ...region },
        { parent: a.parent },
      ),
  );
  return { topic, policy, subscriptions };
}
