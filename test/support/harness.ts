import * as pulumi from "@pulumi/pulumi";
import { MOCK_INVOKES, mockState } from "../../orchestrator/synth/mock-cloud";
import { installRecordingMocks, type RecordedResource } from "../../orchestrator/synth/recorder";

export type { RecordedResource };

/**
 * Awaits an Output's value (undefined when unknown). Tests always await: an assertion inside an
 * un-awaited `.apply` passes vacuously.
 */
export function promiseOf<T>(output: pulumi.Input<T>): Promise<T> {
  return new Promise((resolve) => pulumi.output(output).apply((v) => resolve(v as T)));
}

/**
 * Installs the recording mock runtime for a unit test file. Call in `beforeAll`.
 *
 * @example
 * ```ts
 * let rec: Awaited<ReturnType<typeof setupMocks>>;
 * beforeAll(async () => { rec = await setupMocks(); });
 * ```
 */
export async function setupMocks(stack = "test", project = "platform") {
  const rec = await installRecordingMocks({ project, stack, invokes: MOCK_INVOKES, state: mockState });
  return {
    ...rec,
    /** Resources of a type, optionally filtered by logical name. */
    ofType(type: string, name?: string): RecordedResource[] {
      return rec.resources.filter((r) => r.type === type && (name === undefined || r.name === name));
    },
    /** Exactly one resource of a type with this name; throws listing what exists otherwise. */
    find(type: string, name: string): RecordedResource {
      const hits = rec.resources.filter((r) => r.type === type && r.name === name);
      if (hits.length !== 1) {
        const names = rec.resources.filter((r) => r.type === type).map((r) => r.name);
        throw new Error(
          `expected one ${type} named ${name}, found ${hits.length}; have: ${names.join(", ")}`,
        );
      }
      return hits[0]!;
    },
    /** Counts per type among resources whose name starts with `prefix`. */
    counts(prefix = ""): Record<string, number> {
      const out: Record<string, number> = {};
      for (const r of rec.resources) if (r.name.startsWith(prefix)) out[r.type] = (out[r.type] ?? 0) + 1;
      return out;
    },
    /** Forget what was recorded (between tests in one file). */
    reset(): void {
      rec.resources.length = 0;
    },
  };
}
