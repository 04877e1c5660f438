/**
 * Jest's `expect` with Vitest's optional second argument: a message printed above the matcher's
 * own failure text. Loops over resources or rules use it to say which item failed.
 *
 * @example
 * for (const r of rules) expect(r.refs.length, r.id).toBeGreaterThan(0);
 */
import { expect as jestExpect } from "@jest/globals";

type JestExpect = typeof jestExpect;
type WithMessage = (<T>(actual: T, message?: string) => ReturnType<typeof jestExpect<T>>) &
  Omit<JestExpect, never>;

function prefixed(err: unknown, message: string): unknown {
  if (err instanceof Error) err.message = `${message}\n\n${err.message}`;
  return err;
}

/** Wraps every matcher (and the `.not`/`.resolves`/`.rejects` chains) so failures carry `message`. */
function wrap(target: object, message: string): object {
  return new Proxy(target, {
    get(obj, key, receiver) {
      const value = Reflect.get(obj, key, receiver);
      if (typeof value === "function") {
        return (...args: unknown[]) => {
          try {
            const out = (value as (...a: unknown[]) => unknown).apply(obj, args);
            if (out instanceof Promise)
              return out.catch((e: unknown) => {
                throw prefixed(e, message);
              });
            return out;
          } catch (e) {
            throw prefixed(e, message);
          }
        };
      }
      if (value !== null && typeof value === "object") return wrap(value as object, message);
      return value;
    },
  });
}

/** `expect(actual)` or `expect(actual, message)`; asymmetric matchers (`expect.any`, …) as usual. */
export const expect: WithMessage = Object.assign(
  <T>(actual: T, message?: string) =>
    message === undefined
      ? jestExpect(actual)
      : (wrap(jestExpect(actual), message) as ReturnType<typeof jestExpect<T>>),
  jestExpect,
);
