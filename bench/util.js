// @ts-check
/**
 * Helpers the benchmarks share (not a benchmark: bench/run.js runs only *.bench.js files).
 */
"use strict";

/**
 * The median of some numbers.
 *
 * @param {readonly number[]} xs
 * @example median([3, 1, 2]); // 2
 */
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * A seeded pseudo-random generator (mulberry32): the same seed gives the same log every run.
 *
 * @param {number} seed
 * @returns {() => number} numbers in [0, 1)
 * @example const rnd = prng(7); rnd(); // 0.… (always the same for seed 7)
 */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A numeric flag's value (`--runs 3`), or `def` when the flag is absent.
 *
 * @param {readonly string[]} args
 * @param {string} name
 * @param {number} def
 * @example numberFlag(["--runs", "3"], "--runs", 5); // 3
 */
function numberFlag(args, name, def) {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : def;
}

module.exports = { median, prng, numberFlag };
