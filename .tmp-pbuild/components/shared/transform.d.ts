import type * as pulumi from "@pulumi/pulumi";
/**
 * Per-child customization: either a partial args object merged over the component's args,
 * or a callback that mutates args and options in place. Runs in-process before registration,
 * so it works under the mock runtime (engine `transforms` do not).
 *
 * @example
 * ```ts
 * new PostgresWithBackups("db", { ..., transform: { instance: { settings: { edition: "ENTERPRISE_PLUS" } } } });
 * new PostgresWithBackups("db", { ..., transform: { instance: (args, opts) => { opts.ignoreChanges = ["settings.tier"]; } } });
 * ```
 */
export type Transform<T> = Partial<T> | ((args: T, opts: pulumi.CustomResourceOptions, name: string) => void);
/**
 * Applies a {@link Transform} and returns the `[name, args, opts]` triple for a resource constructor.
 * A partial object is merged one level deep into nested objects so `{ settings: { tier } }` keeps the
 * other settings.
 *
 * @example
 * ```ts
 * new gcp.kms.KeyRing(...transform(args.transform?.keyRing, childName(name, "ring"), { location }, { parent: this }));
 * ```
 */
export declare function transform<T extends object>(t: Transform<T> | undefined, name: string, args: T, opts: pulumi.CustomResourceOptions): [string, T, pulumi.CustomResourceOptions];
