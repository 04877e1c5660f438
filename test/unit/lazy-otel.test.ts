// The OpenTelemetry stand-in the orchestrator's processes give the SDK's gRPC clients
// (orchestrator/lazy-otel.ts): the same effect as the real API, with and without a registered
// propagator.
import { afterEach, describe, it } from "@jest/globals";
import * as otel from "@opentelemetry/api";
import { expect } from "../support/expect";
import { context, OTEL_REGISTRY, propagation } from "../../orchestrator/lazy-otel";

/** A carrier as the SDK's interceptor builds it, recording what is set. */
const carrier = () => {
  const set: [string, string][] = [];
  return { set, setter: { set: (_c: unknown, k: string, v: string) => void set.push([k, v]) } };
};

/** A propagator that writes the active context's marker value. */
const KEY = otel.createContextKey("test");
const propagator: otel.TextMapPropagator = {
  inject: (ctx, c, setter) => setter.set(c, "x-test", ctx.getValue(KEY) === undefined ? "root" : "set"),
  extract: (ctx) => ctx,
  fields: () => ["x-test"],
};

afterEach(() => otel.propagation.disable());

describe("lazy OpenTelemetry API", () => {
  it("without a registry: injects nothing, as the API's no-op propagator does", () => {
    expect((globalThis as Record<symbol, unknown>)[OTEL_REGISTRY], "nothing registered yet").toBeUndefined();
    const mine = carrier();
    propagation.inject(context.active(), mine, mine.setter);
    const theirs = carrier();
    otel.propagation.inject(otel.context.active(), theirs, theirs.setter);
    expect(mine.set).toEqual([]);
    expect(theirs.set).toEqual([]);
  });

  it("with a registered propagator: injects what the real API injects", () => {
    expect(otel.propagation.setGlobalPropagator(propagator)).toBe(true);
    const mine = carrier();
    propagation.inject(context.active(), mine, mine.setter);
    const theirs = carrier();
    otel.propagation.inject(otel.context.active(), theirs, theirs.setter);
    expect(mine.set).toEqual([["x-test", "root"]]);
    expect(mine.set).toEqual(theirs.set);
    // The active context is the real one (a registered context manager would be asked).
    expect(context.active()).toBe(otel.context.active());
  });
});
