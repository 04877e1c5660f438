// The SDK's per-promise stack captures skip the (source-mapping) formatter; every other stack
// still goes through it (orchestrator/promise-stacks.ts).
import { describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { skipPromiseCaptures } from "../../orchestrator/promise-stacks";

/** A call site with the given file, formatted as V8 formats one. */
const site = (file: string, line: number) =>
  ({ getFileName: () => file, toString: () => `fn (${file}:${line}:1)` }) as unknown as NodeJS.CallSite;
const SDK = "/app/node_modules/@pulumi/pulumi/runtime/debuggable.js";

describe("skipPromiseCaptures", () => {
  it("formats a capture whose top frame is the SDK's debuggablePromise plainly, without the formatter", () => {
    const calls: unknown[] = [];
    const format = skipPromiseCaptures((e, frames) => calls.push([e, frames]));
    const out = format(new Error("boom"), [site(SDK, 247), site("/app/programs/main.ts", 3)]);
    expect(out).toBe(`Error: boom\n    at fn (${SDK}:247:1)\n    at fn (/app/programs/main.ts:3:1)`);
    expect(calls).toEqual([]);
  });

  it("passes every other stack to the formatter, with its result", () => {
    const frames = [site("/app/programs/main.ts", 3), site(SDK, 247)];
    const error = new TypeError("bad");
    let seen: unknown[] = [];
    const format = skipPromiseCaptures((e, f) => {
      seen = [e, f];
      return "mapped";
    });
    expect(format(error, frames)).toBe("mapped");
    expect(seen).toEqual([error, frames]);
    expect(format(error, [])).toBe("mapped");
  });

  it("an error whose toString throws still gets a stack", () => {
    const error = Object.assign(Object.create(null) as Error, {
      toString: () => {
        throw new Error("no");
      },
    });
    expect(skipPromiseCaptures(() => "mapped")(error, [site(SDK, 1)])).toBe(`Error\n    at fn (${SDK}:1:1)`);
  });
});
