/**
 * Environment profiles. The profile sets defaults and invariants: prod refuses to turn off
 * HA, PITR, backups, CMEK, deletion protection or HSM keys.
 *
 * @example
 * ```ts
 * if (ctx.profile === Profile.prod) { ... }
 * ```
 */
export const Profile = { dev: "dev", staging: "staging", prod: "prod" } as const;
/** One of `dev`, `staging`, `prod`. */
export type Profile = (typeof Profile)[keyof typeof Profile];
/** All profiles, in promotion order. */
export const PROFILES = Object.values(Profile) as readonly Profile[];
