/**
 * Test helpers for programs built from the platform components, for your own Jest (or Vitest,
 * Mocha) tests: Pulumi's mock runtime with a recorder of every registered resource (inputs exactly
 * as the program passed them, parent, protect, dependencies), offline answers for the GCP calls
 * the components make, the stack config your program reads, and inventory queries.
 *
 * @example
 * ```ts
 * import { promiseOf, setupMocks, type MockHarness } from "@platform/pulumi-platform/testing";
 *
 * let mocks: MockHarness;
 * beforeAll(async () => { mocks = await setupMocks({ stack: "prod" }); });
 * it("keeps backups", async () => {
 *   const db = new PostgresWithBackups("db", { ctx, network: "net" });
 *   await mocks.settled();
 *   const sql = mocks.find("gcp:sql/databaseInstance:DatabaseInstance", "db");
 *   expect(sql.inputs["settings"]).toMatchObject({ backupConfiguration: { enabled: true } });
 *   expect(await promiseOf(db.connectionName)).toContain(":");
 * });
 * ```
 */
import * as pulumi from "@pulumi/pulumi";
import { MOCK_INVOKES, mockState } from "../orchestrator/synth/mock-cloud";
import {
  installRecordingMocks,
  type RecordedResource,
  type RecordingOptions,
} from "../orchestrator/synth/recorder";
import { toRuntimeConfig } from "../programs/stack-config";

export { installRecordingMocks, toDisplay } from "../orchestrator/synth/recorder";
export type { RecordedResource, RecordingOptions } from "../orchestrator/synth/recorder";
export { MOCK_INVOKES, mockState } from "../orchestrator/synth/mock-cloud";

/**
 * Awaits an Output's value (undefined when unknown). Always await: an assertion inside an
 * un-awaited `.apply` passes vacuously.
 *
 * @example
 * ```ts
 * expect(await promiseOf(service.url)).toMatch(/^https:/);
 * ```
 */
export function promiseOf<T>(output: pulumi.Input<T>): Promise<T> {
  return new Promise((resolve) => pulumi.output(output).apply((v) => resolve(v as T)));
}

/** Options of {@link setupMocks}. */
export interface MockOptions {
  /** Stack name (what `pulumi.getStack()` returns, part of every URN). @default "test" */
  readonly stack?: string;
  /** Project name. @default "platform" */
  readonly project?: string;
  /**
   * Stack config the program reads, `key → value` as in a stack file's `config:` (structured
   * values as objects), e.g. `readStackConfig("dev")` from `@platform/pulumi-platform/config`.
   * @default {}
   */
  readonly config?: Readonly<Record<string, unknown>>;
  /** Answers for invokes by token, on top of the GCP ones the components call. @default {} */
  readonly invokes?: RecordingOptions["invokes"];
  /** Extra output state per resource, on top of the realistic GCP outputs the components read. */
  readonly state?: RecordingOptions["state"];
  /** Run as a preview (unknown outputs stay unknown). @default false */
  readonly preview?: boolean;
}

/** What {@link setupMocks} returns: the recorded inventory and queries over it. */
export interface MockHarness {
  /** Every resource registered so far, in registration order. */
  readonly resources: RecordedResource[];
  /** Resolves once every registration the program started has been answered. */
  settled(): Promise<void>;
  /** Resources of a type, optionally filtered by logical name. */
  ofType(type: string, name?: string): RecordedResource[];
  /** Exactly one resource of a type with this name; throws listing what exists otherwise. */
  find(type: string, name: string): RecordedResource;
  /** Counts per type among resources whose name starts with `prefix`. @default prefix "" */
  counts(prefix?: string): Record<string, number>;
  /** Forgets what was recorded (between tests in one file). */
  reset(): void;
}

/**
 * Installs the recording mock runtime (call once per test file, in `beforeAll`, before the program
 * creates resources). A string is the stack name.
 *
 * @example
 * ```ts
 * const mocks = await setupMocks({ stack: "dev", config: readStackConfig("dev") });
 * ```
 */
export async function setupMocks(options: MockOptions | string = {}): Promise<MockHarness> {
  const o: MockOptions = typeof options === "string" ? { stack: options } : options;
  const userState = o.state;
  const rec = await installRecordingMocks({
    project: o.project ?? "platform",
    stack: o.stack ?? "test",
    invokes: { ...MOCK_INVOKES, ...(o.invokes ?? {}) },
    state: (type, name, inputs) => ({
      ...mockState(type, name, inputs),
      ...(userState?.(type, name, inputs) ?? {}),
    }),
    ...(o.preview !== undefined ? { preview: o.preview } : {}),
  });
  if (o.config) pulumi.runtime.setAllConfig(toRuntimeConfig(o.config));
  return {
    resources: rec.resources,
    settled: rec.settled,
    ofType(type, name) {
      return rec.resources.filter((r) => r.type === type && (name === undefined || r.name === name));
    },
    find(type, name) {
      const hits = rec.resources.filter((r) => r.type === type && r.name === name);
      if (hits.length !== 1) {
        const names = rec.resources.filter((r) => r.type === type).map((r) => r.name);
        throw new Error(
          `expected one ${type} named ${name}, found ${hits.length}; have: ${names.join(", ")}`,
        );
      }
      return hits[0]!;
    },
    counts(prefix = "") {
      const out: Record<string, number> = {};
      for (const r of rec.resources) if (r.name.startsWith(prefix)) out[r.type] = (out[r.type] ?? 0) + 1;
      return out;
    },
    reset() {
      rec.resources.length = 0;
    },
  };
}
