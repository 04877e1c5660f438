import * as pulumi from "@pulumi/pulumi";
import { type RecordedResource } from "../../orchestrator/synth/recorder";
export type { RecordedResource };
/**
 * Awaits an Output's value (undefined when unknown). Tests always await: an assertion inside an
 * un-awaited `.apply` passes vacuously.
 */
export declare function promiseOf<T>(output: pulumi.Input<T>): Promise<T>;
/**
 * Installs the recording mock runtime for a unit test file. Call in `beforeAll`.
 *
 * @example
 * ```ts
 * let rec: Awaited<ReturnType<typeof setupMocks>>;
 * beforeAll(async () => { rec = await setupMocks(); });
 * ```
 */
export declare function setupMocks(stack?: string, project?: string): Promise<{
    /** Resources of a type, optionally filtered by logical name. */
    ofType(type: string, name?: string): RecordedResource[];
    /** Exactly one resource of a type with this name; throws listing what exists otherwise. */
    find(type: string, name: string): RecordedResource;
    /** Counts per type among resources whose name starts with `prefix`. */
    counts(prefix?: string): Record<string, number>;
    /** Forget what was recorded (between tests in one file). */
    reset(): void;
    resources: RecordedResource[];
    settled: () => Promise<void>;
}>;
