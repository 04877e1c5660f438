import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import type { AwsContext } from "../shared/context";
import { PlatformError, show } from "../shared/errors";
import type { Link, Linkable, PrivateEndpoint } from "../shared/link";
import { physicalName } from "../shared/naming";
import type { Transform } from "../shared/transform";
import { linkSecretIds } from "./links";
import { parseCpu, parseMemoryMib, type CpuLimit, type MemoryLimit } from "./resources";

/**
 * The CloudRunService concept on AWS Lambda (pure rules): container image, scale to zero,
 * concurrency limits, Function URL, canary by weighted alias.
 */

/** Lambda gives one vCPU per 1,769 MB; memory is 128–10,240 MB (6 vCPUs). */
export const LAMBDA_LIMITS = { mbPerVcpu: 1769, minMb: 128, maxMb: 10_240, maxTimeoutSeconds: 900 } as const;

/** Env names Lambda sets itself and refuses in a function's configuration. */
export const LAMBDA_RESERVED_ENV = [
  "_HANDLER",
  "_X_AMZN_TRACE_ID",
  "AWS_DEFAULT_REGION",
  "AWS_REGION",
  "AWS_EXECUTION_ENV",
  "AWS_ACCESS_KEY",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "LAMBDA_TASK_ROOT",
  "LAMBDA_RUNTIME_DIR",
] as const;

/** Env names that suggest a secret value; literal values under them are refused. */
const SECRET_LIKE = /(SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL)/i;
const ENV_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const IMAGE =
  /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/[a-z0-9._/-]+(:[\w.-]{1,128}|@sha256:[a-f0-9]{64})$/;
const SECRET_REF =
  /^(arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+|[A-Za-z0-9/_+=.@-]{1,512})$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:(role|user)\/.+$/;

/**
 * Arguments of {@link AwsCloudRunService}.
 *
 * @example
 * ```ts
 * const args: AwsCloudRunServiceArgs = { ctx, image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/api:1.4.2",
 *   memory: "1Gi", maxInstances: 20, link: [db, cache, kmsLink(kms, "data")], network: { vpcId, subnetIds } };
 * ```
 */
export interface AwsCloudRunServiceArgs {
  readonly ctx: AwsContext;
  /** ECR image URI with a tag or digest (Lambda runs images from ECR only). */
  readonly image: pulumi.Input<string>;
  /** vCPUs, mapped to memory (1 vCPU = 1,769 MB). @default "1" only as a floor when set; unset = memory alone decides */
  readonly cpu?: CpuLimit;
  /** @default "512Mi" */
  readonly memory?: MemoryLimit;
  /** @default "arm64" (20 % cheaper per GB-second) */
  readonly architecture?: "arm64" | "x86_64";
  /** Provisioned concurrency on the live alias (always billed; 0 = scale to zero). @default 0 */
  readonly minInstances?: number;
  /** Reserved concurrency: the most concurrent executions (CKV_AWS_115). @default 10 */
  readonly maxInstances?: number;
  /** 1–900 s. @default 30 */
  readonly timeoutSeconds?: number;
  /** Function URL without auth (AuthType NONE, public on purpose). @default false (AWS_IAM) */
  readonly public?: boolean;
  /** IAM role/user ARNs allowed to invoke the Function URL. @default [] */
  readonly invokers?: readonly pulumi.Input<string>[];
  /** Plain env vars (no secret values: names such as *_PASSWORD with literal values are refused). @default {} */
  readonly env?: Readonly<Record<string, pulumi.Input<string>>>;
  /** Env name → Secrets Manager secret ARN or name; the function gets `<NAME>_SECRET_ID` (for GetSecretValue) and read access. @default {} */
  readonly secrets?: Readonly<Record<string, string>>;
  /** Components whose env, secrets, grants and network access the function receives. @default [] */
  readonly link?: readonly Linkable[];
  /** VPC for links to private endpoints (RDS, ElastiCache); unused otherwise. */
  readonly network?: {
    readonly vpcId: pulumi.Input<string>;
    readonly subnetIds: readonly pulumi.Input<string>[];
    /** Security group of the Secrets Manager interface endpoint (HTTPS egress is opened to it). */
    readonly endpointSecurityGroupId?: pulumi.Input<string>;
  };
  /** Weighted alias: `percent` of requests go to the new version running `image`, the rest to `stableVersion`. */
  readonly canary?: { readonly percent: number; readonly stableVersion: string };
  /** CMK for env vars (CKV_AWS_173) and the log group. @default AWS-managed */
  readonly kmsKeyArn?: pulumi.Input<string>;
  /** @default 30 (dev), 90 (staging), 365 (prod) */
  readonly logRetentionDays?: number;
  /** X-Ray active tracing (CKV_AWS_50). @default true */
  readonly tracing?: boolean;
  readonly transform?: {
    function?: Transform<aws.lambda.FunctionArgs>;
    role?: Transform<aws.iam.RoleArgs>;
    functionUrl?: Transform<aws.lambda.FunctionUrlArgs>;
    alias?: Transform<aws.lambda.AliasArgs>;
    logGroup?: Transform<aws.cloudwatch.LogGroupArgs>;
  };
}

/** Defaults of {@link AwsCloudRunServiceArgs}. */
export const AWS_SERVICE_DEFAULTS = {
  memory: "512Mi",
  architecture: "arm64",
  minInstances: 0,
  maxInstances: 10,
  timeoutSeconds: 30,
  public: false,
  tracing: true,
  aliasName: "live",
  logRetentionDays: { dev: 30, staging: 90, prod: 365 },
} as const;

/** Resolved Lambda settings with links merged. */
export interface AwsServiceSpec {
  readonly functionName: string;
  readonly memoryMb: number;
  readonly architecture: "arm64" | "x86_64";
  readonly minInstances: number;
  readonly maxInstances: number;
  readonly timeoutSeconds: number;
  readonly public: boolean;
  readonly invokers: readonly pulumi.Input<string>[];
  /** Plain env plus `<NAME>_SECRET_ID` entries, sorted by name. */
  readonly env: readonly { readonly name: string; readonly value: pulumi.Input<string> }[];
  /** Secret ARNs (or ARN patterns for names) the role may read. */
  readonly secretArns: readonly pulumi.Input<string>[];
  readonly kmsKeys: readonly pulumi.Input<string>[];
  readonly kmsSigningKeys: readonly pulumi.Input<string>[];
  readonly statements: NonNullable<Link["statements"]>;
  readonly privateEndpoints: readonly PrivateEndpoint[];
  readonly canary?: { readonly percent: number; readonly stableVersion: string };
  readonly logRetentionDays: number;
  readonly tracing: boolean;
}

/**
 * Lambda memory for a CPU and memory request: the larger of the memory and the CPU's share
 * (1 vCPU = 1,769 MB); undefined when Lambda cannot give it.
 *
 * @example
 * ```ts
 * lambdaMemoryMb("2", "512Mi"); // 3538
 * lambdaMemoryMb(undefined, "1Gi"); // 1024
 * lambdaMemoryMb("8", "1Gi"); // undefined (Lambda stops at 6 vCPU / 10,240 MB)
 * ```
 */
export function lambdaMemoryMb(cpu: string | undefined, memory: string): number | undefined {
  const mib = parseMemoryMib(memory);
  const vcpu = cpu === undefined ? 0 : parseCpu(cpu);
  if (mib === undefined || vcpu === undefined) return undefined;
  const mb = Math.max(mib, Math.ceil(vcpu * LAMBDA_LIMITS.mbPerVcpu), LAMBDA_LIMITS.minMb);
  return mb <= LAMBDA_LIMITS.maxMb ? mb : undefined;
}

/**
 * Applies defaults, merges links and validates; throws one {@link PlatformError} listing every problem.
 *
 * @example
 * ```ts
 * normalizeAwsService("api", { ctx, image, timeoutSeconds: 3600 }); // PlatformError: CloudRunService 'api': timeoutSeconds must be 1–900 …
 * ```
 */
export function normalizeAwsService(
  name: string,
  args: AwsCloudRunServiceArgs,
  account: pulumi.Input<string> = args.ctx.accountId ?? "",
): AwsServiceSpec {
  const D = AWS_SERVICE_DEFAULTS;
  const p: string[] = [];
  if (typeof args.image === "string" && !IMAGE.test(args.image))
    p.push(
      `image must be an ECR image with a tag or digest (<account>.dkr.ecr.<region>.amazonaws.com/<repo>:<tag>), got ${show(args.image)}`,
    );
  const memory = args.memory ?? D.memory;
  const memoryMb = lambdaMemoryMb(args.cpu, memory);
  if (memoryMb === undefined)
    p.push(
      `cpu ${show(args.cpu)} with memory ${show(memory)} does not fit Lambda: 128–10240 MB, 1 vCPU per 1769 MB (at most 6 vCPU)`,
    );
  const minInstances = args.minInstances ?? D.minInstances;
  const maxInstances = args.maxInstances ?? Math.max(D.maxInstances, minInstances);
  const int = (f: string, v: number, lo: number, hi: number) => {
    if (!Number.isInteger(v) || v < lo || v > hi)
      p.push(`${f} must be an integer ${lo}–${hi}, got ${show(v)}`);
  };
  int("minInstances", minInstances, 0, 1000);
  int("maxInstances", maxInstances, 1, 1000);
  if (minInstances > maxInstances)
    p.push(`minInstances (${minInstances}) must not exceed maxInstances (${maxInstances})`);
  const timeoutSeconds = args.timeoutSeconds ?? D.timeoutSeconds;
  if (
    !Number.isInteger(timeoutSeconds) ||
    timeoutSeconds < 1 ||
    timeoutSeconds > LAMBDA_LIMITS.maxTimeoutSeconds
  )
    p.push(`timeoutSeconds must be 1–900 (Lambda's limit), got ${show(timeoutSeconds)}`);
  const architecture = args.architecture ?? D.architecture;
  if (architecture !== "arm64" && architecture !== "x86_64")
    p.push(`architecture must be arm64 | x86_64, got ${show(architecture)}`);
  (args.invokers ?? []).forEach((m, i) => {
    if (typeof m === "string" && !ROLE_ARN.test(m))
      p.push(
        `invokers[${i}] must be an IAM role or user ARN (public access is public: true), got ${show(m)}`,
      );
  });
  if (args.canary) {
    const c = args.canary;
    if (!Number.isInteger(c.percent) || c.percent < 1 || c.percent > 99)
      p.push(`canary.percent must be an integer 1–99, got ${show(c.percent)}`);
    if (!/^[1-9]\d*$/.test(c.stableVersion))
      p.push(
        `canary.stableVersion must be a published version number such as "12", got ${show(c.stableVersion)}`,
      );
  }
  const owner = new Map<string, string>();
  const env: { name: string; value: pulumi.Input<string> }[] = [];
  const claim = (envName: string, by: string, field: string, value: pulumi.Input<string>) => {
    if (!ENV_NAME.test(envName))
      p.push(
        `${field}: env names must be letters, digits and '_' starting with a letter, got ${show(envName)}`,
      );
    else if (
      (LAMBDA_RESERVED_ENV as readonly string[]).includes(envName) ||
      envName.startsWith("AWS_LAMBDA_")
    )
      p.push(`${field}: ${envName} is reserved by Lambda; choose another name`);
    const prev = owner.get(envName);
    if (prev !== undefined) p.push(`${field}: env ${envName} is already set by ${prev}`);
    else owner.set(envName, by);
    env.push({ name: envName, value });
  };
  for (const [k, v] of Object.entries(args.env ?? {})) {
    if (typeof v === "string" && SECRET_LIKE.test(k) && !/_(ARN|ID)$/.test(k))
      p.push(
        `env.${k} looks like a secret value; Lambda env vars are readable by anyone who can read the function: put it in Secrets Manager and list it under secrets`,
      );
    claim(k, "env", `env.${k}`, v);
  }
  const secretArns: pulumi.Input<string>[] = [];
  const region = args.ctx.region;
  for (const [k, ref] of Object.entries(args.secrets ?? {})) {
    if (!SECRET_REF.test(ref))
      p.push(`secrets.${k} must be a Secrets Manager secret ARN or name, got ${show(ref)}`);
    // A name matches its ARN's random 6-character suffix exactly with `-??????` (AWS's documented form).
    // The SDK is required here, not imported: the config schema loads this file's limits in
    // processes that create no resource (cost, review), which need not load the SDK.
    const arn = ref.startsWith("arn:")
      ? ref
      : // eslint-disable-next-line @typescript-eslint/no-require-imports
        (require("@pulumi/pulumi") as typeof pulumi)
          .interpolate`arn:aws:secretsmanager:${region}:${account}:secret:${ref}-??????`;
    claim(`${k}_SECRET_ID`, "secrets", `secrets.${k}`, ref);
    secretArns.push(arn);
  }
  const kmsKeys: pulumi.Input<string>[] = [];
  const kmsSigningKeys: pulumi.Input<string>[] = [];
  const statements: NonNullable<Link["statements"]>[number][] = [];
  const privateEndpoints: PrivateEndpoint[] = [];
  (args.link ?? []).forEach((linkable, i) => {
    const link = linkable.getLink();
    const at = `link[${i}]`;
    for (const [k, v] of Object.entries(link.env ?? {})) claim(k, at, `${at}.env.${k}`, v);
    for (const [k, v] of Object.entries(link.secretEnv ?? {}))
      claim(`${k}_SECRET_ID`, at, `${at}.secretEnv.${k}`, v);
    secretArns.push(...linkSecretIds(link));
    kmsKeys.push(...(link.kmsKeys ?? []));
    kmsSigningKeys.push(...(link.kmsSigningKeys ?? []));
    statements.push(...(link.statements ?? []));
    privateEndpoints.push(...(link.privateEndpoints ?? []));
    if ((link.privateEndpoints ?? []).length > 0 && args.network === undefined)
      p.push(
        `${at} reaches a private endpoint (${link.privateEndpoints!.map((e) => e.name).join(", ")}): set network (VPC and private subnets)`,
      );
  });
  const retention = args.logRetentionDays ?? D.logRetentionDays[args.ctx.profile];
  if (p.length > 0) throw new PlatformError(`CloudRunService '${name}': ${p.join("; ")}`);
  return {
    functionName: physicalName([args.ctx.app, args.ctx.env, name], { maxLength: 64 }),
    memoryMb: memoryMb!,
    architecture,
    minInstances,
    maxInstances,
    timeoutSeconds,
    public: args.public ?? D.public,
    invokers: args.invokers ?? [],
    env: env.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    secretArns,
    kmsKeys,
    kmsSigningKeys,
    statements,
    privateEndpoints,
    ...(args.canary ? { canary: args.canary } : {}),
    logRetentionDays: retention,
    tracing: args.tracing ?? D.tracing,
  };
}
