import { EngineEventCollector, planCompleteness, type ParseResult } from "../../plan/parse";
import { PlatformError } from "../../components/shared/errors";
import type { PreviewOptions } from "../types";
import { preview } from "../verbs";
import type { StepSource } from "./index";

/**
 * A review source that runs a real `pulumi preview` for every environment through the
 * orchestrator (same program, same stack config, the usual backend) and turns each stack's engine
 * events into PlanSteps. The preview runs once, on first use, for all environments together.
 *
 * @example
 * ```ts
 * const reviews = await review({ envs, source: livePreviewSource(envs, { waitForLockMs: 60_000 }) });
 * ```
 */
export function livePreviewSource(
  envs: readonly string[],
  options: Omit<PreviewOptions, "env" | "onEvent"> = {},
): StepSource {
  let run: Promise<Map<string, ParseResult>> | undefined;
  const steps = async (): Promise<Map<string, ParseResult>> => {
    const collectors = new Map(envs.map((e) => [e, new EngineEventCollector()] as const));
    const result = await preview({
      ...options,
      env: envs,
      onEvent: (e) => {
        if (e.type === "engine") collectors.get(e.env)?.addEvent(e.event);
      },
    });
    const failed = result.results.filter((r) => r.status !== "succeeded" && r.status !== "changes-detected");
    if (failed.length > 0) {
      throw new PlatformError(
        `preview failed: ${failed.map((r) => `${r.env}: ${r.error ?? r.status}`).join("; ")}`,
      );
    }
    return new Map([...collectors].map(([env, c]) => [env, c.result()] as const));
  };
  return {
    kind: "steps",
    source: "preview",
    steps: async (env) => {
      run ??= steps();
      return (await run).get(env)?.steps ?? [];
    },
    // The SDK reports success even when the summary event never came: check the events.
    completeness: async (env) => {
      run ??= steps();
      const result = (await run).get(env);
      return result
        ? planCompleteness(result, "event-log")
        : { complete: false, problems: [`no engine events for ${env}`] };
    },
  };
}
