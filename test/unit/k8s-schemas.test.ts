import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import {
  CRD_SCHEMA_FILES,
  coreStrictSchema,
  toKubernetesObject,
  validateKubernetesObject,
  type KubernetesObject,
} from "../support/kubernetes-schemas";
import { k8sInventory } from "./k8s-fixtures";

const CRDS = join(__dirname, "..", "fixtures", "crds");
const objectOf = (profile: "dev" | "prod", name: string): KubernetesObject =>
  toKubernetesObject(k8sInventory(profile).find((r) => r.name === name)!)!;
const edit = (o: KubernetesObject, change: (o: any) => void): KubernetesObject => {
  const copy = structuredClone(o) as any;
  change(copy);
  return copy;
};

describe("the stored schemas", () => {
  it("SOURCE.md names the catalog commit and every stored CRD schema", () => {
    const source = readFileSync(join(CRDS, "SOURCE.md"), "utf8");
    expect(source).toContain("https://github.com/datreeio/CRDs-catalog");
    expect(source).toMatch(/commit: `7b1e26ef9deea49293714d204c1a2270aab1178f`/);
    const stored = readdirSync(CRDS, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(join(CRDS, d.name)).map((f) => `${d.name}/${f}`))
      .sort();
    expect(stored).toEqual(Object.values(CRD_SCHEMA_FILES).sort());
    for (const f of stored) expect(source, f).toContain(`\`${f}\``);
  });

  it("the strict core schema comes from the installed @pulumi/kubernetes", () => {
    const installed = JSON.parse(
      readFileSync(
        join(__dirname, "..", "..", "node_modules", "@pulumi", "kubernetes", "package.json"),
        "utf8",
      ),
    ) as { version: string };
    expect(coreStrictSchema().source.version).toBe(installed.version);
    expect(Object.keys(coreStrictSchema().kinds)).toHaveLength(20);
  });

  it.each(Object.keys(CRD_SCHEMA_FILES))(
    "%s compiles in ajv strict mode and rejects a misspelt spec field",
    async (key) => {
      const slash = key.lastIndexOf("/");
      const r = await validateKubernetesObject({
        apiVersion: key.slice(0, slash),
        kind: key.slice(slash + 1),
        metadata: { name: "x" },
        spec: { definitelyNotAField: true },
      });
      expect(r.validatedBy).toContain("CRD schema");
      expect(r.issues.map((i) => i.message)).toContain(
        'must NOT have additional properties "definitelyNotAField"',
      );
    },
  );
});

describe("validateKubernetesObject", () => {
  it("passes every object of the hand-built k8s-dev and k8s-prod inventories", async () => {
    for (const profile of ["dev", "prod"] as const) {
      for (const row of k8sInventory(profile)) {
        const r = await validateKubernetesObject(toKubernetesObject(row)!);
        expect(r.issues, `${profile} ${row.name}`).toEqual([]);
        expect(r.validatedBy.length, row.name).toBeGreaterThan(0);
      }
    }
  });

  it("checks core kinds with kubernetes-models and the strict schema, CRDs with the catalog (and a model where one exists)", async () => {
    expect((await validateKubernetesObject(objectOf("prod", "api-deployment"))).validatedBy).toEqual([
      "kubernetes-models",
      "core strict schema",
    ]);
    expect((await validateKubernetesObject(objectOf("prod", "db-cluster"))).validatedBy).toEqual([
      "CRD schema",
    ]);
    expect((await validateKubernetesObject(objectOf("prod", "obs-rules"))).validatedBy).toEqual([
      "kubernetes-models",
      "CRD schema",
    ]);
  });

  it("fails a misspelt container field that kubernetes-models alone accepts", async () => {
    const bad = edit(objectOf("prod", "api-deployment"), (o) => {
      o.spec.template.spec.containers[0].imagePullPolcy = "Always";
    });
    const r = await validateKubernetesObject(bad);
    expect(r.issues).toEqual([
      {
        source: "core strict schema",
        path: "/spec/template/spec/containers/0",
        message: 'must NOT have additional properties "imagePullPolcy"',
      },
    ]);
  });

  it("fails misspelt fields at every level: top, metadata, spec, and inside a CRD", async () => {
    const cm = await validateKubernetesObject({
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "x", lables: {} },
      dat: {},
    });
    expect(cm.issues.map((i) => `${i.path} ${i.message}`).sort()).toEqual([
      '/ must NOT have additional properties "dat"',
      '/metadata must NOT have additional properties "lables"',
    ]);
    const cluster = await validateKubernetesObject(
      edit(objectOf("prod", "db-cluster"), (o) => {
        o.spec.storage.sizee = "1Gi";
      }),
    );
    expect(cluster.issues.map((i) => `${i.path} ${i.message}`)).toEqual([
      '/spec/storage must NOT have additional properties "sizee"',
    ]);
  });

  it("fails wrong types and enum values", async () => {
    const port = await validateKubernetesObject(
      edit(objectOf("prod", "api-deployment"), (o) => {
        o.spec.template.spec.containers[0].ports[0].containerPort = "eighty";
      }),
    );
    expect(port.issues.map((i) => i.source)).toEqual(["kubernetes-models", "core strict schema"]);
    const backup = await validateKubernetesObject(
      edit(objectOf("prod", "db-scheduled-backup"), (o) => {
        o.spec.method = "barmanObjectStorez";
      }),
    );
    expect(backup.issues).toEqual([
      expect.objectContaining({
        path: "/spec/method",
        message: expect.stringContaining("must be equal to one of the allowed values"),
      }),
    ]);
    const instances = await validateKubernetesObject(
      edit(objectOf("prod", "db-cluster"), (o) => {
        o.spec.instances = 0;
      }),
    );
    expect(instances.issues.map((i) => i.path)).toEqual(["/spec/instances"]);
  });

  it("fails a missing required field and a wrong apiVersion for the kind", async () => {
    const hpa = await validateKubernetesObject(
      edit(objectOf("prod", "api-hpa"), (o) => {
        delete o.spec.maxReplicas;
      }),
    );
    expect(hpa.issues.some((i) => i.message === "must have required property 'maxReplicas'")).toBe(true);
    const wrong = await validateKubernetesObject({
      ...objectOf("prod", "api-pdb"),
      apiVersion: "policy/v2",
    });
    expect(wrong.issues.map((i) => i.message)).toEqual([
      "no schema is stored for policy/v2/PodDisruptionBudget",
    ]);
  });

  it("does not judge values unknown offline, and lists them", async () => {
    const r = await validateKubernetesObject({
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "x", namespace: "[unknown]" },
      spec: { ports: "[unknown]" },
    });
    expect(r.issues).toEqual([]);
    expect(r.opaque).toEqual(["/metadata/namespace", "/spec/ports"]);
  });

  it("maps type tokens to apiVersion and kind; non-Kubernetes rows and Helm components are not objects", () => {
    expect(toKubernetesObject({ type: "kubernetes:core/v1:Namespace", inputs: {} })).toEqual({
      apiVersion: "v1",
      kind: "Namespace",
    });
    expect(toKubernetesObject({ type: "kubernetes:postgresql.cnpg.io/v1:Cluster" })).toEqual({
      apiVersion: "postgresql.cnpg.io/v1",
      kind: "Cluster",
    });
    expect(toKubernetesObject({ type: "kubernetes:helm.sh/v4:Chart" })).toBeUndefined();
    expect(toKubernetesObject({ type: "pulumi:providers:kubernetes" })).toBeUndefined();
    expect(toKubernetesObject({ type: "gcp:kms/keyRing:KeyRing" })).toBeUndefined();
  });
});
