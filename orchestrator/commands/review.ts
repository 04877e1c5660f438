import { closeSync, existsSync, openSync, statSync, writeSync } from "node:fs";
import * as path from "node:path";
import { Option, type Command } from "commander";
import { PlatformError } from "../../components/shared/errors";
import { resolveEnvs } from "../envs";
import { ExitCode } from "../exit-codes";
import type { StepSource } from "../review";
import { livePreviewSource } from "../review/live";
import { startReviewProgress } from "../review/progress";
import { durationFlag } from "./common";

interface ReviewFlags {
  env: string;
  events?: string;
  previewJson?: string;
  offline?: boolean;
  base?: string;
  format: "markdown" | "text" | "json";
  post?: boolean;
  out?: string;
  allowDataLoss: string[];
  budgetFailAbove?: string;
  strict?: boolean;
  allowIncomplete?: boolean;
  backend?: string;
  secretsProvider?: string;
  waitForLock?: string;
  cache: boolean;
}

/** `platform review`: the per-environment change, cost and guard report, and the sticky PR comment. */
export function registerReview(program: Command): void {
  program
    .command("review")
    .description(
      "Review a change for every environment: diff, monthly cost Δ, budget and guards (exit 3 when blocked); a live preview unless --events, --preview-json or --offline",
    )
    .requiredOption("--env <envs>", "environment(s): dev, dev,prod or all")
    .option(
      "--events <file>",
      "a recorded engine event log (pulumi --event-log); {env} is replaced per environment",
    )
    .option("--preview-json <file>", "a `pulumi preview --json` output; {env} is replaced per environment")
    .option("--offline", "no cloud: synth of --base vs synth of the working tree, diffed by URN")
    .option("--base <ref>", "git ref to compare against with --offline", "origin/main")
    .addOption(
      new Option("--format <format>", "output format").choices(["markdown", "text", "json"]).default("text"),
    )
    .option(
      "--post",
      "upsert the sticky comment on the pull request (GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_EVENT_PATH)",
    )
    .option("--out <file>", "also write the rendered output to a file")
    .option(
      "--allow-data-loss <urn...>",
      "acknowledge data loss for these URNs (or URN prefixes ending in *)",
      [],
    )
    .option(
      "--budget-fail-above <fraction>",
      "fail when the new total exceeds this fraction of the budget (default 1)",
    )
    .option("--strict", "treat corrupt event-log lines as fatal")
    .option(
      "--allow-incomplete",
      "review a recorded plan without its summary (or whose steps do not add up to it) without blocking",
    )
    .option("--backend <url>", "state backend for the live preview (default: file://<repo>/.pulumi-state)")
    .option("--secrets-provider <url>", "secrets provider for the live preview")
    .option("--wait-for-lock <duration>", "live preview: wait up to this long for another update's lock")
    .option("--no-cache", "--offline: synthesize the working tree afresh (no synth cache read or written)")
    .action(async (flags: ReviewFlags) => {
      // Loaded here: the review pulls in the cost model and the config schema (with the provider
      // SDKs), which `--help` and usage errors do not need.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { isBlocked, parseAllowDataLoss, review } = require("../review") as typeof import("../review");
      // The renderers too (Intl formatters and collators: about 50 ms that every other verb skips).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const render = require("../../plan/render") as typeof import("../../plan/render");
      const { renderComments, shouldColor, streamingReviewJson, writeJson, writeText } = render;
      const envs = resolveEnvs(flags.env);
      if (flags.out !== undefined) checkOutFile(flags.out);
      const source = stepSource(flags, envs);
      const failAbove = flags.budgetFailAbove === undefined ? undefined : Number(flags.budgetFailAbove);
      if (failAbove !== undefined && !(failAbove > 0 && failAbove <= 10)) {
        throw new PlatformError(
          `--budget-fail-above must be a fraction > 0 and ≤ 10, got ${JSON.stringify(flags.budgetFailAbove)}`,
        );
      }
      const allowDataLoss = parseAllowDataLoss(flags.allowDataLoss);
      // On a terminal, show what the offline review is doing (base checkout and build, synths, diffs).
      const progress = await startReviewProgress(
        process.stderr,
        source.kind === "offline" && process.stderr.isTTY === true,
      );
      const reviews = await review({
        envs,
        source,
        allowDataLoss,
        ...(failAbove !== undefined ? { budgetFailAbove: failAbove } : {}),
        ...(flags.strict ? { strict: true } : {}),
        onStep: progress.onStep,
        ...(flags.allowIncomplete ? { allowIncomplete: true } : {}),
        ...(flags.cache ? {} : { synthCache: false }),
        // A recorded event log is reviewed as it is read: a large plan is never held whole.
        fold: true,
      }).finally(() => progress.stop());
      // JSON is written in pieces as it is serialized: a 100,000-step review is tens of megabytes.
      const output = reviewOutput(flags.out);
      if (flags.format === "json") {
        writeJson(streamingReviewJson(reviews), output.write);
        output.write("\n");
      } else if (flags.format === "markdown")
        output.write(`${renderComments(reviews).join("\n\n---\n\n")}\n`);
      else {
        // Written as it is made, like the JSON: a 100,000-step review's text is megabytes.
        writeText(reviews, output.write, { color: shouldColor(process.stdout) });
        output.write("\n");
      }
      if (isBlocked(reviews)) process.exitCode = ExitCode.blocked;
      output.close();
      if (flags.post) {
        // Loaded here: the GitHub client (Octokit) is only needed to post.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { publishReview } = require("../../plan/github") as typeof import("../../plan/github");
        const result = await publishReview(reviews);
        process.stderr.write(`review comment: ${JSON.stringify(result)}\n`);
      }
    });
}

/**
 * Where the rendered review goes: stdout and, with `--out`, the file (opened at the first write;
 * a file that cannot be written is a one-line error after stdout got the review).
 */
function reviewOutput(out: string | undefined): { write: (text: string) => void; close: () => void } {
  let fd: number | undefined;
  let failed: PlatformError | undefined;
  const cannotWrite = (e: unknown) =>
    new PlatformError(
      `--out ${out}: cannot write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  return {
    write: (text) => {
      process.stdout.write(text);
      if (out === undefined || failed) return;
      try {
        fd ??= openSync(out, "w");
        writeSync(fd, text);
      } catch (e) {
        failed = cannotWrite(e);
      }
    },
    close: () => {
      if (fd !== undefined) closeSync(fd);
      if (failed) throw failed;
    },
  };
}

/** `--out` must name a file in an existing directory (checked before any work). */
function checkOutFile(out: string): void {
  let stat;
  try {
    stat = statSync(out);
  } catch {
    const parent = path.dirname(path.resolve(out));
    if (!existsSync(parent)) throw new PlatformError(`--out ${out}: directory ${parent} does not exist`);
    return;
  }
  if (stat.isDirectory())
    throw new PlatformError(
      `--out ${out} is a directory; give a file name, e.g. ${path.join(out, "review.md")}`,
    );
}

function stepSource(flags: ReviewFlags, envs: readonly string[]): StepSource {
  const chosen = [flags.events, flags.previewJson, flags.offline].filter(
    (x) => x !== undefined && x !== false,
  );
  if (chosen.length > 1)
    throw new PlatformError("review: choose one of --events, --preview-json or --offline");
  if (flags.events) return { kind: "file", path: flags.events };
  if (flags.previewJson) return { kind: "file", path: flags.previewJson };
  if (flags.offline) return { kind: "offline", base: flags.base ?? "origin/main" };
  // No recorded plan: run a real preview of every environment through the orchestrator.
  const waitForLockMs = durationFlag("--wait-for-lock", flags.waitForLock);
  return livePreviewSource(envs, {
    ...(flags.backend ? { backend: flags.backend } : {}),
    ...(flags.secretsProvider ? { secretsProvider: flags.secretsProvider } : {}),
    ...(waitForLockMs !== undefined ? { waitForLockMs } : {}),
  });
}
