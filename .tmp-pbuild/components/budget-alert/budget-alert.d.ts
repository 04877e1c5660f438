import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { type BudgetAlertArgs, type BudgetSpec } from "./spec";
/** Type token of {@link BudgetAlert}. */
export declare const BUDGET_ALERT_TYPE = "platform:cost:BudgetAlert";
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
export declare class BudgetAlert extends pulumi.ComponentResource {
    /** Budget resource name (`billingAccounts/…/budgets/…`). */
    readonly budgetName: pulumi.Output<string>;
    /** Pub/Sub topic (`projects/…/topics/…`) receiving budget updates, after Cloud Billing may publish; undefined without one. */
    readonly topicId: pulumi.Output<string | undefined>;
    /** Names of the email notification channels created here. */
    readonly notificationChannelIds: pulumi.Output<string>[];
    /** The resolved settings (defaults applied). */
    readonly spec: BudgetSpec;
    private readonly children;
    constructor(name: string, args: BudgetAlertArgs, opts?: pulumi.ComponentResourceOptions);
    /** Raw children, an escape hatch for wiring this library does not cover. */
    get nodes(): {
        budget: gcp.billing.Budget;
        channels: gcp.monitoring.NotificationChannel[];
        topic?: gcp.pubsub.Topic;
        publisher?: gcp.pubsub.TopicIAMMember;
    };
}
