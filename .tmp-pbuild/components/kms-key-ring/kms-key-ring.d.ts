import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { type KeySpec, type KmsKeyRingArgs } from "./spec";
/** Type token of {@link KmsKeyRing}. */
export declare const KMS_KEY_RING_TYPE = "platform:security:KmsKeyRing";
/**
 * A Cloud KMS key ring and its keys, with rotation ≤ 90 days, HSM or software protection, named
 * IAM grants per key (never public) and grants for the Google service agents that use a key for
 * CMEK (Cloud SQL, Memorystore, Secret Manager). Ring and keys are `protect`ed: deleting a key
 * makes everything it encrypted unreadable.
 *
 * `keyIds[name]` resolves only after that key's IAM grants exist, so a Cloud SQL instance created
 * with it never races its own service agent's permission.
 *
 * ### Cost
 * SOFTWARE key versions $0.06/month each, HSM $1.00–2.50/month; operations $0.03 (SOFTWARE) or
 * $0.03–0.15 (HSM) per 10,000. Rotation adds a version per period (old versions stay active
 * until destroyed). A dev ring with 2 software keys is about **$0.15/month**.
 *
 * @example
 * ```ts
 * const kms = new KmsKeyRing("kms", {
 *   ctx,
 *   protectionLevel: "HSM",
 *   keys: {
 *     data: { serviceAgents: ["cloudsql", "memorystore", "secretmanager"] },
 *     signing: { purpose: "ASYMMETRIC_SIGN", grants: { signerVerifier: ["serviceAccount:api@acme.iam.gserviceaccount.com"] } },
 *   },
 * });
 * export const dataKey = kms.keyIds["data"];
 * ```
 */
export declare class KmsKeyRing extends pulumi.ComponentResource {
    /** Key ring id (`projects/…/locations/…/keyRings/…`). */
    readonly keyRingId: pulumi.Output<string>;
    /** Key ids by name; each resolves after the key's IAM grants exist. */
    readonly keyIds: Readonly<Record<string, pulumi.Output<string>>>;
    /** The resolved key settings (defaults applied). */
    readonly keySpecs: readonly KeySpec[];
    private readonly children;
    constructor(name: string, args: KmsKeyRingArgs, opts?: pulumi.ComponentResourceOptions);
    /** Raw children, an escape hatch for wiring this library does not cover. */
    get nodes(): {
        ring?: gcp.kms.KeyRing;
        keys: Record<string, gcp.kms.CryptoKey>;
        members: gcp.kms.CryptoKeyIAMMember[];
    };
}
