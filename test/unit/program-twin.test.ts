// Which file a worker loads for a program: this library's own TypeScript program runs its compiled
// twin in dist/ while the build is current, anything else (another project's program, a stale
// build, sources run on purpose) runs as written, through tsx.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { tempDir } from "../support/temp";
import { checkoutBuild, compiledTwin, type CheckoutBuild } from "../../programs/loader";

const REPO = path.resolve(__dirname, "..", "..");

/** A checkout laid out like this one: sources, their dist/ twins, and a build that is current or not. */
function checkout(stale: string | undefined = undefined): CheckoutBuild {
  const root = tempDir("program-twin-");
  for (const rel of ["programs/index.ts", "programs/helper.ts", "test/support/fixture.ts", "index.ts"])
    write(root, rel, "export {};\n");
  for (const rel of ["dist/programs/index.js", "dist/test/support/fixture.js", "dist/index.js"])
    write(root, rel, "module.exports = {};\n");
  return { root, sourceDirs: ["components", "programs"], staleSource: () => stale };
}

function write(root: string, rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}

describe("compiledTwin", () => {
  it("a source of a compiled folder with a twin, while the build is current: the twin", () => {
    const build = checkout();
    expect(compiledTwin(path.join(build.root, "programs", "index.ts"), {}, build)).toBe(
      path.join(build.root, "dist", "programs", "index.js"),
    );
    // A relative path resolves against the working directory, as the program path does.
    const rel = path.relative(process.cwd(), path.join(build.root, "programs", "index.ts"));
    expect(compiledTwin(rel, {}, build)).toBe(path.join(build.root, "dist", "programs", "index.js"));
  });

  it("a stale build, or the sources run on purpose: the file itself", () => {
    const stale = checkout(path.join("programs", "helper.ts"));
    expect(compiledTwin(path.join(stale.root, "programs", "index.ts"), {}, stale)).toBeUndefined();
    const current = checkout();
    const main = path.join(current.root, "programs", "index.ts");
    expect(compiledTwin(main, { PLATFORM_RUN_SOURCES: "1" }, current)).toBeUndefined();
    expect(compiledTwin(main, { PLATFORM_RUN_SOURCES: "0" }, current)).toBe(
      path.join(current.root, "dist", "programs", "index.js"),
    );
  });

  it("no twin, a folder the freshness rule does not judge, another project, JavaScript, no checkout: the file itself", () => {
    const build = checkout();
    const cases: [string, string][] = [
      ["no compiled twin", path.join(build.root, "programs", "helper.ts")],
      ["outside the judged folders", path.join(build.root, "test", "support", "fixture.ts")],
      ["at the package root", path.join(build.root, "index.ts")],
      ["another project", path.join(tempDir("program-twin-other-"), "programs", "index.ts")],
      ["already JavaScript", path.join(build.root, "dist", "programs", "index.js")],
      ["a declaration file", path.join(build.root, "programs", "index.d.ts")],
    ];
    for (const [what, file] of cases) expect(compiledTwin(file, {}, build), what).toBeUndefined();
    expect(compiledTwin(path.join(build.root, "programs", "index.ts"), {}, undefined)).toBeUndefined();
  });
});

describe("checkoutBuild (this checkout)", () => {
  it("is bin/build-state.cjs: this package's root, its compiled folders, its freshness rule", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const state = require(path.join(REPO, "bin", "build-state.cjs")) as {
      SOURCE_DIRS: string[];
      staleSource(): string | undefined;
    };
    const build = checkoutBuild()!;
    expect(build.root).toBe(REPO);
    expect(build.sourceDirs).toEqual(state.SOURCE_DIRS);
    expect(build.sourceDirs).toContain("programs");
    expect(build.staleSource()).toBe(state.staleSource());
    const main = path.join(REPO, "programs", "index.ts");
    const twin = path.join(REPO, "dist", "programs", "index.js");
    expect(compiledTwin(main)).toBe(
      state.staleSource() === undefined && fs.existsSync(twin) ? twin : undefined,
    );
  });
});
