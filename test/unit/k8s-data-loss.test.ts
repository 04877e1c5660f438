import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import {
  KUBERNETES_DATA_RESOURCES,
  kubernetesRetainedAfterDestroy,
} from "../../plan/guards/kubernetes/data-loss";
import { isDataResource } from "../../plan/guards/data-loss";
import { runGuards } from "../../plan/guards/run";
import type { GuardStep } from "../../plan/guards/types";
import type { Op, PlanInputs } from "../../plan/model";
import { k8sInventory } from "./k8s-fixtures";

const prod = k8sInventory("prod");
const row = (name: string) => prod.find((r) => r.name === name)!;

function step(
  op: Op,
  name: string,
  oldInputs?: unknown,
  newInputs?: unknown,
  extra: Partial<GuardStep> = {},
): GuardStep {
  const r = row(name);
  return {
    op,
    urn: r.urn,
    type: r.type,
    name: r.name,
    ...(oldInputs ? { oldInputs: oldInputs as PlanInputs } : {}),
    ...(newInputs ? { newInputs: newInputs as PlanInputs } : {}),
    replaceReasons: op === "replace" ? ["metadata.name"] : [],
    diffs: [],
    ...extra,
  };
}
const findings = (steps: GuardStep[], id: string, allow?: string[]) =>
  runGuards({ steps, profile: "prod", ...(allow ? { allowDataLoss: allow } : {}) }).filter(
    (f) => f.id === id,
  );

describe("platform/data-loss on Kubernetes", () => {
  it("knows the CNPG Cluster, PVCs and StatefulSets as data, and nothing else of the stack", () => {
    expect(Object.keys(KUBERNETES_DATA_RESOURCES).sort()).toEqual([
      "kubernetes:apps/v1:StatefulSet",
      "kubernetes:core/v1:PersistentVolumeClaim",
      "kubernetes:postgresql.cnpg.io/v1:Cluster",
    ]);
    expect(
      prod
        .filter((r) => isDataResource(r.type))
        .map((r) => r.name)
        .sort(),
    ).toEqual(["cache-statefulset", "db-cluster"]);
  });

  it.each([
    ["replace", "db-cluster"],
    ["delete", "db-cluster"],
    ["replace", "cache-statefulset"],
    ["delete", "cache-statefulset"],
  ] as const)("%s of %s blocks until acknowledged, and says what survives", (op, name) => {
    const r = row(name);
    const s = step(op, name, r.inputs, op === "replace" ? r.inputs : undefined, { protect: true });
    const [f] = findings([s], "platform/data-loss");
    expect(f?.blocking).toBe(true);
    expect(f?.message).toContain(op === "replace" ? "Replacing" : "Deleting");
    expect(f?.message).toContain(
      name === "db-cluster"
        ? 'Base backups and WAL stay in ObjectStore "db-backups"'
        : "The volume claims are retained",
    );
    expect(f?.message).toContain(`--allow-data-loss '${r.urn}'`);
    const [acked] = findings([s], "platform/data-loss", [r.urn]);
    expect(acked?.blocking).toBe(false);
  });

  it("a PVC delete blocks; without a retention policy nothing is said to survive", () => {
    const pvc: GuardStep = {
      op: "delete",
      urn: "urn:pulumi:k8s-prod::platform::kubernetes:core/v1:PersistentVolumeClaim::data",
      type: "kubernetes:core/v1:PersistentVolumeClaim",
      name: "data",
      oldInputs: { spec: { resources: { requests: { storage: "10Gi" } } } },
      replaceReasons: [],
      diffs: [],
    };
    const [f] = findings([pvc], "platform/data-loss");
    expect(f?.blocking).toBe(true);
    expect(kubernetesRetainedAfterDestroy(pvc.type, pvc.oldInputs)).toBeUndefined();
    expect(kubernetesRetainedAfterDestroy("kubernetes:apps/v1:StatefulSet", {})).toBeUndefined();
  });

  it("an update of a Deployment or a Certificate is no data loss", () => {
    const api = row("api-deployment");
    expect(
      findings([step("replace", "api-deployment", api.inputs, api.inputs)], "platform/data-loss"),
    ).toEqual([]);
  });

  it("turning the StatefulSet's claim retention from Retain to Delete warns", () => {
    const r = row("cache-statefulset");
    const after = structuredClone(r.inputs) as any;
    after.spec.persistentVolumeClaimRetentionPolicy.whenDeleted = "Delete";
    const [f] = findings(
      [step("update", "cache-statefulset", r.inputs, after)],
      "platform/data-loss-safeguard",
    );
    expect(f?.blocking).toBe(false);
    expect(f?.message).toContain("spec.persistentVolumeClaimRetentionPolicy.whenDeleted is turned off");
  });
});
