/**
 * Cloud KMS rules: reference table §1a rows 28–34 (rotation, prevent-destroy, no public keys,
 * separation of duties).
 */
import { Severity } from "../../model";
import { MAX_ROTATION_SECONDS, isSymmetricKey } from "./prod-profile";
import { GCP, KMS_IAM_TYPES, PROJECT_IAM_TYPES } from "./tokens";
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
import { IAM_GRANT_KEYS, iamGrants, isPublicMember, seconds } from "../values";

/**
 * Shortest rotation the API accepts: one day.
 *
 * @example
 * ```ts
 * seconds("86400s")! >= MIN_ROTATION_SECONDS; // true
 * ```
 */
export const MIN_ROTATION_SECONDS = 86_400;

/**
 * KMS roles that use a key (CIS 1.11 forbids holding one of them together with cloudkms.admin).
 *
 * @example
 * ```ts
 * (KMS_USE_ROLES as readonly string[]).includes("roles/cloudkms.cryptoKeyEncrypterDecrypter"); // true
 * ```
 */
export const KMS_USE_ROLES = [
  "roles/cloudkms.cryptoKeyEncrypterDecrypter",
  "roles/cloudkms.cryptoKeyEncrypter",
  "roles/cloudkms.cryptoKeyDecrypter",
] as const;
/**
 * The KMS administration role.
 *
 * @example
 * ```ts
 * grant.role === KMS_ADMIN_ROLE
 * ```
 */
export const KMS_ADMIN_ROLE = "roles/cloudkms.admin";

const label = (r: GuardResource) => `${r.type.slice(r.type.lastIndexOf(":") + 1)} "${r.name}"`;

/**
 * Rows 28–30: rotation between 1 and 90 days on symmetric keys.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: [KMS_ROTATION] });
 * ```
 */
export const KMS_ROTATION: ResourceRule = {
  scope: Scope.resource,
  category: Category.security,
  id: "gcp/kms-rotation",
  refs: ["CKV_GCP_43", "AVD-GCP-0065", "KICS d8c57c4e", "CIS 1.10"],
  level: Level.L1,
  critical: true,
  severity: Severity.high,
  description:
    "Symmetric KMS keys rotate every 1–90 days (rotationPeriod 86400s–7776000s); asymmetric keys are not applicable.",
  remediation: 'Set rotationPeriod: "7776000s" (KmsKeyRing rotationDays: 90).',
  appliesTo: [GCP.cryptoKey],
  check(r) {
    const symmetric = isSymmetricKey(r);
    if (symmetric === "opaque") return [unverified("purpose")];
    if (!symmetric) return [];
    return expectValue(
      r.inputs,
      "rotationPeriod",
      (v) => {
        const s = seconds(v);
        return s !== undefined && s >= MIN_ROTATION_SECONDS && s <= MAX_ROTATION_SECONDS;
      },
      (got) =>
        `${label(r)}: rotationPeriod is ${got === "(unset)" ? "missing (the key never rotates)" : got}; set rotationPeriod between "86400s" and "7776000s" (90 days).`,
    );
  },
};

/**
 * Row 31: keys are protected (Pulumi's `protect`, Terraform's prevent_destroy).
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: [KMS_PREVENT_DESTROY] });
 * ```
 */
export const KMS_PREVENT_DESTROY: ResourceRule = {
  scope: Scope.resource,
  category: Category.security,
  id: "gcp/kms-prevent-destroy",
  refs: ["CKV_GCP_82"],
  level: Level.L2,
  severity: Severity.high,
  description:
    "KMS keys carry the protect resource option: destroying a key makes everything encrypted with it unreadable.",
  remediation: "Create the key with { protect: true } (KmsKeyRing protect defaults to true).",
  appliesTo: [GCP.cryptoKey],
  check(r) {
    if (r.protect === true) return [];
    if (r.protect === undefined) return [unverified("opts.protect", "the protect option")];
    return [
      {
        message: `${label(r)}: the key is not protected; create it with { protect: true } so no program edit can destroy it (all data encrypted with it would be lost).`,
      },
    ];
  },
};

/**
 * Rows 32–33: no public grant on keys or key rings.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: [KMS_NOT_PUBLIC] });
 * ```
 */
export const KMS_NOT_PUBLIC: ResourceRule = {
  scope: Scope.resource,
  category: Category.security,
  id: "gcp/kms-not-public",
  refs: ["CKV_GCP_112", "CKV2_GCP_6", "CKV2_GCP_8", "KICS 16cc87d1", "CIS 1.9"],
  level: Level.L1,
  critical: true,
  severity: Severity.critical,
  description: "No KMS crypto key or key ring grants a role to allUsers or allAuthenticatedUsers.",
  remediation: "Grant the role to named service accounts only.",
  appliesTo: [...KMS_IAM_TYPES],
  check(r) {
    const { grants, opaque } = iamGrants(r.inputs);
    const hits: RuleHit[] = grants
      .filter((g) => isPublicMember(g.member))
      .map((g) => ({
        message: `${label(r)}: ${g.role} is granted to ${g.member}, making the key usable by anyone; grant it to named service accounts instead.`,
      }));
    return [...hits, ...opaque.map((p) => unverified(p))];
  },
};

const SOD_TYPES: readonly string[] = [...PROJECT_IAM_TYPES, ...KMS_IAM_TYPES];

/**
 * Row 34: the same member must not administer keys and use them.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: [KMS_SEPARATION_OF_DUTIES] });
 * ```
 */
export const KMS_SEPARATION_OF_DUTIES: StackRule = {
  scope: Scope.stack,
  category: Category.security,
  id: "gcp/kms-separation-of-duties",
  refs: ["KICS 92e4464a", "CIS 1.11"],
  level: Level.L2,
  severity: Severity.medium,
  description:
    "No member holds roles/cloudkms.admin together with an encrypter/decrypter role (project, key ring or key level).",
  remediation: "Give key administration and key use to different identities.",
  appliesTo: SOD_TYPES,
  reads: Object.fromEntries(SOD_TYPES.map((t) => [t, IAM_GRANT_KEYS])),
  check(resources) {
    const admins = new Map<string, string>();
    const users = new Map<string, { urn: string; role: string }>();
    for (const r of resources) {
      if (!SOD_TYPES.includes(r.type)) continue;
      for (const g of iamGrants(r.inputs).grants) {
        if (g.role === KMS_ADMIN_ROLE) admins.set(g.member, r.urn);
        if ((KMS_USE_ROLES as readonly string[]).includes(g.role))
          users.set(g.member, { urn: r.urn, role: g.role });
      }
    }
    const hits: RuleHit[] = [];
    for (const [member, adminUrn] of admins) {
      const use = users.get(member);
      if (!use) continue;
      hits.push({
        message: `${member} holds ${KMS_ADMIN_ROLE} and ${use.role}: one identity can both manage and use keys (CIS 1.11). Split the roles across two identities.`,
        urn: adminUrn,
      });
    }
    return hits;
  },
};

/**
 * Every KMS rule (table rows 28–34).
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: KMS_RULES });
 * ```
 */
export const KMS_RULES: readonly (ResourceRule | StackRule)[] = [
  KMS_ROTATION,
  KMS_PREVENT_DESTROY,
  KMS_NOT_PUBLIC,
  KMS_SEPARATION_OF_DUTIES,
];
