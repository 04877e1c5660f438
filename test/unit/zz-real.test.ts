import { readFileSync } from "node:fs";
import { it } from "@jest/globals";
import { checkInventory } from "../../plan/guards";
it("real", async () => {
  for (const [env, profile] of [["k8s-dev", "dev"], ["k8s-prod", "prod"]] as const) {
    const inv = JSON.parse(readFileSync(`/tmp/k8sp/${env}.json`, "utf8"));
    const r = checkInventory(inv.resources, profile);
    console.log(env, "blocking", r.blocking.map((f) => `${f.id}: ${f.message}`).join("\n"), "\nadvisory", r.advisory.map((f) => `${f.id}: ${f.message}`).join("\n"), "\nunverified", r.unverified.map((f) => `${f.id}: ${f.message}`).join("\n"), "\nfailed", r.failedRules.map((x) => x.id + " " + x.level));
  }
});
import { k8sInventory } from "./k8s-fixtures";
it("fixtures", () => {
  for (const p of ["dev", "prod"] as const) {
    const r = checkInventory(k8sInventory(p), p);
    console.log(p, [...r.blocking, ...r.advisory, ...r.unverified].map((f) => `${f.id}: ${f.message}`).join("\n"));
  }
});
