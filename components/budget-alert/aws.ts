import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { accountIdOf, createAlertTopic } from "../shared/aws";
import type { AwsContext } from "../shared/context";
import { PlatformError, show } from "../shared/errors";
import { platformTags } from "../shared/labels";
import { childName, physicalName } from "../shared/naming";
import { transform, type Transform } from "../shared/transform";
import { BUDGET_ALERT_TYPE } from "./gcp";
import { DEFAULTS, LabelFilter, validateAmount, validateEmails, validateThresholds } from "./spec";

/** AWS Budgets limits: notifications per budget and email subscribers per notification. */
export const AWS_BUDGET_LIMITS = { notifications: 5, emailsPerNotification: 10 } as const;

/**
 * Arguments of {@link AwsBudgetAlert}.
 *
 * @example
 * ```ts
 * const args: AwsBudgetAlertArgs = { ctx, amount: 20, notifyEmails: ["ops@acme.com"], kmsKeyArn };
 * ```
 */
export interface AwsBudgetAlertArgs {
  readonly ctx: AwsContext;
  /** Monthly cost budget in `currency`, > 0. */
  readonly amount: number;
  /** AWS Budgets bills in USD. @default "USD" */
  readonly currency?: "USD";
  /** Fractions of the amount on actual spend, ascending. @default [0.5, 0.9, 1.0] */
  readonly thresholds?: readonly number[];
  /** Fractions of the amount on forecasted spend. @default [1.0] */
  readonly forecastThresholds?: readonly number[];
  /** Email subscribers of every notification (at most 10). @default [] */
  readonly notifyEmails?: readonly string[];
  /** Also publish to a KMS-encrypted SNS topic (for automation). @default true */
  readonly snsTopic?: boolean;
  /** CMK for the topic; its key policy must allow `budgets` (KmsKeyRing servicePrincipals). @default none */
  readonly kmsKeyArn?: pulumi.Input<string>;
  /**
   * Which platform tag narrows the budget. The tag must be **activated as a cost-allocation tag**
   * in the Billing console (or with `aws.costexplorer.CostAllocationTag`), otherwise the budget
   * sees nothing. @default "env"
   */
  readonly labelFilter?: LabelFilter;
  readonly transform?: { budget?: Transform<aws.budgets.BudgetArgs> };
}

/** Resolved budget settings. */
export interface AwsBudgetSpec {
  readonly name: string;
  readonly limitAmount: string;
  readonly notifications: readonly { threshold: number; notificationType: "ACTUAL" | "FORECASTED" }[];
  readonly notifyEmails: readonly string[];
  readonly snsTopic: boolean;
  readonly labelFilter: LabelFilter;
}

/**
 * Applies defaults and validates (pure); throws one {@link PlatformError} listing every problem.
 *
 * @example
 * ```ts
 * normalizeAwsBudget("budget", { ctx, amount: 0 }); // PlatformError: BudgetAlert 'budget': amount must be > 0 …
 * ```
 */
export function normalizeAwsBudget(
  name: string,
  args: Omit<AwsBudgetAlertArgs, "transform" | "kmsKeyArn">,
): AwsBudgetSpec {
  const p: string[] = [...validateAmount("amount", args.amount)];
  if (args.currency !== undefined && args.currency !== "USD")
    p.push(`currency must be USD (AWS Budgets limits are in USD), got ${show(args.currency)}`);
  const thresholds = args.thresholds ?? DEFAULTS.thresholds;
  const forecast = args.forecastThresholds ?? DEFAULTS.forecastThresholds;
  p.push(
    ...validateThresholds("thresholds", thresholds),
    ...validateThresholds("forecastThresholds", forecast),
  );
  const total = thresholds.length + forecast.length;
  if (total === 0)
    p.push("thresholds and forecastThresholds are both empty; a budget needs at least one notification");
  if (total > AWS_BUDGET_LIMITS.notifications)
    p.push(
      `thresholds + forecastThresholds must be at most ${AWS_BUDGET_LIMITS.notifications} (AWS Budgets' limit per budget), got ${total}`,
    );
  const emails = args.notifyEmails ?? [];
  p.push(...validateEmails("notifyEmails", emails));
  if (emails.length > AWS_BUDGET_LIMITS.emailsPerNotification)
    p.push(
      `notifyEmails must list at most ${AWS_BUDGET_LIMITS.emailsPerNotification} addresses (AWS Budgets' limit), got ${emails.length}`,
    );
  const snsTopic = args.snsTopic ?? true;
  if (emails.length === 0 && !snsTopic)
    p.push("notifyEmails is empty and snsTopic is false: nobody would be notified");
  const labelFilter = args.labelFilter ?? DEFAULTS.labelFilter;
  if (!Object.values(LabelFilter).includes(labelFilter))
    p.push(`labelFilter must be one of ${Object.values(LabelFilter).join(" | ")}, got ${show(labelFilter)}`);
  if (p.length > 0) throw new PlatformError(`BudgetAlert '${name}': ${p.join("; ")}`);
  return {
    name: physicalName([args.ctx.app, args.ctx.env, name], { maxLength: 100 }),
    limitAmount: args.amount.toFixed(2),
    notifications: [
      ...thresholds.map((t) => ({
        threshold: Math.round(t * 10000) / 100,
        notificationType: "ACTUAL" as const,
      })),
      ...forecast.map((t) => ({
        threshold: Math.round(t * 10000) / 100,
        notificationType: "FORECASTED" as const,
      })),
    ],
    notifyEmails: emails,
    snsTopic,
    labelFilter,
  };
}

/**
 * BudgetAlert on AWS Budgets: a monthly COST budget filtered by the platform's `env` (or `app`)
 * tag, with notifications on actual (50/90/100 %) and forecasted (100 %) spend to email and a
 * KMS-encrypted SNS topic whose policy lets only AWS Budgets of this account publish. The filter
 * tag must be activated as a cost-allocation tag (Billing → Cost allocation tags), which AWS does
 * not do by itself; until then the budget reports $0.
 *
 * ### Cost
 * The first two budgets per account are free, then $0.02/day per budget; SNS email deliveries
 * are free for the first 1,000/month. Effectively **$0/month**.
 *
 * @example
 * ```ts
 * const budget = new AwsBudgetAlert("budget", { ctx, amount: 20, notifyEmails: ["ops@acme.com"], kmsKeyArn: kms.keyArns["data"] });
 * ```
 */
export class AwsBudgetAlert extends pulumi.ComponentResource {
  /** Budget name. */
  public readonly budgetName: pulumi.Output<string>;
  /** SNS topic ARN receiving the notifications; undefined without a topic. */
  public readonly topicArn: pulumi.Output<string | undefined>;
  public readonly spec: AwsBudgetSpec;
  private readonly children: Record<string, pulumi.Resource>;

  constructor(name: string, args: AwsBudgetAlertArgs, opts?: pulumi.ComponentResourceOptions) {
    super(BUDGET_ALERT_TYPE, name, {}, opts);
    const ctx = args.ctx;
    const spec = normalizeAwsBudget(name, args);
    const tags = platformTags(ctx, "budget");
    const account = accountIdOf(ctx, this);
    const topic = spec.snsTopic
      ? createAlertTopic({
          ctx,
          owner: name,
          purpose: "budget",
          publishers: ["budgets"],
          ...(args.kmsKeyArn !== undefined ? { kmsKeyArn: args.kmsKeyArn } : {}),
          account,
          tags,
          parent: this,
        })
      : undefined;
    const filterTag = spec.labelFilter === "none" ? undefined : tags[spec.labelFilter]!;
    const budget = new aws.budgets.Budget(
      ...transform(
        args.transform?.budget,
        childName(name, "budget"),
        {
          name: spec.name,
          budgetType: "COST",
          limitAmount: spec.limitAmount,
          limitUnit: "USD",
          timeUnit: "MONTHLY",
          // "user:<key>$<value>" is how Budgets names a user-defined cost-allocation tag.
          ...(filterTag !== undefined
            ? { costFilters: [{ name: "TagKeyValue", values: [`user:${spec.labelFilter}$${filterTag}`] }] }
            : {}),
          notifications: spec.notifications.map((n) => ({
            comparisonOperator: "GREATER_THAN",
            threshold: n.threshold,
            thresholdType: "PERCENTAGE",
            notificationType: n.notificationType,
            ...(spec.notifyEmails.length > 0 ? { subscriberEmailAddresses: [...spec.notifyEmails] } : {}),
            ...(topic ? { subscriberSnsTopicArns: [topic.topic.arn] } : {}),
          })),
          tags,
        },
        // Budgets checks that it may publish when the budget is saved.
        { parent: this, ...(topic ? { dependsOn: [topic.policy] } : {}) },
      ),
    );
    this.spec = spec;
    this.budgetName = budget.name;
    this.topicArn = topic ? topic.topic.arn : pulumi.output(undefined);
    this.children = { budget, ...(topic ? { topic: topic.topic, topicPolicy: topic.policy } : {}) };
    this.registerOutputs({ budgetName: this.budgetName, topicArn: this.topicArn });
  }

  /** Raw children, an escape hatch for wiring this library does not cover. */
  public get nodes() {
    return this.children;
  }
}
