"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.BudgetAlert = exports.BUDGET_ALERT_TYPE = void 0;
const gcp = __importStar(require("@pulumi/gcp"));
const pulumi = __importStar(require("@pulumi/pulumi"));
const labels_1 = require("../shared/labels");
const naming_1 = require("../shared/naming");
const outputs_1 = require("../shared/outputs");
const transform_1 = require("../shared/transform");
const spec_1 = require("./spec");
/** Type token of {@link BudgetAlert}. */
exports.BUDGET_ALERT_TYPE = "platform:cost:BudgetAlert";
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
class BudgetAlert extends pulumi.ComponentResource {
    /** Budget resource name (`billingAccounts/…/budgets/…`). */
    budgetName;
    /** Pub/Sub topic (`projects/…/topics/…`) receiving budget updates, after Cloud Billing may publish; undefined without one. */
    topicId;
    /** Names of the email notification channels created here. */
    notificationChannelIds;
    /** The resolved settings (defaults applied). */
    spec;
    children;
    constructor(name, args, opts) {
        super(exports.BUDGET_ALERT_TYPE, name, {}, opts);
        const ctx = args.ctx;
        const spec = (0, spec_1.normalizeBudget)(name, args);
        const labels = (0, labels_1.platformLabels)(ctx, COMPONENT);
        const channels = spec.notifyEmails.map((email, i) => createChannel(this, email, i));
        const topic = spec.pubsubTopic ? createTopic(this) : undefined;
        const publisher = topic ? createPublisherGrant(this, topic) : undefined;
        const topicPath = topic
            ? (0, outputs_1.afterAll)(pulumi.interpolate `projects/${topic.project}/topics/${topic.name}`, [publisher])
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
        function createChannel(parent, email, i) {
            return new gcp.monitoring.NotificationChannel(...(0, transform_1.transform)(args.transform?.notificationChannel, (0, naming_1.childName)(name, "email", String(i)), {
                project: ctx.project,
                type: "email",
                displayName: `${ctx.app} ${ctx.env} budget: ${email}`,
                labels: { email_address: email },
                userLabels: labels,
                description: `Budget alerts for ${ctx.app} (${ctx.env}), managed by the platform library.`,
            }, { parent }));
        }
        function createTopic(parent) {
            return new gcp.pubsub.Topic(...(0, transform_1.transform)(args.transform?.topic, (0, naming_1.childName)(name, "topic"), {
                project: ctx.project,
                name: (0, naming_1.physicalName)([ctx.app, ctx.env, name, "budget"], { maxLength: 255 }),
                labels,
                // Budget updates arrive several times a day; a week of history is enough to replay.
                messageRetentionDuration: "604800s",
            }, { parent }));
        }
        function createPublisherGrant(parent, t) {
            // Cloud Billing publishes as its own service account; without this grant the API refuses
            // the topic (the console adds it silently, the API does not for every caller).
            return new gcp.pubsub.TopicIAMMember(...(0, transform_1.transform)(args.transform?.topicIamMember, (0, naming_1.childName)(name, "topic", "publisher"), { project: ctx.project, topic: t.name, role: "roles/pubsub.publisher", member: spec_1.BILLING_PUBLISHER }, { parent }));
        }
        function createBudget(parent, chans, topicName, grant) {
            const projectNumber = gcp.organizations
                .getProjectOutput({ projectId: ctx.project }, { parent })
                .apply((p) => p.number);
            const channelNames = [...chans.map((c) => c.name), ...(args.notificationChannels ?? [])];
            const labelFilter = spec.labelFilter === "none" ? {} : { labels: { [spec.labelFilter]: labels[spec.labelFilter] } };
            return new gcp.billing.Budget(...(0, transform_1.transform)(args.transform?.budget, (0, naming_1.childName)(name, "budget"), {
                billingAccount: spec.billingAccount,
                displayName: (0, naming_1.physicalName)([ctx.app, ctx.env, name], { maxLength: 60 }),
                amount: spec.amount === "LAST_PERIOD"
                    ? { lastPeriodAmount: true }
                    : {
                        specifiedAmount: {
                            currencyCode: spec.currency,
                            units: spec.amount.units,
                            nanos: spec.amount.nanos,
                        },
                    },
                budgetFilter: {
                    projects: [pulumi.interpolate `projects/${projectNumber}`],
                    ...labelFilter,
                    calendarPeriod: spec_1.DEFAULTS.calendarPeriod,
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
            }, { parent, ...(grant ? { dependsOn: [grant] } : {}) }));
        }
    }
    /** Raw children, an escape hatch for wiring this library does not cover. */
    get nodes() {
        return this.children;
    }
}
exports.BudgetAlert = BudgetAlert;
//# sourceMappingURL=budget-alert.js.map