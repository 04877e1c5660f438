// Bundles the compiled Pulumi CLI double (dist/test/support/pulumi-double/main.js and the yaml
// package it imports) into one file next to it, main.bundle.cjs. The Automation API starts the
// double about seven times per operation and each start is mostly module loading: one file instead
// of ~90 takes a trivial call from ~90 to ~60 ms of CPU. The SDK's gRPC and protobuf modules stay
// outside (proto.ts loads them from the SDK's own paths, at run time). Run by `npm run build`.
const fs = require("node:fs");
const path = require("node:path");

const dir = path.resolve(__dirname, "..", "dist", "test", "support", "pulumi-double");
const entry = path.join(dir, "main.js");
if (!fs.existsSync(entry)) {
  console.error(`bundle-double: ${entry} does not exist (run npm run build first)`);
  process.exit(1);
}
require("esbuild").buildSync({
  entryPoints: [entry],
  outfile: path.join(dir, "main.bundle.cjs"),
  bundle: true,
  platform: "node",
  target: "node22",
  format: "cjs",
  logLevel: "warning",
});
