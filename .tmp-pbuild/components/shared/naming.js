"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.childName = childName;
exports.physicalName = physicalName;
const node_crypto_1 = require("node:crypto");
/**
 * Child logical name: `${parent}-${role}`. Every child of a component is named through this, so
 * URNs are predictable and stable across runs.
 *
 * @example
 * ```ts
 * childName("db", "instance"); // "db-instance"
 * ```
 */
function childName(parent, ...roles) {
    return [parent, ...roles].filter((s) => s.length > 0).join("-");
}
/**
 * Deterministic physical (cloud-visible) name from progressively more specific parts, e.g.
 * `shop-prod-db`. Never random: when the joined name is too long it is cut and given a
 * 6-character hash of the full name, so distinct inputs stay distinct.
 *
 * @example
 * ```ts
 * physicalName(["shop", "prod", "db"]); // "shop-prod-db"
 * physicalName(["a-very-long-application-name", "staging", "postgres-replica-1"], { maxLength: 30 });
 * // "a-very-long-application-b1c2d3" (stable for the same input)
 * ```
 */
function physicalName(parts, options = {}) {
    const maxLength = options.maxLength ?? 63;
    const startWithLetter = options.startWithLetter ?? true;
    const allowed = options.charset === "lower-underscore" ? /[^a-z0-9_-]+/g : /[^a-z0-9-]+/g;
    let name = parts
        .map((p) => p.toLowerCase().replace(allowed, "-"))
        .join("-")
        .replace(/-+/g, "-")
        .replace(/^-+|-+$/g, "");
    if (name.length === 0)
        name = "x";
    if (startWithLetter && !/^[a-z]/.test(name))
        name = `p-${name}`;
    if (name.length <= maxLength)
        return name;
    const hash = (0, node_crypto_1.createHash)("sha256").update(parts.join("/")).digest("hex").slice(0, 6);
    const head = name.slice(0, Math.max(1, maxLength - hash.length - 1)).replace(/-+$/, "");
    return `${head}-${hash}`;
}
//# sourceMappingURL=naming.js.map