// @ts-check
/**
 * Review-at-scale benchmark (not a test). Generates the event log of a large monorepo stack's
 * preview (bench/monorepo-log.js: about 100,000 resource steps, mixed same/update/create/delete/
 * replace) into a temp dir, then runs, each as its own child process, in turns:
 *
 *   baseline   a bare node:readline + JSON.parse loop over the log (the reference)
 *   json       platform review --env prod --events <log> --format json
 *   markdown   … --format markdown
 *   text       … --format text
 *
 * For each: whole-process wall time (what a user waits for), CPU time (user + system of the
 * child), throughput in MB/s of log, and peak RSS (the child's maxRSS, read at exit), as medians
 * of --runs runs. Then the ratios the goal is stated in: review throughput ≥ 0.5 × the baseline's,
 * peak RSS ≤ 200 MB, for every format. Review output goes to a file in the temp dir (its size is
 * printed); everything is removed at the end unless --keep.
 *
 * With --against <dir> (another checkout, built: e.g. `git worktree add /tmp/prev <commit>` with
 * node_modules linked and `npm run build` there), its three reviews run in the same turns
 * (`json@against` …), and each output is compared byte for byte with this checkout's.
 *
 * Usage: npm run build && node bench/review-scale.bench.js [--steps 100000] [--runs 3] [--against <dir>] [--keep]
 */
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { generate, STACK } = require("./monorepo-log");
const { median, numberFlag } = require("./util");

const ROOT = path.join(__dirname, "..");
const CLI = path.join(ROOT, "dist", "orchestrator", "cli.js");
const PROBE = path.join(__dirname, "rss-probe.js");

/** The bare loop, as its own program: what reading and parsing the log costs at least. */
const BASELINE = `
const fs = require("node:fs");
const readline = require("node:readline");
(async () => {
  const rl = readline.createInterface({ input: fs.createReadStream(process.argv[1]), crlfDelay: Infinity });
  let events = 0;
  for await (const line of rl) {
    if (line.length === 0) continue;
    JSON.parse(line);
    events++;
  }
  process.stdout.write(String(events));
})();
`;

/**
 * Runs one child; returns wall ms (measured here), and CPU ms and maxRSS MB (measured by the child
 * through bench/rss-probe.js).
 * @param {string[]} args
 * @param {string} dir
 * @param {string} out
 * @param {string} [cwd] where the command runs (its stacks/ and Pulumi.yaml)
 */
function runChild(args, dir, out, cwd = ROOT) {
  const probe = path.join(dir, "probe.json");
  fs.rmSync(probe, { force: true });
  const fd = fs.openSync(out, "w");
  const start = process.hrtime.bigint();
  const res = spawnSync(process.execPath, ["--require", PROBE, ...args], {
    cwd,
    stdio: ["ignore", fd, "pipe"],
    env: { ...process.env, BENCH_PROBE_OUT: probe, NO_COLOR: "1" },
    maxBuffer: 16 << 20,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  fs.closeSync(fd);
  // Exit 3 is "blocked" (the generated plan deletes data): a result, not a failure.
  if (res.status !== 0 && res.status !== 3)
    throw new Error(`${args.join(" ")} failed (${res.status}): ${String(res.stderr).slice(0, 2000)}`);
  const probed = JSON.parse(fs.readFileSync(probe, "utf8"));
  return {
    ms,
    cpuMs: probed.cpuMs,
    rssMB: probed.maxRssMB,
    outBytes: fs.statSync(out).size,
    status: res.status,
  };
}

function main() {
  const args = process.argv.slice(2);
  const opt = (/** @type {string} */ name, /** @type {number} */ def) => numberFlag(args, name, def);
  const steps = opt("--steps", 100_000);
  const runs = opt("--runs", 3);
  const againstAt = args.indexOf("--against");
  const against = againstAt >= 0 ? path.resolve(args[againstAt + 1] ?? "") : undefined;
  if (against !== undefined && !fs.existsSync(path.join(against, "dist", "orchestrator", "cli.js"))) {
    console.error(
      `review-scale bench: --against ${against} has no dist/orchestrator/cli.js; build it first.`,
    );
    process.exitCode = 1;
    return;
  }
  if (!fs.existsSync(CLI)) {
    console.error(
      `review-scale bench: ${path.relative(process.cwd(), CLI)} is missing; run \`npm run build\` first.`,
    );
    process.exitCode = 1;
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "review-scale-bench-"));
  try {
    const log = path.join(dir, "events.jsonl");
    const t0 = Date.now();
    const gen = generate(log, { steps });
    const mb = gen.bytes / 1024 / 1024;
    console.log(
      `review-scale bench: generated ${mb.toFixed(1)} MB, ${gen.steps} steps over ${gen.resources} resources ${JSON.stringify(gen.counts)} in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
    const out = path.join(dir, "out.txt");
    /** @type {Record<string, string[]>} */
    const commands = {
      baseline: ["-e", BASELINE, log],
      json: [CLI, "review", "--env", STACK, "--events", log, "--format", "json"],
      markdown: [CLI, "review", "--env", STACK, "--events", log, "--format", "markdown"],
      text: [CLI, "review", "--env", STACK, "--events", log, "--format", "text"],
    };
    /** @type {Record<string, string>} where each command runs */
    const cwds = {};
    if (against !== undefined) {
      const cli = path.join(against, "dist", "orchestrator", "cli.js");
      for (const f of ["json", "markdown", "text"]) {
        commands[`${f}@against`] = [cli, ...commands[f].slice(1)];
        cwds[`${f}@against`] = against;
      }
    }
    const modes = Object.keys(commands);
    /** @type {Record<string, ReturnType<typeof runChild>[]>} */
    const results = Object.fromEntries(modes.map((m) => [m, []]));
    const outOf = (/** @type {string} */ m) => (m === "baseline" ? out : path.join(dir, `out-${m}.txt`));
    runChild(commands.baseline, dir, out); // warm the file cache
    for (let i = 0; i < runs; i++)
      for (const m of modes) results[m].push(runChild(commands[m], dir, outOf(m), cwds[m]));

    const row = (/** @type {string} */ m) => {
      const ms = median(results[m].map((r) => r.ms));
      const cpuMs = median(results[m].map((r) => r.cpuMs));
      return {
        ms,
        cpuMs,
        rss: Math.max(...results[m].map((r) => r.rssMB)),
        mbps: mb / (ms / 1000),
        cpuMbps: mb / (cpuMs / 1000),
        outMB: results[m][0].outBytes / 1024 / 1024,
      };
    };
    const base = row("baseline");
    const head = [
      "command",
      "wall s",
      "MB/s",
      "CPU s",
      "CPU MB/s",
      "max RSS MB",
      "out MB",
      "× base (wall)",
      "× base (CPU)",
    ];
    const widths = [17, 7, 7, 7, 9, 11, 7, 14, 13];
    const fmt = (/** @type {Array<string|number>} */ cells) =>
      cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(" ");
    console.log(
      `\nmedians of ${runs} runs (max RSS: the largest), each a whole child process, run in turns:`,
    );
    console.log(fmt(head));
    for (const m of modes) {
      const r = row(m);
      console.log(
        fmt([
          m,
          (r.ms / 1000).toFixed(2),
          r.mbps.toFixed(1),
          (r.cpuMs / 1000).toFixed(2),
          r.cpuMbps.toFixed(1),
          r.rss.toFixed(0),
          m === "baseline" ? "-" : r.outMB.toFixed(1),
          (r.mbps / base.mbps).toFixed(2),
          (r.cpuMbps / base.cpuMbps).toFixed(2),
        ]),
      );
    }
    console.log("");
    if (against !== undefined)
      for (const f of ["json", "markdown", "text"]) {
        const same = fs.readFileSync(outOf(f)).equals(fs.readFileSync(outOf(`${f}@against`)));
        console.log(
          `--format ${f}: output ${same ? "byte for byte the same as" : "DIFFERENT from"} ${against}'s`,
        );
      }
    for (const m of modes.slice(1)) {
      const r = row(m);
      const ratio = r.mbps / base.mbps;
      console.log(
        `review --format ${m}: throughput ${ratio.toFixed(2)} × baseline wall, ${(r.cpuMbps / base.cpuMbps).toFixed(2)} CPU (goal ≥ 0.50) ${ratio >= 0.5 ? "met" : "NOT met"}; max RSS ${r.rss.toFixed(0)} MB (goal ≤ 200) ${r.rss <= 200 ? "met" : "NOT met"}`,
      );
    }
    if (args.includes("--keep")) console.log(`kept ${dir}`);
  } finally {
    if (!args.includes("--keep")) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
