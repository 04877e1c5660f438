import type { RecordingOptions } from "./recorder";
/** GCP invokes the components may call under test, answered with realistic data. */
export declare const MOCK_INVOKES: RecordingOptions["invokes"];
/** Realistic output state for resources whose outputs the components read. */
export declare function mockState(type: string, name: string, inputs: any): Record<string, unknown>;
