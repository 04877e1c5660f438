/**
 * AWS KMS and Secrets Manager rules: rotation (exactly 90 days on AWS), key policies without a
 * wildcard principal, enabled keys, protect, CMK-encrypted secrets and their rotation.
 */
import { Severity } from "../../model";
import {
  Category,
  Level,
  Scope,
  expectValue,
  unverified,
  type GuardResource,
  type ResourceRule,
  type RuleHit,
  type StackRule,
} from "../types";
import { read } from "../values";
import { AWS, label, policyStatements } from "./tokens";

const base = { scope: Scope.resource, category: Category.security } as const;

/**
 * The only rotation period that meets "rotate at least every 90 days" on AWS: KMS accepts 90–2560
 * days, so "≤ 90" means exactly 90.
 *
 * @example
 * ```ts
 * rotationPeriodInDays: AWS_ROTATION_DAYS
 * ```
 */
export const AWS_ROTATION_DAYS = 90;

/**
 * How a key's material can rotate: "auto" for symmetric encryption keys in the default key store,
 * "none" for asymmetric, HMAC, imported or custom-key-store keys (AWS cannot rotate them),
 * "opaque" when the spec is unknown.
 *
 * @example
 * ```ts
 * keyRotationKind({ inputs: { customerMasterKeySpec: "ECC_NIST_EDWARDS25519" } } as GuardResource); // "none"
 * ```
 */
export function keyRotationKind(r: Pick<GuardResource, "inputs">): "auto" | "none" | "opaque" {
  const spec = read(r.inputs, "customerMasterKeySpec");
  const usage = read(r.inputs, "keyUsage");
  if (spec.kind === "opaque" || usage.kind === "opaque") return "opaque";
  const symmetric = spec.kind === "absent" || spec.value === "SYMMETRIC_DEFAULT";
  const encrypt = usage.kind === "absent" || usage.value === "ENCRYPT_DECRYPT";
  const customStore = read(r.inputs, "customKeyStoreId").kind !== "absent";
  return symmetric && encrypt && !customStore ? "auto" : "none";
}

/**
 * CKV_AWS_7 / AVD-AWS-0065, with the platform's 90-day ceiling: symmetric keys rotate every 90 days.
 *
 * @example
 * ```ts
 * AWS_KMS_ROTATION.check(key, ctx);
 * ```
 */
export const AWS_KMS_ROTATION: ResourceRule = {
  ...base,
  id: "aws/kms-rotation",
  refs: ["CKV_AWS_7", "AVD-AWS-0065"],
  level: Level.L1,
  critical: true,
  severity: Severity.high,
  description:
    "Symmetric KMS keys rotate automatically every 90 days (enableKeyRotation, rotationPeriodInDays 90: AWS allows 90–2560, so ≤ 90 means exactly 90). Asymmetric keys (Ed25519 signing) cannot rotate: rotate them by creating a new key and moving the alias.",
  remediation: "Set enableKeyRotation: true and rotationPeriodInDays: 90 (the AWS default period is 365).",
  appliesTo: [AWS.kmsKey],
  check(r) {
    const kind = keyRotationKind(r);
    if (kind === "opaque") return [unverified("customerMasterKeySpec")];
    if (kind === "none") return [];
    const hits: RuleHit[] = expectValue(
      r.inputs,
      "enableKeyRotation",
      (v) => v === true,
      (got) =>
        `${label(r)}: enableKeyRotation is ${got === "(unset)" ? "unset (false)" : got}; the key never rotates. Set enableKeyRotation: true.`,
    );
    if (hits.length > 0) return hits;
    return expectValue(
      r.inputs,
      "rotationPeriodInDays",
      (v) => v === AWS_ROTATION_DAYS,
      (got) =>
        `${label(r)}: rotationPeriodInDays is ${got === "(unset)" ? "unset (365)" : got}; set 90 (AWS accepts 90–2560, so "rotate at least every 90 days" means exactly 90).`,
    );
  },
};

/**
 * CKV2_AWS_64: a key policy is defined (inline `policy` or a KeyPolicy resource for the key).
 *
 * @example
 * ```ts
 * AWS_KMS_KEY_POLICY.check(resources, ctx);
 * ```
 */
export const AWS_KMS_KEY_POLICY: StackRule = {
  scope: Scope.stack,
  category: Category.security,
  id: "aws/kms-key-policy",
  refs: ["CKV2_AWS_64"],
  level: Level.L1,
  severity: Severity.medium,
  description:
    "Every KMS key has an explicit key policy (least-privilege statements per consumer), not the default one.",
  remediation:
    "Pass policy on the key (or add a kms.KeyPolicy for it) granting each consumer only its operations.",
  appliesTo: [AWS.kmsKey, AWS.kmsKeyPolicy],
  check(resources) {
    const policies = resources.filter((r) => r.type === AWS.kmsKeyPolicy);
    const hits: RuleHit[] = [];
    for (const key of resources.filter((r) => r.type === AWS.kmsKey)) {
      const inline = read(key.inputs, "policy");
      if (inline.kind === "set" && inline.value !== "") continue;
      if (inline.kind === "opaque") {
        hits.push({ ...unverified("policy"), urn: key.urn });
        continue;
      }
      const near = policies.filter((p) => p.parent !== undefined && p.parent === key.parent);
      const ids = near.map((p) => read(p.inputs, "keyId"));
      if (ids.some((k) => k.kind === "set" && (k.value === key.name || String(k.value).includes(key.name))))
        continue;
      if (ids.some((k) => k.kind === "opaque")) {
        hits.push({ ...unverified("keyId", "the KeyPolicy's key"), urn: key.urn });
        continue;
      }
      hits.push({
        message: `${label(key)}: no key policy (inline policy unset and no KeyPolicy for it), so the default policy applies: every IAM principal allowed by IAM can use the key. Define a least-privilege policy.`,
        urn: key.urn,
        type: key.type,
      });
    }
    return hits;
  },
};

/**
 * CKV_AWS_33: no key-policy statement allows `*` as principal without a condition.
 *
 * @example
 * ```ts
 * AWS_KMS_NO_WILDCARD_PRINCIPAL.check(key, ctx);
 * ```
 */
export const AWS_KMS_NO_WILDCARD_PRINCIPAL: ResourceRule = {
  ...base,
  id: "aws/kms-no-wildcard-principal",
  refs: ["CKV_AWS_33"],
  level: Level.L1,
  critical: true,
  severity: Severity.critical,
  description: 'No KMS key policy statement allows Principal "*" (or AWS: "*") without a Condition.',
  remediation: "Name the account root, roles or service principals; scope service use with kms:ViaService.",
  appliesTo: [AWS.kmsKey, AWS.kmsKeyPolicy],
  check(r) {
    const statements = policyStatements(read(r.inputs, "policy"));
    if (statements === "opaque") return [unverified("policy")];
    if (!statements) return [];
    return statements
      .filter((s) => s.effect === "Allow" && s.principals.includes("*") && !s.conditions)
      .map((s) => ({
        message: `${label(r)}: a policy statement allows ${s.actions.join(", ") || "actions"} to Principal "*" without a Condition: anyone can use the key. Name the principals.`,
      }));
  },
};

/**
 * CKV_AWS_227: the key is enabled.
 *
 * @example
 * ```ts
 * AWS_KMS_KEY_ENABLED.check(key, ctx);
 * ```
 */
export const AWS_KMS_KEY_ENABLED: ResourceRule = {
  ...base,
  id: "aws/kms-key-enabled",
  refs: ["CKV_AWS_227"],
  level: Level.L1,
  severity: Severity.medium,
  description:
    "KMS keys are enabled (isEnabled not false): a disabled key breaks everything encrypted with it.",
  remediation: "Remove isEnabled: false (to retire a key, move its alias and schedule deletion instead).",
  appliesTo: [AWS.kmsKey],
  check(r) {
    return expectValue(
      r.inputs,
      "isEnabled",
      (v) => v !== false,
      () => `${label(r)}: isEnabled is false; every decrypt with this key fails.`,
    );
  },
};

/**
 * The AWS reading of CKV_GCP_82: keys carry Pulumi's `protect` (deletion is only scheduled, 7–30
 * days, but a program edit should not be able to start it).
 *
 * @example
 * ```ts
 * AWS_KMS_PREVENT_DESTROY.check(key, ctx);
 * ```
 */
export const AWS_KMS_PREVENT_DESTROY: ResourceRule = {
  ...base,
  id: "aws/kms-prevent-destroy",
  refs: [],
  level: Level.L2,
  severity: Severity.high,
  description:
    "KMS keys carry the protect resource option (analogue of CKV_GCP_82): deleting a key makes everything encrypted with it unreadable once the window ends.",
  remediation: "Create the key with { protect: true } (KmsKeyRing protects keys outside dev).",
  appliesTo: [AWS.kmsKey],
  check(r) {
    if (r.protect === true) return [];
    if (r.protect === undefined) return [unverified("opts.protect", "the protect option")];
    return [{ message: `${label(r)}: the key is not protected; create it with { protect: true }.` }];
  },
};

/**
 * CKV_AWS_149 / AVD-AWS-0098: secrets encrypted with a customer-managed key.
 *
 * @example
 * ```ts
 * SECRET_CMK.check(secret, ctx);
 * ```
 */
export const SECRET_CMK: ResourceRule = {
  ...base,
  id: "aws/secret-cmk",
  refs: ["CKV_AWS_149", "AVD-AWS-0098"],
  level: Level.L1,
  severity: Severity.medium,
  description: "Secrets Manager secrets are encrypted with a customer-managed KMS key (kmsKeyId).",
  remediation: "Pass the KmsKeyRing key's ARN as kmsKeyId.",
  appliesTo: [AWS.secret],
  check(r) {
    return expectValue(
      r.inputs,
      "kmsKeyId",
      (v) => typeof v === "string" && v.length > 0 && v !== "alias/aws/secretsmanager",
      () =>
        `${label(r)}: kmsKeyId is unset (aws/secretsmanager); set a customer-managed key so key policy controls who can read it.`,
    );
  },
};

/**
 * CKV2_AWS_57: every secret has a rotation (a SecretRotation in the same component).
 *
 * @example
 * ```ts
 * SECRET_ROTATION.check(resources, ctx);
 * ```
 */
export const SECRET_ROTATION: StackRule = {
  scope: Scope.stack,
  category: Category.security,
  id: "aws/secret-rotation",
  refs: ["CKV2_AWS_57"],
  level: Level.L2,
  severity: Severity.medium,
  description: "Secrets Manager secrets rotate automatically (a SecretRotation for each secret).",
  remediation:
    "Add a secretsmanager.SecretRotation with a rotation Lambda (aws-samples rotation templates) and rotationRules.",
  appliesTo: [AWS.secret, AWS.secretRotation],
  check(resources) {
    const rotations = resources.filter((r) => r.type === AWS.secretRotation);
    const hits: RuleHit[] = [];
    for (const secret of resources.filter((r) => r.type === AWS.secret)) {
      const near = rotations.filter((x) => x.parent === secret.parent);
      const ids = near.map((x) => read(x.inputs, "secretId"));
      const physical = read(secret.inputs, "name");
      const named = ids.some(
        (k) =>
          k.kind === "set" &&
          (String(k.value).includes(secret.name) ||
            (physical.kind === "set" && namesSecret(String(k.value), String(physical.value)))),
      );
      if (named || ids.some((k) => k.kind === "opaque")) continue;
      hits.push({
        message: `${label(secret)}: no SecretRotation for it; the value never changes. Add a rotation (30 days).`,
        urn: secret.urn,
        type: secret.type,
      });
    }
    return hits;
  },
};

/**
 * Whether a SecretRotation's `secretId` (a name or an ARN) names the secret called `name`: AWS
 * appends a dash and 6 random characters to the name in the ARN.
 *
 * @example
 * ```ts
 * namesSecret("arn:aws:secretsmanager:us-west-2:1:secret:shop/prod/db-master-a49d55", "shop/prod/db-master"); // true
 * ```
 */
export function namesSecret(secretId: string, name: string): boolean {
  if (secretId === name) return true;
  const at = secretId.lastIndexOf(":secret:");
  return (
    at >= 0 &&
    /^-[A-Za-z0-9]{6}$/.test(secretId.slice(at + 8).replace(name, "")) &&
    secretId.slice(at + 8).startsWith(name)
  );
}

/** Days in `rate(N days)` / `rate(N hours)`; undefined for cron and other forms. */
function rateDays(expression: string): number | undefined {
  const m = /^rate\((\d+)\s+(day|days|hour|hours)\)$/.exec(expression.trim());
  if (!m) return undefined;
  return m[2]!.startsWith("hour") ? Number(m[1]) / 24 : Number(m[1]);
}

/**
 * CKV_AWS_304: rotation at most every 90 days.
 *
 * @example
 * ```ts
 * SECRET_ROTATION_PERIOD.check(rotation, ctx);
 * ```
 */
export const SECRET_ROTATION_PERIOD: ResourceRule = {
  ...base,
  id: "aws/secret-rotation-90-days",
  refs: ["CKV_AWS_304"],
  level: Level.L1,
  severity: Severity.medium,
  description:
    "Secret rotations run at least every 90 days (rotationRules.automaticallyAfterDays ≤ 90 or a rate ≤ 90 days).",
  remediation: "Set rotationRules.automaticallyAfterDays: 30 (or a schedule of 90 days or less).",
  appliesTo: [AWS.secretRotation],
  check(r) {
    const days = read(r.inputs, "rotationRules.automaticallyAfterDays");
    const schedule = read(r.inputs, "rotationRules.scheduleExpression");
    if (days.kind === "opaque" || schedule.kind === "opaque") return [unverified("rotationRules")];
    if (days.kind === "set") {
      if (typeof days.value === "number" && days.value <= 90) return [];
      return [
        {
          message: `${label(r)}: rotationRules.automaticallyAfterDays is ${String(days.value)}; rotate at least every 90 days.`,
        },
      ];
    }
    if (schedule.kind === "set" && typeof schedule.value === "string") {
      const d = rateDays(schedule.value);
      if (d === undefined || d <= 90) return [];
      return [
        {
          message: `${label(r)}: rotationRules.scheduleExpression ${schedule.value} is longer than 90 days.`,
        },
      ];
    }
    return [{ message: `${label(r)}: rotationRules sets no schedule; set automaticallyAfterDays: 30.` }];
  },
};

/**
 * Every KMS and Secrets Manager rule.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: AWS_KMS_RULES });
 * ```
 */
export const AWS_KMS_RULES = [
  AWS_KMS_ROTATION,
  AWS_KMS_KEY_POLICY,
  AWS_KMS_NO_WILDCARD_PRINCIPAL,
  AWS_KMS_KEY_ENABLED,
  AWS_KMS_PREVENT_DESTROY,
  SECRET_CMK,
  SECRET_ROTATION,
  SECRET_ROTATION_PERIOD,
] as const;
