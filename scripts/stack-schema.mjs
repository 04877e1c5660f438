// Regenerates stacks/platform.schema.json from the zod config schema (run `npm run build` first).
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { stackFileJsonSchema } = require("../dist/programs/schema/json-schema.js");
writeFileSync("stacks/platform.schema.json", `${JSON.stringify(stackFileJsonSchema(), null, 2)}\n`);
