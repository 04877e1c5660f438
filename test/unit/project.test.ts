import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { currentProject, findProjectDir, programEntry, readProject } from "../../programs/project";
import { stacksDir } from "../../programs/stack-config";

const REPO = path.resolve(__dirname, "..", "..");
let dir: string;

function write(rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), text);
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "project-"));
  write(
    "acme/Pulumi.yaml",
    "name: acme-orders\nruntime:\n  name: nodejs\nmain: infra/\nstackConfigDir: deploy\n",
  );
  write("acme/infra/index.ts", "export const x = 1;\n");
  write("acme/infra/deep/file.ts", "");
  write("bare/Pulumi.yml", "name: bare\nruntime: nodejs\n");
  write("bare/package.json", JSON.stringify({ main: "src/main.js" }));
  write("bare/src/main.js", "");
  write("noext/Pulumi.yaml", "name: noext\nruntime: nodejs\nmain: program\n");
  write("noext/program.ts", "");
  write("broken/Pulumi.yaml", "name: [unclosed\n");
  write("missing/Pulumi.yaml", "name: missing\nruntime: nodejs\nmain: nope.ts\n");
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the Pulumi project the tools work on", () => {
  it("is the nearest Pulumi.yaml at or above a directory", () => {
    expect(findProjectDir(path.join(dir, "acme", "infra", "deep"))).toBe(path.join(dir, "acme"));
    expect(findProjectDir(path.join(dir, "acme"))).toBe(path.join(dir, "acme"));
    expect(findProjectDir(REPO)).toBe(REPO);
    expect(findProjectDir(path.parse(dir).root)).toBeUndefined();
  });

  it("reads name, runtime, main and stackConfigDir as Pulumi does", () => {
    const p = readProject(path.join(dir, "acme"));
    expect(p).toMatchObject({ name: "acme-orders", runtime: "nodejs", mainSpec: "infra/" });
    expect(p.stacksDir).toBe(path.join(dir, "acme", "deploy"));
    expect(programEntry(p)).toBe(path.join(dir, "acme", "infra", "index.ts"));
  });

  it("defaults: main is the project directory (package.json main or index), stacks beside Pulumi.yml", () => {
    const p = readProject(path.join(dir, "bare"));
    expect(p.stacksDir).toBe(path.join(dir, "bare"));
    expect(programEntry(p)).toBe(path.join(dir, "bare", "src", "main.js"));
    expect(programEntry(readProject(path.join(dir, "noext")))).toBe(path.join(dir, "noext", "program.ts"));
  });

  it("this repository: programs/index.ts and stacks/", () => {
    const p = readProject(REPO);
    expect(p.name).toBe("platform");
    expect(programEntry(p)).toBe(path.join(REPO, "programs", "index.ts"));
    expect(stacksDir(REPO)).toBe(process.env["PLATFORM_STACKS_DIR"] ?? path.join(REPO, "stacks"));
  });

  it("bad projects are one clear error naming the file", () => {
    expect(() => readProject(path.join(dir, "broken"))).toThrow(/broken\/Pulumi\.yaml: not valid YAML/);
    expect(() => readProject(path.join(dir, "nothing-here"))).toThrow(/^no Pulumi\.yaml in /);
    expect(() => programEntry(readProject(path.join(dir, "missing")))).toThrow(
      /^Pulumi\.yaml main: "nope\.ts" \(.*\) is not a program file/,
    );
  });

  it("PLATFORM_PROJECT_DIR chooses the project when no directory is given", () => {
    const saved = process.env["PLATFORM_PROJECT_DIR"];
    process.env["PLATFORM_PROJECT_DIR"] = path.join(dir, "acme");
    try {
      expect(currentProject().name).toBe("acme-orders");
      expect(currentProject(path.join(dir, "bare")).name).toBe("bare");
    } finally {
      if (saved === undefined) delete process.env["PLATFORM_PROJECT_DIR"];
      else process.env["PLATFORM_PROJECT_DIR"] = saved;
    }
  });
});
