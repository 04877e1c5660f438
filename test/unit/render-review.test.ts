import { join } from "node:path";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { diffInventories } from "../../plan/diff";
import type { CostLine, Finding, PlanStep } from "../../plan/model";
import { parseEventLog, parseInventory } from "../../plan/parse";
import {
  costRows,
  describeChanges,
  eachCostRow,
  envStatus,
  escapeHtml,
  formatDelta,
  formatMoney,
  formatValue,
  GITHUB_COMMENT_LIMIT,
  inlineCode,
  overallStatus,
  parseReviewMarker,
  renderComments,
  renderJson,
  renderMarkdown,
  renderText,
  reviewJson,
  reviewMarker,
  shouldColor,
  sortFindings,
  type EnvReview,
} from "../../plan/render";

const FIXTURES = join(__dirname, "../fixtures/pulumi-engine");
const STACK = "urn:pulumi:dev::platform::";

/** A base and head inventory of a small GCP environment (what `platform synth --json` prints). */
function gcpSteps(): PlanStep[] {
  const res = (type: string, name: string, inputs: Record<string, unknown>, protect = false) => ({
    urn: `${STACK}${type}::${name}`,
    type,
    name,
    parent: `${STACK}pulumi:pulumi:Stack::platform-dev`,
    inputs,
    protect,
  });
  const base = [
    res("pulumi:pulumi:Stack", "platform-dev", {}),
    res(
      "gcp:sql/databaseInstance:DatabaseInstance",
      "db-instance",
      {
        name: "acme-dev-db",
        region: "europe-west1",
        databaseVersion: "POSTGRES_15",
        settings: {
          tier: "db-custom-2-7680",
          backupConfiguration: { enabled: true },
          databaseFlags: [{ name: "log_connections", value: "on" }],
        },
        rootPassword: "[secret]",
      },
      true,
    ),
    res("gcp:redis/instance:Instance", "cache", { name: "acme-dev-cache", tier: "BASIC", memorySizeGb: 1 }),
    res(
      "gcp:kms/cryptoKey:CryptoKey",
      "keys-old",
      { name: "old", keyRing: "r", purpose: "ENCRYPT_DECRYPT" },
      true,
    ),
  ];
  const head = [
    base[0]!,
    res(
      "gcp:sql/databaseInstance:DatabaseInstance",
      "db-instance",
      {
        name: "acme-dev-db",
        region: "europe-west1",
        databaseVersion: "POSTGRES_15",
        settings: {
          tier: "db-custom-4-15360",
          backupConfiguration: { enabled: false },
          databaseFlags: [{ name: "log_connections", value: "off" }],
        },
        rootPassword: "[secret]",
      },
      true,
    ),
    res("gcp:redis/instance:Instance", "cache", {
      name: "acme-dev-cache",
      tier: "STANDARD_HA",
      memorySizeGb: 1,
    }),
    res("gcp:secretmanager/secret:Secret", "db-password", {
      secretId: "db-password",
      replication: { auto: {} },
      labels: { env: "dev" },
    }),
    res("gcp:cloudrunv2/service:Service", "api", {
      name: "api",
      location: "europe-west1",
      template: { containers: [{ image: "[unknown]", env: [{ name: "DB_PASSWORD", value: "[secret]" }] }] },
    }),
  ];
  return diffInventories(
    parseInventory({ env: "dev", stack: "dev", resources: base }),
    parseInventory({ env: "dev", stack: "dev", resources: head }),
  );
}

const dataLoss: Finding = {
  id: "platform/data-loss",
  severity: "critical",
  blocking: true,
  message:
    "Redis `cache` is replaced: its data is lost. Add the `platform/allow-data-loss` label to proceed.",
  urn: `${STACK}gcp:redis/instance:Instance::cache`,
  type: "gcp:redis/instance:Instance",
};
const backups: Finding = {
  id: "gcp/sql-backups",
  refs: ["CKV_GCP_14"],
  severity: "high",
  blocking: false,
  message: "Backups are disabled on `db-instance`.",
  urn: `${STACK}gcp:sql/databaseInstance:DatabaseInstance::db-instance`,
};
const note: Finding = {
  id: "platform/info",
  severity: "info",
  blocking: false,
  message: "Key keys-old is deleted.",
};

function devReview(): EnvReview {
  const urn = (t: string, n: string) => `${STACK}${t}::${n}`;
  return {
    env: "dev",
    stack: "acme/platform/dev",
    source: "offline",
    steps: gcpSteps(),
    findings: [note, backups, dataLoss],
    cost: {
      before: 85.08,
      after: 144.86,
      lines: [
        {
          urn: urn("gcp:sql/databaseInstance:DatabaseInstance", "db-instance"),
          type: "gcp:sql/databaseInstance:DatabaseInstance",
          name: "db-instance",
          baseline: 98.14,
        },
        {
          urn: urn("gcp:redis/instance:Instance", "cache"),
          type: "gcp:redis/instance:Instance",
          name: "cache",
          baseline: 46.72,
        },
        {
          urn: urn("gcp:cloudrunv2/service:Service", "api"),
          type: "gcp:cloudrunv2/service:Service",
          name: "api",
          notPriced: true,
        },
      ],
      beforeLines: [
        {
          urn: urn("gcp:sql/databaseInstance:DatabaseInstance", "db-instance"),
          type: "gcp:sql/databaseInstance:DatabaseInstance",
          name: "db-instance",
          baseline: 49.31,
        },
        {
          urn: urn("gcp:redis/instance:Instance", "cache"),
          type: "gcp:redis/instance:Instance",
          name: "cache",
          baseline: 35.77,
        },
      ],
      notPriced: ["gcp:cloudrunv2/service:Service"],
    },
    budget: { amount: 150, currency: "USD", status: "warn", message: "97% of the $150.00 budget" },
  };
}

async function prodReview(): Promise<EnvReview> {
  const r = await parseEventLog(join(FIXTURES, "lifecycle-TestProviderPreviewUnknowns-2-eventstream.json"));
  return { env: "prod", stack: "acme/platform/prod", source: "event-log", steps: r.steps, findings: [] };
}

describe("describeChanges", () => {
  it("lists leaf inputs for creates, detailed paths for updates, nothing for deletes, skips the stack", () => {
    const changes = describeChanges(gcpSteps());
    expect(changes.map((c) => [c.kind, c.name])).toEqual([
      ["update", "db-instance"],
      ["replace", "cache"],
      ["create", "db-password"],
      ["create", "api"],
      ["delete", "keys-old"],
    ]);
    expect(changes[0]!.properties.map((p) => p.path)).toEqual([
      "settings.tier",
      "settings.backupConfiguration.enabled",
      "settings.databaseFlags[0].value",
    ]);
    expect(changes[0]!.protect).toBe(true);
    expect(changes[1]!.properties).toEqual([
      { path: "tier", kind: "update-replace", old: "BASIC", new: "STANDARD_HA" },
    ]);
    expect(changes[2]!.properties.map((p) => p.path)).toEqual(["secretId", "replication.auto", "labels.env"]);
    expect(changes[4]!.properties).toEqual([]);
    expect(describeChanges(gcpSteps(), { maxProperties: 2 })[3]!.omitted).toBe(3);
  });

  it("computes property lines from inputs when the engine gave no detailed diff", async () => {
    const r = await parseEventLog(join(FIXTURES, "failed-stacks-dont-rewrite-operations.json"));
    const x = describeChanges(r.steps).find((c) => c.name === "test-x")!;
    expect(x.properties).toEqual([{ path: "quux", kind: "update", old: "quux12", new: "quux13" }]);
  });
});

describe("formatting", () => {
  it("shows secrets as [secret], unknowns as (known after apply), and cuts long values", () => {
    const steps = gcpSteps();
    const api = describeChanges(steps).find((c) => c.name === "api")!;
    const texts = api.properties.map((p) => `${p.path}=${formatValue(p.new)}`);
    expect(texts).toContain("template.containers[0].image=(known after apply)");
    expect(texts).toContain("template.containers[0].env[0].value=[secret]");
    expect(formatValue("x".repeat(500))).toHaveLength(120);
    expect(formatMoney(1234.5)).toBe("$1,234.50");
    expect(formatMoney(-3, "EUR")).toBe("-3.00 EUR");
    expect(formatDelta(12.3)).toBe("+$12.30");
    expect(formatDelta(-0.001)).toBe("$0.00");
    expect(inlineCode("a`b|c")).toBe("`` a`b\\|c ``");
    expect(escapeHtml("<!-- platform-review -->")).toBe("&lt;!-- platform-review --&gt;");
  });

  it("orders findings blocking first, then by severity", () => {
    expect(sortFindings([note, backups, dataLoss]).map((f) => f.id)).toEqual([
      "platform/data-loss",
      "gcp/sql-backups",
      "platform/info",
    ]);
  });

  it("derives statuses from errors, findings and budgets", async () => {
    const prod = await prodReview();
    expect(envStatus(prod)).toBe("ok");
    expect(envStatus({ ...prod, findings: [backups] })).toBe("warn");
    expect(envStatus({ ...prod, budget: { amount: 1, currency: "USD", status: "fail" } })).toBe("fail");
    expect(envStatus({ ...prod, error: "boom" })).toBe("fail");
    expect(overallStatus([prod, devReview()])).toBe("fail");
  });

  it("matches cost lines before and after by URN, biggest change first", () => {
    const rows = costRows(devReview().cost!);
    expect(
      rows.map((r) => [r.name, r.before, r.after, Math.round(r.delta * 100) / 100, r.notPriced]),
    ).toEqual([
      ["db-instance", 49.31, 98.14, 48.83, false],
      ["cache", 35.77, 46.72, 10.95, false],
      ["api", 0, undefined, 0, true],
    ]);
  });
});

describe("cost rows of a large plan", () => {
  // 60 after-lines and 25 before-lines: deltas that tie, unpriced lines, zero rows, deleted resources.
  const line = (i: number, amount: number | undefined): CostLine => ({
    urn: `${STACK}gcp:storage/bucket:Bucket::b${i}`,
    type: "gcp:storage/bucket:Bucket",
    name: `b${i % 7}-${i}`,
    ...(amount === undefined ? { notPriced: true } : { baseline: amount }),
  });
  const lines = Array.from({ length: 60 }, (_, i) => line(i, i % 11 === 0 ? undefined : (i * 37) % 13));
  const beforeLines = Array.from({ length: 25 }, (_, k) =>
    line(k * 3, k % 4 === 0 ? undefined : (k * 53) % 9),
  );
  const cost = { before: 0, after: 0, currency: "USD", lines, beforeLines, notPriced: [] };
  const review: EnvReview = { ...devReview(), findings: [], cost };

  /** The rows by the rule, written plainly: match by URN, deleted ones last, biggest |Δ| first. */
  function oracle() {
    const total = (l: CostLine) => (l.notPriced ? undefined : (l.baseline ?? 0) + (l.usage ?? 0));
    const rows = lines.map((l) => {
      const b = beforeLines.find((x) => x.urn === l.urn);
      const prev = b ? total(b) : 0;
      const after = total(l);
      return {
        name: l.name,
        before: prev,
        after,
        delta: (after ?? 0) - (prev ?? 0),
        notPriced: l.notPriced === true,
      };
    });
    for (const b of beforeLines.filter((x) => !lines.some((l) => l.urn === x.urn)))
      rows.push({
        name: b.name,
        before: total(b),
        after: 0,
        delta: -(total(b) ?? 0),
        notPriced: b.notPriced === true,
      });
    return rows
      .map((r, i) => ({ r, i }))
      .sort(
        (a, b) =>
          Math.abs(b.r.delta) - Math.abs(a.r.delta) ||
          (b.r.after ?? 0) - (a.r.after ?? 0) ||
          a.r.name.localeCompare(b.r.name) ||
          a.i - b.i,
      )
      .map(({ r }) => r);
  }

  it("are matched, ordered and made one at a time as the plain rule says", () => {
    const want = oracle();
    const got = [...eachCostRow(cost)];
    expect(got.map((r) => [r.name, r.before, r.after, r.delta, r.notPriced])).toEqual(
      want.map((r) => [r.name, r.before, r.after, r.delta, r.notPriced]),
    );
    expect(costRows(cost)).toEqual(got);
  });

  it("text and markdown show the first rows and count the rest", () => {
    const shownText = oracle().filter((r) => r.delta !== 0 || r.notPriced);
    const text = renderText([review], { maxCostRows: 5 }).split("\n");
    const costAt = text.findIndex((l) => l.startsWith("  Cost: "));
    expect(text.slice(costAt + 1, costAt + 6).map((l) => l.slice(4, l.indexOf(" ", 4)))).toEqual(
      shownText.slice(0, 5).map((r) => r.name),
    );
    expect(text[costAt + 6]).toBe(`    … ${shownText.length - 5} more`);

    const shownMd = oracle().filter((r) => r.delta !== 0 || (r.after ?? 0) !== 0 || r.notPriced);
    const md = renderMarkdown([review], { maxCostRows: 4 });
    expect(md).toContain(`| … ${shownMd.length - 4} more | | | | |`);
    const names = [...md.matchAll(/^\| `([^`]+)` \| `gcp:storage/gm)].map((m) => m[1]);
    expect(names).toEqual(shownMd.slice(0, 4).map((r) => r.name));
    expect(shownMd.length).toBeGreaterThan(shownText.length); // zero-delta rows with a price count there
  });
});

describe("renderMarkdown", () => {
  it("puts the summary table first, then a collapsed section per environment", async () => {
    const md = renderMarkdown([devReview(), await prodReview()]);
    const lines = md.split("\n");
    expect(lines[0]).toBe("### Platform review: 2 environments · ❌ blocked");
    expect(lines).toContain(
      "| **dev** | 2 | 1 | 1 | 1 | +$59.78 | $144.86 (partial) | $150.00 (97%) ⚠️ | ❌ 1 blocking |",
    );
    expect(lines).toContain("| **prod** | 0 | 2 | 1 | 0 | — | — | — | ✅ pass |");
    expect(md.indexOf("| **prod**")).toBeLessThan(md.indexOf("<details"));
    // A failing environment opens; a passing one stays collapsed.
    expect(md).toContain(
      "<details open><summary><b>dev</b> · <code>acme/platform/dev</code> · offline · 2 to create, 1 to update, 1 to replace, 1 to delete · +$59.78/month · ❌</summary>",
    );
    expect(md).toContain("<details><summary><b>prod</b>");
    expect(md.match(/<details/g)).toHaveLength(2);
    expect(md.match(/<\/details>/g)).toHaveLength(2);
  });

  it("renders the per-resource diff with op symbols, paths and old → new", () => {
    const md = renderMarkdown([devReview()]);
    const diff = md.slice(md.indexOf("```diff"), md.indexOf("```", md.indexOf("```diff") + 3));
    expect(diff.split("\n").slice(1)).toEqual([
      "! gcp:sql/databaseInstance:DatabaseInstance db-instance  (protected)",
      '    ~ settings.tier: "db-custom-2-7680" → "db-custom-4-15360"',
      "    ~ settings.backupConfiguration.enabled: true → false",
      '    ~ settings.databaseFlags[0].value: "on" → "off"',
      "-/+ gcp:redis/instance:Instance cache  (replace: tier)",
      '    ~ tier: "BASIC" → "STANDARD_HA"  # forces replacement',
      "+ gcp:secretmanager/secret:Secret db-password",
      '    secretId: "db-password"',
      "    replication.auto: {}",
      '    labels.env: "dev"',
      "+ gcp:cloudrunv2/service:Service api",
      '    name: "api"',
      '    location: "europe-west1"',
      "    template.containers[0].image: (known after apply)",
      '    template.containers[0].env[0].name: "DB_PASSWORD"',
      "    template.containers[0].env[0].value: [secret]",
      "- gcp:kms/cryptoKey:CryptoKey keys-old  (protected)",
      "",
    ]);
  });

  it("renders the cost table and findings, blocking first", () => {
    const md = renderMarkdown([devReview()]);
    expect(md).toContain("$85.08 → **$144.86** per month (+$59.78)");
    expect(md).toContain(
      "| `db-instance` | `gcp:sql/databaseInstance:DatabaseInstance` | $49.31 | $98.14 | +$48.83 |",
    );
    expect(md).toContain("| `api` | `gcp:cloudrunv2/service:Service` | $0.00 | not priced | $0.00 |");
    expect(md).toContain("Not priced (the total is partial): `gcp:cloudrunv2/service:Service`");
    const findings = md
      .slice(md.indexOf("#### Findings"))
      .split("\n")
      .filter((l) => l.startsWith("- "));
    expect(findings).toEqual([
      "- ❌ **critical** **blocking** `platform/data-loss`: Redis `cache` is replaced: its data is lost. Add the `platform/allow-data-loss` label to proceed. — `cache`",
      "- ⚠️ **high** `gcp/sql-backups` (CKV_GCP_14): Backups are disabled on `db-instance`. — `db-instance`",
      "- ℹ️ **info** `platform/info`: Key keys-old is deleted.",
    ]);
  });

  it("shows a failed environment with its error", async () => {
    const md = renderMarkdown([{ ...(await prodReview()), error: "error: ```plugin``` crashed" }]);
    expect(md).toContain("| **prod** | — | — | — | — | — | — | — | ❌ preview failed |");
    expect(md).toContain("````\nerror: ```plugin``` crashed\n````");
    expect(md).not.toContain("#### Changes");
  });

  it("never shows secret values from real engine logs", async () => {
    const r = await parseEventLog(join(FIXTURES, "failed-stacks-dont-rewrite-operations.json"));
    // Shown as creates, every input (the encrypted provider config included) is listed.
    const steps = r.steps.map((s): PlanStep => ({ ...s, op: "create" }));
    const review: EnvReview = { env: "x", stack: "x", source: "event-log", steps, findings: [] };
    for (const out of [renderMarkdown([review]), renderText([review]), renderJson([review])]) {
      expect(out).not.toContain("ciphertext");
      expect(out).not.toContain("1b47061264138c4ac30d75fd1eb44270");
      expect(out).toContain("__provider");
      expect(out).toContain("[secret]");
    }
  });

  it("escapes names that could inject HTML or fake the marker", () => {
    const md = renderMarkdown([
      { env: "<!-- platform-review -->", stack: "</details>", source: "offline", steps: [], findings: [] },
    ]);
    expect(md).not.toContain("<!-- platform-review -->");
    expect(md.match(/<\/details>/g)).toHaveLength(1);
  });
});

describe("renderComments", () => {
  it("adds the marker and stays one comment when short", async () => {
    const bodies = renderComments([devReview(), await prodReview()], { key: "infra" });
    expect(bodies).toHaveLength(1);
    expect(bodies[0]!.startsWith("<!-- platform-review key=infra -->\n### Platform review")).toBe(true);
    expect(parseReviewMarker(bodies[0]!)).toEqual({ key: "infra", part: 1 });
  });

  it("splits a review longer than GitHub's limit; every part has its marker, the first the summary", () => {
    const big = devReview();
    const steps = Array.from({ length: 900 }, (_, i): PlanStep => ({
      op: "update",
      urn: `${STACK}gcp:cloudrunv2/service:Service::svc-${i}`,
      type: "gcp:cloudrunv2/service:Service",
      name: `svc-${i}`,
      oldInputs: { template: { containers: [{ image: `gcr.io/acme/api:${"a".repeat(40)}-${i}` }] } },
      newInputs: { template: { containers: [{ image: `gcr.io/acme/api:${"b".repeat(40)}-${i}` }] } },
      diffs: ["template"],
      replaceReasons: [],
    }));
    const bodies = renderComments([{ ...big, steps: [...big.steps, ...steps] }]);
    expect(bodies.length).toBeGreaterThan(1);
    bodies.forEach((b, i) => {
      expect(b.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
      expect(parseReviewMarker(b)).toEqual({ part: i + 1 });
      expect((b.match(/^```/gm) ?? []).length % 2).toBe(0);
      expect((b.match(/<details/g) ?? []).length).toBe((b.match(/<\/details>/g) ?? []).length);
    });
    expect(bodies[0]).toContain("| **dev** | 2 | 901 | 1 | 1 |");
    expect(bodies[0]).toContain("Continued in the next comment".replace("Continued", "continued"));
    expect(bodies[1]).toContain("Continued from the previous comment.");
    expect(bodies.join("")).toContain("svc-899");
  });

  it("builds and reads markers", () => {
    expect(reviewMarker()).toBe("<!-- platform-review -->");
    expect(reviewMarker("a/b", 3)).toBe("<!-- platform-review key=a/b part=3 -->");
    expect(() => reviewMarker("bad key")).toThrow(/review key must match/);
    expect(parseReviewMarker("<!-- platform-review part=2 -->\nx")).toEqual({ part: 2 });
    expect(parseReviewMarker("hello <!-- platform-review -->")).toBeUndefined();
  });
});

describe("renderText", () => {
  it("is plain without colour and aligned", async () => {
    const text = renderText([devReview(), await prodReview()]);
    expect(text).not.toContain("\u001b[");
    const lines = text.split("\n");
    expect(lines[0]).toBe("Platform review: 2 environments, FAIL");
    expect(lines[2]).toBe("ENV   +  ~  -  ±  Δ/MONTH        TOTAL/MONTH  BUDGET        GUARDS");
    expect(lines[3]).toBe("dev   2  1  1  1  +$59.78  $144.86 (partial)  $150.00 warn  1 blocking");
    expect(text).toContain("  ± gcp:redis/instance:Instance cache (replace: tier)");
    expect(text).toContain('      ~ tier: "BASIC" → "STANDARD_HA" (forces replacement)');
    expect(text).toContain("    [BLOCKING critical] platform/data-loss:");
    expect(text).toContain("      template.containers[0].env[0].value: [secret]");
  });

  it("colours when asked and strips control characters from names", () => {
    const review = devReview();
    const evil = { ...review, env: "dev\u001b[2J" };
    const text = renderText([evil], { color: true });
    expect(text).toContain("\u001b[31m");
    expect(text).not.toContain("\u001b[2J");
  });

  it("decides colour from the stream and NO_COLOR / FORCE_COLOR", () => {
    expect(shouldColor({ isTTY: true }, {})).toBe(true);
    expect(shouldColor({ isTTY: false }, {})).toBe(false);
    expect(shouldColor({ isTTY: true }, { NO_COLOR: "1" })).toBe(false);
    expect(shouldColor({ isTTY: false }, { FORCE_COLOR: "1" })).toBe(true);
  });
});

describe("renderJson", () => {
  it("has the documented, stable shape with secrets and unknowns as strings", async () => {
    const reviews = [devReview(), await prodReview()];
    const text = renderJson(reviews);
    expect(renderJson(reviews)).toBe(text);
    const doc = JSON.parse(text);
    expect(Object.keys(doc)).toEqual(["schemaVersion", "status", "environments"]);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.status).toBe("fail");
    const dev = doc.environments[0];
    expect(Object.keys(dev)).toEqual([
      "env",
      "stack",
      "source",
      "status",
      "error",
      "counts",
      "changes",
      "cost",
      "budget",
      "findings",
      "guards",
      "notEvaluated",
    ]);
    expect(dev.counts).toEqual({ create: 2, update: 1, delete: 1, replace: 1 });
    const api = dev.changes.find((c: any) => c.name === "api");
    expect(api.properties).toContainEqual({
      path: "template.containers[0].image",
      kind: "add",
      new: "[unknown]",
    });
    expect(api.properties).toContainEqual({
      path: "template.containers[0].env[0].value",
      kind: "add",
      new: "[secret]",
    });
    const cache = dev.changes.find((c: any) => c.name === "cache");
    expect(cache).toEqual({
      kind: "replace",
      op: "replace",
      urn: `${STACK}gcp:redis/instance:Instance::cache`,
      type: "gcp:redis/instance:Instance",
      name: "cache",
      protect: false,
      replaceReasons: ["tier"],
      properties: [{ path: "tier", kind: "update-replace", old: "BASIC", new: "STANDARD_HA" }],
    });
    expect(dev.cost).toMatchObject({ currency: "USD", before: 85.08, after: 144.86, delta: 59.78 });
    expect(dev.findings[0].id).toBe("platform/data-loss");
    expect(doc.environments[1]).toMatchObject({ cost: null, budget: null, error: null, status: "ok" });
    expect(reviewJson(reviews).environments[1]!.changes.map((c) => c.kind)).toEqual([
      "update",
      "update",
      "delete",
    ]);
  });
});
