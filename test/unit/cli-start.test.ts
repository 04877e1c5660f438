import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";

const REPO = path.resolve(__dirname, "..", "..");
const BIN = path.join(REPO, "bin", "platform.cjs");

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: REPO }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("the platform command (bin/platform.cjs)", () => {
  it("--version prints the package version", async () => {
    const r = await run(["--version"]);
    const pkg = JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as { version: string };
    expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });

  it("a misspelt flag is reported as unknown, with the flag it resembles", async () => {
    const r = await run(["synth", "--envv", "dev"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: unknown option '--envv'\n\(Did you mean --env\?\)/);
    expect(r.stderr).not.toContain("required option");
  });

  it("a missing required flag is still reported as missing", async () => {
    const r = await run(["up", "--yes"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: required option '--env <envs>' not specified/);
  });
});
