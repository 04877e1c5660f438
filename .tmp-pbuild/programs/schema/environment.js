"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.environmentSchema = void 0;
const profiles_1 = require("../../components/shared/profiles");
const fields_1 = require("./fields");
/**
 * `platform:environment`: which profile this stack runs, the application name and extra labels.
 *
 * @example
 * ```yaml
 * platform:environment:
 *   profile: prod
 *   app: shop
 *   labels: { team: payments, cost-center: cc-42 }
 * ```
 */
exports.environmentSchema = (0, fields_1.section)({
    /** dev | staging | prod: sets defaults and invariants for every other section. */
    profile: (0, fields_1.oneOf)(profiles_1.PROFILES),
    /** Application name: lowercase letters, digits and `-`, 2–20 characters, starting with a letter. */
    app: (0, fields_1.pattern)(/^[a-z][a-z0-9-]{1,19}$/, "a lowercase name of 2–20 letters, digits or '-' starting with a letter"),
    /** Extra labels on every labelable resource. @default {} */
    labels: (0, fields_1.stringMap)(fields_1.LABEL_KEY, "label keys (lowercase, start with a letter, ≤ 63)").optional(),
});
//# sourceMappingURL=environment.js.map