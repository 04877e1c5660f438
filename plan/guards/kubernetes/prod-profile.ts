/**
 * Prod-profile invariants on Kubernetes (`k8s/prod-*`): PostgreSQL HA (3 CloudNativePG instances,
 * synchronous replication), backups (Barman Cloud plugin archiving WAL to an ObjectStore, and a
 * plugin ScheduledBackup), a PodDisruptionBudget and node/zone spread for every serving workload,
 * at least two replicas, and Pulumi `protect` on what holds data. Blocking in prod, advisory in
 * staging, silent in dev.
 */
import { Severity } from "../../model";
import {
  Category,
  Level,
  PROD_ONLY,
  Scope,
  type GuardResource,
  type RuleHit,
  type StackRule,
} from "../types";
import { isOpaque } from "../values";
import { K8S, at, k8sHit, list, obj, objectName, podLabels, podSpec, sameNamespace, selects } from "./tokens";

/** CloudNativePG instances prod requires (a primary and two standbys: one can be synchronous while another is down). */
export const K8S_PROD_MIN_INSTANCES = 3;
/** The Barman Cloud plugin's name. */
const BARMAN = "barman-cloud.cloudnative-pg.io";

const stack = {
  scope: Scope.stack,
  level: Level.L1,
  category: Category.prodProfile,
  enforcement: PROD_ONLY,
} as const;
const clusters = (rs: readonly GuardResource[]) =>
  rs.filter((r) => r.type === K8S.cnpgCluster && at(r.inputs, "spec.bootstrap.recovery") === undefined);

export const K8S_PROD_DB_HA: StackRule = {
  ...stack,
  id: "k8s/prod-db-ha",
  refs: [],
  severity: Severity.high,
  description: `Prod CloudNativePG Clusters run at least ${K8S_PROD_MIN_INSTANCES} instances with synchronous replication.`,
  remediation: "Set highAvailability: true (spec.instances ≥ 3 and spec.postgresql.synchronous).",
  appliesTo: [K8S.cnpgCluster],
  check(resources) {
    return clusters(resources).flatMap((r) => {
      const n = at(r.inputs, "spec.instances");
      if (isOpaque(n)) return [];
      const out: RuleHit[] = [];
      if (typeof n !== "number" || n < K8S_PROD_MIN_INSTANCES)
        out.push(
          k8sHit(
            r,
            `spec.instances is ${JSON.stringify(n ?? 1)}; prod runs at least ${K8S_PROD_MIN_INSTANCES}`,
          ),
        );
      const sync =
        obj(at(r.inputs, "spec.postgresql.synchronous")) ??
        (typeof at(r.inputs, "spec.minSyncReplicas") === "number" &&
          (at(r.inputs, "spec.minSyncReplicas") as number) > 0);
      if (!sync)
        out.push(
          k8sHit(
            r,
            "no synchronous replication (spec.postgresql.synchronous): a failover can lose committed transactions",
          ),
        );
      return out;
    });
  },
};

export const K8S_PROD_DB_BACKUPS: StackRule = {
  ...stack,
  id: "k8s/prod-db-backups",
  refs: [],
  severity: Severity.high,
  description:
    "Prod CloudNativePG Clusters archive WAL through the Barman Cloud plugin to an ObjectStore in the stack, and a ScheduledBackup with method plugin backs them up.",
  remediation:
    "Configure backups (platform:kubernetes.backups); the PostgresWithBackups component adds the ObjectStore, the plugin and the ScheduledBackup.",
  appliesTo: [K8S.cnpgCluster, K8S.objectStore, K8S.scheduledBackup],
  check(resources) {
    return clusters(resources).flatMap((r) => {
      const out: RuleHit[] = [];
      const plugin = list(at(r.inputs, "spec.plugins")).find((p) => at(p, "name") === BARMAN);
      const store = at(plugin, "parameters.barmanObjectName");
      if (!plugin || at(plugin, "isWALArchiver") !== true)
        out.push(
          k8sHit(r, "the Barman Cloud plugin does not archive its WAL (spec.plugins[].isWALArchiver)"),
        );
      else if (
        !resources.some((s) => s.type === K8S.objectStore && objectName(s) === store && sameNamespace(s, r))
      )
        out.push(
          k8sHit(r, `its WAL goes to ObjectStore ${JSON.stringify(store)}, which is not in the stack`),
        );
      const name = objectName(r);
      const scheduled = resources.some(
        (b) =>
          b.type === K8S.scheduledBackup &&
          at(b.inputs, "spec.cluster.name") === name &&
          at(b.inputs, "spec.method") === "plugin" &&
          at(b.inputs, "spec.suspend") !== true &&
          sameNamespace(b, r),
      );
      if (!scheduled) out.push(k8sHit(r, "no active ScheduledBackup with method plugin targets it"));
      return out;
    });
  },
};

const SERVING = [K8S.deployment, K8S.statefulSet];

export const K8S_PROD_PDB: StackRule = {
  ...stack,
  id: "k8s/prod-pdb",
  refs: [
    "kube-score deployment-has-poddisruptionbudget",
    "kube-score statefulset-has-poddisruptionbudget",
    "Polaris missingPodDisruptionBudget",
  ],
  severity: Severity.medium,
  description:
    "Every prod Deployment and StatefulSet has a PodDisruptionBudget selecting its pods; CloudNativePG keeps its own (enablePDB not false).",
  remediation: "Add a PDB (the components add one per workload); keep spec.enablePDB on CNPG Clusters.",
  appliesTo: [...SERVING, K8S.pdb, K8S.cnpgCluster],
  check(resources) {
    const pdbs = resources.filter((p) => p.type === K8S.pdb);
    return [
      ...resources
        .filter((r) => SERVING.includes(r.type as (typeof SERVING)[number]))
        .filter(
          (r) =>
            !pdbs.some((p) => sameNamespace(p, r) && selects(at(p.inputs, "spec.selector"), podLabels(r))),
        )
        .map((r) =>
          k8sHit(r, "no PodDisruptionBudget selects its pods (a node drain can take them all down)"),
        ),
      ...clusters(resources)
        .filter((r) => at(r.inputs, "spec.enablePDB") === false)
        .map((r) => k8sHit(r, "spec.enablePDB is false")),
    ];
  },
};

function spread(pod: Record<string, unknown> | undefined): boolean {
  if (!pod) return false;
  const topology = list(pod["topologySpreadConstraints"]).some((t) =>
    ["kubernetes.io/hostname", "topology.kubernetes.io/zone"].includes(String(at(t, "topologyKey"))),
  );
  const anti = obj(at(pod, "affinity.podAntiAffinity"));
  const terms = [
    ...list(anti?.["requiredDuringSchedulingIgnoredDuringExecution"]),
    ...list(anti?.["preferredDuringSchedulingIgnoredDuringExecution"]).map((t) => at(t, "podAffinityTerm")),
  ];
  return (
    topology ||
    terms.some((t) =>
      ["kubernetes.io/hostname", "topology.kubernetes.io/zone"].includes(String(at(t, "topologyKey"))),
    )
  );
}

export const K8S_PROD_SPREAD: StackRule = {
  ...stack,
  id: "k8s/prod-spread",
  refs: [
    "kube-score deployment-has-host-podantiaffinity",
    "kube-score statefulset-has-host-podantiaffinity",
    "kube-score pod-topology-spread-constraints",
    "Polaris topologySpreadConstraint",
  ],
  severity: Severity.medium,
  description:
    "Prod Deployments and StatefulSets spread their pods across nodes or zones (topologySpreadConstraints or podAntiAffinity); CloudNativePG keeps pod anti-affinity on.",
  remediation:
    "Add topologySpreadConstraints on kubernetes.io/hostname and topology.kubernetes.io/zone (the components do in prod).",
  appliesTo: [...SERVING, K8S.cnpgCluster],
  check(resources) {
    return [
      ...resources
        .filter((r) => SERVING.includes(r.type as (typeof SERVING)[number]) && !spread(podSpec(r)))
        .map((r) => k8sHit(r, "pods are not spread across nodes or zones")),
      ...clusters(resources)
        .filter((r) => at(r.inputs, "spec.affinity.enablePodAntiAffinity") === false)
        .map((r) => k8sHit(r, "spec.affinity.enablePodAntiAffinity is false")),
    ];
  },
};

export const K8S_PROD_REPLICAS: StackRule = {
  ...stack,
  id: "k8s/prod-replicas",
  refs: [
    "kube-score deployment-replicas",
    "kube-score horizontalpodautoscaler-replicas",
    "Polaris hpaMinAvailability",
    "Polaris deploymentMissingReplicas",
  ],
  severity: Severity.medium,
  description:
    "Prod Deployments and StatefulSets run at least 2 pods (an HPA's minReplicas, else spec.replicas).",
  remediation: "Set minInstances ≥ 2 (HPA minReplicas) or replicas ≥ 2.",
  appliesTo: [...SERVING, K8S.hpa],
  check(resources) {
    return resources
      .filter((r) => SERVING.includes(r.type as (typeof SERVING)[number]))
      .flatMap((r) => {
        const hpa = resources.find(
          (h) =>
            h.type === K8S.hpa &&
            at(h.inputs, "spec.scaleTargetRef.name") === objectName(r) &&
            sameNamespace(h, r),
        );
        const n = hpa ? (at(hpa.inputs, "spec.minReplicas") ?? 1) : (at(r.inputs, "spec.replicas") ?? 1);
        if (isOpaque(n)) return [];
        return typeof n === "number" && n >= 2
          ? []
          : [
              k8sHit(
                r,
                `${hpa ? "HPA minReplicas" : "spec.replicas"} is ${JSON.stringify(n)}; prod runs at least 2`,
              ),
            ];
      });
  },
};

/** Objects whose loss loses data: Pulumi must refuse to delete them in prod. */
const PROTECTED = [K8S.cnpgCluster, K8S.pvc, K8S.statefulSet, K8S.objectStore];

export const K8S_PROD_PROTECT: StackRule = {
  ...stack,
  id: "k8s/prod-protect",
  refs: [],
  severity: Severity.high,
  description:
    "Prod CloudNativePG Clusters, their ObjectStores, PersistentVolumeClaims and StatefulSets with volume claims carry Pulumi `protect`.",
  remediation: "Keep database.deletionProtection (and the cache's protect) on in prod.",
  appliesTo: PROTECTED,
  check(resources) {
    return resources
      .filter((r) => PROTECTED.includes(r.type as (typeof PROTECTED)[number]) && r.protect !== true)
      .filter((r) => r.type !== K8S.statefulSet || list(at(r.inputs, "spec.volumeClaimTemplates")).length > 0)
      .filter((r) => at(r.inputs, "spec.bootstrap.recovery") === undefined)
      .map((r) => k8sHit(r, "not protected: a destroy or an accidental delete removes it and its data"));
  },
};

/**
 * The Kubernetes prod-profile rules.
 *
 * @example
 * ```ts
 * K8S_PROD_RULES.every((r) => r.id.startsWith("k8s/prod-")); // true
 * ```
 */
export const K8S_PROD_RULES: readonly StackRule[] = [
  K8S_PROD_DB_HA,
  K8S_PROD_DB_BACKUPS,
  K8S_PROD_PDB,
  K8S_PROD_SPREAD,
  K8S_PROD_REPLICAS,
  K8S_PROD_PROTECT,
];
