"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.stackFileJsonSchema = stackFileJsonSchema;
const zod_1 = require("zod");
const index_1 = require("./index");
/**
 * JSON Schema for `stacks/Pulumi.<env>.yaml`, generated from the zod sections so editors can
 * validate and complete stack files (`# yaml-language-server: $schema=./platform.schema.json`).
 * Profile invariants and cross-field rules are not expressible here; the program checks them.
 *
 * @example
 * ```ts
 * writeFileSync("stacks/platform.schema.json", JSON.stringify(stackFileJsonSchema(), null, 2));
 * ```
 */
function stackFileJsonSchema() {
    const properties = {
        "gcp:project": { type: "string", description: "GCP project id." },
        "gcp:region": { type: "string", description: "GCP region, e.g. europe-west1." },
        "platform:environment": { ...section(index_1.ENVIRONMENT_SECTION.schema), description: index_1.ENVIRONMENT_SECTION.description },
    };
    for (const [key, s] of Object.entries(index_1.SECTIONS)) {
        properties[`platform:${key}`] = { ...section(s.schema), description: s.description };
    }
    return {
        $schema: "https://json-schema.org/draft/2020-12/schema",
        title: "Platform stack file (stacks/Pulumi.<env>.yaml)",
        type: "object",
        properties: {
            config: { type: "object", properties, required: ["gcp:project", "gcp:region", "platform:environment"] },
        },
        required: ["config"],
    };
}
function section(schema) {
    const out = zod_1.z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
    delete out["$schema"];
    return out;
}
//# sourceMappingURL=json-schema.js.map