import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { SECRET, UNKNOWN } from "../../plan/model";
import {
  countChanges,
  detectPlanFormat,
  inventorySteps,
  normalizeValue,
  parseInventory,
  parsePlanFile,
  parsePreviewDigest,
  parsePreviewDigestText,
  parsePreviewJson,
  PlanParseError,
  readInventory,
  Sig,
  SIG_KEY,
} from "../../plan/parse";

const FIXTURES = join(__dirname, "../fixtures/pulumi-engine");
const fixture = (name: string) => join(FIXTURES, name);
const tmp = mkdtempSync(join(tmpdir(), "plan-preview-"));
const write = (name: string, content: string) => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};

describe("parsePreviewJson on real digests", () => {
  it("reads a 60-step create digest with unknowns, duration in nanoseconds", async () => {
    const r = await parsePreviewJson(fixture("preview-existing.json"));
    expect(r.steps).toHaveLength(60);
    expect(countChanges(r.steps)).toEqual({ create: 59, update: 0, delete: 0, replace: 0 });
    expect(r.summary).toEqual({
      resourceChanges: { create: 60 },
      maybeCorrupt: false,
      durationSeconds: 57.289442323,
      isPreview: true,
    });
    const nodeGroup = r.steps.find((s) => s.type === "aws:eks/nodeGroup:NodeGroup")!;
    expect(nodeGroup.newInputs).toEqual({
      clusterName: "example-eks-cluster-c9bddfa",
      instanceTypes: ["t3.large"],
      nodeGroupName: "example-fb24f29",
      nodeRoleArn: UNKNOWN,
      scalingConfig: { desiredSize: 1, maxSize: 1, minSize: 1 },
      subnetIds: [UNKNOWN, UNKNOWN, UNKNOWN],
      updateConfig: { maxUnavailable: 2 },
    });
    expect(nodeGroup.oldInputs).toBeUndefined();
    expect(nodeGroup.provider).toMatch(/::04da6b54-80e4-46f7-96ec-b56ff0331ba9$/);
  });

  it("reads `kind` (not diffKind) detailed diffs and old/new state of an update", async () => {
    const r = await parsePreviewJson(fixture("sample-preview-update.json"));
    expect(countChanges(r.steps)).toEqual({ create: 0, update: 1, delete: 0, replace: 0 });
    const fn = r.steps.find((s) => s.op === "update")!;
    expect(fn.name).toBe("docsHandler");
    expect(fn.type).toBe("aws:lambda/function:Function");
    expect(fn.diffs).toEqual(["code"]);
    expect(fn.detailedDiff).toEqual({ code: { kind: "update", inputDiff: false } });
    expect(fn.oldInputs).toBeDefined();
    expect(fn.newInputs).toBeDefined();
    // Same steps share one inputs object for both sides.
    const same = r.steps.find((s) => s.op === "same" && s.type === "aws:s3/bucket:Bucket")!;
    expect(same.newInputs).toBe(same.oldInputs);
  });

  it("reads deletes (old state only) and assets without their signatures", async () => {
    const deletes = await parsePreviewJson(fixture("sample-preview-deletes.json"));
    expect(countChanges(deletes.steps).delete).toBe(14);
    expect(deletes.steps.filter((s) => s.op === "delete").every((s) => s.newInputs === undefined)).toBe(true);

    const creates = await parsePreviewJson(fixture("sample-preview-creates.json"));
    const fn = creates.steps.find((s) => s.type === "aws:lambda/function:Function")!;
    const code = fn.newInputs!.code as Record<string, any>;
    expect(code).not.toHaveProperty(SIG_KEY);
    expect(code.assets["__index.js"].text).toContain("exports.handler");
    expect(fn.newInputs!.role).toBe(UNKNOWN);
  });

  it("reads a streaming JSON preview (newline-delimited engine events)", async () => {
    const stream = readFileSync(fixture("lifecycle-TestProviderPreviewUnknowns-2-eventstream.json"), "utf8");
    const path = write("streaming.json", `\n${stream}`);
    expect(await detectPlanFormat(path)).toBe("event-log");
    const r = await parsePreviewJson(path);
    expect(countChanges(r.steps)).toEqual({ create: 0, update: 2, delete: 1, replace: 0 });
    expect(r.summary!.isPreview).toBe(true);
  });
});

describe("bad digests", () => {
  it("names file, line and column for invalid JSON", async () => {
    const err = await parsePreviewJson(
      write("broken.json", '{\n  "steps": [\n    { "op": "create", }\n  ]\n}\n'),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlanParseError);
    expect((err as Error).message).toMatch(/broken\.json:3:\d+: not valid JSON/);
    expect((err as PlanParseError).line).toBe(3);
  });

  it("names the JSON path and what was expected for the wrong shape", () => {
    expect(() => parsePreviewDigest([1, 2], { file: "p.json" })).toThrow(
      /p\.json: \(top level\): expected a preview digest object/,
    );
    expect(() => parsePreviewDigest({ resources: [] }, { file: "p.json" })).toThrow(
      "p.json: (top level): expected a preview digest with `steps` or `changeSummary`, got an object with keys [resources]",
    );
    expect(() => parsePreviewDigest({ steps: {} }, { file: "p.json" })).toThrow(
      "p.json: steps: expected an array, got {}",
    );
    expect(() => parsePreviewDigest({ steps: ["x"] }, { file: "p.json" })).toThrow(
      'p.json: steps[0]: expected a step object with op and urn, got "x"',
    );
    expect(() =>
      parsePreviewDigest(
        { steps: [{ op: "explode", urn: "urn:pulumi:s::p::t:m:T::n" }] },
        { file: "p.json" },
      ),
    ).toThrow(/p\.json: steps\[0\] \(urn:pulumi:s::p::t:m:T::n\): unknown op "explode"/);
  });

  it("rejects an empty file", async () => {
    await expect(parsePreviewJson(write("empty.json", "\n\n"))).rejects.toThrow(/empty\.json: empty/);
  });

  it("parses digest text directly", () => {
    const r = parsePreviewDigestText('{"steps":[],"changeSummary":{"same":1}}');
    expect(r.summary!.resourceChanges).toEqual({ same: 1 });
  });
});

describe("synth inventory", () => {
  const inventory = {
    env: "dev",
    stack: "dev",
    resources: [
      {
        urn: "urn:pulumi:dev::platform::platform:security:KmsKeyRing::keys",
        type: "platform:security:KmsKeyRing",
        name: "keys",
        parent: "urn:pulumi:dev::platform::pulumi:pulumi:Stack::platform-dev",
        inputs: {},
        protect: false,
      },
      {
        urn: "urn:pulumi:dev::platform::platform:security:KmsKeyRing$gcp:kms/keyRing:KeyRing::keys-ring",
        type: "gcp:kms/keyRing:KeyRing",
        name: "keys-ring",
        parent: "urn:pulumi:dev::platform::platform:security:KmsKeyRing::keys",
        inputs: { location: "europe-west1", name: "acme-dev-keys" },
        protect: true,
      },
      {
        urn: "urn:pulumi:dev::platform::gcp:secretmanager/secretVersion:SecretVersion::db-password",
        type: "gcp:secretmanager/secretVersion:SecretVersion",
        name: "db-password",
        parent: "",
        inputs: { secret: "[unknown]", secretData: "[secret]" },
        protect: false,
      },
    ],
  };

  it("becomes all-create steps with markers for secrets and unknowns", () => {
    const steps = inventorySteps(parseInventory(inventory));
    expect(steps.map((s) => s.op)).toEqual(["create", "create", "create"]);
    expect(steps[1]).toMatchObject({
      name: "keys-ring",
      protect: true,
      newInputs: { location: "europe-west1" },
    });
    expect(steps[2]!.newInputs).toEqual({ secret: UNKNOWN, secretData: SECRET });
    expect(steps[2]!.parent).toBeUndefined();
    expect(countChanges(steps).create).toBe(3);
  });

  it("reports the JSON path of the first problem", () => {
    expect(() => parseInventory({ env: "dev" }, { file: "dev.json" })).toThrow(
      "dev.json: resources: expected an array of resources, got nothing",
    );
    const bad = structuredClone(inventory);
    (bad.resources[1] as any).inputs = [1];
    expect(() => parseInventory(bad, { file: "dev.json" })).toThrow(
      "dev.json: resources[1].inputs: expected an object, got [1]",
    );
    const dup = structuredClone(inventory);
    dup.resources[2]!.urn = dup.resources[0]!.urn;
    expect(() => parseInventory(dup)).toThrow(
      /resources\[2\]\.urn: expected a URN not used by an earlier resource/,
    );
  });

  it("is detected and read from a file", async () => {
    const path = write("dev.json", JSON.stringify(inventory, null, 2));
    expect(await detectPlanFormat(path)).toBe("inventory");
    const { format, result } = await parsePlanFile(path);
    expect(format).toBe("inventory");
    expect(result.steps).toHaveLength(3);
    expect((await readInventory(path)).env).toBe("dev");
    await expect(readInventory(write("bad.json", "{"))).rejects.toThrow(/bad\.json: not valid JSON/);
  });
});

describe("parsePlanFile", () => {
  it("detects each real fixture's format", async () => {
    expect((await parsePlanFile(fixture("up-4.json"))).format).toBe("event-log");
    expect((await parsePlanFile(fixture("pulumi-volume-dependecies.json"))).format).toBe("preview-digest");
  });

  it("rejects files that are not JSON", async () => {
    await expect(parsePlanFile(write("notes.txt", "hello"))).rejects.toThrow(/notes\.txt: not a plan file/);
  });
});

describe("normalizeValue", () => {
  it("decodes every signature", () => {
    expect(normalizeValue({ [SIG_KEY]: Sig.secret, ciphertext: "abc" })).toBe(SECRET);
    expect(
      normalizeValue({ [SIG_KEY]: Sig.resourceReference, urn: "u", id: "i", packageVersion: "" }),
    ).toEqual({
      urn: "u",
      id: "i",
    });
    expect(normalizeValue({ [SIG_KEY]: Sig.outputValue, value: "v" })).toBe("v");
    expect(normalizeValue({ [SIG_KEY]: Sig.outputValue, secret: true, value: "v" })).toBe(SECRET);
    expect(normalizeValue({ [SIG_KEY]: Sig.outputValue })).toBe(UNKNOWN);
    expect(normalizeValue(["[secret]", "04da6b54-80e4-46f7-96ec-b56ff0331ba9", undefined, 1])).toEqual([
      SECRET,
      UNKNOWN,
      null,
      1,
    ]);
  });
});
