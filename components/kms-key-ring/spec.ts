import type * as gcp from "@pulumi/gcp";
import type * as pulumi from "@pulumi/pulumi";
import type { PlatformContext } from "../shared/context";
import { PlatformError, show } from "../shared/errors";
import type { Transform } from "../shared/transform";

/** What a key is for. */
export const KeyPurpose = {
  ENCRYPT_DECRYPT: "ENCRYPT_DECRYPT",
  ASYMMETRIC_SIGN: "ASYMMETRIC_SIGN",
  MAC: "MAC",
} as const;
/** A key purpose. */
export type KeyPurpose = (typeof KeyPurpose)[keyof typeof KeyPurpose];

/** Where key material lives. */
export const ProtectionLevel = { SOFTWARE: "SOFTWARE", HSM: "HSM" } as const;
/** A protection level. */
export type ProtectionLevel = (typeof ProtectionLevel)[keyof typeof ProtectionLevel];

/** The algorithm per purpose: symmetric AES-256-GCM, Ed25519 signatures, HMAC-SHA256. */
export const ALGORITHM_BY_PURPOSE = {
  ENCRYPT_DECRYPT: "GOOGLE_SYMMETRIC_ENCRYPTION",
  ASYMMETRIC_SIGN: "EC_SIGN_ED25519",
  MAC: "HMAC_SHA256",
} as const satisfies Record<KeyPurpose, string>;

/** Named grants → the one role each gives. Only these exist: no admin or owner roles through this API. */
export const GRANT_ROLES = {
  encrypterDecrypter: "roles/cloudkms.cryptoKeyEncrypterDecrypter",
  signerVerifier: "roles/cloudkms.signerVerifier",
  publicKeyViewer: "roles/cloudkms.publicKeyViewer",
} as const;
/** A named grant. */
export type GrantName = keyof typeof GRANT_ROLES;

/** Which grants make sense for which purpose. */
export const GRANTS_BY_PURPOSE: Record<KeyPurpose, readonly GrantName[]> = {
  ENCRYPT_DECRYPT: ["encrypterDecrypter"],
  ASYMMETRIC_SIGN: ["signerVerifier", "publicKeyViewer"],
  MAC: ["signerVerifier"],
};

/**
 * Google service agents that use a key for CMEK. The agent email is
 * `service-<project number>@<domain>`; it gets encrypterDecrypter on the key.
 */
export const SERVICE_AGENTS = {
  cloudsql: "gcp-sa-cloud-sql.iam.gserviceaccount.com",
  memorystore: "cloud-redis.iam.gserviceaccount.com",
  secretmanager: "gcp-sa-secretmanager.iam.gserviceaccount.com",
  cloudrun: "serverless-robot-prod.iam.gserviceaccount.com",
  artifactregistry: "gcp-sa-artifactregistry.iam.gserviceaccount.com",
  pubsub: "gcp-sa-pubsub.iam.gserviceaccount.com",
} as const;
/** A service agent that can be granted a CMEK key. */
export type ServiceAgent = keyof typeof SERVICE_AGENTS;

/** Members that would make a key public: never allowed. */
export const PUBLIC_MEMBERS = ["allUsers", "allAuthenticatedUsers"] as const;

/** One key of the ring. */
export interface KeySpecArgs {
  /** @default "ENCRYPT_DECRYPT" */
  readonly purpose?: KeyPurpose;
  /** @default the ring's protectionLevel */
  readonly protectionLevel?: ProtectionLevel;
  /** Automatic rotation for symmetric keys, 1–90 days. @default the ring's rotationDays (90) */
  readonly rotationDays?: number;
  /** Days a destroyed version stays restorable, 1–120. @default 30 */
  readonly destroyScheduledDays?: number;
  /** Members per named grant, e.g. `{ encrypterDecrypter: ["serviceAccount:app@p.iam.gserviceaccount.com"] }`. @default {} */
  readonly grants?: Partial<Record<GrantName, pulumi.Input<string>[]>>;
  /** Service agents that get encrypterDecrypter for CMEK. @default [] */
  readonly serviceAgents?: readonly ServiceAgent[];
}

/**
 * Arguments of {@link KmsKeyRing}.
 *
 * @example
 * ```ts
 * const args: KmsKeyRingArgs = { ctx, protectionLevel: "HSM", keys: { data: { serviceAgents: ["cloudsql"] }, signing: { purpose: "ASYMMETRIC_SIGN" } } };
 * ```
 */
export interface KmsKeyRingArgs {
  readonly ctx: PlatformContext;
  /**
   * Create a ring (default) or reuse one by id (`projects/p/locations/l/keyRings/r`). `uniqueName`
   * adds a per-deployment suffix (a RandomId kept in state): GCP never deletes a key ring, so an
   * environment that is destroyed and deployed again needs a new ring name.
   * @default { create: true, uniqueName: false }
   */
  readonly keyRing?:
    | { readonly create: true; readonly location?: string; readonly uniqueName?: boolean }
    | { readonly create: false; readonly id: string };
  /** Keys by short name (lowercase). */
  readonly keys: Readonly<Record<string, KeySpecArgs>>;
  /** Default protection level for the keys. @default "SOFTWARE" (dev), "HSM" (prod profile requires it) */
  readonly protectionLevel?: ProtectionLevel;
  /** Default rotation for symmetric keys, 1–90 days. @default 90 */
  readonly rotationDays?: number;
  /** Pulumi `protect` on ring and keys: keys cannot be deleted without losing every byte they encrypt. @default true */
  readonly protect?: boolean;
  readonly transform?: {
    keyRing?: Transform<gcp.kms.KeyRingArgs>;
    cryptoKey?: Transform<gcp.kms.CryptoKeyArgs>;
    iamMember?: Transform<gcp.kms.CryptoKeyIAMMemberArgs>;
  };
}

/** Defaults of {@link KmsKeyRingArgs}. */
export const DEFAULTS = {
  protectionLevel: ProtectionLevel.SOFTWARE,
  rotationDays: 90,
  destroyScheduledDays: 30,
  protect: true,
  purpose: KeyPurpose.ENCRYPT_DECRYPT,
} as const;

/** A key with defaults applied. */
export interface KeySpec {
  readonly name: string;
  readonly purpose: KeyPurpose;
  readonly algorithm: string;
  readonly protectionLevel: ProtectionLevel;
  /** Undefined for keys that cannot rotate automatically (asymmetric, MAC). */
  readonly rotationDays?: number;
  readonly destroyScheduledDays: number;
  readonly grants: Partial<Record<GrantName, pulumi.Input<string>[]>>;
  readonly serviceAgents: readonly ServiceAgent[];
}

/**
 * Applies defaults and validates every key; throws one {@link PlatformError} listing every problem.
 *
 * @example
 * ```ts
 * normalizeKeys("kms", { ctx, keys: { data: { rotationDays: 120 } } });
 * // PlatformError: KmsKeyRing 'kms': keys.data.rotationDays must be 1–90 days, got 120
 * ```
 */
export function normalizeKeys(
  name: string,
  args: Pick<KmsKeyRingArgs, "keys" | "protectionLevel" | "rotationDays">,
): KeySpec[] {
  const problems: string[] = [];
  const ringLevel = args.protectionLevel ?? DEFAULTS.protectionLevel;
  const ringRotation = args.rotationDays ?? DEFAULTS.rotationDays;
  if (!Object.values(ProtectionLevel).includes(ringLevel)) {
    problems.push(`protectionLevel must be one of SOFTWARE | HSM, got ${show(ringLevel)}`);
  }
  problems.push(...validateRotationDays("rotationDays", ringRotation));
  const names = Object.keys(args.keys);
  if (names.length === 0) problems.push("keys must name at least one key");
  const specs: KeySpec[] = [];
  for (const keyName of names) {
    const k = args.keys[keyName]!;
    const at = `keys.${keyName}`;
    if (!/^[a-z][a-z0-9-]{0,30}$/.test(keyName))
      problems.push(`${at}: key names must be lowercase letters, digits or '-' (≤ 31), got ${show(keyName)}`);
    const purpose = k.purpose ?? DEFAULTS.purpose;
    if (!Object.values(KeyPurpose).includes(purpose)) {
      problems.push(
        `${at}.purpose must be one of ${Object.values(KeyPurpose).join(" | ")}, got ${show(purpose)}`,
      );
      continue;
    }
    const symmetric = purpose === KeyPurpose.ENCRYPT_DECRYPT;
    if (!symmetric && k.rotationDays !== undefined) {
      problems.push(`${at}.rotationDays: ${purpose} keys cannot rotate automatically; remove rotationDays`);
    }
    if (symmetric && k.rotationDays !== undefined)
      problems.push(...validateRotationDays(`${at}.rotationDays`, k.rotationDays));
    const destroy = k.destroyScheduledDays ?? DEFAULTS.destroyScheduledDays;
    if (!Number.isInteger(destroy) || destroy < 1 || destroy > 120) {
      problems.push(`${at}.destroyScheduledDays must be 1–120, got ${show(destroy)}`);
    }
    const level = k.protectionLevel ?? ringLevel;
    if (!Object.values(ProtectionLevel).includes(level))
      problems.push(`${at}.protectionLevel must be one of SOFTWARE | HSM, got ${show(level)}`);
    for (const [grant, members] of Object.entries(k.grants ?? {})) {
      if (!(grant in GRANT_ROLES)) {
        problems.push(
          `${at}.grants.${grant} is not a grant; allowed: ${Object.keys(GRANT_ROLES).join(", ")}`,
        );
        continue;
      }
      if (!GRANTS_BY_PURPOSE[purpose].includes(grant as GrantName)) {
        problems.push(
          `${at}.grants.${grant} does not apply to ${purpose} keys; allowed: ${GRANTS_BY_PURPOSE[purpose].join(", ")}`,
        );
      }
      problems.push(...validateMembers(`${at}.grants.${grant}`, members ?? []));
    }
    for (const agent of k.serviceAgents ?? []) {
      if (!(agent in SERVICE_AGENTS))
        problems.push(
          `${at}.serviceAgents: unknown agent ${show(agent)}; allowed: ${Object.keys(SERVICE_AGENTS).join(", ")}`,
        );
      else if (!symmetric)
        problems.push(`${at}.serviceAgents: CMEK needs an ENCRYPT_DECRYPT key, this one is ${purpose}`);
    }
    specs.push({
      name: keyName,
      purpose,
      algorithm: ALGORITHM_BY_PURPOSE[purpose],
      protectionLevel: level,
      ...(symmetric ? { rotationDays: k.rotationDays ?? ringRotation } : {}),
      destroyScheduledDays: destroy,
      grants: k.grants ?? {},
      serviceAgents: k.serviceAgents ?? [],
    });
  }
  if (problems.length > 0) throw new PlatformError(`KmsKeyRing '${name}': ${problems.join("; ")}`);
  return specs;
}

/**
 * Rotation must be automatic and at most 90 days (CIS 1.10, CKV_GCP_43, AVD-GCP-0065).
 *
 * @example
 * ```ts
 * validateRotationDays("rotationDays", 91); // ["rotationDays must be 1–90 days, got 91"]
 * ```
 */
export function validateRotationDays(field: string, days: number): string[] {
  return Number.isInteger(days) && days >= 1 && days <= 90
    ? []
    : [`${field} must be 1–90 days, got ${show(days)}`];
}

/**
 * IAM members must be typed principals and never public. Outputs (not yet known) are accepted;
 * the CrossGuard pack checks them again at preview.
 *
 * @example
 * ```ts
 * validateMembers("grants.encrypterDecrypter", ["allUsers"]); // ["grants.encrypterDecrypter: allUsers would make the key public; …"]
 * ```
 */
export function validateMembers(field: string, members: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const m of members) {
    if (typeof m !== "string") continue;
    if ((PUBLIC_MEMBERS as readonly string[]).includes(m)) {
      out.push(`${field}: ${m} would make the key public; grant named principals instead`);
    } else if (!/^(serviceAccount|user|group|domain|principal|principalSet):.+/.test(m)) {
      out.push(
        `${field}: member must look like serviceAccount:…, user:…, group:… or domain:…, got ${show(m)}`,
      );
    }
  }
  return out;
}
