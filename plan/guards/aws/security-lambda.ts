/**
 * Lambda rules: concurrency limit, tracing, environment encryption and no secrets in it, Function
 * URL auth, restricted permissions, supported runtimes; DLQ, VPC and code signing as advisories.
 */
import { PUBLIC_LABEL } from "../../../components/shared/labels";
import { SECRET, SECRET_TEXT, Severity } from "../../model";
import {
  Category,
  Level,
  Scope,
  expectValue,
  unverified,
  type GuardContext,
  type GuardResource,
  type ResourceRule,
  type RuleHit,
} from "../types";
import { isOpaque, matchesUrn, read, valueAt } from "../values";
import { AWS, label } from "./tokens";

const base = { scope: Scope.resource, category: Category.security } as const;
const FN = [AWS.lambdaFunction] as const;

/** True for container-image functions (no runtime to deprecate, no code signing). */
const isImage = (r: GuardResource) => valueAt(r.inputs, "packageType") === "Image";

/**
 * Runtimes Lambda has deprecated (no security patches; creating functions on them is blocked).
 *
 * @example
 * ```ts
 * (DEPRECATED_RUNTIMES as readonly string[]).includes("go1.x"); // true
 * ```
 */
export const DEPRECATED_RUNTIMES = [
  "nodejs",
  "nodejs4.3",
  "nodejs6.10",
  "nodejs8.10",
  "nodejs10.x",
  "nodejs12.x",
  "nodejs14.x",
  "nodejs16.x",
  "python2.7",
  "python3.6",
  "python3.7",
  "python3.8",
  "java8",
  "go1.x",
  "dotnetcore1.0",
  "dotnetcore2.0",
  "dotnetcore2.1",
  "dotnetcore3.1",
  "dotnet5.0",
  "dotnet6",
  "ruby2.5",
  "ruby2.7",
] as const;

/** Environment variable names that usually hold a credential. */
const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL|AUTH)/i;
/** Values that are references, not credentials (ARNs, Secrets Manager / SSM names). */
const REFERENCE = /^(arn:aws[a-z-]*:|\/aws\/reference\/|\{\{resolve:)/;
/** AWS access key ids. */
const ACCESS_KEY = /\b(AKIA|ASIA)[A-Z0-9]{16}\b/;

/**
 * Returns the reason an environment variable looks like a hard-coded secret, or `undefined` when it
 * looks safe.
 * References pass: ARN and Secrets Manager / SSM values, and names ending in `_ARN`, `_NAME`, `_ID`,
 * `_URL`, `_ENDPOINT`, `_HOST` or `_REGION`.
 *
 * @example
 * ```ts
 * secretInEnv("DB_PASSWORD", "hunter2"); // "its name says it holds a credential"
 * secretInEnv("DB_SECRET_ARN", "arn:aws:secretsmanager:…"); // undefined
 * ```
 */
export function secretInEnv(name: string, value: unknown): string | undefined {
  if (value === SECRET || value === SECRET_TEXT)
    return "its value is a secret output (it would be stored in the function configuration in plain text)";
  // Unknown until apply (an ARN output, say): nothing to judge.
  if (isOpaque(value) || typeof value !== "string" || value === "") return undefined;
  if (ACCESS_KEY.test(value)) return "its value is an AWS access key id";
  if (REFERENCE.test(value) || /_(ARN|NAME|ID|URL|ENDPOINT|HOST|REGION)$/i.test(name)) return undefined;
  return SECRET_NAME.test(name) ? "its name says it holds a credential" : undefined;
}

/** A function (or its URL/permission) that is public on purpose: listed or tagged exposure=public. */
function publicOnPurpose(r: GuardResource, ctx: Pick<GuardContext, "publicServices" | "resources">): boolean {
  if (matchesUrn(r.urn, ctx.publicServices)) return true;
  const fns = ctx.resources.filter(
    (x) =>
      x.type === AWS.lambdaFunction && (x.urn === r.urn || (x.parent !== undefined && x.parent === r.parent)),
  );
  return fns.some(
    (f) =>
      matchesUrn(f.urn, ctx.publicServices) ||
      valueAt(f.inputs, `tags.${PUBLIC_LABEL.key}`) === PUBLIC_LABEL.value,
  );
}

/**
 * CKV_AWS_115: a function-level concurrency limit (the component's max instances).
 *
 * @example
 * ```ts
 * LAMBDA_CONCURRENCY_LIMIT.check(fn, ctx);
 * ```
 */
export const LAMBDA_CONCURRENCY_LIMIT: ResourceRule = {
  ...base,
  id: "aws/lambda-concurrency-limit",
  refs: ["CKV_AWS_115"],
  level: Level.L1,
  severity: Severity.medium,
  description:
    "Lambda functions reserve a concurrency limit (reservedConcurrentExecutions ≥ 0), so one function cannot exhaust the account's pool or the database.",
  remediation: "Set reservedConcurrentExecutions (CloudRunService maxInstances).",
  appliesTo: FN,
  check(r) {
    return expectValue(
      r.inputs,
      "reservedConcurrentExecutions",
      (v) => typeof v === "number" && v >= 0,
      (got) =>
        `${label(r)}: reservedConcurrentExecutions is ${got === "(unset)" ? "unset (unreserved)" : got}; set the service's max instances.`,
    );
  },
};

/**
 * CKV_AWS_116: a dead-letter queue. Advisory: Function URL invocations are synchronous and never
 * reach a DLQ; it matters only for asynchronous event sources.
 *
 * @example
 * ```ts
 * LAMBDA_DLQ.check(fn, ctx);
 * ```
 */
export const LAMBDA_DLQ: ResourceRule = {
  ...base,
  id: "aws/lambda-dlq",
  refs: ["CKV_AWS_116"],
  level: Level.L2,
  advisoryOnly: true,
  severity: Severity.low,
  description:
    "Lambda functions invoked asynchronously have a dead-letter target (deadLetterConfig.targetArn).",
  remediation: "Set deadLetterConfig.targetArn to an SQS queue or SNS topic (or an on-failure destination).",
  appliesTo: FN,
  check(r) {
    return expectValue(
      r.inputs,
      "deadLetterConfig.targetArn",
      (v) => typeof v === "string" && v.length > 0,
      () => `${label(r)}: no dead-letter target; failed asynchronous events are dropped after the retries.`,
    );
  },
};

/**
 * CKV_AWS_117: inside a VPC. Advisory (the reference calls it noisy for Function-URL functions):
 * the platform attaches a VPC only when the function links to private resources.
 *
 * @example
 * ```ts
 * LAMBDA_IN_VPC.check(fn, ctx);
 * ```
 */
export const LAMBDA_IN_VPC: ResourceRule = {
  ...base,
  id: "aws/lambda-in-vpc",
  refs: ["CKV_AWS_117"],
  level: Level.L2,
  advisoryOnly: true,
  severity: Severity.low,
  description:
    "Lambda functions run inside the platform VPC (vpcConfig.subnetIds) when they reach private resources.",
  remediation: "Set vpcConfig with the private subnets and the service security group.",
  appliesTo: FN,
  check(r) {
    return expectValue(
      r.inputs,
      "vpcConfig.subnetIds",
      (v) => Array.isArray(v) && v.length > 0,
      () => `${label(r)}: not attached to a VPC.`,
    );
  },
};

/**
 * CKV_AWS_173: environment variables encrypted with a customer-managed key.
 *
 * @example
 * ```ts
 * LAMBDA_ENV_KMS.check(fn, ctx);
 * ```
 */
export const LAMBDA_ENV_KMS: ResourceRule = {
  ...base,
  id: "aws/lambda-env-kms",
  refs: ["CKV_AWS_173"],
  level: Level.L1,
  severity: Severity.medium,
  description:
    "Lambda functions with environment variables encrypt them with a customer-managed key (kmsKeyArn).",
  remediation: "Set kmsKeyArn to the KmsKeyRing key.",
  appliesTo: FN,
  check(r) {
    const vars = read(r.inputs, "environment.variables");
    if (vars.kind === "opaque") return [unverified(vars.path)];
    if (vars.kind !== "set" || Object.keys(vars.value as object).length === 0) return [];
    return expectValue(
      r.inputs,
      "kmsKeyArn",
      (v) => typeof v === "string" && v.length > 0,
      () => `${label(r)}: environment variables are encrypted with the AWS-managed key; set kmsKeyArn.`,
    );
  },
};

/**
 * CKV_AWS_45 (and the spirit of AVD-AWS-0036): no secret values in environment variables; pass
 * the secret's ARN and read it at runtime.
 *
 * @example
 * ```ts
 * LAMBDA_NO_SECRETS_IN_ENV.check(fn, ctx);
 * ```
 */
export const LAMBDA_NO_SECRETS_IN_ENV: ResourceRule = {
  ...base,
  id: "aws/lambda-no-secrets-in-env",
  refs: ["CKV_AWS_45", "AVD-AWS-0036"],
  level: Level.L1,
  critical: true,
  severity: Severity.critical,
  description:
    "Lambda environment variables hold no secret values (anyone with lambda:GetFunctionConfiguration reads them); secrets are read by ARN at runtime.",
  remediation:
    "Pass the secret's ARN (e.g. DB_SECRET_ARN) and read it with the SDK or the Parameters and Secrets extension.",
  appliesTo: FN,
  check(r) {
    const vars = read(r.inputs, "environment.variables");
    if (vars.kind !== "set" || typeof vars.value !== "object") return [];
    const hits: RuleHit[] = [];
    for (const [name, value] of Object.entries(vars.value as Record<string, unknown>)) {
      const why = secretInEnv(name, value);
      if (why)
        hits.push({
          message: `${label(r)}: environment variable ${name} looks like a secret (${why}); pass an ARN and read the value at runtime.`,
        });
    }
    return hits;
  },
};

/**
 * CKV_AWS_50 / AVD-AWS-0066: X-Ray active tracing.
 *
 * @example
 * ```ts
 * LAMBDA_TRACING.check(fn, ctx);
 * ```
 */
export const LAMBDA_TRACING: ResourceRule = {
  ...base,
  id: "aws/lambda-tracing",
  refs: ["CKV_AWS_50", "AVD-AWS-0066"],
  level: Level.L1,
  severity: Severity.low,
  description: 'Lambda functions trace with X-Ray (tracingConfig.mode "Active").',
  remediation: 'Set tracingConfig: { mode: "Active" } and allow xray:PutTraceSegments in the role.',
  appliesTo: FN,
  check(r) {
    return expectValue(
      r.inputs,
      "tracingConfig.mode",
      (v) => v === "Active",
      (got) =>
        `${label(r)}: tracingConfig.mode is ${got === "(unset)" ? "unset (PassThrough)" : got}; set "Active".`,
    );
  },
};

/**
 * CKV_AWS_272: code signing (advisory; not applicable to container images, which Lambda cannot sign).
 *
 * @example
 * ```ts
 * LAMBDA_CODE_SIGNING.check(fn, ctx);
 * ```
 */
export const LAMBDA_CODE_SIGNING: ResourceRule = {
  ...base,
  id: "aws/lambda-code-signing",
  refs: ["CKV_AWS_272"],
  level: Level.L2,
  advisoryOnly: true,
  severity: Severity.low,
  description:
    "Zip-packaged Lambda functions validate code signatures (codeSigningConfigArn); container images are verified through ECR instead.",
  remediation: "Create a lambda.CodeSigningConfig with a Signer profile and pass codeSigningConfigArn.",
  appliesTo: FN,
  check(r) {
    if (isImage(r)) return [];
    return expectValue(
      r.inputs,
      "codeSigningConfigArn",
      (v) => typeof v === "string" && v.length > 0,
      () => `${label(r)}: code signatures are not validated.`,
    );
  },
};

/**
 * CKV_AWS_363: the runtime is not deprecated (container images have no managed runtime).
 *
 * @example
 * ```ts
 * LAMBDA_RUNTIME.check(fn, ctx);
 * ```
 */
export const LAMBDA_RUNTIME: ResourceRule = {
  ...base,
  id: "aws/lambda-runtime-supported",
  refs: ["CKV_AWS_363"],
  level: Level.L1,
  severity: Severity.medium,
  description: "Zip-packaged Lambda functions use a runtime Lambda still patches.",
  remediation: "Move to a current runtime (nodejs22.x, python3.13, provided.al2023 for Go…).",
  appliesTo: FN,
  check(r) {
    if (isImage(r)) return [];
    return expectValue(
      r.inputs,
      "runtime",
      (v) => !(DEPRECATED_RUNTIMES as readonly unknown[]).includes(v),
      (got) => `${label(r)}: runtime ${got} is deprecated (no security patches).`,
    );
  },
};

/**
 * CKV_AWS_258: Function URLs require IAM auth, unless the service is public on purpose (tagged
 * `exposure: public` or listed in publicServices), which is advisory.
 *
 * @example
 * ```ts
 * LAMBDA_URL_AUTH.check(url, ctx);
 * ```
 */
export const LAMBDA_URL_AUTH: ResourceRule = {
  ...base,
  id: "aws/lambda-url-auth",
  refs: ["CKV_AWS_258"],
  level: Level.L1,
  critical: true,
  severity: Severity.high,
  description:
    'Lambda Function URLs use authorizationType "AWS_IAM", unless the service is public on purpose (advisory then).',
  remediation:
    'Set authorizationType: "AWS_IAM" (CloudRunService public: false), or tag the function exposure=public to make it public on purpose.',
  appliesTo: [AWS.lambdaUrl],
  check(r, ctx) {
    const auth = read(r.inputs, "authorizationType");
    if (auth.kind === "opaque") return [unverified(auth.path)];
    if (auth.kind === "set" && auth.value === "AWS_IAM") return [];
    const advisory = publicOnPurpose(r, ctx);
    return [
      {
        message: `${label(r)}: authorizationType is ${auth.kind === "set" ? JSON.stringify(auth.value) : "unset"}: anyone on the internet can invoke the function${advisory ? " (public on purpose)" : '; set "AWS_IAM"'}.`,
        ...(advisory ? { advisory: true } : {}),
      },
    ];
  },
};

/**
 * CKV_AWS_301 / CKV_AWS_364 / AVD-AWS-0067: permissions are not public, and service principals
 * are limited by sourceArn or sourceAccount.
 *
 * @example
 * ```ts
 * LAMBDA_PERMISSION_RESTRICTED.check(permission, ctx);
 * ```
 */
export const LAMBDA_PERMISSION_RESTRICTED: ResourceRule = {
  ...base,
  id: "aws/lambda-permission-restricted",
  refs: ["CKV_AWS_301", "CKV_AWS_364", "AVD-AWS-0067"],
  level: Level.L1,
  critical: true,
  severity: Severity.high,
  description:
    'Lambda permissions do not grant Principal "*" (except a public Function URL on purpose), and AWS service principals name a sourceArn or sourceAccount.',
  remediation: "Grant a named role or account; for service principals set sourceArn (and sourceAccount).",
  appliesTo: [AWS.lambdaPermission],
  check(r, ctx) {
    const principal = read(r.inputs, "principal");
    if (principal.kind === "opaque") return [unverified(principal.path)];
    if (principal.kind !== "set" || typeof principal.value !== "string") return [];
    const p = principal.value;
    if (p === "*") {
      // A public URL needs two grants: lambda:InvokeFunctionUrl (functionUrlAuthType NONE) and
      // lambda:InvokeFunction limited to calls through the URL (invokedViaFunctionUrl).
      const viaUrl =
        valueAt(r.inputs, "functionUrlAuthType") === "NONE" ||
        (valueAt(r.inputs, "action") === "lambda:InvokeFunction" &&
          valueAt(r.inputs, "invokedViaFunctionUrl") === true);
      const urlPublic = viaUrl && publicOnPurpose(r, ctx);
      return [
        {
          message: `${label(r)}: principal "*" lets anyone invoke the function${urlPublic ? " (public Function URL on purpose)" : "; grant a named principal"}.`,
          ...(urlPublic ? { advisory: true } : {}),
        },
      ];
    }
    if (!p.endsWith(".amazonaws.com")) return [];
    const arn = read(r.inputs, "sourceArn");
    const account = read(r.inputs, "sourceAccount");
    if (arn.kind !== "absent" || account.kind !== "absent") return [];
    return [
      {
        message: `${label(r)}: service principal ${p} without sourceArn or sourceAccount: any account's ${p.split(".")[0]} resource can invoke the function (confused deputy). Set sourceArn.`,
      },
    ];
  },
};

/**
 * Every Lambda rule.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: AWS_LAMBDA_RULES });
 * ```
 */
export const AWS_LAMBDA_RULES: readonly ResourceRule[] = [
  LAMBDA_CONCURRENCY_LIMIT,
  LAMBDA_DLQ,
  LAMBDA_IN_VPC,
  LAMBDA_ENV_KMS,
  LAMBDA_NO_SECRETS_IN_ENV,
  LAMBDA_TRACING,
  LAMBDA_CODE_SIGNING,
  LAMBDA_RUNTIME,
  LAMBDA_URL_AUTH,
  LAMBDA_PERMISSION_RESTRICTED,
];
