import type { Context } from "../context";
import { type OperationKind } from "../display";
/** Runs one operation; returns the exit code. */
export declare function runOperation(ctx: Context, kind: OperationKind): Promise<number>;
