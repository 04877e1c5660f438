// @ts-check
/**
 * Jest's node environment, with one difference: process-level `unhandledRejection` and
 * `uncaughtException` listeners registered by code under test reach the real process.
 *
 * Jest gives each test file its own `process` object, and listeners added to it never fire: Jest
 * owns the real process's error events. The Pulumi SDK's inline-program server (Automation API,
 * `automation/server.js`) relies on such a listener to collect the errors of a failed update into
 * its result; without this, those rejections surface as "Test suite failed to run" instead of as
 * the update's own error, which is not what happens in production.
 *
 * A routed `unhandledRejection` listener also attaches a handler to the promise, so Node emits
 * `rejectionHandled` and Jest drops the rejection from its unhandled list, as Node itself would
 * treat a rejection that a process listener handled.
 *
 * With `testEnvironmentOptions: { forbidChildProcess: true }` (the `unit` tier), every way of
 * starting a child process throws for the duration of the file, so a test that spawns cannot sit in
 * that tier by accident. The real module is patched (Jest hands out Node's own core modules) and
 * restored in teardown, because workers are shared with the `process` tier.
 *
 * The Pulumi SDK records `new Error().stack` on every promise it creates (runtime/debuggable.js,
 * printed only by its promise-leak report), several per resource. Jest formats every stack through
 * its source maps, which made that formatting about half the CPU of a mock-runtime test file
 * (observability-stack.test.ts: 6.4 of 13.4 s). Those captures, and only those, are formatted as
 * V8 does by default (generated positions), and only when read; every other stack is Jest's, mapped
 * as before.
 */
const { TestEnvironment } = require("jest-environment-node");

const childProcess = require("node:child_process");

const ROUTED = new Set(["unhandledRejection", "uncaughtException"]);
const SPAWNERS = ["spawn", "spawnSync", "exec", "execSync", "execFile", "execFileSync", "fork"];

/** The SDK's promise-debugging capture: the stack of `debuggablePromise`. */
const PROMISE_DEBUG_FRAME = /[/\\]@pulumi[/\\]pulumi[/\\]runtime[/\\]debuggable\.js$/;
const PLAIN = Symbol("plain stacks for the Pulumi SDK's promise captures");

/**
 * Wraps Jest's stack formatter so the SDK's promise captures skip the source-map lookup.
 *
 * @param {(error: Error, frames: NodeJS.CallSite[]) => string} jestFormat
 */
function skipPromiseCaptures(jestFormat) {
  /** @param {Error} error @param {NodeJS.CallSite[]} frames */
  const format = (error, frames) => {
    if (!PROMISE_DEBUG_FRAME.test(frames[0]?.getFileName() ?? "")) return jestFormat(error, frames);
    let head;
    try {
      head = String(error);
    } catch {
      head = "Error";
    }
    // Formatted when first turned into a string (the SDK only interpolates it into its leak
    // report), as orchestrator/promise-stacks.ts does in the orchestrator's processes: formatting
    // every capture eagerly was about 14 % of a mock-runtime test file's CPU.
    /** @type {string | undefined} */
    let text;
    const plain = () => (text ??= head + frames.map((f) => `\n    at ${f}`).join(""));
    return { toString: plain };
  };
  return Object.assign(format, { [PLAIN]: jestFormat });
}

class PlatformTestEnvironment extends TestEnvironment {
  /** @param {ConstructorParameters<typeof TestEnvironment>} args */
  constructor(...args) {
    super(...args);
    // Jest raises the limit to 100 frames; Node's default is 10, as in the product's processes.
    // Every promise the Pulumi SDK creates captures a stack (26-29 frames deep in a mock-runtime
    // test), so at 100 the captures alone were about a tenth of such a file's CPU.
    this.global.Error.stackTraceLimit = 10;
    this.forbidChildProcess = args[0].projectConfig.testEnvironmentOptions?.["forbidChildProcess"] === true;
    /** @type {Record<string, unknown>} */
    this.savedSpawners = {};
    /** @type {Map<Function, (...a: any[]) => void>} */
    this.routed = new Map();
    const envProcess = /** @type {NodeJS.Process} */ (this.global.process);
    const realProcess = process;
    const routed = this.routed;
    const wrap = (/** @type {string} */ event, /** @type {Function} */ fn) => {
      const w =
        event === "unhandledRejection"
          ? (/** @type {unknown} */ reason, /** @type {Promise<unknown>} */ promise) => {
              promise.catch(() => {});
              fn(reason, promise);
            }
          : (/** @type {unknown[]} */ ...a) => fn(...a);
      routed.set(fn, w);
      return w;
    };
    for (const method of ["on", "addListener", "prependListener"]) {
      const original = envProcess[method];
      envProcess[method] = function (/** @type {string} */ event, /** @type {Function} */ fn) {
        if (!ROUTED.has(event)) return original.call(this, event, fn);
        realProcess[method](event, wrap(event, fn));
        return this;
      };
    }
    // The Pulumi SDK raises the listener limit for the many listeners a run adds; they are on the
    // real process now, so the limit must be too.
    envProcess.setMaxListeners = function (/** @type {number} */ n) {
      realProcess.setMaxListeners(Math.max(n, realProcess.getMaxListeners()));
      return this;
    };
    for (const method of ["off", "removeListener"]) {
      const original = envProcess[method];
      envProcess[method] = function (/** @type {string} */ event, /** @type {Function} */ fn) {
        if (!ROUTED.has(event)) return original.call(this, event, fn);
        const w = routed.get(fn);
        if (w) realProcess.removeListener(event, w);
        routed.delete(fn);
        return this;
      };
    }
  }

  async setup() {
    await super.setup();
    // jest-runner has just installed its source-map formatter for this file (before setup()).
    const format = /** @type {any} */ (Error.prepareStackTrace);
    if (typeof format === "function" && !format[PLAIN]) Error.prepareStackTrace = skipPromiseCaptures(format);
    if (!this.forbidChildProcess) return;
    for (const name of SPAWNERS) {
      this.savedSpawners[name] = childProcess[name];
      childProcess[name] = () => {
        throw new Error(
          `child_process.${name} called in the unit tier: add this test file to PROCESS_TESTS in jest.config.js`,
        );
      };
    }
  }

  async teardown() {
    const format = /** @type {any} */ (Error.prepareStackTrace);
    if (typeof format === "function" && format[PLAIN]) Error.prepareStackTrace = format[PLAIN];
    Object.assign(childProcess, this.savedSpawners);
    for (const w of this.routed.values()) {
      process.removeListener("unhandledRejection", w);
      process.removeListener("uncaughtException", w);
    }
    this.routed.clear();
    await super.teardown();
  }
}

module.exports = PlatformTestEnvironment;
