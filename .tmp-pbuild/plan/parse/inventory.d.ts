import { type PlanInputs, type PlanStep } from "../model";
import { type ParseOptions, type ParseResult } from "./types";
/** One resource of a normalized inventory. */
export interface InventoryResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly parent?: string;
    readonly inputs: PlanInputs;
    readonly protect: boolean;
}
/** A normalized synth inventory. */
export interface Inventory {
    readonly env?: string;
    readonly stack?: string;
    readonly resources: readonly InventoryResource[];
}
/**
 * Validates and normalizes a parsed synth inventory. Throws a {@link PlanParseError} naming the file
 * and the JSON path of the first problem.
 *
 * @example
 * ```ts
 * const inv = parseInventory(JSON.parse(fs.readFileSync("dev.json", "utf8")), { file: "dev.json" });
 * inv.resources.length;
 * ```
 */
export declare function parseInventory(value: unknown, options?: Pick<ParseOptions, "file">): Inventory;
/**
 * Reads and validates an inventory file.
 *
 * @example
 * ```ts
 * const base = await readInventory("base/dev.json");
 * ```
 */
export declare function readInventory(path: string): Promise<Inventory>;
/**
 * Every inventory resource as a `create` step: what deploying the environment from nothing does.
 *
 * @example
 * ```ts
 * inventorySteps(inv).every((s) => s.op === "create"); // true
 * ```
 */
export declare function inventorySteps(inventory: Inventory): PlanStep[];
/**
 * Reads an inventory file as all-create steps in the common {@link ParseResult} shape.
 *
 * @example
 * ```ts
 * const { steps } = await parseInventoryFile("dev.json");
 * ```
 */
export declare function parseInventoryFile(path: string): Promise<ParseResult>;
