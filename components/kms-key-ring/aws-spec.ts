import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import type { AwsContext } from "../shared/context";
import { PlatformError, show } from "../shared/errors";
import type { Transform } from "../shared/transform";
import { KeyPurpose } from "./spec";

/**
 * AWS KMS rules of the KmsKeyRing concept (pure). AWS has no key ring: a ring is N keys with
 * aliases under `alias/<app>-<env>-…` and the same tags.
 */

/** Key spec and usage per purpose: symmetric AES-256, Ed25519 signatures, HMAC-SHA256. */
export const AWS_KEY_SPEC_BY_PURPOSE = {
  ENCRYPT_DECRYPT: { customerMasterKeySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT" },
  ASYMMETRIC_SIGN: { customerMasterKeySpec: "ECC_NIST_EDWARDS25519", keyUsage: "SIGN_VERIFY" },
  MAC: { customerMasterKeySpec: "HMAC_256", keyUsage: "GENERATE_VERIFY_MAC" },
} as const satisfies Record<KeyPurpose, { customerMasterKeySpec: string; keyUsage: string }>;

/** AWS's rotation range for symmetric keys (EnableKeyRotation `RotationPeriodInDays`). */
export const AWS_ROTATION_RANGE = { min: 90, max: 2560 } as const;
/** The platform requires rotation ≤ 90 days; on AWS that leaves exactly one value. */
export const AWS_ROTATION_DAYS = 90;

/**
 * AWS services that use a key on behalf of a caller in this account (`kms:ViaService`), e.g. RDS
 * encrypting storage for the principal that creates the instance.
 */
export const ViaService = {
  rds: "rds",
  elasticache: "elasticache",
  secretsmanager: "secretsmanager",
  lambda: "lambda",
  sns: "sns",
} as const;
/** A service that uses the key through `kms:ViaService`. */
export type ViaService = (typeof ViaService)[keyof typeof ViaService];

/** Service principals that use the key themselves (CloudWatch Logs, CloudTrail, SNS publishers). */
export const ServicePrincipal = {
  logs: "logs",
  cloudtrail: "cloudtrail",
  budgets: "budgets",
  cloudwatch: "cloudwatch",
} as const;
/** A service principal that may use the key. */
export type ServicePrincipal = (typeof ServicePrincipal)[keyof typeof ServicePrincipal];

/** One key of an AWS ring. */
export interface AwsKeySpecArgs {
  /** @default "ENCRYPT_DECRYPT" */
  readonly purpose?: KeyPurpose;
  /** Symmetric keys only; must be 90 (see {@link AWS_ROTATION_DAYS}). @default 90 */
  readonly rotationDays?: number;
  /** Days between ScheduleKeyDeletion and deletion, 7–30. @default the ring's (30) */
  readonly deletionWindowDays?: number;
  /** Services that may use the key for callers in this account (`kms:ViaService`). @default [] */
  readonly viaServices?: readonly ViaService[];
  /** Service principals that may use the key themselves (scoped to this account). @default [] */
  readonly servicePrincipals?: readonly ServicePrincipal[];
  /**
   * Existing principal ARNs named in the key policy, per use: `encrypt` (Encrypt, Decrypt,
   * GenerateDataKey), `sign` (Sign, Verify, GetPublicKey), `publicKey` (GetPublicKey). Services
   * created in the same program get KMS grants from their own component instead. @default {}
   */
  readonly consumers?: Partial<Record<"encrypt" | "sign" | "publicKey", readonly pulumi.Input<string>[]>>;
}

/**
 * Arguments of {@link AwsKmsKeyRing}.
 *
 * @example
 * ```ts
 * const args: AwsKmsKeyRingArgs = { ctx, keys: { data: { viaServices: ["rds", "secretsmanager"], servicePrincipals: ["logs"] }, signing: { purpose: "ASYMMETRIC_SIGN" } } };
 * ```
 */
export interface AwsKmsKeyRingArgs {
  readonly ctx: AwsContext;
  /** Keys by short name (lowercase). */
  readonly keys: Readonly<Record<string, AwsKeySpecArgs>>;
  /** Rotation of symmetric keys; AWS allows 90–2560, the platform ≤ 90, so exactly 90. @default 90 */
  readonly rotationDays?: number;
  /** Deletion waiting period, 7–30 days. @default 30 */
  readonly deletionWindowDays?: number;
  /** Principals allowed to administer (not use) the keys. @default the account root, i.e. IAM decides */
  readonly administrators?: readonly pulumi.Input<string>[];
  /**
   * CloudHSM custom key store id (`cks-…`): single-tenant HSMs instead of KMS's own HSMs. Symmetric
   * keys only, no automatic rotation, a CloudHSM cluster billed separately. @default none (KMS-managed HSMs)
   */
  readonly customKeyStoreId?: string;
  /** Multi-Region primary keys. @default false */
  readonly multiRegion?: boolean;
  /** Pulumi `protect` on the keys. @default true */
  readonly protect?: boolean;
  readonly transform?: { key?: Transform<aws.kms.KeyArgs>; alias?: Transform<aws.kms.AliasArgs> };
}

/** Defaults of {@link AwsKmsKeyRingArgs}. */
export const AWS_KMS_DEFAULTS = {
  rotationDays: AWS_ROTATION_DAYS,
  deletionWindowDays: 30,
  protect: true,
  multiRegion: false,
  purpose: KeyPurpose.ENCRYPT_DECRYPT,
} as const;

/** One AWS key with defaults applied. */
export interface AwsKeySpec {
  readonly name: string;
  readonly purpose: KeyPurpose;
  readonly customerMasterKeySpec: string;
  readonly keyUsage: string;
  /** Undefined when the key cannot rotate automatically (asymmetric, HMAC, custom key store). */
  readonly rotationDays?: number;
  readonly deletionWindowDays: number;
  readonly viaServices: readonly ViaService[];
  readonly servicePrincipals: readonly ServicePrincipal[];
  readonly consumers: Partial<Record<"encrypt" | "sign" | "publicKey", readonly pulumi.Input<string>[]>>;
}

/**
 * Rotation on AWS: exactly 90 days (AWS allows 90–2560; the platform's rule is ≤ 90).
 *
 * @example
 * ```ts
 * validateAwsRotationDays("rotationDays", 30);
 * // ["rotationDays must be 90 on AWS: AWS allows 90–2560 days and the platform requires ≤ 90, got 30"]
 * ```
 */
export function validateAwsRotationDays(field: string, days: unknown): string[] {
  return days === AWS_ROTATION_DAYS
    ? []
    : [
        `${field} must be ${AWS_ROTATION_DAYS} on AWS: AWS allows ${AWS_ROTATION_RANGE.min}–${AWS_ROTATION_RANGE.max} days and the platform requires ≤ 90, got ${show(days)}`,
      ];
}

/**
 * Principal ARNs named in a key policy: IAM roles, users or the account root; never `*`.
 *
 * @example
 * ```ts
 * validatePrincipalArns("consumers.encrypt", ["*"]); // ["consumers.encrypt: \"*\" would let any AWS account use the key; …"]
 * ```
 */
export function validatePrincipalArns(field: string, arns: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const a of arns) {
    if (typeof a !== "string") continue; // an Output: checked again by the guards at preview
    if (a === "*") out.push(`${field}: "*" would let any AWS account use the key; name IAM role ARNs`);
    else if (!/^arn:aws[a-z-]*:iam::\d{12}:(root|role\/.+|user\/.+)$/.test(a))
      out.push(
        `${field}: must be an IAM role, user or root ARN (arn:aws:iam::<account>:role/…), got ${show(a)}`,
      );
  }
  return out;
}

/**
 * Applies defaults and validates every key; throws one {@link PlatformError} listing every problem.
 *
 * @example
 * ```ts
 * normalizeAwsKeys("kms", { keys: { signing: { purpose: "ASYMMETRIC_SIGN", rotationDays: 90 } } });
 * // PlatformError: KmsKeyRing 'kms': keys.signing.rotationDays: AWS cannot rotate ASYMMETRIC_SIGN keys …
 * ```
 */
export function normalizeAwsKeys(
  name: string,
  args: Omit<AwsKmsKeyRingArgs, "ctx" | "transform" | "protect" | "multiRegion">,
): AwsKeySpec[] {
  const p: string[] = [];
  const ringRotation = args.rotationDays ?? AWS_KMS_DEFAULTS.rotationDays;
  p.push(...validateAwsRotationDays("rotationDays", ringRotation));
  const ringWindow = args.deletionWindowDays ?? AWS_KMS_DEFAULTS.deletionWindowDays;
  p.push(...windowProblems("deletionWindowDays", ringWindow));
  p.push(...validatePrincipalArns("administrators", args.administrators ?? []));
  const cks = args.customKeyStoreId;
  if (cks !== undefined && !/^cks-[a-z0-9]{17}$/.test(cks))
    p.push(`customKeyStoreId must be a custom key store id such as cks-1234567890abcdef0, got ${show(cks)}`);
  const names = Object.keys(args.keys);
  if (names.length === 0) p.push("keys must name at least one key");
  const specs: AwsKeySpec[] = [];
  for (const keyName of names) {
    const k = args.keys[keyName]!;
    const at = `keys.${keyName}`;
    if (!/^[a-z][a-z0-9-]{0,30}$/.test(keyName))
      p.push(`${at}: key names must be lowercase letters, digits or '-' (≤ 31), got ${show(keyName)}`);
    const purpose = k.purpose ?? AWS_KMS_DEFAULTS.purpose;
    if (!Object.values(KeyPurpose).includes(purpose)) {
      p.push(`${at}.purpose must be one of ${Object.values(KeyPurpose).join(" | ")}, got ${show(purpose)}`);
      continue;
    }
    const symmetric = purpose === KeyPurpose.ENCRYPT_DECRYPT;
    if (!symmetric && k.rotationDays !== undefined)
      p.push(
        `${at}.rotationDays: AWS cannot rotate ${purpose} keys automatically; remove rotationDays and rotate by creating a new key and moving the alias`,
      );
    if (symmetric && k.rotationDays !== undefined)
      p.push(...validateAwsRotationDays(`${at}.rotationDays`, k.rotationDays));
    if (cks !== undefined && !symmetric)
      p.push(`${at}.purpose: a CloudHSM custom key store holds symmetric keys only, got ${purpose}`);
    const window = k.deletionWindowDays ?? ringWindow;
    if (k.deletionWindowDays !== undefined) p.push(...windowProblems(`${at}.deletionWindowDays`, window));
    for (const s of k.viaServices ?? [])
      if (!Object.values(ViaService).includes(s))
        p.push(`${at}.viaServices: unknown ${show(s)}; allowed: ${Object.values(ViaService).join(", ")}`);
    for (const s of k.servicePrincipals ?? [])
      if (!Object.values(ServicePrincipal).includes(s))
        p.push(
          `${at}.servicePrincipals: unknown ${show(s)}; allowed: ${Object.values(ServicePrincipal).join(", ")}`,
        );
    if (!symmetric && ((k.viaServices ?? []).length > 0 || (k.servicePrincipals ?? []).length > 0))
      p.push(`${at}: services encrypt with ENCRYPT_DECRYPT keys only, this one is ${purpose}`);
    const consumers = k.consumers ?? {};
    for (const [use, arns] of Object.entries(consumers)) {
      const allowed = symmetric
        ? ["encrypt"]
        : purpose === KeyPurpose.ASYMMETRIC_SIGN
          ? ["sign", "publicKey"]
          : [];
      if (!allowed.includes(use))
        p.push(
          `${at}.consumers.${use} does not apply to ${purpose} keys; allowed: ${allowed.join(", ") || "none"}`,
        );
      p.push(...validatePrincipalArns(`${at}.consumers.${use}`, arns ?? []));
    }
    specs.push({
      name: keyName,
      purpose,
      ...AWS_KEY_SPEC_BY_PURPOSE[purpose],
      ...(symmetric && cks === undefined ? { rotationDays: k.rotationDays ?? ringRotation } : {}),
      deletionWindowDays: window,
      viaServices: k.viaServices ?? [],
      servicePrincipals: k.servicePrincipals ?? [],
      consumers,
    });
  }
  if (p.length > 0) throw new PlatformError(`KmsKeyRing '${name}': ${p.join("; ")}`);
  return specs;
}

function windowProblems(field: string, v: unknown): string[] {
  return Number.isInteger(v) && (v as number) >= 7 && (v as number) <= 30
    ? []
    : [`${field} must be 7–30 days (KMS's deletion waiting period), got ${show(v)}`];
}
