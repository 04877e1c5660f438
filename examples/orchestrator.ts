import { destroy, outputs, preview, refresh, up } from "../orchestrator";

// The orchestrator from code: the same program (Pulumi.yaml `main`) and stack files as the CLI.
// Library functions never prompt; confirmation (`--yes`) is the CLI's.
export async function deploy(): Promise<boolean> {
  const plan = await preview({ env: ["dev", "staging"] });
  if (!plan.ok) return false;
  const run = await up({ env: ["dev", "staging"], waitForLockMs: 5 * 60_000 });
  for (const r of run.results) console.log(r.env, r.status, r.changes);
  const drift = await refresh({ env: "prod", previewOnly: true, expectNoChanges: true });
  const { results } = await outputs({ env: "dev" }); // secrets as "[secret]" unless showSecrets
  console.log(results[0]?.outputs, drift.ok);
  return run.ok;
}

// Prod-profile stacks are destroyed only when named in `confirm`.
export const teardown = () => destroy({ env: "dev", confirm: "dev" });
