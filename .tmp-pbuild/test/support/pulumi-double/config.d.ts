/**
 * Stack configuration values as the stack settings file stores them: plain YAML values, with secret
 * leaves written as `{secure: "v1:…"}`. Keys are namespaced (`<ns>:<name>`); a key without a
 * namespace belongs to the project. Structured values are set with `--path`.
 */
import type { Crypter } from "./crypto";
import type { Project } from "./workspace";
/** One path segment of a `--path` key. */
export type PathSegment = string | number;
/** Namespaced form of a key (`name` → `<project>:name`). */
export declare function namespacedKey(key: string, project: Project): string;
/** Splits a `--path` key (`ns:a.b[0]["c.d"]`) into the top-level key and the path below it. */
export declare function parseConfigPath(key: string, project: Project): {
    top: string;
    path: PathSegment[];
};
/** True for a `{secure: "<ciphertext>"}` leaf. */
export declare function isSecure(v: unknown): v is {
    secure: string;
};
/** True when any leaf of the value is secure. */
export declare function hasSecure(v: unknown): boolean;
/** Deep-maps secure leaves. */
export declare function mapSecure(v: unknown, fn: (ciphertext: string) => unknown): unknown;
/** The value with secure leaves decrypted. */
export declare function decryptConfig(v: unknown, crypter: Crypter): unknown;
/** The value with secure leaves shown as "[secret]". */
export declare function blindConfig(v: unknown): unknown;
/** The string a program receives for a config value (objects and arrays as JSON). */
export declare function configString(v: unknown): string;
/** `pulumi config --json` / `config get --json` entry. */
export interface ConfigJson {
    value?: string;
    objectValue?: unknown;
    secret: boolean;
}
/** The JSON form of one config value, with or without secrets. */
export declare function configJson(raw: unknown, crypter: Crypter | undefined, showSecrets: boolean): ConfigJson;
/** Sets `value` at `path` inside `root` (creating maps and lists on the way); returns the new root. */
export declare function setAtPath(root: unknown, path: readonly PathSegment[], value: unknown): unknown;
/** Reads the value at `path` (undefined when absent). */
export declare function getAtPath(root: unknown, path: readonly PathSegment[]): unknown;
/** Removes the value at `path`; returns the new root (undefined when the whole value goes). */
export declare function removeAtPath(root: unknown, path: readonly PathSegment[]): unknown;
/**
 * Project-level config from `Pulumi.yaml` (`config:`): literal values, or declarations with a
 * `value`/`default`. Returned with namespaced keys; the stack's own values take precedence.
 */
export declare function projectConfig(project: Project): Record<string, unknown>;
