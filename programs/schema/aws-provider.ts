import { hint } from "../../components/shared/errors";
import { MANAGED_BY } from "../../components/shared/labels";
import type { Profile } from "../../components/shared/profiles";
import { got } from "./fields";

/**
 * The `aws:*` provider keys of an AWS stack, checked before any engine call with the same
 * `path: must be …, got …` messages as the platform keys.
 */

/** Commercial AWS regions (the provider's `aws:region`). */
export const AWS_REGIONS = [
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
  "ca-central-1",
  "ca-west-1",
  "mx-central-1",
  "sa-east-1",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "eu-central-1",
  "eu-central-2",
  "eu-north-1",
  "eu-south-1",
  "eu-south-2",
  "il-central-1",
  "me-south-1",
  "me-central-1",
  "af-south-1",
  "ap-east-1",
  "ap-east-2",
  "ap-south-1",
  "ap-south-2",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-northeast-3",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-southeast-3",
  "ap-southeast-4",
  "ap-southeast-5",
  "ap-southeast-7",
] as const;
/** An AWS region. */
export type AwsRegion = (typeof AWS_REGIONS)[number];

/** Provider keys the platform validates; other `aws:*` keys the provider knows pass unchecked. */
export const AWS_PROVIDER_KEYS = [
  "aws:region",
  "aws:allowedAccountIds",
  "aws:forbiddenAccountIds",
  "aws:profile",
  "aws:defaultTags",
  "aws:assumeRoles",
  "aws:maxRetries",
  "aws:skipCredentialsValidation",
  "aws:skipRequestingAccountId",
  "aws:skipMetadataApiCheck",
  "aws:skipRegionValidation",
  "aws:accessKey",
  "aws:secretKey",
  "aws:token",
  // Known to the provider, passed through without checks.
  "aws:assumeRoleWithWebIdentity",
  "aws:customCaBundle",
  "aws:endpoints",
  "aws:ignoreTags",
  "aws:retryMode",
  "aws:sharedConfigFiles",
  "aws:sharedCredentialsFiles",
  "aws:stsRegion",
  "aws:useFipsEndpoint",
  "aws:useDualstackEndpoint",
  "aws:httpProxy",
  "aws:httpsProxy",
  "aws:noProxy",
  "aws:s3UsePathStyle",
] as const;

const ASSUME_ROLE_KEYS = [
  "roleArn",
  "sessionName",
  "externalId",
  "duration",
  "policy",
  "policyArns",
  "tags",
  "transitiveTagKeys",
  "sourceIdentity",
] as const;
const ACCOUNT = /^\d{12}$/;
const PLATFORM_TAG_KEYS = ["env", "app", "component", MANAGED_BY.key];

/** Resolved provider settings. */
export interface AwsProviderConfig {
  readonly region: string;
  readonly allowedAccountIds: readonly string[];
  /** The single allowed account, when the stack pins exactly one. */
  readonly accountId?: string;
}

type Issue = { path: string; message: string };

/**
 * Validates the `aws:*` keys of an AWS stack. Returns the issues and, when there are none, the
 * resolved settings.
 *
 * @example
 * ```ts
 * validateAwsProvider({ "aws:region": "us-east-l" }, "dev").issues;
 * // [{ path: "aws:region", message: 'must be an AWS region such as us-east-1 (did you mean "us-east-1"?), got "us-east-l"' }]
 * ```
 */
export function validateAwsProvider(
  values: Readonly<Record<string, unknown>>,
  profile: Profile,
): { issues: Issue[]; config?: AwsProviderConfig } {
  const issues: Issue[] = [];
  const push = (path: string, message: string) => issues.push({ path, message });
  for (const key of Object.keys(values)) {
    if (key.startsWith("aws:") && !(AWS_PROVIDER_KEYS as readonly string[]).includes(key))
      push(
        key,
        `unknown key${hint(key, AWS_PROVIDER_KEYS)}; the platform checks ${AWS_PROVIDER_KEYS.slice(0, 14).join(", ")}`,
      );
  }
  const region = values["aws:region"];
  if (region === undefined)
    push(
      "aws:region",
      "is required on cloud aws: the region every resource is created in, such as us-east-1",
    );
  else if (typeof region !== "string" || !(AWS_REGIONS as readonly string[]).includes(region))
    push(
      "aws:region",
      `must be an AWS region such as us-east-1${typeof region === "string" ? hint(region, AWS_REGIONS) : ""}, got ${got(region)}`,
    );

  const allowed = accountList("aws:allowedAccountIds", values["aws:allowedAccountIds"], issues);
  const forbidden = accountList("aws:forbiddenAccountIds", values["aws:forbiddenAccountIds"], issues);
  if (values["aws:allowedAccountIds"] === undefined && profile !== "dev")
    push(
      "aws:allowedAccountIds",
      `${profile} (aws) requires the account guard: list the one account this stack may deploy to, e.g. ["123456789012"]`,
    );
  if (allowed && forbidden)
    push(
      "aws:forbiddenAccountIds",
      "must not be set together with aws:allowedAccountIds (the provider accepts one or the other)",
    );

  const p = values["aws:profile"];
  if (p !== undefined && (typeof p !== "string" || !/^[A-Za-z0-9_.@+-]{1,64}$/.test(p)))
    push(
      "aws:profile",
      `must be a named profile from ~/.aws/config (letters, digits, _ . @ + -), got ${got(p)}`,
    );

  const tags = values["aws:defaultTags"];
  if (tags !== undefined) checkDefaultTags(tags, push);
  const roles = values["aws:assumeRoles"];
  if (roles !== undefined) checkAssumeRoles(roles, push);

  const retries = values["aws:maxRetries"];
  if (
    retries !== undefined &&
    !(Number.isInteger(retries) && (retries as number) >= 0 && (retries as number) <= 25)
  )
    push("aws:maxRetries", `must be an integer 0–25, got ${got(retries)}`);
  for (const k of [
    "aws:skipCredentialsValidation",
    "aws:skipRequestingAccountId",
    "aws:skipMetadataApiCheck",
    "aws:skipRegionValidation",
  ]) {
    const v = values[k];
    if (v !== undefined && typeof v !== "boolean") push(k, `must be true or false, got ${got(v)}`);
  }
  if (profile === "prod" && values["aws:skipCredentialsValidation"] === true)
    push(
      "aws:skipCredentialsValidation",
      "prod (aws) refuses true: the account guard needs the caller's identity",
    );
  for (const k of ["aws:accessKey", "aws:secretKey", "aws:token"]) {
    const v = values[k];
    if (typeof v === "string")
      push(
        k,
        "must not be stored in plain text in a stack file: use aws:profile, a role (aws:assumeRoles) or `pulumi config set --secret`",
      );
  }
  if (issues.length > 0) return { issues };
  return {
    issues,
    config: {
      region: region as string,
      allowedAccountIds: allowed ?? [],
      ...(allowed?.length === 1 ? { accountId: allowed[0]! } : {}),
    },
  };
}

function accountList(path: string, v: unknown, issues: Issue[]): string[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.length === 0) {
    issues.push({
      path,
      message: `must be a non-empty list of 12-digit account ids such as ["123456789012"], got ${got(v)}`,
    });
    return undefined;
  }
  const out: string[] = [];
  v.forEach((id, i) => {
    if (typeof id === "number")
      issues.push({
        path: `${path}[${i}]`,
        message: `must be a quoted string of 12 digits (YAML drops leading zeros from numbers), got ${got(id)}`,
      });
    else if (typeof id !== "string" || !ACCOUNT.test(id))
      issues.push({ path: `${path}[${i}]`, message: `must be a 12-digit AWS account id, got ${got(id)}` });
    else if (out.includes(id))
      issues.push({ path: `${path}[${i}]`, message: `must not repeat an account, got ${got(id)} twice` });
    else out.push(id);
  });
  return out;
}

function checkDefaultTags(v: unknown, push: (p: string, m: string) => void): void {
  if (typeof v !== "object" || v === null || Array.isArray(v)) {
    push("aws:defaultTags", `must be an object { tags: { key: value } }, got ${got(v)}`);
    return;
  }
  for (const k of Object.keys(v))
    if (k !== "tags") push(`aws:defaultTags.${k}`, `unknown key${hint(k, ["tags"])}; allowed: tags`);
  const tags = (v as { tags?: unknown }).tags;
  if (tags === undefined) return;
  if (typeof tags !== "object" || tags === null || Array.isArray(tags)) {
    push("aws:defaultTags.tags", `must be a map of tag key → value, got ${got(tags)}`);
    return;
  }
  for (const [k, val] of Object.entries(tags)) {
    if (PLATFORM_TAG_KEYS.includes(k))
      push(
        `aws:defaultTags.tags.${k}`,
        `is set by the platform on every resource (${PLATFORM_TAG_KEYS.join(", ")}); put extra tags in platform:environment.labels or choose another key`,
      );
    else if (typeof val !== "string" || val.length > 256)
      push(`aws:defaultTags.tags.${k}`, `must be a string of at most 256 characters, got ${got(val)}`);
    if (k.length > 128 || k.startsWith("aws:"))
      push(`aws:defaultTags.tags.${k}`, "tag keys are at most 128 characters and must not start with aws:");
  }
}

function checkAssumeRoles(v: unknown, push: (p: string, m: string) => void): void {
  if (!Array.isArray(v) || v.length === 0) {
    push(
      "aws:assumeRoles",
      `must be a non-empty list of { roleArn, sessionName?, externalId?, duration? }, got ${got(v)}`,
    );
    return;
  }
  v.forEach((r, i) => {
    const at = `aws:assumeRoles[${i}]`;
    if (typeof r !== "object" || r === null || Array.isArray(r)) {
      push(at, `must be an object { roleArn, … }, got ${got(r)}`);
      return;
    }
    const o = r as Record<string, unknown>;
    for (const k of Object.keys(o))
      if (!(ASSUME_ROLE_KEYS as readonly string[]).includes(k))
        push(
          `${at}.${k}`,
          `unknown key${hint(k, ASSUME_ROLE_KEYS)}; allowed: ${ASSUME_ROLE_KEYS.join(", ")}`,
        );
    if (o["roleArn"] === undefined)
      push(`${at}.roleArn`, "is required: the role to assume, arn:aws:iam::<account>:role/<name>");
    else if (
      typeof o["roleArn"] !== "string" ||
      !/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/.test(o["roleArn"])
    )
      push(
        `${at}.roleArn`,
        `must be an IAM role ARN such as arn:aws:iam::123456789012:role/deployer, got ${got(o["roleArn"])}`,
      );
    if (
      o["sessionName"] !== undefined &&
      (typeof o["sessionName"] !== "string" || !/^[\w+=,.@-]{2,64}$/.test(o["sessionName"]))
    )
      push(
        `${at}.sessionName`,
        `must be 2–64 characters of letters, digits and + = , . @ - _, got ${got(o["sessionName"])}`,
      );
    if (
      o["externalId"] !== undefined &&
      (typeof o["externalId"] !== "string" || !/^[\w+=,.@:/-]{2,1224}$/.test(o["externalId"]))
    )
      push(
        `${at}.externalId`,
        `must be 2–1224 characters of letters, digits and + = , . @ : / - _, got ${got(o["externalId"])}`,
      );
    if (o["duration"] !== undefined) {
      const m = typeof o["duration"] === "string" ? /^(\d+)(s|m|h)$/.exec(o["duration"]) : null;
      const secs = m ? Number(m[1]) * { s: 1, m: 60, h: 3600 }[m[2] as "s" | "m" | "h"] : NaN;
      if (!(secs >= 900 && secs <= 43_200))
        push(`${at}.duration`, `must be a duration 15m–12h such as "1h", got ${got(o["duration"])}`);
    }
    const arns = o["policyArns"];
    if (
      arns !== undefined &&
      (!Array.isArray(arns) ||
        arns.some((a) => typeof a !== "string" || !/^arn:aws[a-z-]*:iam::(aws|\d{12}):policy\/.+$/.test(a)))
    )
      push(`${at}.policyArns`, `must be a list of IAM policy ARNs, got ${got(arns)}`);
  });
}
