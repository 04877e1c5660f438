import { readFileSync } from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { asPackageImports, EXAMPLES_DIR as EXAMPLES, exampleFiles } from "../support/readme-examples";

const ROOT = path.resolve(__dirname, "../..");
const CONSUMER = path.join(EXAMPLES, "consumer");
const files = exampleFiles();
const PKG = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  name: string;
  exports: Record<string, unknown>;
};
const PACKAGE = PKG.name;
/** The consumer project's files the README shows (its Jest test type-checks in the pack-and-consume test). */
const CONSUMER_SHOWN = [
  "Pulumi.yaml",
  "deploy/Pulumi.dev.yaml",
  "infra/index.ts",
  "infra/index.test.ts",
  "scripts/deploy.ts",
  "jest.config.js",
].map((f) => `examples/consumer/${f}`);
const README = readFileSync(path.join(ROOT, "README.md"), "utf8");

/** README code blocks tagged with their example file: ```ts title="examples/x.ts" */
function readmeBlocks(): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of README.matchAll(/```\w+ title="(examples\/[\w./-]+)"\n([\s\S]*?)```/g))
    out.set(m[1]!, m[2]!);
  return out;
}

/** The files a tsconfig's program holds (its `include` expanded; nothing is parsed). */
function programFiles(tsconfig: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    tsconfig,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => undefined,
    },
  );
  expect(config?.options.strict, tsconfig).toBe(true);
  return config!.fileNames.map((f) => path.resolve(f));
}

describe("README snippets", () => {
  it("shows every example file verbatim, and every example file is shown", () => {
    const blocks = readmeBlocks();
    const expected = [...files.map((f) => `examples/${f}`), ...CONSUMER_SHOWN].sort();
    expect([...blocks.keys()].sort()).toEqual(expected);
    for (const [file, body] of blocks) expect(body, file).toBe(readFileSync(path.join(ROOT, file), "utf8"));
  });

  it("has no TypeScript snippet that is not an example file (so every snippet is type-checked)", () => {
    expect(README.match(/```ts(?! title=)/g) ?? []).toEqual([]);
  });

  // Each is type-checked once, by a program that already loads the provider SDKs' types (about
  // 6,000 declaration files, ~30 s of CPU for a program of its own): the examples by `npm run
  // typecheck` against the sources, and by the package test against the installed tarball (its
  // relative imports turned into the package's subpaths); the consumer's files by the package test.
  it("every example is in the type check (strict), and so are the consumer files shown", () => {
    const checked = programFiles(path.join(ROOT, "tsconfig.json"));
    for (const f of files) expect(checked, `examples/${f}`).toContain(path.join(EXAMPLES, f));
    const consumer = programFiles(path.join(CONSUMER, "tsconfig.json"));
    for (const f of ["infra/index.ts", "infra/index.test.ts", "scripts/deploy.ts"])
      expect(consumer, `examples/consumer/${f}`).toContain(path.join(CONSUMER, f));
  });

  it("every example imports the library only through paths the package exports", () => {
    const exported = new Set(Object.keys(PKG.exports));
    for (const f of files) {
      const asConsumer = asPackageImports(readFileSync(path.join(EXAMPLES, f), "utf8"), PACKAGE, f);
      expect(asConsumer.match(/from\s+"\.\.?\//g) ?? [], f).toEqual([]);
      for (const m of asConsumer.matchAll(/from\s+"(@platform\/pulumi-platform[^"]*)"/g))
        expect(exported.has(m[1]!.replace(PACKAGE, ".")), `${f}: ${m[1]}`).toBe(true);
    }
    expect(() => asPackageImports('import { x } from "../plan/cost";', PACKAGE, "x.ts")).toThrow(
      'x.ts: import "../plan/cost" has no package subpath (known: ../components, ../orchestrator)',
    );
    expect(asPackageImports('import type { A } from "../components/shared";', PACKAGE)).toBe(
      'import type { A } from "@platform/pulumi-platform/components";',
    );
  });
});
