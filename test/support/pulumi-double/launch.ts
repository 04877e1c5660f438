/**
 * Starts the bundled double (`main.bundle.cjs`, next to this file) with a V8 code cache taken at
 * the end of an earlier run of the same command. Node's own compile cache is made when a file is
 * compiled, before it runs, so it holds little more than the bundle's top level: every function a
 * command calls (the YAML parser, the state and config code) was compiled again by every start.
 * A cache made after the run holds those functions too, about 5–13 ms of the 55–80 ms of CPU a
 * small command costs (`stack select`, `stack output`), several hundred starts per test run.
 *
 * The cache is one file per command (`stack output`, `up`, …) beside Node's compile cache
 * (`NODE_COMPILE_CACHE`, which the shim sets, else `<tmp>/node-compile-cache`), keyed by the
 * bundle's content and the Node version; V8 checks it again and ignores a cache it cannot use.
 * Nothing in it but compiled code. The bundle runs as it would as Node's main module (same
 * `require`, `module`, `__filename`, argv), so the CLI protocol is unchanged.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as Module from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import * as vm from "node:vm";

/** The bundle this launcher starts (written by `npm run build`, scripts/bundle-double.cjs). */
export const BUNDLE = path.join(__dirname, "main.bundle.cjs");

/**
 * The command a code cache is kept for: the leading words of the arguments (at most two, the second
 * only when it is a subcommand's name), so `stack output -s dev` and `stack output -s prod` share
 * one and a stack name or a backend URL never makes a new one.
 *
 * @example
 * ```ts
 * cacheCommand(["stack", "output", "--json"]); // "stack-output"
 * cacheCommand(["login", "file:///tmp/x"]);     // "login"
 * cacheCommand([]);                              // "none"
 * ```
 */
export function cacheCommand(args: readonly string[]): string {
  const words: string[] = [];
  for (const a of args.slice(0, 2)) {
    if (!/^[a-z][a-z-]*$/.test(a)) break;
    words.push(a);
  }
  return words.join("-") || "none";
}

/**
 * Where the code cache for `source` (the bundle's text) and `args` lives.
 *
 * @example
 * ```ts
 * cacheFile(text, ["up", "--yes"], { NODE_COMPILE_CACHE: "/tmp/ncc" }); // "/tmp/ncc/pulumi-double-up-3f9a….v8"
 * ```
 */
export function cacheFile(
  source: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): string {
  const dir = env["NODE_COMPILE_CACHE"] || path.join(os.tmpdir(), "node-compile-cache");
  const key = createHash("sha256")
    .update(`${process.version}\0${process.arch}\0`)
    .update(source)
    .digest("hex")
    .slice(0, 16);
  return path.join(dir, `pulumi-double-${cacheCommand(args)}-${key}.v8`);
}

function readCache(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined; // first run of this command
  }
}

/**
 * Writes the cache beside its final name, then renames it (a concurrent start reads all or
 * nothing), and removes this command's caches for other bundles (earlier builds).
 */
function writeCache(file: string, data: Buffer): void {
  try {
    const dir = path.dirname(file);
    fs.mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
    const command = path.basename(file).replace(/-[0-9a-f]{16}\.v8$/, "-");
    for (const f of fs.readdirSync(dir))
      if (
        f.startsWith(command) &&
        /^[0-9a-f]{16}\.v8$/.test(f.slice(command.length)) &&
        f !== path.basename(file)
      )
        fs.rmSync(path.join(dir, f), { force: true });
  } catch {
    /* no cache this time: the next start compiles again */
  }
}

/**
 * Runs `bundle` as this process's main module, with the code cache for this command, and writes
 * that cache at exit when there was none (or V8 rejected it).
 *
 * @example
 * ```ts
 * launch(); // `node launch.js stack ls` runs `main.bundle.cjs stack ls`
 * ```
 */
export function launch(bundle: string = BUNDLE, args: readonly string[] = process.argv.slice(2)): void {
  const source = fs.readFileSync(bundle, "utf8");
  const file = cacheFile(source, args);
  const cachedData = readCache(file);
  const script = new vm.Script(Module.wrap(source), {
    filename: bundle,
    ...(cachedData ? { cachedData } : {}),
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (cachedData === undefined || script.cachedDataRejected)
    process.once("exit", () => writeCache(file, script.createCachedData()));
  const mod = new Module.Module(bundle, undefined);
  mod.filename = bundle;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(
    path.dirname(bundle),
  );
  const req = Module.createRequire(bundle);
  // The bundle checks `require.main === module` to start, as when Node runs it directly.
  Object.defineProperty(req, "main", { value: mod });
  const wrapper = script.runInThisContext() as (...a: unknown[]) => void;
  wrapper.call(mod.exports, mod.exports, req, mod, bundle, path.dirname(bundle));
}

if (require.main === module) launch();
