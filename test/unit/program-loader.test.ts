import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";

// The loader registers tsx with Node's own module loader, as the synth and stack workers do in
// their own processes; Jest's module registry is not Node's, so it runs in a child Node here.
const LOADER = path.resolve(__dirname, "..", "..", "dist", "programs", "loader.js");
function runProgramFile(main: string): Promise<unknown> {
  const script = `require(${JSON.stringify(LOADER)}).runProgramFile(${JSON.stringify(main)}).then((o) => process.stdout.write(JSON.stringify(o)))`;
  return new Promise((resolve, reject) =>
    execFile(process.execPath, ["-e", script], (err, out, errOut) =>
      err ? reject(new Error(`${err.message}\n${errOut}`)) : resolve(JSON.parse(out) as unknown),
    ),
  );
}

let dir: string;
const file = (name: string, text: string) => {
  writeFileSync(path.join(dir, name), text);
  return path.join(dir, name);
};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "loader-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("running a program file as Pulumi's Node.js host does", () => {
  it("TypeScript with extensionless local imports and `export =` (no build step)", async () => {
    file("helper.ts", "export const name = (s: string): string => `acme-${s}`;\n");
    const main = file(
      "index.ts",
      'import { name } from "./helper";\nexport const bucket: string = name("logs");\n',
    );
    expect(await runProgramFile(main)).toEqual({ bucket: "acme-logs" });
    const assigned = file("assigned.ts", "const outputs = { n: 1 as number };\nexport = outputs;\n");
    expect(await runProgramFile(assigned)).toEqual({ n: 1 });
  });

  it("an exported (async) function is called and its result is the outputs", async () => {
    const fn = file("fn.ts", "export = async (): Promise<{ url: string }> => ({ url: 'https://x' });\n");
    expect(await runProgramFile(fn)).toEqual({ url: "https://x" });
    const esm = file("default.ts", "export default async function main() { return { ok: true }; }\n");
    expect(await runProgramFile(esm)).toEqual({ ok: true });
  });

  it("JavaScript works as is; a program exporting nothing has no outputs", async () => {
    expect(await runProgramFile(file("plain.js", "module.exports = { a: 'b' };\n"))).toEqual({ a: "b" });
    expect(await runProgramFile(file("empty.ts", "const x = 1;\nvoid x;\n"))).toEqual({});
  });
});
