/**
 * Is a recorded plan whole, and is it the plan of the stack it is reviewed as? A log cut at a line
 * boundary parses cleanly, so the parser cannot tell; these checks compare what was read with the
 * engine's own summary (its last event, or the digest's `changeSummary`) and the stack every URN
 * names. Kept apart from the parsers: they take only the parsed summary and step counts.
 */
import { Op, type PlanStep } from "../model";
import { PlanParseError, type ChangeSummary, type OpCounts } from "./types";

/** What {@link planCompleteness} reads: the parsed summary, step ops and failure count. */
export interface CompletenessInput {
  readonly summary?: ChangeSummary;
  /** One op per step (as the parsers return them: one step per URN, replacement halves merged). */
  readonly steps: readonly Pick<PlanStep, "op">[];
  /** Steps the engine tried and failed: a failed run's summary counts only what completed. */
  readonly failures?: readonly unknown[];
}

/**
 * The verdict of {@link planCompleteness}.
 *
 * @example
 * ```ts
 * const { complete, problems } = planCompleteness(result, "event-log");
 * if (!complete) console.error(`incomplete plan: ${problems.join("; ")}`);
 * ```
 */
export interface PlanCompleteness {
  readonly complete: boolean;
  /** Why not, one sentence each (empty when complete). */
  readonly problems: readonly string[];
}

/** Which kind of recorded plan was read (they end differently). */
export type RecordedPlanFormat = "event-log" | "preview-digest";

/** Counts steps per op. */
export function opCounts(steps: readonly Pick<PlanStep, "op">[]): OpCounts {
  const out: OpCounts = {};
  for (const s of steps) out[s.op] = (out[s.op] ?? 0) + 1;
  return out;
}

/**
 * Checks a parsed plan against the engine's summary: an event log must end with its
 * `summaryEvent`, a preview digest must carry a `changeSummary`, and the steps read must add up
 * to the summary per operation (a digest may leave out `same` steps; a failed run's summary
 * counts only completed steps, so counts are not compared then).
 *
 * @example
 * ```ts
 * planCompleteness({ steps: [{ op: "same" }], summary: undefined }, "event-log");
 * // { complete: false, problems: ["the event log has no summaryEvent: …"] }
 * ```
 */
export function planCompleteness(input: CompletenessInput, format: RecordedPlanFormat): PlanCompleteness {
  const problems: string[] = [];
  const summary = input.summary?.resourceChanges;
  // `changeSummary` is omitted from the digest when empty, and every real run has the root stack.
  if (summary === undefined || (format === "preview-digest" && Object.keys(summary).length === 0)) {
    problems.push(
      format === "event-log"
        ? "the event log has no summaryEvent: it ends before the engine finished (cut off, or still being written)"
        : "the preview JSON has no changeSummary: the preview did not finish, or the output was cut",
    );
    return { complete: false, problems };
  }
  if ((input.failures?.length ?? 0) > 0) return { complete: true, problems };
  const read = opCounts(input.steps);
  const mismatched: string[] = [];
  for (const op of new Set([...Object.keys(summary), ...Object.keys(read)]) as Set<Op>) {
    const want = summary[op] ?? 0;
    const got = read[op] ?? 0;
    // `pulumi preview --json` lists `same` steps only with --show-sames.
    if (op === Op.same && (format === "preview-digest" ? got <= want : got === want)) continue;
    if (op !== Op.same && got === want) continue;
    mismatched.push(`${op}: summary ${want}, steps ${got}`);
  }
  if (mismatched.length > 0)
    problems.push(
      `the steps read do not add up to the engine's summary (${mismatched.join(", ")}): steps are missing or extra`,
    );
  return { complete: problems.length === 0, problems };
}

/**
 * The stacks a plan's URNs name (`urn:pulumi:<stack>::<project>::…`), sorted.
 *
 * @example
 * ```ts
 * planStacks([{ urn: "urn:pulumi:prod::platform::gcp:sql/databaseInstance:DatabaseInstance::db" }]); // ["prod"]
 * ```
 */
export function planStacks(steps: readonly Pick<PlanStep, "urn">[]): string[] {
  const out = new Set<string>();
  for (const s of steps) {
    const stack = urnStack(s.urn);
    if (stack !== undefined) out.add(stack);
  }
  return [...out].sort();
}

/** `parseUrn(urn)?.stack` without splitting the URN (once per step of a large plan). */
/**
 * The stack a URN names (`prod` of `urn:pulumi:prod::proj::type::name`), or undefined when it is not
 * a well-formed URN.
 *
 * @example
 * ```ts
 * urnStack("urn:pulumi:prod::platform::gcp:storage/bucket:Bucket::logs"); // "prod"
 * ```
 */
export function urnStack(urn: string): string | undefined {
  if (!urn.startsWith("urn:pulumi:")) return undefined;
  const end = urn.indexOf("::");
  // The stack part itself must keep the whole prefix (`urn:pulumi::…` splits before its colon).
  if (end < "urn:pulumi:".length) return undefined;
  const second = urn.indexOf("::", end + 2);
  if (second < 0 || urn.indexOf("::", second + 2) < 0) return undefined;
  return urn.slice("urn:pulumi:".length, end);
}

/**
 * Throws a {@link PlanParseError} naming both stacks when a plan's URNs belong to another stack
 * than the environment it is reviewed as (a prod log reviewed with dev's profile and budget).
 * A remote stack name (`org/project/env`) is compared by its last part, as URNs carry it.
 *
 * @example
 * ```ts
 * assertPlanStack(result.steps, "dev", "prod-events.jsonl");
 * // PlanParseError: prod-events.jsonl is a plan of stack "prod", but it is reviewed as --env dev …
 * ```
 */
export function assertPlanStack(
  steps: readonly Pick<PlanStep, "urn">[] | ReadonlySet<string>,
  env: string,
  file: string,
): void {
  const want = env.split("/").pop()!;
  const stacks = Array.isArray(steps) ? planStacks(steps) : [...(steps as ReadonlySet<string>)].sort();
  const others = stacks.filter((s) => s !== want);
  if (others.length === 0) return;
  throw new PlanParseError(
    `${file} is a plan of stack ${others.map((s) => JSON.stringify(s)).join(", ")}, but it is reviewed as --env ${env} ` +
      `(stack "${want}", with ${env}'s profile and budget); review it with --env ${others[0]}, or record the plan of ${env}`,
    file,
  );
}
