/**
 * A stand-in for `@opentelemetry/api` as `@pulumi/pulumi/runtime/settings.js` uses it: its gRPC
 * clients inject the active trace context into every call's metadata
 * (`propagation.inject(context.active(), carrier)`). Loading the API (44 modules) costs about
 * 12 ms of CPU in every process that loads the SDK's runtime (`require("@pulumi/pulumi/automation")`
 * 294 → 281 ms, means of 2 × 15), and while no OpenTelemetry SDK has
 * registered itself in the process (the API's process-wide registry, `Symbol.for(
 * "opentelemetry.js.api.1")` on globalThis, is absent) that call does nothing: the API falls back
 * to its no-op propagator. So here the two calls do nothing while there is no registry, and go to
 * the real API, loaded then, as soon as there is one: behaviour is unchanged, only the load is
 * deferred.
 *
 * {@link deferTracingApi} points the SDK's `require` here (Node's `module.registerHooks`), as
 * ./lazy-closure.ts does for the closure serializer.
 */
import type * as Otel from "@opentelemetry/api";
import { redirectRequests } from "./lazy-closure";

/** The API's process-wide registry (major version 1), set by whatever registers a global. */
export const OTEL_REGISTRY = Symbol.for("opentelemetry.js.api.1");

/**
 * The real API (loaded on first use). Every copy of the API shares the process-wide registry, so
 * this one answers as the SDK's own would.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const real = (): typeof Otel => require("@opentelemetry/api") as typeof Otel;

/** True when something may have registered a propagator or a context manager. */
const registered = () => (globalThis as Record<symbol, unknown>)[OTEL_REGISTRY] !== undefined;

/** `context.active()`: the real one once a registry exists (else unused: see {@link propagation}). */
export const context = {
  active: (): Otel.Context | undefined => (registered() ? real().context.active() : undefined),
};

/** `propagation.inject`: a no-op until a registry exists, as the API's own no-op propagator is. */
export const propagation = {
  inject<Carrier>(
    ctx: Otel.Context | undefined,
    carrier: Carrier,
    setter?: Otel.TextMapSetter<Carrier>,
  ): void {
    if (!registered()) return;
    const api = real();
    api.propagation.inject(ctx ?? api.context.active(), carrier, setter);
  },
};

/**
 * Makes `@pulumi/pulumi/runtime/settings.js` load this module instead of `@opentelemetry/api`,
 * for the rest of the process. Call before the SDK is loaded; a no-op where ./lazy-closure.ts's
 * hook is one too (no `module.registerHooks`, or running from the TypeScript sources).
 *
 * @example
 * ```ts
 * deferTracingApi();
 * await import("@pulumi/pulumi/automation"); // @opentelemetry/api stays unloaded
 * ```
 */
export function deferTracingApi(): void {
  redirectRequests(
    __filename,
    (specifier, parent) =>
      specifier === "@opentelemetry/api" &&
      /[/\\]@pulumi[/\\]pulumi[/\\]runtime[/\\]settings\.js$/.test(parent),
  );
}
