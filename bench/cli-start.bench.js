// @ts-check
/**
 * CLI start-up benchmark (not a test): how long `platform` takes before it does any work, from
 * this repository and (with --consumer) from a project that installed the packed tarball.
 *
 * Measured, each as a whole process, in turns (the order rotates every round):
 *
 *   bare        `node -e 0`: Node's own start-up, the reference every ratio is paired with
 *   version     `platform --version`
 *   help        `platform synth --help`
 *   usage       `platform synth --envv dev` (a misspelt flag: exit 2 before any work)
 *   first       `platform --version` with an empty compile cache (the first call after install)
 *   npx         `npx --no-install platform --version` (the README's command: adds npm's start-up)
 *   npx-first   the same with npm's npx cache entry for this directory removed first: the very first
 *               `npx platform` call here (in this repository npm installs the checkout into that
 *               cache, because package.json declares the bin itself; in a consumer project npx
 *               finds node_modules/.bin/platform and the cache plays no part)
 *   cost        `platform cost --env dev --no-cache` (a whole command: one synth of dev and its pricing)
 *   cost-hit    `platform cost --env dev` (the synth read from the synth cache; the first round fills it)
 *
 * For each: wall time and CPU time (user + system of the command and its children, from
 * /proc/self/stat of a wrapper process; steadier than wall time on a shared machine), medians over
 * the rounds, and the per-round ratio to `bare`. Goal (issue 9): every call starts in ≤ 2 s.
 *
 * Usage: npm run build && node bench/cli-start.bench.js [--runs 5] [--consumer] [--only version,help]
 * `--consumer` first packs the package and installs it into a copy of examples/consumer (npm,
 * --prefer-offline; a minute or two), then measures the same commands there.
 */
"use strict";
const { execFileSync, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { median } = require("./util");

const REPO = path.join(__dirname, "..");

// ---------------------------------------------------------------------------------------------
// Child mode: `--measure <cmd> [args…]` runs the command, then prints wall and children's CPU.
// ---------------------------------------------------------------------------------------------
function measure(argv) {
  const start = process.hrtime.bigint();
  const res = spawnSync(argv[0], argv.slice(1), { stdio: ["ignore", "ignore", "pipe"], env: process.env });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  let cpu = NaN;
  try {
    // Fields 16 and 17 (cutime, cstime): CPU of waited-for children and their descendants, in ticks.
    const fields = fs
      .readFileSync("/proc/self/stat", "utf8")
      .replace(/^.*\) /, "")
      .split(" ");
    const ticks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    cpu = (Number(fields[13]) + Number(fields[14])) / ticks;
  } catch {
    /* not Linux: wall time only */
  }
  process.stdout.write(
    JSON.stringify({ wall, cpu, status: res.status, stderr: String(res.stderr).slice(0, 400) }),
  );
}

// ---------------------------------------------------------------------------------------------
// Parent
// ---------------------------------------------------------------------------------------------
function arg(name, dflt) {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? dflt : process.argv[i + 1];
}

function run(command, cwd, env) {
  const out = execFileSync(process.execPath, [__filename, "--measure", ...command], {
    cwd,
    env: { ...process.env, ...env },
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out);
}

const fmt = (xs, digits = 2) =>
  `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;

/**
 * Removes npm's npx cache entries (`<npm cache>/_npx/<hash>`) that install `dir` itself, so the next
 * `npx platform` there is a first call. Entries for other directories are left alone.
 */
function clearNpxCache(dir) {
  const root = path.join(
    execFileSync("npm", ["config", "get", "cache"], { encoding: "utf8" }).trim(),
    "_npx",
  );
  for (const e of fs.existsSync(root) ? fs.readdirSync(root) : []) {
    const entry = path.join(root, e);
    let deps = {};
    try {
      deps = JSON.parse(fs.readFileSync(path.join(entry, "package.json"), "utf8")).dependencies ?? {};
    } catch {
      continue;
    }
    const own = Object.values(deps).some(
      (spec) =>
        typeof spec === "string" && spec.startsWith("file:") && path.resolve(entry, spec.slice(5)) === dir,
    );
    if (own) fs.rmSync(entry, { recursive: true, force: true });
  }
}

/** The commands, run in `cwd` with `platform` = `bin` (a path to the bin script). */
function commands(bin) {
  const node = process.execPath;
  return {
    bare: { argv: [node, "-e", "0"] },
    version: { argv: [node, bin, "--version"] },
    help: { argv: [node, bin, "synth", "--help"] },
    usage: { argv: [node, bin, "synth", "--envv", "dev"], status: 2 },
    first: { argv: [node, bin, "--version"], coldCache: true },
    npx: { argv: ["npx", "--no-install", "platform", "--version"] },
    "npx-first": { argv: ["npx", "--no-install", "platform", "--version"], clearNpx: true },
    cost: { argv: [node, bin, "cost", "--env", "dev", "--no-cache"] },
    "cost-hit": { argv: [node, bin, "cost", "--env", "dev"] },
  };
}

function bench(label, cwd, bin, runs, only) {
  const all = commands(bin);
  const names = Object.keys(all).filter((n) => n === "bare" || only.length === 0 || only.includes(n));
  /** @type {Record<string, { wall: number[]; cpu: number[]; ratio: number[] }>} */
  const figures = {};
  for (const n of names) figures[n] = { wall: [], cpu: [], ratio: [] };
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "cli-start-bench-"));
  try {
    for (let round = 0; round < runs; round++) {
      const order = names.map((_, i) => names[(i + round) % names.length]);
      const got = {};
      for (const n of order) {
        const c = all[n];
        const env = {
          PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env["PATH"] ?? ""}`,
        };
        if (c.coldCache) env.NODE_COMPILE_CACHE = fs.mkdtempSync(path.join(scratch, "cache-"));
        if (c.clearNpx) clearNpxCache(cwd);
        const r = run(c.argv, cwd, env);
        if (r.status !== (c.status ?? 0))
          throw new Error(`${label} ${n}: exit ${r.status} (expected ${c.status ?? 0}): ${r.stderr}`);
        got[n] = r;
      }
      for (const n of names) {
        figures[n].wall.push(got[n].wall);
        figures[n].cpu.push(got[n].cpu);
        figures[n].ratio.push(got[n].wall / got["bare"].wall);
      }
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  console.log(`\n${label} (${cwd}), ${runs} rounds; median (min–max)`);
  console.log(`${"command".padEnd(10)}${"wall s".padEnd(22)}${"cpu s".padEnd(22)}wall / bare node`);
  for (const n of names) {
    const f = figures[n];
    console.log(
      `${n.padEnd(10)}${fmt(f.wall).padEnd(22)}${fmt(f.cpu).padEnd(22)}${n === "bare" ? "" : fmt(f.ratio, 1)}`,
    );
  }
}

/** Packs the package and installs it into a copy of examples/consumer; returns the project dir. */
function consumerProject(dir) {
  const packed = JSON.parse(
    execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], {
      cwd: REPO,
      encoding: "utf8",
    }),
  )[0];
  const app = path.join(dir, "acme-orders");
  fs.cpSync(path.join(REPO, "examples", "consumer"), app, { recursive: true });
  const pkgFile = path.join(app, "package.json");
  const pkg = JSON.parse(fs.readFileSync(pkgFile, "utf8"));
  pkg.dependencies["@platform/pulumi-platform"] = `file:${path.join(dir, packed.filename)}`;
  fs.writeFileSync(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"], {
    cwd: app,
    stdio: "ignore",
  });
  return app;
}

function main() {
  if (process.argv[2] === "--measure") return measure(process.argv.slice(3));
  const runs = Number(arg("runs", "5"));
  const only = (arg("only", "") ?? "").split(",").filter(Boolean);
  if (!fs.existsSync(path.join(REPO, "dist", "orchestrator", "cli.js"))) {
    console.error("cli-start bench: dist/ is missing; run `npm run build` first.");
    process.exit(1);
  }
  bench("repository", REPO, path.join(REPO, "bin", "platform.cjs"), runs, only);
  if (process.argv.includes("--consumer")) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cli-start-consumer-"));
    try {
      const app = consumerProject(dir);
      const bin = path.join(app, "node_modules", "@platform", "pulumi-platform", "bin", "platform.cjs");
      bench("consumer project", app, bin, runs, only);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

main();
