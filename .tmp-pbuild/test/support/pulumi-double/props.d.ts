/**
 * Property values as they travel over the resource monitor protocol, and the transforms the engine
 * applies to them: secrets (wire form `{sig, value}`, state form `{sig, ciphertext}`, event form
 * `{sig, ciphertext: "[secret]"}`), the unknown sentinel, deep equality and top-level diffs.
 */
/** The special-signature key of a typed value. */
export declare const SIG = "4dabf18193072939515e22adb298388d";
/** Signature of a secret. */
export declare const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
/** Signature of a resource reference. */
export declare const RESOURCE_REF_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
/** The engine's unknown-value sentinel. */
export declare const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** What a secret shows as when secrets are not shown. */
export declare const SECRET_TEXT = "[secret]";
/** A property map. */
export type Props = Record<string, unknown>;
/** True for a wire-form or state-form secret. */
export declare function isSecret(v: unknown): v is Record<string, unknown>;
/** Wraps a value as a wire-form secret (idempotent). */
export declare function makeSecret(v: unknown): Props;
/** The value with every secret wrapper removed (deep). */
export declare function unwrap(v: unknown): unknown;
/** True when a secret appears anywhere in the value. */
export declare function containsSecret(v: unknown): boolean;
/** True when the unknown sentinel appears anywhere in the value. */
export declare function containsUnknown(v: unknown): boolean;
/** Deep-maps every secret wrapper through `fn` (which receives the wrapper). */
export declare function mapSecrets(v: unknown, fn: (secret: Props) => unknown): unknown;
/** The value with object keys sorted (deep), as Go's JSON encoder writes maps. */
export declare function sortKeys<T>(v: T): T;
/** Property map with secrets blinded the way engine events show them. */
export declare function blindForEvent(props: Props | undefined): Props;
/** Value with secrets replaced by the string "[secret]" (stack outputs, preview JSON, prelude). */
export declare function blindToText(v: unknown): unknown;
/** Deep structural equality of JSON-like values (key order ignored). */
export declare function deepEqual(a: unknown, b: unknown): boolean;
/** Diff kind of one property, as engine events spell it. */
export type DiffKind = "add" | "add-replace" | "delete" | "delete-replace" | "update" | "update-replace";
/** Top-level input diff: changed keys and how each changed. */
export declare function diffInputs(olds: Props, news: Props, ignoreChanges?: readonly string[]): Map<string, "add" | "delete" | "update">;
/** Inputs with `ignoreChanges` keys taken from the old inputs (top-level keys only). */
export declare function applyIgnoreChanges(olds: Props, news: Props, ignore: readonly string[]): Props;
