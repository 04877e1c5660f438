// Rewrites every README code block tagged with an example file (```ts title="examples/x.ts") from
// that file, anywhere in the README (the test fails when they drift).
// Usage: node scripts/sync-readme-examples.mjs
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";

let readme = readFileSync("README.md", "utf8");
readme = readme.replace(/(```\w+ title="(examples\/[\w./-]+)"\n)[\s\S]*?```/g, (whole, head, file) => {
  if (!existsSync(file)) {
    console.error(`README shows ${file}, which does not exist`);
    process.exitCode = 1;
    return whole;
  }
  return `${head}${readFileSync(file, "utf8")}\`\`\``;
});
for (const f of readdirSync("examples").filter((x) => x.endsWith(".ts"))) {
  if (!readme.includes(`title="examples/${f}"`)) {
    console.error(
      `README has no block for examples/${f}: add a "### <Component>" section with a ts title="examples/${f}" block`,
    );
    process.exitCode = 1;
  }
}
writeFileSync("README.md", readme);
