import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { TABLE_AWS } from "../../plan/guards/aws/coverage";
import { AWS_ROTATION_DAYS, keyRotationKind, namesSecret } from "../../plan/guards/aws/security-kms";
import { secretInEnv } from "../../plan/guards/aws/security-lambda";
import { policyStatements, readParameter } from "../../plan/guards/aws/tokens";
import { AWS_RULES, GCP_RULES, RULES_BY_ID } from "../../plan/guards/registry";
import { sameCloud } from "../../plan/guards/evaluate";
import { checkInventory, runGuards } from "../../plan/guards/run";
import { Category, Level, enforcementFor } from "../../plan/guards/types";
import { read } from "../../plan/guards/values";
import { SECRET } from "../../plan/model";
import { AWS_RULE_CASES, carefulAwsProd } from "./aws-guard-cases";
import { awsInventory } from "./aws-fixtures";
import { carefulInventory } from "./guard-fixtures";

const violations = (rule: string, resources: Parameters<typeof runGuards>[0]["resources"]) =>
  runGuards({ resources, profile: "prod" }).filter((f) => f.id === rule && f.severity !== "info");

const AWS_NODE = join(__dirname, "..", "..", "node_modules", "@pulumi", "aws");

describe("AWS rule registry", () => {
  it("has unique aws/* ids, AWS type tokens, descriptions and remediations", () => {
    expect(new Set(AWS_RULES.map((r) => r.id)).size).toBe(AWS_RULES.length);
    for (const r of AWS_RULES) {
      expect(r.id).toMatch(/^aws\/[a-z0-9-]+$/);
      expect(r.description.length, r.id).toBeGreaterThan(20);
      expect(r.remediation.length, r.id).toBeGreaterThan(10);
      for (const t of r.appliesTo) expect(t, r.id).toMatch(/^aws:[a-zA-Z0-9]+\/[a-zA-Z0-9]+:[A-Za-z0-9]+$/);
    }
  });

  it("names only type tokens that @pulumi/aws 7.x declares", () => {
    const tokens = new Set(AWS_RULES.flatMap((r) => r.appliesTo));
    for (const t of tokens) {
      const [, mod, file] = /^aws:([^/]+)\/([^:]+):/.exec(t)!;
      const js = join(AWS_NODE, mod!, `${file}.js`);
      expect(existsSync(js), t).toBe(true);
      expect(readFileSync(js, "utf8"), t).toContain(`__pulumiType = '${t}'`);
    }
  });

  it("counts 9 prod-profile and 69 security rules", () => {
    const count = (c: Category) => AWS_RULES.filter((r) => r.category === c).length;
    expect([count(Category.prodProfile), count(Category.security)]).toEqual([9, 69]);
    expect(
      AWS_RULES.filter((r) => r.category === Category.prodProfile).every((r) => r.id.startsWith("aws/prod-")),
    ).toBe(true);
  });

  it("has a failing and a passing case for every AWS rule", () => {
    expect(AWS_RULE_CASES.map((c) => c.rule).sort()).toEqual(AWS_RULES.map((r) => r.id).sort());
  });
});

describe("reference coverage (aws-anchors §9, security-and-reliability §1b)", () => {
  it.each(TABLE_AWS.map((r, i) => [i + 1, r] as const))(
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

  it("maps every AWS security rule with a scanner id to a row; the rest are the platform's additions", () => {
    const mapped = new Set(TABLE_AWS.flatMap((r) => r.rules));
    const unmapped = AWS_RULES.filter((r) => r.category === Category.security && !mapped.has(r.id)).map(
      (r) => r.id,
    );
    expect(unmapped.sort()).toEqual([
      "aws/cloudtrail-configured",
      "aws/cloudtrail-exists",
      "aws/default-security-group-closed",
      "aws/kms-prevent-destroy",
      "aws/rds-pg-log-connections",
      "aws/vpc-flow-logs",
    ]);
  });
});

describe.each(AWS_RULE_CASES.map((c) => [c.rule, c] as const))("%s", (rule, c) => {
  it("reports the failing fixture", () => {
    const found = violations(rule, c.fail().resources);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.message.length).toBeGreaterThan(30);
      expect(f.refs).toEqual(RULES_BY_ID.get(rule)?.refs);
      if (f.urn !== undefined) expect(f.urn).toMatch(/^urn:pulumi:aws-prod::platform::/);
    }
  });

  it("passes the passing fixture", () => {
    expect(violations(rule, (c.pass?.() ?? carefulAwsProd()).resources)).toEqual([]);
  });
});

describe("the AWS inventories (hand-built until the aws branch's synth lands)", () => {
  it("aws-prod passes every rule: nothing blocks, nothing fails, only apply-time unknowns remain", () => {
    const result = checkInventory(carefulAwsProd().resources, "prod");
    expect(result.blocking).toEqual([]);
    expect(result.failedRules).toEqual([]);
    expect(result.advisory).toEqual([]);
    expect([...new Set(result.unverified.map((f) => f.id))].sort()).toEqual([
      "aws/cache-subnet-group",
      "aws/cloudtrail-configured",
      "aws/rds-custom-parameter-group",
    ]);
    expect(result.passed).toBe(true);
  });

  it("aws-dev passes every L1 rule; only L2 hygiene is advisory", () => {
    const result = checkInventory(awsInventory("dev"), "dev");
    expect(result.blocking).toEqual([]);
    expect(result.failedRules.filter((r) => r.level === Level.L1)).toEqual([]);
    expect(result.failedRules.map((r) => r.id).sort()).toEqual([
      "aws/kms-prevent-destroy",
      "aws/log-group-retention-1-year",
      "aws/rds-backup-retention",
      "aws/rds-deletion-protection",
    ]);
  });

  it("aws-staging passes every L1 rule and the prod-only rules stay advisory", () => {
    const result = checkInventory(awsInventory("staging"), "staging");
    expect(result.blocking).toEqual([]);
    expect(result.failedRules.filter((r) => r.level === Level.L1 && !r.id.startsWith("aws/prod-"))).toEqual(
      [],
    );
    expect(result.advisory.map((f) => f.id).sort()).toEqual([
      "aws/log-group-retention-1-year",
      "aws/prod-lambda-warm",
    ]);
  });

  it("GCP stack rules say nothing about an AWS stack, and AWS stack rules nothing about a GCP stack", () => {
    const onAws = runGuards({ resources: awsInventory("prod"), profile: "prod" });
    expect(onAws.filter((f) => f.id.startsWith("gcp/"))).toEqual([]);
    const onGcp = runGuards({ resources: carefulInventory("prod"), profile: "prod" });
    expect(onGcp.filter((f) => f.id.startsWith("aws/"))).toEqual([]);
    expect(sameCloud({ appliesTo: ["aws:cloudtrail/trail:Trail"] }, carefulInventory("prod"))).toBe(false);
    expect(GCP_RULES.some((r) => r.id.startsWith("aws/"))).toBe(false);
  });
});

describe("enforcement per profile", () => {
  it.each([
    ["aws/rds-not-public", "dev", "mandatory"],
    ["aws/rds-iam-auth", "dev", "advisory"],
    ["aws/rds-iam-auth", "staging", "mandatory"],
    ["aws/rds-multi-az", "staging", "advisory"],
    ["aws/prod-db-ha", "dev", "disabled"],
    ["aws/prod-db-ha", "prod", "mandatory"],
    ["aws/lambda-dlq", "prod", "advisory"],
  ] as const)("%s in %s is %s", (id, profile, level) => {
    expect(enforcementFor(RULES_BY_ID.get(id)!, profile)).toBe(level);
  });
});

describe("AWS-specific readings", () => {
  it("a 365-day rotation fails with the message that AWS's minimum is 90 days", () => {
    const [hit] = violations(
      "aws/kms-rotation",
      AWS_RULE_CASES.find((c) => c.rule === "aws/kms-rotation")!.fail().resources,
    );
    expect(hit?.message).toContain("90–2560");
    expect(AWS_ROTATION_DAYS).toBe(90);
  });

  it("Ed25519 signing keys are not asked to rotate (AWS cannot), symmetric keys are", () => {
    expect(
      keyRotationKind({
        inputs: { customerMasterKeySpec: "ECC_NIST_EDWARDS25519", keyUsage: "SIGN_VERIFY" },
      }),
    ).toBe("none");
    expect(keyRotationKind({ inputs: {} })).toBe("auto");
    expect(keyRotationKind({ inputs: { customKeyStoreId: "cks-1" } })).toBe("none");
    expect(keyRotationKind({ inputs: { customerMasterKeySpec: "[unknown]" } })).toBe("opaque");
  });

  it.each([
    ["DB_PASSWORD", "hunter2", true],
    ["DB_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:1:secret:x", false],
    ["API_TOKEN", "[unknown]", false],
    ["ANYTHING", SECRET, true],
    ["ANYTHING", "[secret]", true],
    ["SOME_ID", "AKIAABCDEFGHIJKLMNOP", true],
    ["APP_ENV", "prod", false],
  ] as const)("secretInEnv(%s, %s) flags: %s", (name, value, flagged) => {
    expect(secretInEnv(name, value) !== undefined).toBe(flagged);
  });

  it("parses policy documents given as JSON strings or objects, with Principal '*' or {AWS: '*'}", () => {
    const doc = { Statement: { Effect: "Allow", Principal: "*", Action: "kms:*" } };
    expect(policyStatements(read({ p: doc }, "p"))).toEqual([
      { effect: "Allow", principals: ["*"], actions: ["kms:*"], resources: [], conditions: false },
    ]);
    expect(policyStatements(read({ p: "[unknown]" }, "p"))).toBe("opaque");
    expect(policyStatements(read({}, "p"))).toBeUndefined();
    expect(policyStatements(read({ p: "not json" }, "p"))).toBeUndefined();
  });

  it("a wildcard principal with a Condition passes (scoped by kms:ViaService)", () => {
    const policy = JSON.stringify({
      Statement: [
        {
          Effect: "Allow",
          Principal: { AWS: "*" },
          Action: "kms:Decrypt",
          Condition: { StringEquals: { "kms:CallerAccount": "1" } },
        },
      ],
    });
    const resources = carefulAwsProd().resources.map((r) =>
      r.name === "keys-data" ? { ...r, inputs: { ...r.inputs, policy } } : r,
    );
    expect(violations("aws/kms-no-wildcard-principal", resources)).toEqual([]);
  });

  it("reads parameter-group parameters, unknown lists are unverifiable", () => {
    expect(readParameter({ parameters: [{ name: "rds.force_ssl", value: 1 }] }, "rds.force_ssl")).toEqual({
      kind: "set",
      value: "1",
    });
    expect(readParameter({ parameters: [] }, "rds.force_ssl")).toEqual({ kind: "absent" });
    expect(readParameter({ parameters: "[unknown]" }, "rds.force_ssl").kind).toBe("opaque");
  });

  it("a public Function URL on purpose (listed in publicServices) is advisory, not blocking", () => {
    const resources = AWS_RULE_CASES.find((c) => c.rule === "aws/lambda-url-auth")!.fail().resources;
    const url = resources.find((r) => r.name === "api-url")!;
    const found = runGuards({ resources, profile: "prod", publicServices: [url.urn] }).filter(
      (f) => f.id === "aws/lambda-url-auth",
    );
    expect(found.map((f) => f.blocking)).toEqual([false]);
    expect(found[0]?.message).toContain("public on purpose");
  });

  it("a public URL's second grant (InvokeFunction via the URL only) is advisory; without the condition it blocks", () => {
    const withInvoke = (viaUrl: boolean) =>
      carefulAwsProd().resources.map((r) =>
        r.name === "api-url-invoke"
          ? {
              ...r,
              inputs: {
                action: "lambda:InvokeFunction",
                function: "f",
                principal: "*",
                ...(viaUrl ? { invokedViaFunctionUrl: true } : {}),
              },
            }
          : r,
      );
    const found = (viaUrl: boolean) => {
      const resources = withInvoke(viaUrl);
      const fn = resources.find((r) => r.type === "aws:lambda/function:Function")!;
      return runGuards({ resources, profile: "prod", publicServices: [fn.urn] }).filter(
        (f) => f.id === "aws/lambda-permission-restricted",
      );
    };
    expect(found(true).map((f) => f.blocking)).toEqual([false]);
    expect(found(true)[0]?.message).toContain("public Function URL on purpose");
    expect(found(false).map((f) => f.blocking)).toEqual([true]);
  });

  it("a service principal without sourceArn is a confused deputy", () => {
    const resources = carefulAwsProd().resources.map((r) =>
      r.name === "api-url-invoke"
        ? { ...r, inputs: { action: "lambda:InvokeFunction", function: "f", principal: "sns.amazonaws.com" } }
        : r,
    );
    expect(violations("aws/lambda-permission-restricted", resources)[0]?.message).toContain("sourceArn");
  });

  it("a window alarm without actions passes when a composite alarm uses it", () => {
    const resources = carefulAwsProd().resources.map((r) =>
      r.name === "obs-errors"
        ? { ...r, inputs: { ...r.inputs, name: "acme-errors-fast", alarmActions: [] } }
        : r,
    );
    expect(violations("aws/alarm-actions-enabled", resources)).toHaveLength(1);
    const composite = {
      ...resources.find((r) => r.name === "obs-uptime-alarm")!,
      urn: "urn:pulumi:aws-prod::platform::platform:ops:ObservabilityStack$aws:cloudwatch/compositeAlarm:CompositeAlarm::obs-slo",
      type: "aws:cloudwatch/compositeAlarm:CompositeAlarm",
      name: "obs-slo",
      inputs: {
        alarmName: "acme-slo",
        alarmRule: 'ALARM("acme-errors-fast") AND ALARM("acme-errors-slow")',
        alarmActions: ["arn:aws:sns:us-east-1:1:a"],
      },
    };
    expect(violations("aws/alarm-actions-enabled", [...resources, composite])).toEqual([]);
  });
});

describe("namesSecret (SecretRotation.secretId → the secret)", () => {
  const arn = "arn:aws:secretsmanager:us-west-2:777788889999:secret:shop/aws-prod/db-master-a49d55";
  it.each([
    [arn, "shop/aws-prod/db-master", true],
    ["shop/aws-prod/db-master", "shop/aws-prod/db-master", true],
    [arn, "shop/aws-prod/db", false],
    [arn, "shop/aws-prod/cache-auth", false],
    [
      "arn:aws:secretsmanager:us-west-2:1:secret:shop/aws-prod/db-master-extra-a49d55",
      "shop/aws-prod/db-master",
      false,
    ],
  ])("%s names %s: %s", (id, name, want) => {
    expect(namesSecret(id, name)).toBe(want);
  });
});
