// The double's launcher (test/support/pulumi-double/launch.ts): which code cache a start uses.
// Starting the double through it is covered by pulumi-double-cli.test.ts.
import * as path from "node:path";
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { cacheCommand, cacheFile } from "../support/pulumi-double/launch";

describe("cacheCommand", () => {
  it("is the command's leading words: at most two, subcommand names only", () => {
    const cases: [string[], string][] = [
      [["stack", "output", "--json", "-s", "dev"], "stack-output"],
      [["stack", "select", "--stack", "prod"], "stack-select"],
      [["stack", "tag", "set", "k", "v"], "stack-tag"],
      [["up", "--yes", "--client=127.0.0.1:4000"], "up"],
      [["config", "--json"], "config"],
      [["login", "file:///tmp/state-x1"], "login"],
      [["config", "set", "platform:a", "b"], "config-set"],
      [["--cwd", "/x", "version"], "none"],
      [[], "none"],
    ];
    for (const [args, command] of cases) expect(cacheCommand(args), args.join(" ")).toBe(command);
  });
});

describe("cacheFile", () => {
  it("lives in NODE_COMPILE_CACHE and changes with the bundle's content, not with a stack name", () => {
    const env = { NODE_COMPILE_CACHE: "/tmp/ncc" };
    const file = cacheFile("bundle v1", ["stack", "output", "-s", "dev"], env);
    expect(path.dirname(file)).toBe("/tmp/ncc");
    expect(path.basename(file)).toMatch(/^pulumi-double-stack-output-[0-9a-f]{16}\.v8$/);
    expect(cacheFile("bundle v1", ["stack", "output", "-s", "prod"], env)).toBe(file);
    expect(cacheFile("bundle v2", ["stack", "output", "-s", "dev"], env) !== file, "a new bundle").toBe(true);
    expect(cacheFile("bundle v1", ["up"], env) !== file, "another command").toBe(true);
  });
});
