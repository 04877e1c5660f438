// @ts-check
/**
 * Orchestrator benchmark (not a test), against the Pulumi CLI double with PULUMI_DOUBLE_DELAY_MS
 * set so that provider operations take real time. Three environments (e1, e2, e3) deploy the
 * double's fixture program (two random resources and a bucket that depends on one of them: two
 * provider operations in sequence). Every measured command starts from an empty backend.
 *
 * Measured, each as a whole process, in turns (the order rotates every round):
 *
 *   all      `platform up --env all`: the three stacks in parallel, one worker process each
 *   single   `platform up --env eN` for N = 1..3 (the round's slowest is the reference)
 *   library  a script calling the library's `up({ env: "e1" })` (no CLI)
 *   bare     a script doing LocalWorkspace.createOrSelectStack + `stack.up()` on the same double,
 *            program and config: the Automation API with nothing around it
 *
 * Printed: the median of each, and per-round (paired) ratios with their median:
 *   all / slowest single   goal ≤ 1.15  (parallel environments cost about one environment)
 *   library / bare         goal ≤ 1.10  (the orchestrator's overhead over a bare stack.up())
 *   single (CLI) / bare    for information: adds the CLI's start-up
 *
 * The default delay (5 s per provider operation, about 10 s of engine time per stack) keeps the
 * figures about orchestration rather than about Node start-up: on a 2-core machine three workers
 * and the double's Node CLI processes compete for CPU, so with short operations `all` pays for
 * CPU contention that real cloud operations (minutes) would hide. `--delay-ms 2000` shows that.
 *
 * Usage: npm run build && node bench/orchestrator.bench.js [--runs 5] [--delay-ms 5000] [--keep]
 */
"use strict";
const { spawn } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { median } = require("./util");

const REPO = path.join(__dirname, "..");
const DIST = path.join(REPO, "dist");
const CLI = path.join(DIST, "orchestrator", "cli.js");
const FIXTURE = path.join(DIST, "test", "support", "pulumi-double", "fixture-program.js");
const PASSPHRASE = "bench";

// ---------------------------------------------------------------------------------------------
// Child modes: `--child library|bare <dir> <backend> <env>`
// ---------------------------------------------------------------------------------------------
async function child(mode, dir, backend, env) {
  if (mode === "library") {
    const { up } = require(path.join(DIST, "orchestrator", "verbs.js"));
    const run = await up({
      env,
      stacksDir: path.join(dir, "stacks"),
      backend: `file://${backend}`,
      dataDir: path.join(dir, "data"),
      pulumiRoot: path.join(dir, "cli"),
      programModule: path.join(dir, "program.js"),
      auditLog: false,
    });
    if (!run.ok) throw new Error(JSON.stringify(run.results));
    return;
  }
  const { LocalWorkspace, PulumiCommand } = require("@pulumi/pulumi/automation");
  const { parse } = require("yaml");
  const { bundleProgram } = require(FIXTURE);
  const config = parse(fs.readFileSync(path.join(dir, "stacks", `Pulumi.${env}.yaml`), "utf8")).config;
  const workDir = fs.mkdtempSync(path.join(dir, "bare-"));
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName: env, projectName: "platform", program: bundleProgram },
    {
      workDir,
      pulumiHome: path.join(dir, "bare-home"),
      pulumiCommand: await PulumiCommand.get({ root: path.join(dir, "cli"), skipVersionCheck: true }),
      envVars: { PULUMI_CONFIG_PASSPHRASE: PASSPHRASE },
      projectSettings: { name: "platform", runtime: "nodejs", backend: { url: `file://${backend}` } },
      stackSettings: { [env]: { config } },
    },
  );
  await stack.up();
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// Parent
// ---------------------------------------------------------------------------------------------
function arg(name, dflt) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : dflt;
}

function timed(args, env) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const p = spawn(process.execPath, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    p.stderr.on("data", (d) => (stderr += d.toString()));
    p.on("close", (code) => {
      const s = Number(process.hrtime.bigint() - start) / 1e9;
      if (code !== 0) reject(new Error(`${args.join(" ")} exited ${code}:\n${stderr}`));
      else resolve(s);
    });
  });
}

const fmt = (xs) =>
  `median ${median(xs).toFixed(2)}  (min ${Math.min(...xs).toFixed(2)}, max ${Math.max(...xs).toFixed(2)})`;

async function main() {
  if (!fs.existsSync(CLI) || !fs.existsSync(FIXTURE)) {
    console.error("bench: dist/ is missing; run `npm run build` first.");
    process.exit(1);
  }
  const runs = Number(arg("--runs", "5"));
  const delayMs = arg("--delay-ms", "5000");
  const keep = process.argv.includes("--keep");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "orch-bench-"));
  const { makePulumiRoot } = require(path.join(DIST, "test", "support", "pulumi-double", "install.js"));
  await makePulumiRoot(path.join(dir, "cli"));
  fs.mkdirSync(path.join(dir, "stacks"));
  for (const e of ["e1", "e2", "e3"])
    fs.writeFileSync(path.join(dir, "stacks", `Pulumi.${e}.yaml`), "config:\n  platform:size: 1\n");
  fs.writeFileSync(
    path.join(dir, "program.js"),
    `module.exports = require(${JSON.stringify(FIXTURE)}).bundleProgram;\n`,
  );
  const env = {
    ...process.env,
    PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
    PULUMI_DOUBLE_DELAY_MS: delayMs,
    PLATFORM_PULUMI_ROOT: path.join(dir, "cli"),
  };
  let n = 0;
  const fresh = () => path.join(dir, `state-${n++}`);
  const cli = (envs) => [
    CLI,
    "up",
    "--env",
    envs,
    "--yes",
    "--backend",
    `file://${fresh()}`,
    "--stacks-dir",
    path.join(dir, "stacks"),
    "--data-dir",
    path.join(dir, "data"),
    "--program",
    path.join(dir, "program.js"),
  ];
  const commands = {
    all: () => cli("all"),
    e1: () => cli("e1"),
    e2: () => cli("e2"),
    e3: () => cli("e3"),
    library: () => [__filename, "--child", "library", dir, fresh(), "e1"],
    bare: () => [__filename, "--child", "bare", dir, fresh(), "e1"],
  };
  const names = Object.keys(commands);
  console.log(
    `orchestrator bench: ${runs} rounds + 1 warm-up, PULUMI_DOUBLE_DELAY_MS=${delayMs}, ${os.cpus().length} CPUs`,
  );
  const t = Object.fromEntries(names.map((k) => [k, []]));
  for (let round = -1; round < runs; round++) {
    const order = names.map((_, i) => names[(i + Math.max(0, round)) % names.length]);
    for (const name of order) {
      const s = await timed(commands[name](), env);
      if (round >= 0) t[name].push(s);
    }
    if (round >= 0)
      console.log(`  round ${round + 1}: ${names.map((k) => `${k} ${t[k][round].toFixed(2)}s`).join(", ")}`);
  }
  const slowest = t.e1.map((_, i) => Math.max(t.e1[i], t.e2[i], t.e3[i]));
  const ratio = (a, b) => a.map((x, i) => x / b[i]);
  console.log("\nwall seconds");
  for (const k of names) console.log(`  ${k.padEnd(8)} ${fmt(t[k])}`);
  console.log(`  slowest single ${fmt(slowest)}`);
  console.log("\nratios (paired per round)");
  const r1 = ratio(t.all, slowest);
  const r2 = ratio(t.library, t.bare);
  const r3 = ratio(t.e1, t.bare);
  console.log(`  all / slowest single   ${fmt(r1)}   goal ≤ 1.15`);
  console.log(`  library / bare         ${fmt(r2)}   goal ≤ 1.10`);
  console.log(`  single (CLI) / bare    ${fmt(r3)}   (information: includes the CLI's start-up)`);
  if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  else console.log(`\nkept ${dir}`);
}

if (process.argv[2] === "--child") {
  child(process.argv[3], process.argv[4], process.argv[5], process.argv[6]).catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
