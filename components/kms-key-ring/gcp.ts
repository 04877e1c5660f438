import * as gcp from "@pulumi/gcp";
import * as random from "@pulumi/random";
import * as pulumi from "@pulumi/pulumi";
import { platformLabels } from "../shared/labels";
import { childName, physicalName } from "../shared/naming";
import { afterAll } from "../shared/outputs";
import { daysToDuration } from "../shared/durations";
import { transform } from "../shared/transform";
import {
  DEFAULTS,
  GRANT_ROLES,
  normalizeKeys,
  SERVICE_AGENTS,
  type GrantName,
  type KeySpec,
  type KmsKeyRingArgs,
} from "./spec";

/** Type token of {@link KmsKeyRing}. */
export const KMS_KEY_RING_TYPE = "platform:security:KmsKeyRing";

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
export class KmsKeyRing extends pulumi.ComponentResource {
  /** Key ring id (`projects/…/locations/…/keyRings/…`). */
  public readonly keyRingId: pulumi.Output<string>;
  /** Key ids by name; each resolves after the key's IAM grants exist. */
  public readonly keyIds: Readonly<Record<string, pulumi.Output<string>>>;
  /** The resolved key settings (defaults applied). */
  public readonly keySpecs: readonly KeySpec[];
  private readonly children: {
    ring?: gcp.kms.KeyRing;
    keys: Record<string, gcp.kms.CryptoKey>;
    members: gcp.kms.CryptoKeyIAMMember[];
  };

  constructor(name: string, args: KmsKeyRingArgs, opts?: pulumi.ComponentResourceOptions) {
    super(KMS_KEY_RING_TYPE, name, {}, opts);
    const ctx = args.ctx;
    const protect = args.protect ?? DEFAULTS.protect;
    const keySpecs = normalizeKeys(name, args);
    const ringChoice = args.keyRing ?? { create: true as const };
    const ring = ringChoice.create
      ? createRing(this, ringChoice.location ?? ctx.region, ringChoice.uniqueName ?? false)
      : undefined;
    const ringId = ring ? ring.id : pulumi.output(ringChoice.create ? "" : ringChoice.id);
    const projectNumber = keySpecs.some((k) => k.serviceAgents.length > 0)
      ? lookupProjectNumber(this)
      : undefined;
    const keys: Record<string, gcp.kms.CryptoKey> = {};
    const members: gcp.kms.CryptoKeyIAMMember[] = [];
    const keyIds: Record<string, pulumi.Output<string>> = {};
    for (const spec of keySpecs) {
      const key = createKey(this, spec, ringId);
      const grants = [...createGrants(this, spec, key), ...createAgentGrants(this, spec, key, projectNumber)];
      keys[spec.name] = key;
      members.push(...grants);
      keyIds[spec.name] = afterAll(key.id, grants);
    }
    this.keySpecs = keySpecs;
    this.keyIds = keyIds;
    this.keyRingId = ringId;
    this.children = { ...(ring ? { ring } : {}), keys, members };
    this.registerOutputs({ keyRingId: this.keyRingId, keyIds: this.keyIds });

    function createRing(parent: KmsKeyRing, location: string, unique: boolean): gcp.kms.KeyRing {
      // Ring names cannot be reused after deletion in a location: deterministic per env, or (for
      // environments that come and go) with a suffix that lives in state and is new after a destroy.
      const ringName = unique
        ? new random.RandomId(childName(name, "ring-suffix"), { byteLength: 3 }, { parent }).hex.apply((h) =>
            physicalName([ctx.app, ctx.env, name, h], { maxLength: 63 }),
          )
        : physicalName([ctx.app, ctx.env, name], { maxLength: 63 });
      return new gcp.kms.KeyRing(
        ...transform(
          args.transform?.keyRing,
          childName(name, "ring"),
          { name: ringName, location, project: ctx.project },
          { parent, protect },
        ),
      );
    }

    function createKey(parent: KmsKeyRing, spec: KeySpec, keyRing: pulumi.Input<string>): gcp.kms.CryptoKey {
      return new gcp.kms.CryptoKey(
        ...transform(
          args.transform?.cryptoKey,
          childName(name, "key", spec.name),
          {
            name: physicalName([spec.name], { maxLength: 63 }),
            keyRing,
            purpose: spec.purpose,
            ...(spec.rotationDays !== undefined ? { rotationPeriod: daysToDuration(spec.rotationDays) } : {}),
            destroyScheduledDuration: daysToDuration(spec.destroyScheduledDays),
            versionTemplate: { algorithm: spec.algorithm, protectionLevel: spec.protectionLevel },
            labels: platformLabels(ctx, "kms"),
          },
          { parent, protect },
        ),
      );
    }

    function createGrants(
      parent: KmsKeyRing,
      spec: KeySpec,
      key: gcp.kms.CryptoKey,
    ): gcp.kms.CryptoKeyIAMMember[] {
      const out: gcp.kms.CryptoKeyIAMMember[] = [];
      for (const [grant, list] of Object.entries(spec.grants) as [GrantName, pulumi.Input<string>[]][]) {
        list.forEach((member, i) => {
          out.push(
            new gcp.kms.CryptoKeyIAMMember(
              ...transform(
                args.transform?.iamMember,
                childName(name, "key", spec.name, grant, String(i)),
                { cryptoKeyId: key.id, role: GRANT_ROLES[grant], member },
                { parent },
              ),
            ),
          );
        });
      }
      return out;
    }

    function createAgentGrants(
      parent: KmsKeyRing,
      spec: KeySpec,
      key: gcp.kms.CryptoKey,
      number: pulumi.Output<string> | undefined,
    ): gcp.kms.CryptoKeyIAMMember[] {
      if (!number) return [];
      return spec.serviceAgents.map(
        (agent) =>
          new gcp.kms.CryptoKeyIAMMember(
            ...transform(
              args.transform?.iamMember,
              childName(name, "key", spec.name, "agent", agent),
              {
                cryptoKeyId: key.id,
                role: GRANT_ROLES.encrypterDecrypter,
                member: pulumi.interpolate`serviceAccount:service-${number}@${SERVICE_AGENTS[agent]}`,
              },
              { parent },
            ),
          ),
      );
    }

    function lookupProjectNumber(parent: KmsKeyRing): pulumi.Output<string> {
      return gcp.organizations
        .getProjectOutput({ projectId: ctx.project }, { parent })
        .apply((p) => p.number);
    }
  }

  /** Raw children, an escape hatch for wiring this library does not cover. */
  public get nodes() {
    return this.children;
  }
}
