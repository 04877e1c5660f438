// The orchestrator from code (a deploy pipeline): the same program and stack files as the CLI.
import { preview, up } from "@platform/pulumi-platform/orchestrator";

async function main(): Promise<void> {
  const drift = await preview({ env: "prod", expectNoChanges: true });
  if (!drift.ok) console.log("prod would change:", drift.results[0]?.changes);
  const run = await up({ env: ["dev"], waitForLockMs: 5 * 60_000 });
  for (const r of run.results) console.log(r.env, r.status, r.outputs?.["url"]);
  process.exitCode = run.ok ? 0 : 1;
}

void main();
