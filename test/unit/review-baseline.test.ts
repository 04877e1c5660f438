import { execFile } from "node:child_process";
import * as path from "node:path";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { isBlocked, review } from "../../orchestrator/review";
import { renderComments, renderText, reviewJson } from "../../plan/render";

const ROOT = path.resolve(__dirname, "../..");
const CLI = path.join(ROOT, "dist/orchestrator/cli.js");
/** `pulumi preview --json` of prod: one Cloud SQL instance whose tier changes, nothing else (no --show-sames). */
const TIER_PREVIEW = path.join(ROOT, "test/fixtures/preview-prod-sql-tier.json");

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: ROOT, timeout: 120_000 }, (err, stdout, stderr) => {
      const code = err ? ((err as { code?: number }).code ?? 1) : 0;
      resolve({ code: typeof code === "number" ? code : 1, stdout, stderr });
    });
  });
}

describe("review judges the change, not the world", () => {
  it("a tier change on an instance that already lacked its flags is not blocked by what it did not cause", async () => {
    const [r] = await review({ envs: ["prod"], source: { kind: "file", path: TIER_PREVIEW } });
    expect(r!.findings.filter((f) => f.blocking)).toEqual([]);
    expect(isBlocked([r!])).toBe(false);
    // The flags the instance lacked before the change are still reported, as existing.
    const existing = r!.findings.filter((f) => f.class === "existing");
    expect(existing.map((f) => f.id)).toEqual(
      expect.arrayContaining(["gcp/pg-log-connections", "gcp/pg-pgaudit", "gcp/pg-log-temp-files"]),
    );
    expect(r!.findings.filter((f) => f.class === "introduced")).toEqual([]);
    // Stack-scope "absence" rules are not judged on a plan that holds one resource of the stack.
    expect(r!.findings.map((f) => f.id)).not.toContain("gcp/audit-logs-all-services");
    expect(r!.notEvaluated?.map((n) => n.id)).toEqual(
      expect.arrayContaining(["gcp/audit-logs-all-services", "gcp/log-alert-sql-config-changes"]),
    );
    expect(r!.notEvaluated?.every((n) => n.reason === "partial plan")).toBe(true);

    const json = reviewJson([r!]).environments[0]!;
    expect(json.findings.every((f) => f.class === "existing")).toBe(true);
    expect(json.guards).toMatchObject({ introduced: 0, existing: existing.length, fixed: 0 });
    const [comment] = renderComments([r!]);
    expect(comment).toContain(`0 introduced, ${existing.length} existing, 0 fixed`);
    expect(comment).toMatch(/not evaluated: partial plan/i);
    expect(renderText([r!])).toContain(`0 introduced, ${existing.length} existing, 0 fixed`);
  });

  it("the CLI exits 0 on that preview (it exited 3 with 14 blocking findings before)", async () => {
    const r = await cli(["review", "--env", "prod", "--preview-json", TIER_PREVIEW, "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as ReturnType<typeof reviewJson>;
    expect(doc.environments[0]!.findings.filter((f) => f.blocking)).toEqual([]);
  });
});
