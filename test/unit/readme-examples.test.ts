import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";

const ROOT = path.resolve(__dirname, "../..");
const EXAMPLES = path.join(ROOT, "examples");
const files = readdirSync(EXAMPLES).filter((f) => f.endsWith(".ts"));

/** README code blocks tagged with their example file: ```ts title="examples/x.ts" */
function readmeBlocks(): Map<string, string> {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const out = new Map<string, string>();
  for (const m of readme.matchAll(/```ts title="(examples\/[\w-]+\.ts)"\n([\s\S]*?)```/g))
    out.set(m[1]!, m[2]!);
  return out;
}

describe("README component catalogue", () => {
  it("shows every example file verbatim, and every example file is shown", () => {
    const blocks = readmeBlocks();
    expect([...blocks.keys()].sort()).toEqual(files.map((f) => `examples/${f}`).sort());
    for (const f of files)
      expect(blocks.get(`examples/${f}`), f).toBe(readFileSync(path.join(EXAMPLES, f), "utf8"));
  });

  it("every example type-checks against the library (strict)", () => {
    // Generous: @pulumi/aws adds a large type surface to this one program.
    const config = ts.getParsedCommandLineOfConfigFile(
      path.join(ROOT, "tsconfig.json"),
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
    );
    const program = ts.createProgram({
      rootNames: files.map((f) => path.join(EXAMPLES, f)),
      options: { ...config!.options, noEmit: true },
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(diagnostics).toEqual([]);
  }, 300_000);
});
