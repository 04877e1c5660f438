import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { AwsContext, PlatformContext } from "../shared/context";
import { ClusterFlavour, k8sLabels, type KubernetesContext } from "../shared/kubernetes";
import { childName } from "../shared/naming";
import { transform, type Transform } from "../shared/transform";
import { AwsKmsKeyRing } from "./aws";
import type { AwsKmsKeyRingArgs } from "./aws-spec";
import { KMS_KEY_RING_TYPE, KmsKeyRing } from "./gcp";
import type { KmsKeyRingArgs } from "./spec";
import {
  certLifetime,
  K8S_KMS_DEFAULTS,
  privateKeyFor,
  secretsEncryptionStatement,
  validateK8sKms,
  type CertificateArgs,
} from "./k8s-spec";

const CERT_MANAGER = "cert-manager.io/v1";

/** App keys from a cloud KMS (a cluster has none): the GCP or AWS key component, composed as a child. */
export type CloudKeys =
  | { readonly cloud: "gcp"; readonly ctx: PlatformContext; readonly args: Omit<KmsKeyRingArgs, "ctx"> }
  | { readonly cloud: "aws"; readonly ctx: AwsContext; readonly args: Omit<AwsKmsKeyRingArgs, "ctx"> };

/**
 * Arguments of {@link K8sKmsKeyRing}.
 *
 * @example
 * ```ts
 * const args: K8sKmsKeyRingArgs = { ctx, namespace, certificates: { db: { dnsNames: ["db-rw", "db-rw.shop-k8s-dev.svc"] } } };
 * ```
 */
export interface K8sKmsKeyRingArgs {
  readonly ctx: KubernetesContext;
  readonly namespace: pulumi.Input<string>;
  /** Certificates the CA issues, by name (the Secret is `<name>-tls`). */
  readonly certificates: Readonly<Record<string, CertificateArgs>>;
  /** Lifetime of every certificate (and of the CA), 1–90 days. @default 90 */
  readonly rotationDays?: number;
  /** Pulumi `protect` on the CA certificate. @default true */
  readonly protect?: boolean;
  /** Which secrets-encryption statement applies. @default "other" */
  readonly cluster?: ClusterFlavour;
  /** Encryption/signing keys for the app from Cloud KMS or AWS KMS. @default none */
  readonly cloudKeys?: CloudKeys;
  readonly transform?: {
    caCertificate?: Transform<k8s.apiextensions.CustomResourceArgs>;
    certificate?: Transform<k8s.apiextensions.CustomResourceArgs>;
  };
}

/**
 * `platform:security:KmsKeyRing` on Kubernetes. A cluster has no key ring: this is a namespaced
 * cert-manager PKI (a self-signed Issuer that signs only the CA, a CA Certificate, a CA Issuer and
 * one Certificate per consumer, rotated at most every 90 days with a new key each time), plus the
 * GCP or AWS key component for app encryption and signing keys when `cloudKeys` is given.
 * `clusterRequirements` states what the cluster must provide (Secrets encrypted at rest with a
 * cloud KMS key). Cost: free in the cluster; cloud keys as on their cloud.
 *
 * @example
 * ```ts
 * const pki = new K8sKmsKeyRing("kms", { ctx, namespace, certificates: { cache: { dnsNames: ["cache"] } } });
 * pki.certificateSecrets["cache"]; // "cache-tls"
 * ```
 */
export class K8sKmsKeyRing extends pulumi.ComponentResource {
  /** Name of the namespaced CA Issuer every certificate comes from. */
  public readonly issuerName: string;
  /** Secret name per certificate (`tls.crt`, `tls.key`, `ca.crt`). */
  public readonly certificateSecrets: Readonly<Record<string, string>>;
  /** Cloud KMS / AWS KMS key ids by key name (empty without `cloudKeys`). */
  public readonly keyIds: Readonly<Record<string, pulumi.Output<string>>>;
  /** What the cluster must provide (secrets encryption at rest). */
  public readonly clusterRequirements: string;
  public readonly nodes: Readonly<Record<string, pulumi.Resource>>;

  constructor(name: string, args: K8sKmsKeyRingArgs, opts?: pulumi.ComponentResourceOptions) {
    super(KMS_KEY_RING_TYPE, name, {}, opts);
    validateK8sKms(name, args);
    const { ctx, namespace } = args;
    const parent = this;
    const days = args.rotationDays ?? K8S_KMS_DEFAULTS.rotationDays;
    const life = certLifetime(days);
    const labels = k8sLabels(ctx, "kms", name);
    const selfSignedName = childName(name, "selfsigned");
    const caName = childName(name, "ca");
    const selfSigned = new k8s.apiextensions.CustomResource(
      childName(name, "selfsigned-issuer"),
      {
        apiVersion: CERT_MANAGER,
        kind: "Issuer",
        metadata: { name: selfSignedName, namespace, labels },
        spec: { selfSigned: {} },
      },
      { parent },
    );
    // The CA keeps its key across renewals (rotationPolicy Never) so issued certificates stay valid.
    const ca = new k8s.apiextensions.CustomResource(
      ...transform(
        args.transform?.caCertificate,
        childName(name, "ca-certificate"),
        {
          apiVersion: CERT_MANAGER,
          kind: "Certificate",
          metadata: { name: caName, namespace, labels },
          spec: {
            isCA: true,
            commonName: `${ctx.app} ${ctx.env} platform CA`,
            secretName: caName,
            ...life,
            privateKey: privateKeyFor("ECDSA", false),
            issuerRef: { name: selfSignedName, kind: "Issuer", group: "cert-manager.io" },
            secretTemplate: { labels },
          },
        },
        { parent, protect: args.protect ?? K8S_KMS_DEFAULTS.protect, dependsOn: [selfSigned] },
      ),
    );
    const issuer = new k8s.apiextensions.CustomResource(
      childName(name, "ca-issuer"),
      {
        apiVersion: CERT_MANAGER,
        kind: "Issuer",
        metadata: { name: caName, namespace, labels },
        spec: { ca: { secretName: caName } },
      },
      { parent, dependsOn: [ca] },
    );
    const nodes: Record<string, pulumi.Resource> = { selfSigned, ca, issuer };
    const secrets: Record<string, string> = {};
    for (const [cert, c] of Object.entries(args.certificates)) {
      const algorithm = c.algorithm ?? "ECDSA";
      const secretName = `${cert}-tls`;
      secrets[cert] = secretName;
      nodes[`certificate-${cert}`] = new k8s.apiextensions.CustomResource(
        ...transform(
          args.transform?.certificate,
          childName(name, "certificate", cert),
          {
            apiVersion: CERT_MANAGER,
            kind: "Certificate",
            metadata: { name: cert, namespace, labels: k8sLabels(ctx, "kms", cert) },
            spec: {
              secretName,
              commonName: c.dnsNames[0],
              dnsNames: [...c.dnsNames],
              ...life,
              privateKey: privateKeyFor(algorithm),
              usages: [
                "server auth",
                ...(c.clientAuth ? ["client auth"] : []),
                "digital signature",
                ...(algorithm === "RSA" ? ["key encipherment"] : []),
              ],
              issuerRef: { name: caName, kind: "Issuer", group: "cert-manager.io" },
              secretTemplate: { labels: { ...k8sLabels(ctx, "kms", cert), ...(c.secretLabels ?? {}) } },
            },
          },
          { parent, dependsOn: [issuer] },
        ),
      );
    }
    let keyIds: Record<string, pulumi.Output<string>> = {};
    const ck = args.cloudKeys;
    if (ck?.cloud === "gcp") {
      const ring = new KmsKeyRing(childName(name, "cloud"), { ...ck.args, ctx: ck.ctx }, { parent });
      keyIds = { ...ring.keyIds };
      nodes["cloud"] = ring;
    } else if (ck?.cloud === "aws") {
      const ring = new AwsKmsKeyRing(childName(name, "cloud"), { ...ck.args, ctx: ck.ctx }, { parent });
      keyIds = { ...ring.keyIds };
      nodes["cloud"] = ring;
    }
    this.issuerName = caName;
    this.certificateSecrets = secrets;
    this.keyIds = keyIds;
    this.clusterRequirements = secretsEncryptionStatement(args.cluster ?? ClusterFlavour.other);
    this.nodes = nodes;
    this.registerOutputs({ issuerName: caName, certificateSecrets: secrets });
  }
}
