// The SDK's closure serializer is loaded on first use (orchestrator/lazy-closure.ts): Jest maps
// the SDK's two requests to the stand-in, as the orchestrator's processes do with a resolve hook.
// That serializing still works through it is checked in a real process (cli-start.test.ts): in
// Jest the first call costs seconds (it compiles TypeScript's 9 MB without a compile cache).
import { describe, it } from "@jest/globals";
import * as pulumi from "@pulumi/pulumi";
import { expect } from "../support/expect";
import * as lazy from "../../orchestrator/lazy-closure";

describe("the deferred closure serializer", () => {
  it("is what the SDK exports, so a program calling the SDK reaches it", () => {
    expect(pulumi.runtime.serializeFunction).toBe(lazy.serializeFunction);
    expect(pulumi.runtime.serializeFunctionAsync).toBe(lazy.serializeFunctionAsync);
    expect(pulumi.runtime.computeCodePaths).toBe(lazy.computeCodePaths);
  });
});
