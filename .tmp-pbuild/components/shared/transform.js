"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.transform = transform;
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
function transform(t, name, args, opts) {
    if (t === undefined)
        return [name, args, opts];
    if (typeof t === "function") {
        t(args, opts, name);
        return [name, args, opts];
    }
    const merged = { ...args };
    for (const [k, v] of Object.entries(t)) {
        const cur = merged[k];
        merged[k] = isPlainObject(cur) && isPlainObject(v) ? { ...cur, ...v } : v;
    }
    return [name, merged, opts];
}
function isPlainObject(v) {
    return (typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype);
}
//# sourceMappingURL=transform.js.map