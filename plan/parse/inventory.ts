/**
 * The synth inventory (`npx platform synth --env <env> --json`):
 * `{ env, stack, resources: [{ urn, type, name, parent, inputs, protect }] }`, inputs as the program
 * passed them with secrets as `"[secret]"` and unknowns as `"[unknown]"`.
 */
import { readFile } from "node:fs/promises";
import { Op, type PlanInputs, type PlanStep } from "../model";
import { normalizeInputs } from "./values";
import { PlanParseError, type ParseOptions, type ParseResult, showValue } from "./types";

/** One resource of a normalized inventory. */
export interface InventoryResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly parent?: string;
  readonly inputs: PlanInputs;
  readonly protect: boolean;
}

/**
 * A normalized synth inventory.
 *
 * @example
 * ```ts
 * const inv: Inventory = { env: "dev", stack: "dev", resources: [{ urn, type: "gcp:kms/keyRing:KeyRing", name: "keys-ring", inputs: { location: "europe-west1" }, protect: true }] };
 * ```
 */
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
export function parseInventory(value: unknown, options: Pick<ParseOptions, "file"> = {}): Inventory {
  const file = options.file ?? "<inventory>";
  const fail = (path: string, expected: string, got: unknown): never => {
    throw new PlanParseError(`${file}: ${path}: expected ${expected}, got ${showValue(got)}`, file);
  };
  if (value === null || typeof value !== "object" || Array.isArray(value))
    fail("(top level)", "a synth inventory object { env, stack, resources: [...] }", value);
  const v = value as Record<string, unknown>;
  if (!Array.isArray(v.resources)) fail("resources", "an array of resources", v.resources);
  if (v.env !== undefined && typeof v.env !== "string") fail("env", "a string", v.env);
  if (v.stack !== undefined && typeof v.stack !== "string") fail("stack", "a string", v.stack);
  const seen = new Set<string>();
  const resources = (v.resources as unknown[]).map((raw, i): InventoryResource => {
    const at = `resources[${i}]`;
    if (raw === null || typeof raw !== "object" || Array.isArray(raw))
      fail(at, "a resource object { urn, type, name, parent, inputs, protect }", raw);
    const r = raw as Record<string, unknown>;
    if (typeof r.urn !== "string" || r.urn.length === 0) fail(`${at}.urn`, "a non-empty string", r.urn);
    if (typeof r.type !== "string" || r.type.length === 0) fail(`${at}.type`, "a non-empty string", r.type);
    if (typeof r.name !== "string") fail(`${at}.name`, "a string", r.name);
    if (r.parent !== undefined && r.parent !== null && typeof r.parent !== "string")
      fail(`${at}.parent`, "a string", r.parent);
    if (
      r.inputs !== undefined &&
      (r.inputs === null || typeof r.inputs !== "object" || Array.isArray(r.inputs))
    )
      fail(`${at}.inputs`, "an object", r.inputs);
    if (r.protect !== undefined && typeof r.protect !== "boolean")
      fail(`${at}.protect`, "a boolean", r.protect);
    const urn = r.urn as string;
    if (seen.has(urn)) fail(`${at}.urn`, "a URN not used by an earlier resource", urn);
    seen.add(urn);
    const parent = typeof r.parent === "string" && r.parent.length > 0 ? r.parent : undefined;
    return {
      urn,
      type: r.type as string,
      name: r.name as string,
      ...(parent ? { parent } : {}),
      inputs: normalizeInputs(r.inputs ?? {}),
      protect: r.protect === true,
    };
  });
  return {
    ...(typeof v.env === "string" ? { env: v.env } : {}),
    ...(typeof v.stack === "string" ? { stack: v.stack } : {}),
    resources,
  };
}

/**
 * Reads and validates an inventory file.
 *
 * @example
 * ```ts
 * const base = await readInventory("base/dev.json");
 * ```
 */
export async function readInventory(path: string): Promise<Inventory> {
  const text = await readFile(path, "utf8");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new PlanParseError(
      `${path}: not valid JSON (${(err as Error).message}); expected a synth inventory from \`platform synth --json\``,
      path,
    );
  }
  return parseInventory(value, { file: path });
}

/**
 * Every inventory resource as a `create` step: what deploying the environment from nothing does.
 *
 * @example
 * ```ts
 * inventorySteps(inv).every((s) => s.op === "create"); // true
 * ```
 */
export function inventorySteps(inventory: Inventory): PlanStep[] {
  return inventory.resources.map((r) => ({
    op: Op.create,
    urn: r.urn,
    type: r.type,
    name: r.name,
    newInputs: r.inputs,
    diffs: [],
    replaceReasons: [],
    ...(r.parent ? { parent: r.parent } : {}),
    protect: r.protect,
    logical: true,
  }));
}

/**
 * Reads an inventory file as all-create steps in the common {@link ParseResult} shape.
 *
 * @example
 * ```ts
 * const { steps } = await parseInventoryFile("dev.json");
 * ```
 */
export async function parseInventoryFile(path: string): Promise<ParseResult> {
  const inventory = await readInventory(path);
  return {
    steps: inventorySteps(inventory),
    diagnostics: [],
    corrupt: [],
    failures: [],
    policy: [],
    stats: { lines: inventory.resources.length, events: 0, corruptLines: 0 },
  };
}
