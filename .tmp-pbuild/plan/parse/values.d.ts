/**
 * Normalizes property values as the engine, the preview digest and the synth inventory write them
 * into {@link PlanValue}s: sentinels become the {@link UNKNOWN} and {@link SECRET} markers, wire
 * signatures (secrets, resource references, output values, assets) are decoded.
 */
import { type PlanInputs, type PlanValue } from "../model";
/** The key under which Pulumi writes a special value's signature. */
export declare const SIG_KEY = "4dabf18193072939515e22adb298388d";
/** Signatures Pulumi writes under {@link SIG_KEY}. */
export declare const Sig: {
    readonly secret: "1b47061264138c4ac30d75fd1eb44270";
    readonly resourceReference: "5cf8f73096256a8f31e491e813e4eb8e";
    readonly outputValue: "d0e6a833031e9bbcd3f4e8bde6ca49a4";
    readonly asset: "c44067f5952c0a294b673a41bacd8c17";
    readonly archive: "0def7320c3a5731c473e5ecbe6d01bc7";
};
/** A special-value signature. */
export type Sig = (typeof Sig)[keyof typeof Sig];
/** How the synth inventory writes an unknown value (`orchestrator/synth/recorder.ts`). */
export declare const UNKNOWN_TEXT = "[unknown]";
/**
 * Turns one raw value into a {@link PlanValue}:
 * - the unknown sentinel `"04da6b54-…"` and `"[unknown]"` → {@link UNKNOWN};
 * - `"[secret]"` and `{ [SIG_KEY]: Sig.secret, … }` → {@link SECRET} (the ciphertext or plaintext is dropped);
 * - a resource reference → `{ urn, id? }`; an output value → its value, or a marker when unknown/secret;
 * - assets and archives keep their fields without the signature;
 * - `undefined` inside objects is dropped, inside arrays becomes `null` (as JSON would);
 * - the Terraform bridge's `__defaults` bookkeeping lists are dropped.
 *
 * @example
 * ```ts
 * normalizeValue({ tier: "04da6b54-80e4-46f7-96ec-b56ff0331ba9", password: "[secret]" });
 * // { tier: UNKNOWN, password: SECRET }
 * ```
 */
export declare function normalizeValue(value: unknown): PlanValue;
/**
 * Normalizes a resource's inputs object; anything that is not a plain object yields `{}`.
 *
 * @example
 * ```ts
 * normalizeInputs({ name: "db", settings: { tier: "db-f1-micro" } });
 * ```
 */
export declare function normalizeInputs(value: unknown): PlanInputs;
/**
 * Structural equality of two raw JSON values (objects compared key by key, order-insensitive).
 * Used to share one inputs object between the old and new side of `same` steps.
 *
 * @example
 * ```ts
 * jsonEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }); // true
 * ```
 */
export declare function jsonEqual(a: unknown, b: unknown): boolean;
