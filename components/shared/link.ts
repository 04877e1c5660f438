import type * as pulumi from "@pulumi/pulumi";

/**
 * What a component offers a service that links to it: plain env vars, env vars read from Secret
 * Manager, and the exact resources the service's identity needs access to. The consumer (e.g.
 * CloudRunService) turns this into env entries and least-privilege IAM grants itself.
 *
 * @example
 * ```ts
 * const link: Link = { env: { DB_NAME: "shop" }, secretEnv: { DATABASE_URL: urlSecret.id }, secretIds: [urlSecret.id],
 *   cloudSqlInstances: [instance.connectionName] };
 * ```
 */
export interface Link {
  /** Plain environment variables. @default {} */
  readonly env?: Readonly<Record<string, pulumi.Input<string>>>;
  /** Environment variables from Secret Manager: name → secret id (`projects/…/secrets/…`), latest version. @default {} */
  readonly secretEnv?: Readonly<Record<string, pulumi.Input<string>>>;
  /** Secrets the service must read (secretAccessor on exactly these). @default the secretEnv values */
  readonly secretIds?: readonly pulumi.Input<string>[];
  /** Cloud SQL connection names (`project:region:instance`) the service connects to (Cloud SQL client). @default [] */
  readonly cloudSqlInstances?: readonly pulumi.Input<string>[];
  /** KMS keys the service encrypts/decrypts with (encrypterDecrypter on exactly these). @default [] */
  readonly kmsKeys?: readonly pulumi.Input<string>[];
  /** KMS keys the service signs with (signerVerifier on exactly these). @default [] */
  readonly kmsSigningKeys?: readonly pulumi.Input<string>[];
  /**
   * AWS: security groups the service must reach and on which port; the service puts itself in the
   * VPC and opens exactly these (ingress on the target, egress on its own group). @default []
   */
  readonly privateEndpoints?: readonly PrivateEndpoint[];
  /**
   * Kubernetes: env vars read from Secrets in the namespace (`valueFrom.secretKeyRef`), never
   * literal values: env name → Secret name and key. @default {}
   */
  readonly secretKeyRefs?: Readonly<Record<string, SecretKeyRef>>;
  /**
   * Kubernetes: pods the service must reach; its NetworkPolicy allows egress to exactly these pod
   * labels and ports (and the target's policy allows ingress from the service). @default []
   */
  readonly peers?: readonly PodPeer[];
  /** Kubernetes: CA certificates to mount (only the `ca.crt` key of each Secret). @default [] */
  readonly caSecrets?: readonly { readonly name: string; readonly secretName: pulumi.Input<string> }[];
  /** AWS: IAM actions on exactly these resources (e.g. `rds-data:ExecuteStatement` on one cluster). @default [] */
  readonly statements?: readonly {
    readonly actions: readonly string[];
    readonly resources: readonly pulumi.Input<string>[];
  }[];
}

/** One key of a Kubernetes Secret. */
export interface SecretKeyRef {
  readonly name: pulumi.Input<string>;
  readonly key: string;
}

/** Pods in the same namespace that a linked service connects to. */
export interface PodPeer {
  /** What it is, e.g. `postgres`; used in rule descriptions. */
  readonly name: string;
  /** The pods' labels (exactly what the NetworkPolicy selects). */
  readonly podLabels: Readonly<Record<string, string>>;
  readonly ports: readonly number[];
}

/** A private AWS endpoint a linked service connects to. */
export interface PrivateEndpoint {
  /** Security group of the target (its ingress gets one rule for the service). */
  readonly securityGroupId: pulumi.Input<string>;
  readonly port: number;
  /** What it is, e.g. `PostgreSQL`; used in rule descriptions and child names. */
  readonly name: string;
}

/**
 * A component that a service can link to.
 *
 * @example
 * ```ts
 * new CloudRunService("api", { ctx, image, link: [db, cache, kms] });
 * ```
 */
export interface Linkable {
  /** The env vars, secret refs and resources a linked service needs. */
  getLink(): Link;
}

/** True when `x` implements {@link Linkable}. */
export function isLinkable(x: unknown): x is Linkable {
  return typeof x === "object" && x !== null && typeof (x as Linkable).getLink === "function";
}
