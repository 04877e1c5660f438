/**
 * The Pulumi SDK records `new Error().stack` on every promise it creates (`debuggablePromise` in
 * `@pulumi/pulumi/runtime/debuggable.js`, printed only by its promise-leak report): several per
 * resource. With source maps on (tsx turns them on for a TypeScript program) each of those stacks
 * is mapped, about 13 % of a synth worker's CPU for the platform program (prod: 1.77 s → 1.54 s,
 * medians of 3). In the orchestrator's own processes those captures are formatted as V8 formats a
 * stack by default, at generated positions, and only when the report reads them: the capture
 * keeps its call sites and formats them on first `String()` (another 6 % of an aws-prod synth,
 * 2.06 → 1.94 s, means of 4). Every other stack goes through Node's formatter, source maps
 * included, as before. The Jest environment (test/support/jest-environment.js) does the same for
 * Jest's formatter.
 */

/** A stack formatter as `Error.prepareStackTrace` takes it. */
export type StackFormatter = (error: Error, frames: NodeJS.CallSite[]) => unknown;

const PROMISE_CAPTURE = /[/\\]@pulumi[/\\]pulumi[/\\]runtime[/\\]debuggable\.js$/;

/**
 * `format`, except for the SDK's promise captures, which get V8's plain format, deferred: the
 * capture's `stack` is an object that formats its frames when it is first turned into a string
 * (the SDK only interpolates it into its promise-leak report).
 *
 * @example
 * ```ts
 * Error.prepareStackTrace = skipPromiseCaptures(Error.prepareStackTrace!);
 * ```
 */
export function skipPromiseCaptures(format: StackFormatter): StackFormatter {
  return (error, frames) => {
    if (!PROMISE_CAPTURE.test(frames[0]?.getFileName() ?? "")) return format(error, frames);
    let head: string;
    try {
      head = String(error);
    } catch {
      head = "Error"; // an error whose toString throws
    }
    let text: string | undefined;
    // V8's CallSite has its own toString (the usual "fn (file:line:col)"); its type omits it.
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    const plain = () => (text ??= head + frames.map((f) => `\n    at ${String(f)}`).join(""));
    return { toString: plain };
  };
}

/**
 * Installs {@link skipPromiseCaptures} around this process's `Error.prepareStackTrace` (Node 22's
 * default formatter; a no-op where there is none to wrap).
 *
 * @example
 * ```ts
 * plainPromiseStacks(); // first thing in a worker, before the SDK runs
 * ```
 */
export function plainPromiseStacks(): void {
  const format: unknown = Reflect.get(Error, "prepareStackTrace"); // called unbound by V8 anyway
  if (typeof format === "function") Error.prepareStackTrace = skipPromiseCaptures(format as StackFormatter);
}
