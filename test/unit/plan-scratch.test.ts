import { it } from "vitest";
import { parseEventLog, parsePreviewJson, countChanges } from "../../plan/parse";
const dir = "/work/main/test/fixtures/pulumi-engine/";
it("x", async () => {
  for (const f of ["template-body.json","webserver-userdata.json","up-3.json","up-4.json","failed-stacks-dont-rewrite-operations.json","lifecycle-TestDeleteBeforeReplace-0-0-eventstream.json","lifecycle-TestPendingDeleteReplacement-1-eventstream.json","lifecycle-TestProviderPreviewUnknowns-2-eventstream.json","lifecycle-TestSimpleAnalyzeResourceMultipleViolations-eventstream.json"]) {
    const r = await parseEventLog(dir + f);
    console.log(f, r.steps.length, JSON.stringify(countChanges(r.steps)), JSON.stringify(r.summary?.resourceChanges), r.diagnostics.length, r.failures.length, r.policy.length, JSON.stringify(r.stats));
  }
  for (const f of ["preview-existing.json","pulumi-volume-dependecies.json","sample-preview-creates.json","sample-preview-deletes.json","sample-preview-update.json"]) {
    const r = await parsePreviewJson(dir + f);
    console.log(f, r.steps.length, JSON.stringify(countChanges(r.steps)), JSON.stringify(r.summary));
  }
  const r = await parseEventLog(dir + "webserver-userdata.json");
  console.log(r.steps.find(s => s.op === "replace"));
});
