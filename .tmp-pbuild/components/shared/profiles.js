"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PROFILES = exports.Profile = void 0;
/**
 * Environment profiles. The profile sets defaults and invariants: prod refuses to turn off
 * HA, PITR, backups, CMEK, deletion protection or HSM keys.
 *
 * @example
 * ```ts
 * if (ctx.profile === Profile.prod) { ... }
 * ```
 */
exports.Profile = { dev: "dev", staging: "staging", prod: "prod" };
/** All profiles, in promotion order. */
exports.PROFILES = Object.values(exports.Profile);
//# sourceMappingURL=profiles.js.map