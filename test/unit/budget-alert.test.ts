import { beforeAll, beforeEach, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { BudgetAlert, BUDGET_ALERT_TYPE, DEFAULTS } from "../../components/budget-alert";
import type { PlatformContext } from "../../components/shared/context";
import { promiseOf, setupMocks } from "../support/harness";

const BUDGET = "gcp:billing/budget:Budget";
const CHANNEL = "gcp:monitoring/notificationChannel:NotificationChannel";
const TOPIC = "gcp:pubsub/topic:Topic";
const TOPIC_MEMBER = "gcp:pubsub/topicIAMMember:TopicIAMMember";
const ACCOUNT = "01ABCD-23EF45-6789AB";

const ctx: PlatformContext = {
  env: "dev",
  profile: "dev",
  app: "shop",
  project: "acme-dev",
  region: "europe-west1",
  labels: { team: "core" },
};

let rec: Awaited<ReturnType<typeof setupMocks>>;
beforeAll(async () => {
  rec = await setupMocks();
});
beforeEach(() => rec.reset());

async function build(name: string, args: Omit<ConstructorParameters<typeof BudgetAlert>[1], "ctx">, c = ctx) {
  const b = new BudgetAlert(name, { ctx: c, ...args });
  await promiseOf(b.budgetName);
  await promiseOf(b.topicId);
  await rec.settled();
  return b;
}

describe("BudgetAlert inventory", () => {
  it("minimal budget: one Budget, nothing else, defaults on the child", async () => {
    await build("b1", { billingAccount: ACCOUNT, amount: 20 });
    expect(rec.counts("b1")).toEqual({ [BUDGET_ALERT_TYPE]: 1, [BUDGET]: 1 });
    const budget = rec.find(BUDGET, "b1-budget");
    expect(budget.parent).toContain(BUDGET_ALERT_TYPE);
    expect(budget.inputs["billingAccount"]).toBe(ACCOUNT);
    expect(budget.inputs["displayName"]).toBe("shop-dev-b1");
    expect(budget.inputs["amount"]).toEqual({
      specifiedAmount: { currencyCode: DEFAULTS.currency, units: "20", nanos: 0 },
    });
    expect(budget.inputs["thresholdRules"]).toEqual([
      { thresholdPercent: 0.5, spendBasis: "CURRENT_SPEND" },
      { thresholdPercent: 0.9, spendBasis: "CURRENT_SPEND" },
      { thresholdPercent: 1, spendBasis: "CURRENT_SPEND" },
      { thresholdPercent: 1, spendBasis: "FORECASTED_SPEND" },
    ]);
    expect(budget.inputs["budgetFilter"]).toEqual({
      projects: ["projects/123456789012"],
      labels: { env: "dev" },
      calendarPeriod: "MONTH",
      creditTypesTreatment: "INCLUDE_ALL_CREDITS",
    });
    // Default recipients stay on: nobody configured a channel.
    expect(budget.inputs["allUpdatesRule"]).toEqual({ disableDefaultIamRecipients: false });
  });

  it("emails become channels wired into allUpdatesRule; topic gets the billing publisher grant", async () => {
    const b = await build("b2", {
      billingAccount: ACCOUNT,
      amount: 1234.56,
      currency: "EUR",
      notifyEmails: ["ops@acme.com", "finops@acme.com"],
      pubsubTopic: true,
      notifyBillingAdmins: false,
    });
    expect(rec.counts("b2")).toEqual({
      [BUDGET_ALERT_TYPE]: 1,
      [BUDGET]: 1,
      [CHANNEL]: 2,
      [TOPIC]: 1,
      [TOPIC_MEMBER]: 1,
    });
    const ch = rec.find(CHANNEL, "b2-email-1");
    expect(ch.inputs["type"]).toBe("email");
    expect(ch.inputs["labels"]).toEqual({ email_address: "finops@acme.com" });
    expect(ch.inputs["userLabels"]).toEqual({
      team: "core",
      env: "dev",
      app: "shop",
      component: "budget",
      "managed-by": "platform",
    });
    const topic = rec.find(TOPIC, "b2-topic");
    expect(topic.inputs["name"]).toBe("shop-dev-b2-budget");
    expect(topic.inputs["labels"]).toMatchObject({
      env: "dev",
      app: "shop",
      component: "budget",
      "managed-by": "platform",
    });
    const grant = rec.find(TOPIC_MEMBER, "b2-topic-publisher");
    expect(grant.inputs).toMatchObject({
      topic: "shop-dev-b2-budget",
      role: "roles/pubsub.publisher",
      member: "serviceAccount:billing-budget-alert@system.gserviceaccount.com",
    });
    const budget = rec.find(BUDGET, "b2-budget");
    expect(budget.inputs["amount"]).toEqual({
      specifiedAmount: { currencyCode: "EUR", units: "1234", nanos: 560000000 },
    });
    expect(budget.inputs["allUpdatesRule"]).toEqual({
      disableDefaultIamRecipients: true,
      monitoringNotificationChannels: [
        "projects/acme-dev/notificationChannels/b2-email-0",
        "projects/acme-dev/notificationChannels/b2-email-1",
      ],
      pubsubTopic: "projects/acme-dev/topics/shop-dev-b2-budget",
      schemaVersion: "1.0",
    });
    // The budget waits for the grant, or Cloud Billing rejects the topic.
    expect(budget.dependencies).toContain(grant.urn);
    expect(await promiseOf(b.topicId)).toBe("projects/acme-dev/topics/shop-dev-b2-budget");
    expect(await promiseOf(b.budgetName)).toBe(`billingAccounts/${ACCOUNT}/budgets/b2-budget`);
    expect(await Promise.all(b.notificationChannelIds.map((o) => promiseOf(o)))).toEqual([
      "projects/acme-dev/notificationChannels/b2-email-0",
      "projects/acme-dev/notificationChannels/b2-email-1",
    ]);
  });

  it("label filter: app or none instead of env; last-period amount; custom rules", async () => {
    await build("b3", {
      billingAccount: ACCOUNT,
      amount: "LAST_PERIOD",
      labelFilter: "app",
      thresholds: [0.8],
      forecastThresholds: [],
    });
    const b3 = rec.find(BUDGET, "b3-budget");
    expect(b3.inputs["amount"]).toEqual({ lastPeriodAmount: true });
    expect((b3.inputs["budgetFilter"] as any).labels).toEqual({ app: "shop" });
    expect(b3.inputs["thresholdRules"]).toEqual([{ thresholdPercent: 0.8, spendBasis: "CURRENT_SPEND" }]);
    await build("b4", {
      billingAccount: ACCOUNT,
      amount: 5,
      labelFilter: "none",
      creditTypesTreatment: "EXCLUDE_ALL_CREDITS",
    });
    const b4 = rec.find(BUDGET, "b4-budget");
    expect(b4.inputs["budgetFilter"]).toEqual({
      projects: ["projects/123456789012"],
      calendarPeriod: "MONTH",
      creditTypesTreatment: "EXCLUDE_ALL_CREDITS",
    });
  });

  it("the env label value is the sanitized label the platform stamps on resources", async () => {
    await build("b5", { billingAccount: ACCOUNT, amount: 20 }, { ...ctx, env: "PR-123" });
    expect((rec.find(BUDGET, "b5-budget").inputs["budgetFilter"] as any).labels).toEqual({ env: "pr-123" });
  });

  it("existing channels count towards the limit of 5 and are passed through", async () => {
    await build("b6", {
      billingAccount: ACCOUNT,
      amount: 20,
      notifyEmails: ["a@acme.com"],
      notificationChannels: ["projects/p/notificationChannels/9"],
    });
    expect(
      (rec.find(BUDGET, "b6-budget").inputs["allUpdatesRule"] as any).monitoringNotificationChannels,
    ).toEqual(["projects/acme-dev/notificationChannels/b6-email-0", "projects/p/notificationChannels/9"]);
    expect(
      () =>
        new BudgetAlert("b7", {
          ctx,
          billingAccount: ACCOUNT,
          amount: 20,
          notifyEmails: ["a@x.io", "b@x.io", "c@x.io", "d@x.io"],
          notificationChannels: ["projects/p/notificationChannels/1", "projects/p/notificationChannels/2"],
        }),
    ).toThrow(
      "BudgetAlert 'b7': notifyEmails + notificationChannels must be at most 5 (Cloud Billing's limit), got 6",
    );
  });

  it("transform blocks reach the children", async () => {
    await build("b8", {
      billingAccount: ACCOUNT,
      amount: 20,
      pubsubTopic: true,
      transform: {
        budget: { ownershipScope: "BILLING_ACCOUNT" },
        topic: (a) => {
          a.messageRetentionDuration = "86400s";
        },
      },
    });
    expect(rec.find(BUDGET, "b8-budget").inputs["ownershipScope"]).toBe("BILLING_ACCOUNT");
    expect(rec.find(TOPIC, "b8-topic").inputs["messageRetentionDuration"]).toBe("86400s");
  });

  it("no topic: topicId resolves to undefined", async () => {
    const b = await build("b9", { billingAccount: ACCOUNT, amount: 20 });
    expect(await promiseOf(b.topicId)).toBeUndefined();
    expect(b.nodes.topic).toBeUndefined();
  });
});
