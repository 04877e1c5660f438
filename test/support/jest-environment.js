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
 */
const { TestEnvironment } = require("jest-environment-node");

const ROUTED = new Set(["unhandledRejection", "uncaughtException"]);

class PlatformTestEnvironment extends TestEnvironment {
  /** @param {ConstructorParameters<typeof TestEnvironment>} args */
  constructor(...args) {
    super(...args);
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

  async teardown() {
    for (const w of this.routed.values()) {
      process.removeListener("unhandledRejection", w);
      process.removeListener("uncaughtException", w);
    }
    this.routed.clear();
    await super.teardown();
  }
}

module.exports = PlatformTestEnvironment;
