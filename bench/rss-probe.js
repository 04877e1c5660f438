// @ts-check
/**
 * Loaded with `node --require bench/rss-probe.js …` by benchmarks: when the process exits, writes
 * its peak RSS and CPU time as JSON to the file named by BENCH_PROBE_OUT. Not a benchmark itself
 * (bench/run.js runs only *.bench.js files).
 */
"use strict";
const fs = require("node:fs");

const out = process.env.BENCH_PROBE_OUT;
if (out) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    fs.writeFileSync(
      out,
      JSON.stringify({
        maxRssMB: usage.maxRSS / 1024, // maxRSS is in kilobytes
        cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
      }),
    );
  });
}
