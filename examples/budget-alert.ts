import { BudgetAlert } from "../components/budget-alert";
import type { PlatformContext } from "../components/shared";

const ctx: PlatformContext = {
  env: "prod",
  profile: "prod",
  app: "shop",
  project: "acme-shop-prod",
  region: "europe-west1",
};

// $1,500/month for this project's env=prod resources; email at 50/80/100 % of actual spend and
// at 90/100 % of forecast; a Pub/Sub topic for automation.
export const budget = new BudgetAlert("budget", {
  ctx,
  billingAccount: "01A2B3-C4D5E6-F7A8B9",
  amount: 1500,
  thresholds: [0.5, 0.8, 1.0],
  forecastThresholds: [0.9, 1.0],
  notifyEmails: ["platform-team@acme.example", "finance-alerts@acme.example"],
  pubsubTopic: true,
});
export const budgetName = budget.budgetName;
