import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { TABLE_K8S } from "../../plan/guards/kubernetes/coverage";
import { imageIsPinned } from "../../plan/guards/kubernetes/security-containers";
import { selects } from "../../plan/guards/kubernetes/tokens";
import { AWS_RULES, KUBERNETES_RULES, RULES_BY_ID } from "../../plan/guards/registry";
import { sameCloud } from "../../plan/guards/evaluate";
import { checkInventory, runGuards } from "../../plan/guards/run";
import { Category, Level } from "../../plan/guards/types";
import { K8S_RULE_CASES, carefulK8sProd } from "./k8s-guard-cases";
import { k8sInventory } from "./k8s-fixtures";
import { awsInventory } from "./aws-fixtures";
import { carefulInventory } from "./guard-fixtures";

const violations = (rule: string, resources: Parameters<typeof runGuards>[0]["resources"]) =>
  runGuards({ resources, profile: "prod" }).filter((f) => f.id === rule && f.severity !== "info");

describe("Kubernetes rule registry", () => {
  it("has unique k8s/* ids, Kubernetes type tokens, descriptions and remediations", () => {
    expect(new Set(KUBERNETES_RULES.map((r) => r.id)).size).toBe(KUBERNETES_RULES.length);
    for (const r of KUBERNETES_RULES) {
      expect(r.id).toMatch(/^k8s\/[a-z0-9-]+$/);
      expect(r.description.length, r.id).toBeGreaterThan(20);
      expect(r.remediation.length, r.id).toBeGreaterThan(10);
      for (const t of r.appliesTo) expect(t, r.id).toMatch(/^kubernetes:[a-z0-9.-]+\/v[0-9a-z]+:[A-Za-z]+$/);
    }
  });

  it("names core kinds the installed @pulumi/kubernetes declares", () => {
    const root = join(__dirname, "..", "..", "node_modules", "@pulumi", "kubernetes");
    const core = new Set(
      KUBERNETES_RULES.flatMap((r) => r.appliesTo).filter(
        (t) =>
          /^kubernetes:(core|apps|batch|autoscaling|policy|networking\.k8s\.io|rbac\.authorization\.k8s\.io)\/v1:/.test(
            t,
          ) || t.includes("/v2:"),
      ),
    );
    for (const t of core) {
      const [, group, version, kind] = /^kubernetes:([^/]+)\/([^:]+):(.+)$/.exec(t)!;
      const dir = group!.split(".")[0]!;
      const file = join(root, dir, version!, `${kind![0]!.toLowerCase()}${kind!.slice(1)}.js`);
      expect(existsSync(file), t).toBe(true);
    }
  });

  it("counts 6 prod-profile and 37 security rules", () => {
    const count = (c: Category) => KUBERNETES_RULES.filter((r) => r.category === c).length;
    expect([count(Category.prodProfile), count(Category.security)]).toEqual([6, 37]);
    expect(
      KUBERNETES_RULES.filter((r) => r.category === Category.prodProfile).every((r) =>
        r.id.startsWith("k8s/prod-"),
      ),
    ).toBe(true);
  });

  it("has a failing and a passing case for every Kubernetes rule", () => {
    expect(K8S_RULE_CASES.map((c) => c.rule).sort()).toEqual(KUBERNETES_RULES.map((r) => r.id).sort());
  });
});

describe("reference coverage (kubernetes-anchors §9)", () => {
  it.each(TABLE_K8S.map((r, i) => [i + 1, r] as const))(
    "row %i: its ids are the refs of its rules, or it says why none applies",
    (_i, row) => {
      if (row.rules.length === 0) {
        expect(row.notApplicable?.length).toBeGreaterThan(10);
        return;
      }
      const refs = new Set(row.rules.flatMap((id) => RULES_BY_ID.get(id)?.refs ?? ["(missing rule)"]));
      for (const id of row.rules) expect(RULES_BY_ID.has(id), id).toBe(true);
      for (const id of row.ids) expect(refs.has(id), `${id} in refs of ${row.rules.join(", ")}`).toBe(true);
    },
  );

  it("covers every CKV_K8S id §9 lists", () => {
    const listed = [
      "8",
      "9",
      "10",
      "11",
      "12",
      "13",
      "14",
      "43",
      "15",
      "16",
      "17",
      "18",
      "19",
      "20",
      "21",
      "22",
      "23",
      "40",
      "25",
      "28",
      "37",
      "39",
      "26",
      "29",
      "30",
      "31",
      "35",
      "38",
      "41",
      "42",
    ].map((n) => `CKV_K8S_${n}`);
    const ids = new Set(TABLE_K8S.flatMap((r) => r.ids));
    for (const id of [...listed, "CKV2_K8S_6"]) expect(ids.has(id), id).toBe(true);
  });
});

describe.each(K8S_RULE_CASES.map((c) => [c.rule, c] as const))("%s", (rule, c) => {
  it("reports the failing fixture", () => {
    const found = violations(rule, c.fail().resources);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.message.length).toBeGreaterThan(25);
      expect(f.refs).toEqual(RULES_BY_ID.get(rule)?.refs);
      if (f.urn !== undefined) expect(f.urn).toMatch(/^urn:pulumi:k8s-prod::platform::/);
    }
  });

  it("passes the passing fixture", () => {
    expect(violations(rule, (c.pass?.() ?? carefulK8sProd()).resources)).toEqual([]);
  });
});

describe("the hand-built Kubernetes inventories", () => {
  it("k8s-prod passes every rule: nothing blocks, nothing fails", () => {
    const result = checkInventory(carefulK8sProd().resources, "prod");
    expect(result.blocking).toEqual([]);
    expect(result.failedRules).toEqual([]);
    expect(result.advisory).toEqual([]);
    expect(result.passed).toBe(true);
  });

  it("k8s-dev passes every L1 rule; only the advisory digest pinning is reported", () => {
    const result = checkInventory(k8sInventory("dev"), "dev");
    expect(result.blocking).toEqual([]);
    expect(result.failedRules.filter((r) => r.level === Level.L1)).toEqual([]);
    expect([...new Set(result.advisory.map((f) => f.id))]).toEqual(["k8s/image-digest"]);
  });

  it("a prod rule is silent in dev, and a critical L1 rule blocks even there", () => {
    const single = runGuards({ resources: k8sInventory("dev"), profile: "dev" });
    expect(single.filter((f) => f.id.startsWith("k8s/prod-"))).toEqual([]);
    const privileged = K8S_RULE_CASES.find((x) => x.rule === "k8s/no-privileged")!.fail().resources;
    expect(
      runGuards({ resources: privileged, profile: "dev" }).some(
        (f) => f.id === "k8s/no-privileged" && f.blocking,
      ),
    ).toBe(true);
  });

  it("cloud stack rules say nothing about a Kubernetes stack (even one with AWS keys), and k8s rules nothing about GCP or AWS stacks", () => {
    const awsKey = awsInventory("prod").find((r) => r.type === "aws:kms/key:Key")!;
    const onK8s = runGuards({ resources: [...k8sInventory("prod"), awsKey], profile: "prod" });
    expect(onK8s.filter((f) => f.id.startsWith("gcp/") || f.id === "aws/cloudtrail-exists")).toEqual([]);
    expect(sameCloud({ appliesTo: ["aws:cloudtrail/trail:Trail"] }, [...k8sInventory("prod"), awsKey])).toBe(
      false,
    );
    expect(sameCloud({ appliesTo: ["kubernetes:core/v1:Namespace"] }, k8sInventory("prod"))).toBe(true);
    expect(
      runGuards({ resources: carefulInventory("prod"), profile: "prod" }).filter((f) =>
        f.id.startsWith("k8s/"),
      ),
    ).toEqual([]);
    expect(
      runGuards({ resources: awsInventory("prod"), profile: "prod" }).filter((f) => f.id.startsWith("k8s/")),
    ).toEqual([]);
    expect(AWS_RULES.some((r) => r.id.startsWith("k8s/"))).toBe(false);
  });
});

describe("Kubernetes guard helpers", () => {
  it("imageIsPinned: a tag or digest, never latest or untagged", () => {
    expect(imageIsPinned("valkey/valkey:8.1.4-alpine")).toBe(true);
    expect(imageIsPinned("localhost:5000/app@sha256:abc")).toBe(true);
    expect(imageIsPinned("localhost:5000/app")).toBe(false);
    expect(imageIsPinned("nginx:latest")).toBe(false);
    expect(imageIsPinned("nginx")).toBe(false);
  });

  it("selects: matchLabels and matchExpressions like the API server", () => {
    const labels = { app: "api", tier: "web" };
    expect(selects({}, labels)).toBe(true);
    expect(selects({ matchLabels: { app: "api" } }, labels)).toBe(true);
    expect(selects({ matchLabels: { app: "db" } }, labels)).toBe(false);
    expect(
      selects({ matchExpressions: [{ key: "app", operator: "In", values: ["api", "x"] }] }, labels),
    ).toBe(true);
    expect(selects({ matchExpressions: [{ key: "app", operator: "NotIn", values: ["api"] }] }, labels)).toBe(
      false,
    );
    expect(selects({ matchExpressions: [{ key: "zone", operator: "DoesNotExist" }] }, labels)).toBe(true);
    expect(selects({ matchExpressions: [{ key: "zone", operator: "Exists" }] }, labels)).toBe(false);
    expect(selects(undefined, labels)).toBe(false);
  });
});
