/**
 * Cost on the real synth of aws-prod and aws-staging with `aws:region` set to each region users
 * pick (and one outside the price table), priced through the same report the CLI prints, so the
 * region comes from the stack config.
 *
 * Three real synths (child processes from dist/, like `npx platform cost --env`): aws-prod in its
 * own region (us-west-2), aws-prod with the stack file copied and only `aws:region` changed to
 * eu-central-1, and aws-staging (us-east-1). The program makes no region-dependent choice beyond
 * the region's name in ARNs, endpoint service names and zones, so for the other regions the
 * us-west-2 inventory is re-priced with the region's name substituted (and the stack file copied
 * with that region, which is where the report reads it). The first test proves the substitution
 * equals a real synth in that region, line for line.
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { tempDir } from "../support/temp";
import { synth, type SynthResult } from "../../orchestrator/synth";
import { costReport, type EnvCostReport } from "../../orchestrator/review/cost-report";
import { AWS_REGIONS } from "../../plan/cost";
import { R6G_LARGE } from "./aws-source-figures";

const OUTSIDE = "ca-central-1";
const PROD_REGIONS = [...AWS_REGIONS, OUTSIDE];
const STAGING_REGIONS = ["us-east-1", "eu-central-1"];
const reports: Record<string, EnvCostReport> = {};
let synthEuCentral: EnvCostReport;

/** Copies stacks/Pulumi.<env>.yaml with `aws:region` replaced, and its usage file, into a temp dir. */
function stackIn(env: string, region: string): string {
  const dir = tempDir(`cost-${env}-${region}-`);
  const file = readFileSync(path.join("stacks", `Pulumi.${env}.yaml`), "utf8");
  const moved = file.replace(/^ {2}aws:region: .*$/m, `  aws:region: ${region}`);
  expect(moved, `${env} sets aws:region`).toContain(`\n  aws:region: ${region}\n`);
  writeFileSync(path.join(dir, `Pulumi.${env}.yaml`), moved);
  copyFileSync(path.join("stacks", `usage.${env}.yaml`), path.join(dir, `usage.${env}.yaml`));
  return dir;
}

/** The inventory with every occurrence of the region's name `from` replaced by `to`. */
function inRegion(inventory: SynthResult, from: string, to: string): SynthResult {
  return JSON.parse(JSON.stringify(inventory).replaceAll(from, to)) as SynthResult;
}

// Three synths in child processes, one after the other: generous on a loaded 2-core machine.
beforeAll(async () => {
  const own = { "aws-prod": "us-west-2", "aws-staging": "us-east-1" } as const;
  const prod = await synth("aws-prod");
  const staging = await synth("aws-staging");
  const euDir = stackIn("aws-prod", "eu-central-1");
  synthEuCentral = costReport(await synth("aws-prod", { stacksDir: euDir }), { dir: euDir });
  const runs = [
    ...PROD_REGIONS.map((r) => ["aws-prod", prod, r] as const),
    ...STAGING_REGIONS.map((r) => ["aws-staging", staging, r] as const),
  ];
  for (const [env, inventory, region] of runs) {
    const dir = stackIn(env, region);
    reports[`${env} ${region}`] = costReport(inRegion(inventory, own[env], region), { dir });
  }
}, 600_000);

describe("the region substitution", () => {
  it("prices exactly like a real synth of aws-prod with aws:region eu-central-1", () => {
    expect(synthEuCentral.region).toBe("eu-central-1");
    expect(reports["aws-prod eu-central-1"]).toEqual(synthEuCentral);
  });
});

const line = (key: string, name: string) => {
  const hits = reports[key]!.estimate.lines.filter((l) => l.name === name);
  expect(hits, `${name} in ${key}`).toHaveLength(1);
  return hits[0]!;
};
const notes = (l: { notes?: readonly string[] }) => (l.notes ?? []).join("\n");

/** Parts the table prices nowhere (whatever the region): S3 storage, the metric filters' metrics. */
const NOWHERE = [/^S3 storage and requests$/, /^the custom metric it publishes/];

/**
 * The types with nothing priced in a region other than us-east-1 on aws-prod: no source gives
 * their regional figure (CloudWatch, Secrets Manager, endpoints, provisioned concurrency, Valkey,
 * RDS Multi-AZ and gp3). This is the honest gap list; a new sourced figure shortens it.
 */
const PROD_UNPRICED_OUTSIDE_USE1 = [
  "aws:cloudwatch/compositeAlarm:CompositeAlarm",
  "aws:cloudwatch/dashboard:Dashboard",
  "aws:cloudwatch/logGroup:LogGroup",
  "aws:cloudwatch/metricAlarm:MetricAlarm",
  "aws:ec2/vpcEndpoint:VpcEndpoint",
  "aws:elasticache/replicationGroup:ReplicationGroup",
  "aws:lambda/provisionedConcurrencyConfig:ProvisionedConcurrencyConfig",
  "aws:rds/instance:Instance",
  "aws:secretsmanager/secret:Secret",
];

describe.each(AWS_REGIONS.map((r) => [r]))("aws-prod with aws:region %s", (region) => {
  const key = `aws-prod ${region}`;

  it("is priced in that region (the report's region comes from the stack config)", () => {
    expect(reports[key]!.region).toBe(region);
  });

  it("prices the read replica at the sourced db.r6g.large Single-AZ rate × 730 h", () => {
    const replica = line(key, "db-replica-0");
    expect(replica.baseline).toBeCloseTo(R6G_LARGE[region]! * 730, 9);
    expect(replica.notPriced).toBeUndefined();
  });

  it("prices the KMS data key ($1 + 2 billed rotations) and the signing key ($1) at the one KMS price", () => {
    expect(line(key, "kms-key-data").baseline).toBe(3);
    expect(line(key, "kms-key-signing").baseline).toBe(1);
  });

  it("every part it cannot price names this region (or is priced nowhere): no fallback to another region", () => {
    for (const l of reports[key]!.estimate.lines) {
      for (const n of l.notes ?? []) {
        const m = /^not priced: (.*) \(no sourced price in plan\/cost\/prices\/aws\.ts\)$/.exec(n);
        if (!m) continue;
        for (const part of m[1]!.split("; ")) {
          const named = part.endsWith(` in ${region}`) || NOWHERE.some((re) => re.test(part));
          expect(named, `${l.name}: ${part}`).toBe(true);
        }
      }
    }
  });

  it(
    region === "us-east-1"
      ? "in us-east-1 only the Valkey cache.t4g.small has no price at all; the Multi-AZ db.r6g.large line is partial"
      : "outside us-east-1 the types without a sourced regional figure are not priced, and the total says partial",
    () => {
      const e = reports[key]!.estimate;
      if (region === "us-east-1") {
        expect(e.notPriced).toEqual(["aws:elasticache/replicationGroup:ReplicationGroup"]);
        expect(notes(line(key, "db-instance"))).toContain("db.r6g.large Multi-AZ in us-east-1");
        expect(line(key, "db-instance").baseline).toBeCloseTo(100 * 2 * 0.115, 9); // gp3 × 2 copies
      } else {
        expect(e.notPriced).toEqual(PROD_UNPRICED_OUTSIDE_USE1);
        expect(notes(line(key, "cache-replication-group"))).toContain(`cache.t4g.small valkey in ${region}`);
      }
    },
  );
});

describe("aws-staging on the real synth", () => {
  it("in its own region (us-east-1) every type is priced: the total is complete", () => {
    const e = reports["aws-staging us-east-1"]!.estimate;
    expect(e.notPriced).toEqual([]);
    expect(e.total).toBeGreaterThan(50);
  });

  it("in eu-central-1 the same program is priced only where eu-central-1 figures are sourced", () => {
    const e = reports["aws-staging eu-central-1"]!.estimate;
    expect(e.notPriced).toContain("aws:cloudwatch/metricAlarm:MetricAlarm");
    expect(e.notPriced).not.toContain("aws:kms/key:Key");
    expect(e.total).toBeLessThan(reports["aws-staging us-east-1"]!.estimate.total);
  });
});

describe(`aws-prod with aws:region ${OUTSIDE} (a region outside the price table)`, () => {
  it("leaves its regional lines not priced, naming the table's six regions; only us-east-1 and global parts are priced", () => {
    const r = reports[`aws-prod ${OUTSIDE}`]!;
    expect(r.region).toBe(OUTSIDE);
    const message = `AWS prices: region ${OUTSIDE} is not in the AWS price table; regions: ${AWS_REGIONS.join(", ")}`;
    expect(notes(line(`aws-prod ${OUTSIDE}`, "kms-key-data"))).toContain(message);
    expect(line(`aws-prod ${OUTSIDE}`, "kms-key-data").notPriced).toBe(true);
    expect(r.estimate.notPriced).toContain("aws:kms/key:Key");
    // The uptime check's own key (region us-east-1 input) is still priced at us-east-1 figures.
    expect(line(`aws-prod ${OUTSIDE}`, "ops-uptime-key").notPriced).toBeUndefined();
  });
});
