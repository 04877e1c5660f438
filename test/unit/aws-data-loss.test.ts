import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { AWS_DATA_RESOURCES, awsRetainedAfterDestroy } from "../../plan/guards/aws/data-loss";
import { DATA_RESOURCES, isDataResource } from "../../plan/guards/data-loss";
import { runGuards } from "../../plan/guards/run";
import type { GuardStep } from "../../plan/guards/types";
import type { Op, PlanInputs } from "../../plan/model";
import { awsUrn } from "./aws-fixtures";

/** A plan step for an AWS resource. */
function awsStep(
  op: Op,
  type: string,
  name: string,
  oldInputs: Record<string, unknown> | undefined,
  newInputs: Record<string, unknown> | undefined,
  extra: Partial<GuardStep> = {},
): GuardStep {
  return {
    op,
    urn: awsUrn(type, name, "db"),
    type,
    name,
    ...(oldInputs ? { oldInputs: oldInputs as PlanInputs } : {}),
    ...(newInputs ? { newInputs: newInputs as PlanInputs } : {}),
    replaceReasons: op === "replace" ? ["engine"] : [],
    diffs: [],
    ...extra,
  };
}

const dataLoss = (steps: GuardStep[], profile: "dev" | "prod" = "prod", allow?: string[]) =>
  runGuards({ steps, profile, ...(allow ? { allowDataLoss: allow } : {}) }).filter(
    (f) => f.id === "platform/data-loss",
  );

const CASES: readonly [string, Record<string, unknown>][] = [
  [
    "aws:rds/instance:Instance",
    { engine: "postgres", skipFinalSnapshot: false, finalSnapshotIdentifier: "db-final" },
  ],
  ["aws:rds/cluster:Cluster", { engine: "aurora-postgresql", skipFinalSnapshot: true }],
  ["aws:elasticache/replicationGroup:ReplicationGroup", { engine: "valkey" }],
  ["aws:elasticache/serverlessCache:ServerlessCache", { engine: "valkey" }],
  ["aws:elasticache/cluster:Cluster", { engine: "redis" }],
  ["aws:kms/key:Key", { deletionWindowInDays: 7 }],
  ["aws:secretsmanager/secret:Secret", { recoveryWindowInDays: 0 }],
  ["aws:s3/bucketV2:BucketV2", {}],
  ["aws:s3/bucket:Bucket", {}],
];

describe("platform/data-loss on AWS", () => {
  it("covers every AWS data resource type, and they are part of the shared table", () => {
    expect(CASES.map(([t]) => t).sort()).toEqual(Object.keys(AWS_DATA_RESOURCES).sort());
    for (const t of Object.keys(AWS_DATA_RESOURCES)) expect(isDataResource(t), t).toBe(true);
    expect(Object.keys(DATA_RESOURCES).some((t) => t.startsWith("gcp:"))).toBe(true);
  });

  it.each(
    CASES.flatMap(([type, inputs]) =>
      (["delete", "replace"] as const).map((op) => [type, op, inputs] as const),
    ),
  )("%s %s blocks in dev and prod until acknowledged", (type, op, inputs) => {
    const steps = [awsStep(op, type, "data", inputs, op === "delete" ? undefined : inputs)];
    for (const profile of ["dev", "prod"] as const) {
      const found = dataLoss(steps, profile);
      expect(found).toHaveLength(1);
      expect(found[0]!.blocking).toBe(true);
      expect(found[0]!.message).toContain(AWS_DATA_RESOURCES[type as keyof typeof AWS_DATA_RESOURCES]);
      expect(found[0]!.message).toContain("--allow-data-loss");
    }
    const acknowledged = dataLoss(steps, "prod", [steps[0]!.urn]);
    expect(acknowledged.map((f) => f.blocking)).toEqual([false]);
  });

  it("says what AWS keeps: the final snapshot, the KMS window, the secret's recovery window", () => {
    const rds = dataLoss([awsStep("delete", "aws:rds/instance:Instance", "db", CASES[0]![1], undefined)]);
    expect(rds[0]!.message).toContain('final snapshot "db-final"');
    const skipped = dataLoss([awsStep("delete", "aws:rds/cluster:Cluster", "db", CASES[1]![1], undefined)]);
    expect(skipped[0]!.message).not.toContain("final snapshot");
    const key = dataLoss([awsStep("replace", "aws:kms/key:Key", "k", { deletionWindowInDays: 7 }, {})]);
    expect(key[0]!.message).toContain("KMS waits 7 days");
    expect(awsRetainedAfterDestroy("aws:kms/key:Key", {})).toContain("30 days");
    expect(
      awsRetainedAfterDestroy("aws:secretsmanager/secret:Secret", { recoveryWindowInDays: 0 }),
    ).toBeUndefined();
    expect(awsRetainedAfterDestroy("aws:secretsmanager/secret:Secret", {})).toContain("30 days");
    expect(awsRetainedAfterDestroy("aws:rds/cluster:Cluster", {})).toContain(
      "finalSnapshotIdentifier is unset",
    );
  });

  it("replacing an Aurora cluster instance or a parameter group is not data loss (the volume keeps the data)", () => {
    const steps = [
      awsStep(
        "replace",
        "aws:rds/clusterInstance:ClusterInstance",
        "db-writer",
        { instanceClass: "db.serverless" },
        { instanceClass: "db.r6g.large" },
      ),
      awsStep(
        "replace",
        "aws:rds/clusterParameterGroup:ClusterParameterGroup",
        "db-params",
        { family: "aurora-postgresql15" },
        { family: "aurora-postgresql16" },
      ),
    ];
    expect(dataLoss(steps)).toEqual([]);
  });

  it("retainOnDelete (discard) is informational", () => {
    const found = dataLoss([
      awsStep("discard", "aws:rds/cluster:Cluster", "db", { engine: "aurora-postgresql" }, undefined),
    ]);
    expect(found.map((f) => [f.blocking, f.severity])).toEqual([[false, "info"]]);
  });
});

describe("platform/data-loss-safeguard on AWS", () => {
  const safeguard = (steps: GuardStep[]) =>
    runGuards({ steps, profile: "prod" }).filter((f) => f.id === "platform/data-loss-safeguard");

  it.each([
    [
      "aws:rds/cluster:Cluster",
      { deletionProtection: true },
      { deletionProtection: false },
      "deletionProtection",
    ],
    [
      "aws:rds/instance:Instance",
      { deletionProtection: true },
      { deletionProtection: false },
      "deletionProtection",
    ],
    ["aws:rds/instance:Instance", {}, { skipFinalSnapshot: true }, "skipFinalSnapshot"],
    [
      "aws:rds/cluster:Cluster",
      { skipFinalSnapshot: false },
      { skipFinalSnapshot: true },
      "skipFinalSnapshot",
    ],
    [
      "aws:secretsmanager/secret:Secret",
      { recoveryWindowInDays: 30 },
      { recoveryWindowInDays: 0 },
      "recoveryWindowInDays",
    ],
  ] as const)("%s: turning %j into %j warns about %s", (type, before, after, path) => {
    const found = safeguard([awsStep("update", type, "r", before, after)]);
    expect(found).toHaveLength(1);
    expect(found[0]!.blocking).toBe(false);
    expect(found[0]!.message).toContain(path);
  });

  it("does not warn when the safeguard was never on, or stays on", () => {
    expect(
      safeguard([awsStep("update", "aws:rds/cluster:Cluster", "r", {}, { deletionProtection: false })]),
    ).toEqual([]);
    expect(
      safeguard([
        awsStep(
          "update",
          "aws:rds/cluster:Cluster",
          "r",
          { skipFinalSnapshot: true },
          { skipFinalSnapshot: true },
        ),
      ]),
    ).toEqual([]);
    expect(
      safeguard([
        awsStep(
          "update",
          "aws:secretsmanager/secret:Secret",
          "r",
          { recoveryWindowInDays: 7 },
          { recoveryWindowInDays: 30 },
        ),
      ]),
    ).toEqual([]);
  });
});
