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
    expect(String(out)).toBe(`Error: boom\n    at fn (${SDK}:247:1)\n    at fn (/app/programs/main.ts:3:1)`);
    expect(`${out as string}`, "as the SDK's leak report interpolates it").toBe(String(out));
    expect(calls).toEqual([]);
  });

  it("formats a capture's frames only when it is read, once", () => {
    let formatted = 0;
    const counted = {
      getFileName: () => SDK,
      toString: () => `fn (${SDK}:${++formatted}:1)`,
    } as unknown as NodeJS.CallSite;
    const out = skipPromiseCaptures(() => "mapped")(new Error(""), [counted]);
    expect(formatted).toBe(0);
    expect(String(out)).toBe(`Error\n    at fn (${SDK}:1:1)`);
    expect(String(out)).toBe(`Error\n    at fn (${SDK}:1:1)`);
    expect(formatted).toBe(1);
  });

  it("the SDK's own capture (debuggablePromise) keeps the deferred stack and reads as its text", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { debuggablePromise } = require("@pulumi/pulumi/runtime/debuggable") as {
      debuggablePromise: <T>(p: Promise<T>, ctx: string) => Promise<T>;
    };
    const saved: unknown = Reflect.get(Error, "prepareStackTrace");
    Error.prepareStackTrace = skipPromiseCaptures(() => "mapped");
    try {
      // The SDK annotates the promise it is given (and returns a chained one).
      const p = Promise.resolve(1) as Promise<number> & { _debugStackTrace?: unknown };
      await debuggablePromise(p, "test");
      expect(typeof p._debugStackTrace).toBe("object");
      const text = `${p._debugStackTrace as string}`;
      expect(text).toMatch(
        /^Error\n {4}at debuggablePromise \(.*[/\\]@pulumi[/\\]pulumi[/\\]runtime[/\\]debuggable\.js:\d+:\d+\)/,
      );
      expect(new Error("other").stack, "other stacks still go through the formatter").toBe("mapped");
    } finally {
      Reflect.set(Error, "prepareStackTrace", saved);
    }
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
    expect(String(skipPromiseCaptures(() => "mapped")(error, [site(SDK, 1)]))).toBe(
      `Error\n    at fn (${SDK}:1:1)`,
    );
  });
});
