/**
 * JSON Schema for `stacks/Pulumi.<env>.yaml`, generated from the zod sections so editors can
 * validate and complete stack files (`# yaml-language-server: $schema=./platform.schema.json`).
 * Profile invariants and cross-field rules are not expressible here; the program checks them.
 *
 * @example
 * ```ts
 * writeFileSync("stacks/platform.schema.json", JSON.stringify(stackFileJsonSchema(), null, 2));
 * ```
 */
export declare function stackFileJsonSchema(): Record<string, unknown>;
