// Rewrites the README's component catalogue from examples/*.ts (the test fails when they drift).
// Usage: node scripts/sync-readme-examples.mjs
import { readdirSync, readFileSync, writeFileSync } from "node:fs";

const readme = readFileSync("README.md", "utf8");
const start = readme.indexOf("<!-- examples:start -->");
const end = readme.indexOf("<!-- examples:end -->");
// Keep each section's heading and description; replace only the code blocks' bodies.
let body = readme.slice(start, end);
for (const f of readdirSync("examples").filter((x) => x.endsWith(".ts"))) {
  const code = readFileSync(`examples/${f}`, "utf8");
  const re = new RegExp('(```ts title="examples/' + f.replace(".", "\\.") + '"\\n)[\\s\\S]*?```');
  if (!re.test(body)) {
    console.error(
      `README has no block for examples/${f}: add a "### <Component>" section with a ts title="examples/${f}" block`,
    );
    process.exitCode = 1;
    continue;
  }
  body = body.replace(re, (_m, head) => `${head}${code}\`\`\``);
}
writeFileSync("README.md", readme.slice(0, start) + body + readme.slice(end));
