/**
 * Environment profiles. The profile sets defaults and invariants: prod refuses to turn off
 * HA, PITR, backups, CMEK, deletion protection or HSM keys.
 *
 * @example
 * ```ts
 * if (ctx.profile === Profile.prod) { ... }
 * ```
 */
export declare const Profile: {
    readonly dev: "dev";
    readonly staging: "staging";
    readonly prod: "prod";
};
/** One of `dev`, `staging`, `prod`. */
export type Profile = (typeof Profile)[keyof typeof Profile];
/** All profiles, in promotion order. */
export declare const PROFILES: readonly Profile[];
