// The double writes its checkpoint after every step of an operation from per-resource JSON texts
// it keeps (test/support/pulumi-double/backend.ts checkpointText): the file must be byte for byte
// what JSON.stringify(file, null, 4) writes, as before.
import { describe, it } from "@jest/globals";
import fc from "fast-check";
import { expect } from "../support/expect";
import { checkpointText, type CheckpointFile } from "../support/pulumi-double/backend";
import type { DeploymentV3, ResourceState } from "../support/pulumi-double/state";

const SECRET = {
  "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
  ciphertext: "v1:a:b",
};

function checkpoint(
  resources: ResourceState[] | undefined,
  extra: Partial<DeploymentV3> = {},
): CheckpointFile {
  return {
    version: 3,
    checkpoint: {
      stack: "organization/p/dev",
      latest: {
        manifest: { time: "2026-12-01T00:00:00.000Z", magic: "", version: "3.270.0" },
        secrets_providers: { type: "passphrase", state: { salt: "v1:s:t" } },
        ...(resources ? { resources } : {}),
        ...extra,
      },
    },
  };
}

const resource = (urn: string, inputs: ResourceState["inputs"] = {}): ResourceState => ({
  urn,
  custom: true,
  type: "p:index:Thing",
  id: "id-1",
  inputs,
  outputs: { ...inputs, arn: 'a "quoted"\nline', secret: SECRET, empty: {}, none: [] },
  dependencies: [],
  protect: false,
});

const expected = (file: CheckpointFile) => JSON.stringify(file, null, 4) + "\n";

describe("checkpointText", () => {
  it("is JSON.stringify's text: resources, pending operations, no resources, an empty list", () => {
    const a = resource("urn:a", { size: 1, tags: { b: "2", a: "1" } });
    const b = resource("urn:b", { nested: [[1, { x: null }], "ü€😀"] });
    const pending = [{ type: "creating" as const, resource: resource("urn:c") }];
    const files = [
      checkpoint([a, b]),
      checkpoint([a, b], { pending_operations: pending }),
      checkpoint(undefined),
      checkpoint([]),
      { version: 3, checkpoint: { stack: "organization/p/dev" } } as CheckpointFile,
    ];
    for (const file of files) expect(checkpointText(file, new WeakMap())).toBe(expected(file));
  });

  it("keeps each resource's text for the next write, which is still the whole file's text", () => {
    const texts = new WeakMap<ResourceState, string>();
    const a = resource("urn:a", { size: 1 });
    const b = resource("urn:b", { size: 2 });
    expect(checkpointText(checkpoint([a]), texts)).toBe(expected(checkpoint([a])));
    expect(texts.has(a)).toBe(true);
    const next = checkpoint([a, b], { pending_operations: [{ type: "updating", resource: b }] });
    expect(checkpointText(next, texts)).toBe(expected(next));
  });

  it("for any JSON inputs and outputs (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.dictionary(fc.string(), fc.jsonValue()), fc.dictionary(fc.string(), fc.jsonValue())),
          {
            maxLength: 4,
          },
        ),
        (props) => {
          const resources = props.map(([inputs, outputs], i) => ({
            ...resource(`urn:${i}`),
            inputs: inputs,
            outputs: outputs,
          }));
          const file = checkpoint(resources);
          expect(checkpointText(file, new WeakMap())).toBe(expected(file));
        },
      ),
      { numRuns: 200 },
    );
  });
});
