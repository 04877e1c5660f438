import { PlatformError, show } from "../shared/errors";
import { ClusterFlavour, K8S_NAME } from "../shared/kubernetes";

/**
 * Pure rules of the Kubernetes KmsKeyRing: certificate lifetimes, algorithms and the statement of
 * what the cluster itself must provide (Kubernetes has no key ring).
 */

/** Private-key algorithms cert-manager issues. */
export const CertAlgorithm = { ECDSA: "ECDSA", Ed25519: "Ed25519", RSA: "RSA" } as const;
/** One of `ECDSA`, `Ed25519`, `RSA`. */
export type CertAlgorithm = (typeof CertAlgorithm)[keyof typeof CertAlgorithm];

/** One certificate the CA issues. */
export interface CertificateArgs {
  /** DNS names (the Service names and their in-cluster FQDNs). */
  readonly dnsNames: readonly string[];
  /** @default "ECDSA" (P-256) */
  readonly algorithm?: CertAlgorithm;
  /** Add `client auth` (mTLS clients). @default false */
  readonly clientAuth?: boolean;
  /** Extra labels on the issued Secret (e.g. `cnpg.io/reload` so CloudNativePG reloads a renewed certificate). @default {} */
  readonly secretLabels?: Readonly<Record<string, string>>;
}

/** Defaults of the Kubernetes KmsKeyRing. */
export const K8S_KMS_DEFAULTS = { rotationDays: 90, maxRotationDays: 90, protect: true } as const;

/**
 * cert-manager `duration` and `renewBefore` for a rotation period: the certificate lives
 * `rotationDays` and is renewed a third of that before it expires (at most 30 days).
 *
 * @example
 * ```ts
 * certLifetime(90); // { duration: "2160h", renewBefore: "720h" }
 * ```
 */
export function certLifetime(rotationDays: number): { duration: string; renewBefore: string } {
  const renewDays = Math.min(30, Math.max(1, Math.floor(rotationDays / 3)));
  return { duration: `${rotationDays * 24}h`, renewBefore: `${renewDays * 24}h` };
}

/**
 * The `privateKey` block of a Certificate for an algorithm (`rotationPolicy: Always`: a renewal
 * makes a new key).
 *
 * @example
 * ```ts
 * privateKeyFor("Ed25519"); // { algorithm: "Ed25519", rotationPolicy: "Always" }
 * ```
 */
export function privateKeyFor(algorithm: CertAlgorithm, rotate = true): Record<string, unknown> {
  const rotationPolicy = rotate ? "Always" : "Never";
  if (algorithm === "Ed25519") return { algorithm, rotationPolicy };
  return { algorithm, size: algorithm === "RSA" ? 3072 : 256, rotationPolicy };
}

/**
 * Checks the rotation period and every certificate; throws one {@link PlatformError} listing every
 * problem.
 *
 * @example
 * ```ts
 * validateK8sKms("kms", { rotationDays: 120, certificates: {} }); // PlatformError: KmsKeyRing 'kms': rotationDays must be 1–90, got 120
 * ```
 */
export function validateK8sKms(
  name: string,
  args: { readonly rotationDays?: number; readonly certificates: Readonly<Record<string, CertificateArgs>> },
): void {
  const p: string[] = [];
  const days = args.rotationDays ?? K8S_KMS_DEFAULTS.rotationDays;
  if (!Number.isInteger(days) || days < 1 || days > K8S_KMS_DEFAULTS.maxRotationDays)
    p.push(`rotationDays must be 1–90, got ${show(days)}`);
  for (const [cert, c] of Object.entries(args.certificates)) {
    if (!K8S_NAME.test(cert)) p.push(`certificates: name must be a DNS label, got ${show(cert)}`);
    if (c.dnsNames.length === 0) p.push(`certificates.${cert}.dnsNames must name at least one host`);
    for (const d of c.dnsNames)
      if (!/^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(d))
        p.push(`certificates.${cert}.dnsNames: must be DNS names, got ${show(d)}`);
    if (c.algorithm !== undefined && !Object.values(CertAlgorithm).includes(c.algorithm))
      p.push(
        `certificates.${cert}.algorithm must be one of ${Object.values(CertAlgorithm).join(" | ")}, got ${show(c.algorithm)}`,
      );
  }
  if (p.length > 0) throw new PlatformError(`KmsKeyRing '${name}': ${p.join("; ")}`);
}

/**
 * What the cluster must provide that no namespaced object can: Secrets encrypted at rest with a
 * cloud KMS key. Exported as a stack output and printed in the README.
 *
 * @example
 * ```ts
 * secretsEncryptionStatement("eks"); // "EKS: create the cluster with encryptionConfig …"
 * ```
 */
export function secretsEncryptionStatement(cluster: ClusterFlavour): string {
  switch (cluster) {
    case ClusterFlavour.eks:
      return 'EKS: create the cluster with encryptionConfig { provider.keyArn: <symmetric KMS key in the cluster\'s Region>, resources: ["secrets"] } (KMS v2 envelope encryption of Secrets in etcd).';
    case ClusterFlavour.gke:
      return "GKE: enable application-layer secrets encryption (databaseEncryption { state: ENCRYPTED, keyName: <Cloud KMS key in the cluster's location> }).";
    default:
      return 'Self-managed: configure the API server\'s EncryptionConfiguration with a KMS v2 provider (kms.apiVersion: v2, stable since 1.29) for resources: ["secrets"].';
  }
}
