import { z } from "zod";
import type { Profile } from "../../components/shared/profiles";
import { awsKmsSchema } from "./aws";
import { bool, intRange, oneOf, section } from "./fields";

/**
 * `platform:kms`: the environment's key ring.
 *
 * @example
 * ```yaml
 * platform:kms:
 *   protectionLevel: HSM
 *   rotationDays: 30
 *   signingKey: true
 * ```
 */
export const kmsSchema = section({
  /** SOFTWARE | HSM. @default SOFTWARE (dev, staging), HSM (prod; prod refuses SOFTWARE) */
  protectionLevel: oneOf(["SOFTWARE", "HSM"]),
  /** Automatic rotation of symmetric keys, 1–90 days. @default 90 (dev, staging), 30 (prod) */
  rotationDays: intRange(1, 90),
  /** Also create an asymmetric Ed25519 signing key. @default false */
  signingKey: bool(),
  /** Pulumi `protect` on ring and keys. @default false (dev: the environment comes and goes), true (staging, prod; prod refuses false) */
  protect: bool(),
  /**
   * Give the ring a per-deployment suffix (kept in state, new after a destroy): GCP never deletes
   * a key ring, so `up` after `destroy` needs a new name. @default true (dev), false (staging, prod)
   */
  uniqueRingName: bool(),
  /** AWS KMS settings (cloud aws only). */
  aws: awsKmsSchema,
}).partial();

/** Resolved `platform:kms`. */
export interface KmsConfig {
  readonly protectionLevel: "SOFTWARE" | "HSM";
  readonly rotationDays: number;
  readonly signingKey: boolean;
  readonly protect: boolean;
  readonly uniqueRingName: boolean;
}

/** Applies the profile's defaults. */
export function resolveKms(raw: z.infer<typeof kmsSchema> | undefined, profile: Profile): KmsConfig {
  const prod = profile === "prod";
  return {
    protectionLevel: raw?.protectionLevel ?? (prod ? "HSM" : "SOFTWARE"),
    rotationDays: raw?.rotationDays ?? (prod ? 30 : 90),
    signingKey: raw?.signingKey ?? false,
    protect: raw?.protect ?? profile !== "dev",
    uniqueRingName: raw?.uniqueRingName ?? profile === "dev",
  };
}

/** Prod invariants: refused values, with the config path. */
export function kmsInvariants(c: KmsConfig, profile: Profile): { path: string; message: string }[] {
  if (profile !== "prod") return [];
  const out: { path: string; message: string }[] = [];
  if (c.protectionLevel !== "HSM")
    out.push({
      path: "platform:kms.protectionLevel",
      message: `prod requires HSM keys, got "${c.protectionLevel}"`,
    });
  if (!c.protect)
    out.push({
      path: "platform:kms.protect",
      message: "prod refuses protect=false on keys (deleting a key loses all data it encrypts)",
    });
  return out;
}
