/**
 * Installs the Pulumi CLI double as `<root>/bin/pulumi`, for `PulumiCommand.get({ root })`, for
 * PATH, or for the orchestrator's `PLATFORM_PULUMI_ROOT`. The double runs from `dist/` (compile it
 * with `npm run build` first).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** `dist/test/support/pulumi-double`, from the compiled file or the TypeScript source. */
function compiledDir(): string {
  if (__dirname.includes(`${path.sep}dist${path.sep}`)) return __dirname;
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "package.json"))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`pulumi-double: no package.json above ${__dirname}`);
    dir = up;
  }
  return path.join(dir, "dist", "test", "support", "pulumi-double");
}

/**
 * Absolute path of the compiled double's entry: `dist/test/support/pulumi-double/launch.js`, which
 * runs `main.bundle.cjs` (one file that starts faster, written by `npm run build`,
 * scripts/bundle-double.cjs) with a code cache kept per command (./launch.ts), else `main.js` next
 * to it (a plain `tsc` build). After editing the double, run `npm run build`, not only tsc.
 */
export function doubleMainPath(): string {
  const dir = compiledDir();
  const bundle = path.join(dir, "main.bundle.cjs");
  const launcher = path.join(dir, "launch.js");
  return fs.existsSync(bundle) && fs.existsSync(launcher) ? launcher : path.join(dir, "main.js");
}

/**
 * The POSIX shell shim that execs the double with this Node binary. Its compile cache stays in
 * this process's temp dir (`NODE_COMPILE_CACHE`, unless the caller set one): the Automation API
 * starts the double with the stack worker's own TMPDIR, where the cache would start empty for
 * every operation.
 */
export function shimScript(
  main = doubleMainPath(),
  node = process.execPath,
  compileCache = process.env["NODE_COMPILE_CACHE"] ?? path.join(os.tmpdir(), "node-compile-cache"),
): string {
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  return [
    "#!/bin/sh",
    "# Pulumi CLI double (test/support/pulumi-double). Not the real Pulumi CLI.",
    `[ -n "$NODE_COMPILE_CACHE" ] || NODE_COMPILE_CACHE=${q(compileCache)}; export NODE_COMPILE_CACHE`,
    `exec ${q(node)} ${q(main)} "$@"`,
    "",
  ].join("\n");
}

/**
 * Creates a temporary directory holding `bin/pulumi` that runs the double, and returns it.
 *
 * @example
 * ```ts
 * const root = await makePulumiRoot();
 * const cmd = await PulumiCommand.get({ root, skipVersionCheck: true });
 * ```
 */
export async function makePulumiRoot(dir?: string): Promise<string> {
  const main = doubleMainPath();
  if (!fs.existsSync(main)) {
    throw new Error(`pulumi-double: ${main} does not exist; run \`npm run build\` first`);
  }
  const root = dir ?? (await fs.promises.mkdtemp(path.join(os.tmpdir(), "pulumi-double-")));
  await fs.promises.mkdir(path.join(root, "bin"), { recursive: true });
  const bin = path.join(root, "bin", "pulumi");
  await fs.promises.writeFile(bin, shimScript(main), { mode: 0o755 });
  return root;
}
