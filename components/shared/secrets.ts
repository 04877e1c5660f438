import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import type { PlatformContext } from "./context";
import { childName, physicalName } from "./naming";
import { transform, type Transform } from "./transform";

/** Options for {@link createStoredSecret}. */
export interface StoredSecretArgs {
  readonly ctx: PlatformContext;
  /** Component instance name (logical names become `${owner}-${role}-secret[-version]`). */
  readonly owner: string;
  /** What the secret holds, e.g. `password`, `url`, `redis-auth`. */
  readonly role: string;
  readonly data: pulumi.Input<string>;
  readonly labels: Readonly<Record<string, string>>;
  /** CMEK key: the secret is replicated in the environment's region, encrypted with it. @default automatic replication, Google keys */
  readonly kmsKeyId?: pulumi.Input<string>;
  /** Secret Manager deletion protection and Pulumi `protect`. @default false */
  readonly protect?: boolean;
  readonly parent: pulumi.Resource;
  readonly transform?: {
    readonly secret?: Transform<gcp.secretmanager.SecretArgs>;
    readonly secretVersion?: Transform<gcp.secretmanager.SecretVersionArgs>;
  };
}

/**
 * A Secret Manager secret with one version holding `data` (always marked secret). With a CMEK key
 * the secret is user-managed in the environment's region; replaced versions are disabled, not
 * destroyed (`deletionPolicy: DISABLE`), so a rotation never loses the previous value.
 *
 * @example
 * ```ts
 * const { secret } = createStoredSecret({ ctx, owner: "db", role: "url", data: url, labels, kmsKeyId, protect: true, parent: this });
 * ```
 */
export function createStoredSecret(a: StoredSecretArgs): {
  secret: gcp.secretmanager.Secret;
  version: gcp.secretmanager.SecretVersion;
} {
  const { ctx } = a;
  const protect = a.protect ?? false;
  const secret = new gcp.secretmanager.Secret(
    ...transform(
      a.transform?.secret,
      childName(a.owner, a.role, "secret"),
      {
        secretId: physicalName([ctx.app, ctx.env, a.owner, a.role], { maxLength: 255 }),
        project: ctx.project,
        labels: { ...a.labels },
        deletionProtection: protect,
        replication:
          a.kmsKeyId !== undefined
            ? {
                userManaged: {
                  replicas: [{ location: ctx.region, customerManagedEncryption: { kmsKeyName: a.kmsKeyId } }],
                },
              }
            : { auto: {} },
      },
      { parent: a.parent, protect },
    ),
  );
  const version = new gcp.secretmanager.SecretVersion(
    ...transform(
      a.transform?.secretVersion,
      childName(a.owner, a.role, "secret-version"),
      { secret: secret.id, secretData: pulumi.secret(a.data), deletionPolicy: "DISABLE" },
      { parent: a.parent },
    ),
  );
  return { secret, version };
}
