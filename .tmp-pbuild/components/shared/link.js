"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isLinkable = isLinkable;
/** True when `x` implements {@link Linkable}. */
function isLinkable(x) {
    return typeof x === "object" && x !== null && typeof x.getLink === "function";
}
//# sourceMappingURL=link.js.map