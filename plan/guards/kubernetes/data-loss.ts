/**
 * The Kubernetes half of the data-loss table (plan/guards/data-loss.ts runs it): which objects
 * hold data (a CloudNativePG Cluster's volumes, a PersistentVolumeClaim, a StatefulSet's volume
 * claims such as the Valkey cache's), what survives a replace or delete, and the safeguard whose
 * removal warns.
 */
import { read } from "../values";

/**
 * Kubernetes types that hold data, and what a destroy loses.
 *
 * @example
 * ```ts
 * KUBERNETES_DATA_RESOURCES["kubernetes:postgresql.cnpg.io/v1:Cluster"];
 * ```
 */
export const KUBERNETES_DATA_RESOURCES = {
  "kubernetes:postgresql.cnpg.io/v1:Cluster":
    "every database in the CloudNativePG cluster: the operator deletes its instances' PVCs with it (the new cluster starts from initdb, empty)",
  "kubernetes:core/v1:PersistentVolumeClaim":
    "the volume's data (with the usual Delete reclaim policy the PersistentVolume and its disk go with the claim)",
  "kubernetes:apps/v1:StatefulSet":
    "the pods' state; their volume claims go too unless persistentVolumeClaimRetentionPolicy keeps them (the cache's keys, sessions and queues)",
} as const satisfies Record<string, string>;

/**
 * What survives the destroy, read from the old inputs, or undefined. The loss still blocks.
 *
 * @example
 * ```ts
 * kubernetesRetainedAfterDestroy("kubernetes:apps/v1:StatefulSet", { spec: { persistentVolumeClaimRetentionPolicy: { whenDeleted: "Retain" } } });
 * ```
 */
export function kubernetesRetainedAfterDestroy(type: string, inputs: unknown): string | undefined {
  const value = (path: string) => {
    const r = read(inputs, path);
    return r.kind === "set" ? r.value : undefined;
  };
  switch (type) {
    case "kubernetes:postgresql.cnpg.io/v1:Cluster": {
      const plugins = value("spec.plugins");
      const store = Array.isArray(plugins)
        ? (plugins as { isWALArchiver?: unknown; parameters?: { barmanObjectName?: unknown } }[]).find(
            (p) => p.isWALArchiver === true,
          )?.parameters?.barmanObjectName
        : undefined;
      return typeof store === "string"
        ? `Base backups and WAL stay in ObjectStore "${store}": a new Cluster can bootstrap from them (bootstrap.recovery, PITR) up to the last archived WAL`
        : undefined;
    }
    case "kubernetes:apps/v1:StatefulSet":
      return value("spec.persistentVolumeClaimRetentionPolicy.whenDeleted") === "Retain"
        ? "The volume claims are retained (persistentVolumeClaimRetentionPolicy.whenDeleted Retain): a StatefulSet with the same name and claim templates re-attaches them"
        : undefined;
    default:
      return undefined;
  }
}

/**
 * Kubernetes safeguards: turning one off warns (never blocks).
 *
 * @example
 * ```ts
 * KUBERNETES_SAFEGUARDS[0]?.path; // "spec.persistentVolumeClaimRetentionPolicy.whenDeleted"
 * ```
 */
export const KUBERNETES_SAFEGUARDS = [
  {
    type: "kubernetes:apps/v1:StatefulSet",
    path: "spec.persistentVolumeClaimRetentionPolicy.whenDeleted",
    defaultOn: true,
    off: "Delete",
  },
] as const;
