import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";

const ROOT = path.resolve(__dirname, "../..");
const EXAMPLES = path.join(ROOT, "examples");
const CONSUMER = path.join(EXAMPLES, "consumer");
const files = readdirSync(EXAMPLES).filter((f) => f.endsWith(".ts"));
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

function compilerOptions(): ts.CompilerOptions {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(ROOT, "tsconfig.json"),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  );
  return { ...config!.options, noEmit: true };
}

/**
 * A library source file (not an example, not a dependency) → its declaration file in dist/, as a
 * consumer of the package sees it. The sources themselves are checked by `npm run typecheck`; here
 * only the snippets are, which saves checking (and parsing) the whole library a second time.
 */
function toDeclaration(resolved: ts.ResolvedModuleFull | undefined): ts.ResolvedModuleFull | undefined {
  if (!resolved || resolved.extension !== ".ts") return resolved;
  const rel = path.relative(ROOT, resolved.resolvedFileName);
  if (/^(\.\.|node_modules|dist|examples)[\\/]/.test(rel)) return resolved;
  const declaration = path.join(ROOT, "dist", rel.replace(/\.ts$/, ".d.ts"));
  if (!existsSync(declaration)) throw new Error(`${declaration} does not exist; run \`npm run build\` first`);
  return { ...resolved, resolvedFileName: declaration, extension: ts.Extension.Dts };
}

function diagnosticsOf(rootNames: string[], options: ts.CompilerOptions): string[] {
  const host = ts.createCompilerHost(options);
  host.resolveModuleNameLiterals = (literals, containing, redirected, opts, file) =>
    literals.map((literal) => {
      const mode = ts.getModeForUsageLocation(file, literal, opts);
      const result = ts.resolveModuleName(literal.text, containing, opts, host, undefined, redirected, mode);
      return { ...result, resolvedModule: toDeclaration(result.resolvedModule) };
    });
  const program = ts.createProgram({ rootNames, options, host });
  return ts
    .getPreEmitDiagnostics(program)
    .map(
      (d) =>
        `${d.file ? path.relative(ROOT, d.file.fileName) : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
    );
}

/** `@platform/pulumi-platform[/subpath]` → the declaration file package.json `exports` names (dist/). */
function packagePaths(): Record<string, string[]> {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    name: string;
    exports: Record<string, string | { types: string }>;
  };
  const out: Record<string, string[]> = {};
  for (const [sub, target] of Object.entries(pkg.exports)) {
    if (typeof target === "string") continue;
    out[sub === "." ? pkg.name : `${pkg.name}/${sub.slice(2)}`] = [path.join(ROOT, target.types)];
  }
  return out;
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

  // One program for all of them: loading @pulumi/gcp's types dominates the time. The library is
  // read from its built declarations (`npm test` builds first), so only the snippets are checked.
  it("every example, and the consumer project's program and deploy script, type-check (strict)", () => {
    // `@platform/pulumi-platform[/subpath]` resolves to the declarations package.json `exports` names.
    const options = { ...compilerOptions(), baseUrl: ROOT, paths: packagePaths() };
    for (const target of Object.values(options.paths)) expect(existsSync(target[0]!), target[0]).toBe(true);
    const rootNames = [
      ...files.map((f) => path.join(EXAMPLES, f)),
      ...["infra/index.ts", "scripts/deploy.ts"].map((f) => path.join(CONSUMER, f)),
    ];
    expect(diagnosticsOf(rootNames, options)).toEqual([]);
  }, 300_000);
});
