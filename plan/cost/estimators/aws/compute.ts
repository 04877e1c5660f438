/**
 * Lambda functions (requests and GB-seconds, $0 idle) and provisioned concurrency (billed all the
 * time, so it is baseline, not usage).
 */
import { SECONDS_PER_MONTH } from "../../prices/gcp";
import { formatQty } from "../../format";
import { FreeTierKey, type Estimate, type EstimateInput } from "../types";
import { awsBill, numberOr } from "./pricing";

/**
 * Type tokens of the Lambda resources priced here.
 *
 * @example
 * ```ts
 * ESTIMATORS[LAMBDA_TYPES.function] === estimateLambdaFunction; // true
 * ```
 */
export const LAMBDA_TYPES = {
  function: "aws:lambda/function:Function",
  provisioned: "aws:lambda/provisionedConcurrencyConfig:ProvisionedConcurrencyConfig",
} as const;

/** Lambda's default memory, in MB. */
const DEFAULT_MEMORY_MB = 128;

/**
 * The architecture a function is billed at: `arm64` when `architectures` says so, else x86_64.
 *
 * @example
 * ```ts
 * lambdaArchitecture(reader({ architectures: ["arm64"] })); // "arm64"
 * ```
 */
export function lambdaArchitecture(read: EstimateInput["read"]): "x86_64" | "arm64" | undefined {
  const list = read.list("architectures");
  if (list === undefined) return "x86_64";
  if (typeof list === "symbol") return undefined;
  return list.includes("arm64") ? "arm64" : "x86_64";
}

/**
 * A function: `usage.requestsPerMonth` × $0.20/M, plus requests × `usage.meanRequestDurationMs` ×
 * memory (GB) at the GB-second price of its architecture. Idle costs $0. The AWS free tier (1M
 * requests, 400,000 GB-s) applies only with `usage.awsFreeTier`.
 *
 * @example
 * ```ts
 * estimateLambdaFunction(input); // 1M requests × 200 ms × 0.5 GB → $0.20 + $1.67
 * ```
 */
export function estimateLambdaFunction(input: EstimateInput): Estimate {
  const r = input.read;
  const b = awsBill(input);
  const memoryMb = numberOr(r, "memorySize", DEFAULT_MEMORY_MB);
  const arch = lambdaArchitecture(r);
  const requests = input.usage.requestsPerMonth;
  if (requests === 0) {
    b.baseline(0, "no requests in the usage file: Lambda bills nothing while idle");
    return b.done();
  }
  const reqPrice = b.price((t) => t.lambda?.millionRequests, "Lambda requests");
  if (reqPrice) {
    const billable = input.free.take(FreeTierKey.awsLambdaRequests, requests);
    b.usage(
      (billable / 1e6) * reqPrice.usd,
      `${formatQty(billable)} requests${billable < requests ? " (after the free tier)" : ""} × ${b.rate(reqPrice)}`,
    );
  }
  if (memoryMb === undefined || arch === undefined) return b.done();
  const gbPrice = b.price((t) => t.lambda?.gbSecond?.[arch], `Lambda ${arch} duration`);
  if (gbPrice) {
    const gbSeconds = ((requests * input.usage.meanRequestDurationMs) / 1000) * (memoryMb / 1024);
    const billable = input.free.take(FreeTierKey.awsLambdaGbSeconds, gbSeconds);
    b.usage(
      billable * gbPrice.usd,
      `${formatQty(requests)} × ${formatQty(input.usage.meanRequestDurationMs)} ms × ${formatQty(memoryMb / 1024)} GB = ${formatQty(billable)} GB-s${billable < gbSeconds ? " billable" : ""} × ${b.rate(gbPrice)}`,
    );
  }
  const ephemeral = r.num("ephemeralStorage.size");
  if (typeof ephemeral === "number" && ephemeral > 512)
    b.missing(`ephemeral storage above 512 MB (${formatQty(ephemeral)} MB)`);
  return b.done();
}

/**
 * Provisioned concurrency: executions × the function's memory (GB) × every second of the month at
 * the provisioned price. The memory is read from the function in the same component (128 MB when
 * there is no single match, with a note).
 *
 * @example
 * ```ts
 * estimateProvisionedConcurrency(input); // 1 × 1 GB × 2,628,000 s × $0.0000041667 = $10.95
 * ```
 */
export function estimateProvisionedConcurrency(input: EstimateInput): Estimate {
  const r = input.read;
  const b = awsBill(input);
  const count = r.num("provisionedConcurrentExecutions");
  if (typeof count !== "number") return b.done();
  const functions = input.siblings?.(LAMBDA_TYPES.function) ?? [];
  const target = r.peek("functionName");
  const fn =
    functions.find((f) => typeof target === "string" && f.read.peek("name") === target) ??
    (functions.length === 1 ? functions[0] : undefined);
  const memory = fn ? fn.read.num("memorySize") : undefined;
  const memoryMb = typeof memory === "number" ? memory : DEFAULT_MEMORY_MB;
  if (!fn || typeof memory !== "number")
    b.note(`function memory not found beside it: priced at ${DEFAULT_MEMORY_MB} MB`);
  const price = b.price((t) => t.lambda?.provisionedGbSecond, "provisioned concurrency");
  if (price)
    b.baseline(
      count * (memoryMb / 1024) * SECONDS_PER_MONTH * price.usd,
      `${formatQty(count)} provisioned × ${formatQty(memoryMb / 1024)} GB × ${formatQty(SECONDS_PER_MONTH)} s × ${b.rate(price)}`,
    );
  b.note(
    "requests served by provisioned instances are also billed on the function (at a lower duration rate not in the table)",
  );
  return b.done();
}
