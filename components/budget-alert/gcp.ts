import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { platformLabels } from "../shared/labels";
import { childName, physicalName } from "../shared/naming";
import { afterAll } from "../shared/outputs";
import { createEmailChannel } from "../shared/notifications";
import { transform } from "../shared/transform";
import { BILLING_PUBLISHER, DEFAULTS, normalizeBudget, type BudgetAlertArgs, type BudgetSpec } from "./spec";

/** Type token of {@link BudgetAlert}. */
export const BUDGET_ALERT_TYPE = "platform:cost:BudgetAlert";

/** The `component` label value of everything BudgetAlert creates. */
const COMPONENT = "budget";

/**
 * A monthly Cloud Billing budget for one environment: scoped to the project (by number) and to the
 * platform label every resource carries (`env` by default), with threshold rules on actual spend
 * (50 / 90 / 100 % by default) and on forecasted spend (100 %), one email notification channel
 * per address, and optionally a Pub/Sub topic that receives every budget update so automation can
 * act on it (scale dev to zero, page someone).
 *
 * Billing account administrators keep getting Cloud Billing's default threshold emails unless
 * `notifyBillingAdmins: false` (then the channels or topic must exist).
 *
 * ### Cost
 * Budgets and email notification channels are **free**. The optional topic costs only its
 * messages (a few per day, well inside the Pub/Sub free tier): effectively **$0/month**.
 *
 * @example
 * ```ts
 * const budget = new BudgetAlert("budget", {
 *   ctx,
 *   billingAccount: "01ABCD-23EF45-6789AB",
 *   amount: 250,
 *   notifyEmails: ["ops@acme.com"],
 *   pubsubTopic: true,
 * });
 * export const budgetName = budget.budgetName;
 * ```
 */
export class BudgetAlert extends pulumi.ComponentResource {
  /** Budget resource name (`billingAccounts/…/budgets/…`). */
  public readonly budgetName: pulumi.Output<string>;
  /** Pub/Sub topic (`projects/…/topics/…`) receiving budget updates, after Cloud Billing may publish; undefined without one. */
  public readonly topicId: pulumi.Output<string | undefined>;
  /** Names of the email notification channels created here. */
  public readonly notificationChannelIds: pulumi.Output<string>[];
  /** The resolved settings (defaults applied). */
  public readonly spec: BudgetSpec;
  private readonly children: {
    budget: gcp.billing.Budget;
    channels: gcp.monitoring.NotificationChannel[];
    topic?: gcp.pubsub.Topic;
    publisher?: gcp.pubsub.TopicIAMMember;
  };

  constructor(name: string, args: BudgetAlertArgs, opts?: pulumi.ComponentResourceOptions) {
    super(BUDGET_ALERT_TYPE, name, {}, opts);
    const ctx = args.ctx;
    const spec = normalizeBudget(name, args);
    const labels = platformLabels(ctx, COMPONENT);
    const channels = spec.notifyEmails.map((email, i) => createChannel(this, email, i));
    const topic = spec.pubsubTopic ? createTopic(this) : undefined;
    const publisher = topic ? createPublisherGrant(this, topic) : undefined;
    const topicPath = topic
      ? afterAll(pulumi.interpolate`projects/${topic.project}/topics/${topic.name}`, [publisher!])
      : undefined;
    const budget = createBudget(this, channels, topicPath, publisher);

    this.spec = spec;
    this.budgetName = budget.name;
    this.topicId = topicPath ?? pulumi.output(undefined);
    this.notificationChannelIds = channels.map((c) => c.name);
    this.children = { budget, channels, ...(topic ? { topic } : {}), ...(publisher ? { publisher } : {}) };
    this.registerOutputs({
      budgetName: this.budgetName,
      topicId: this.topicId,
      notificationChannelIds: this.notificationChannelIds,
    });

    function createChannel(
      parent: BudgetAlert,
      email: string,
      i: number,
    ): gcp.monitoring.NotificationChannel {
      return createEmailChannel({
        ctx,
        owner: name,
        index: i,
        email,
        purpose: "budget alerts",
        labels,
        parent,
        ...(args.transform?.notificationChannel ? { transform: args.transform.notificationChannel } : {}),
      });
    }

    function createTopic(parent: BudgetAlert): gcp.pubsub.Topic {
      return new gcp.pubsub.Topic(
        ...transform(
          args.transform?.topic,
          childName(name, "topic"),
          {
            project: ctx.project,
            name: physicalName([ctx.app, ctx.env, name, "budget"], { maxLength: 255 }),
            labels,
            // Budget updates arrive several times a day; a week of history is enough to replay.
            messageRetentionDuration: "604800s",
            ...(args.kmsKeyName !== undefined ? { kmsKeyName: args.kmsKeyName } : {}),
          },
          { parent },
        ),
      );
    }

    function createPublisherGrant(parent: BudgetAlert, t: gcp.pubsub.Topic): gcp.pubsub.TopicIAMMember {
      // Cloud Billing publishes as its own service account; without this grant the API refuses
      // the topic (the console adds it silently, the API does not for every caller).
      return new gcp.pubsub.TopicIAMMember(
        ...transform(
          args.transform?.topicIamMember,
          childName(name, "topic", "publisher"),
          { project: ctx.project, topic: t.name, role: "roles/pubsub.publisher", member: BILLING_PUBLISHER },
          { parent },
        ),
      );
    }

    function createBudget(
      parent: BudgetAlert,
      chans: gcp.monitoring.NotificationChannel[],
      topicName: pulumi.Output<string> | undefined,
      grant: gcp.pubsub.TopicIAMMember | undefined,
    ): gcp.billing.Budget {
      const projectNumber = gcp.organizations
        .getProjectOutput({ projectId: ctx.project }, { parent })
        .apply((p) => p.number);
      const channelNames = [...chans.map((c) => c.name), ...(args.notificationChannels ?? [])];
      const labelFilter =
        spec.labelFilter === "none" ? {} : { labels: { [spec.labelFilter]: labels[spec.labelFilter]! } };
      return new gcp.billing.Budget(
        ...transform(
          args.transform?.budget,
          childName(name, "budget"),
          {
            billingAccount: spec.billingAccount,
            displayName: physicalName([ctx.app, ctx.env, name], { maxLength: 60 }),
            amount:
              spec.amount === "LAST_PERIOD"
                ? { lastPeriodAmount: true }
                : {
                    specifiedAmount: {
                      currencyCode: spec.currency,
                      units: spec.amount.units,
                      nanos: spec.amount.nanos,
                    },
                  },
            budgetFilter: {
              projects: [pulumi.interpolate`projects/${projectNumber}`],
              ...labelFilter,
              calendarPeriod: DEFAULTS.calendarPeriod,
              creditTypesTreatment: spec.creditTypesTreatment,
            },
            thresholdRules: spec.thresholdRules.map((r) => ({
              thresholdPercent: r.thresholdPercent,
              spendBasis: r.spendBasis,
            })),
            allUpdatesRule: {
              disableDefaultIamRecipients: !spec.notifyBillingAdmins,
              ...(channelNames.length > 0 ? { monitoringNotificationChannels: channelNames } : {}),
              ...(topicName ? { pubsubTopic: topicName, schemaVersion: "1.0" } : {}),
            },
          },
          { parent, ...(grant ? { dependsOn: [grant] } : {}) },
        ),
      );
    }
  }

  /** Raw children, an escape hatch for wiring this library does not cover. */
  public get nodes() {
    return this.children;
  }
}
