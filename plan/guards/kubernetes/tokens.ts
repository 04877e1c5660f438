/**
 * Pulumi type tokens the Kubernetes guards read (`kubernetes:<group>/<version>:<Kind>`, as the
 * @pulumi/kubernetes SDK and CustomResource register them), and readers for what every pod rule
 * needs: the pod template of each workload kind, its containers and its labels.
 */
import type { GuardResource, RuleHit } from "../types";
import { isOpaque } from "../values";

/**
 * Kubernetes type tokens.
 *
 * @example
 * ```ts
 * if (resource.type === K8S.deployment) { ... }
 * ```
 */
export const K8S = {
  namespace: "kubernetes:core/v1:Namespace",
  service: "kubernetes:core/v1:Service",
  serviceAccount: "kubernetes:core/v1:ServiceAccount",
  pvc: "kubernetes:core/v1:PersistentVolumeClaim",
  pod: "kubernetes:core/v1:Pod",
  deployment: "kubernetes:apps/v1:Deployment",
  statefulSet: "kubernetes:apps/v1:StatefulSet",
  daemonSet: "kubernetes:apps/v1:DaemonSet",
  job: "kubernetes:batch/v1:Job",
  cronJob: "kubernetes:batch/v1:CronJob",
  hpa: "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
  pdb: "kubernetes:policy/v1:PodDisruptionBudget",
  networkPolicy: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
  roleBinding: "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding",
  clusterRoleBinding: "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding",
  knativeService: "kubernetes:serving.knative.dev/v1:Service",
  cnpgCluster: "kubernetes:postgresql.cnpg.io/v1:Cluster",
  scheduledBackup: "kubernetes:postgresql.cnpg.io/v1:ScheduledBackup",
  objectStore: "kubernetes:barmancloud.cnpg.io/v1:ObjectStore",
  certificate: "kubernetes:cert-manager.io/v1:Certificate",
  serviceMonitor: "kubernetes:monitoring.coreos.com/v1:ServiceMonitor",
  podMonitor: "kubernetes:monitoring.coreos.com/v1:PodMonitor",
  prometheusRule: "kubernetes:monitoring.coreos.com/v1:PrometheusRule",
  probe: "kubernetes:monitoring.coreos.com/v1:Probe",
} as const;

/** Where the pod spec sits, per workload type. */
export const POD_SPEC_PATH: Readonly<Record<string, string>> = {
  [K8S.pod]: "spec",
  [K8S.deployment]: "spec.template.spec",
  [K8S.statefulSet]: "spec.template.spec",
  [K8S.daemonSet]: "spec.template.spec",
  [K8S.job]: "spec.template.spec",
  [K8S.cronJob]: "spec.jobTemplate.spec.template.spec",
  [K8S.knativeService]: "spec.template.spec",
};

/** Every workload type whose pod template the pod rules read. */
export const WORKLOAD_TYPES: readonly string[] = Object.keys(POD_SPEC_PATH);
/** Workloads that serve (probes, replicas, PDBs apply), not run-to-completion jobs. */
export const SERVING_TYPES: readonly string[] = [
  K8S.deployment,
  K8S.statefulSet,
  K8S.daemonSet,
  K8S.knativeService,
];

/** A plain object, or undefined. */
export function obj(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === "object" && !Array.isArray(v) && !isOpaque(v)
    ? (v as Record<string, unknown>)
    : undefined;
}

/** Walks a dotted path of plain objects. */
export function at(v: unknown, path: string): unknown {
  let cur: unknown = v;
  for (const p of path.split(".")) {
    const o = obj(cur);
    if (!o) return undefined;
    cur = o[p];
  }
  return cur;
}

/** A list, or `[]`. */
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The pod spec of a workload, or undefined. */
export function podSpec(r: Pick<GuardResource, "type" | "inputs">): Record<string, unknown> | undefined {
  const path = POD_SPEC_PATH[r.type];
  return path === undefined ? undefined : obj(at(r.inputs, path));
}

/** One container with its place in the pod spec. */
export interface ContainerRef {
  readonly name: string;
  readonly init: boolean;
  readonly spec: Record<string, unknown>;
}

/** The containers of a workload (init containers flagged). */
export function containers(r: Pick<GuardResource, "type" | "inputs">): ContainerRef[] {
  const pod = podSpec(r);
  if (!pod) return [];
  const of = (key: string, init: boolean) =>
    list(pod[key]).flatMap((c, i) => {
      const spec = obj(c);
      if (!spec) return [];
      return [{ name: typeof spec["name"] === "string" ? spec["name"] : `#${i}`, init, spec }];
    });
  return [...of("initContainers", true), ...of("containers", false)];
}

/** The labels on a workload's pods (the template's, CNPG's `cnpg.io/cluster`). */
export function podLabels(r: Pick<GuardResource, "type" | "inputs">): Record<string, unknown> {
  if (r.type === K8S.cnpgCluster) {
    const name = at(r.inputs, "metadata.name");
    return typeof name === "string" ? { "cnpg.io/cluster": name } : {};
  }
  const path = POD_SPEC_PATH[r.type];
  if (path === undefined) return {};
  if (r.type === K8S.pod) return obj(at(r.inputs, "metadata.labels")) ?? {};
  return obj(at(r.inputs, `${path.slice(0, -".spec".length)}.metadata.labels`)) ?? {};
}

/**
 * True when a label selector (`matchLabels` and `In`/`NotIn`/`Exists`/`DoesNotExist`
 * `matchExpressions`) selects these labels. An empty selector selects everything.
 *
 * @example
 * ```ts
 * selects({ matchLabels: { app: "api" } }, { app: "api", env: "prod" }); // true
 * ```
 */
export function selects(selector: unknown, labels: Record<string, unknown>): boolean {
  const s = obj(selector);
  if (!s) return false;
  for (const [k, v] of Object.entries(obj(s["matchLabels"]) ?? {})) if (labels[k] !== v) return false;
  for (const e of list(s["matchExpressions"])) {
    const key = String(at(e, "key"));
    const values = list(at(e, "values"));
    const has = Object.hasOwn(labels, key);
    switch (at(e, "operator")) {
      case "In":
        if (!has || !values.includes(labels[key])) return false;
        break;
      case "NotIn":
        if (has && values.includes(labels[key])) return false;
        break;
      case "Exists":
        if (!has) return false;
        break;
      case "DoesNotExist":
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** The namespace of a resource's inputs (string), or undefined. */
export function namespaceOf(r: Pick<GuardResource, "inputs">): string | undefined {
  const ns = at(r.inputs, "metadata.namespace");
  return typeof ns === "string" ? ns : undefined;
}

/** `metadata.name`, else the logical name. */
export function objectName(r: Pick<GuardResource, "inputs" | "name">): string {
  const n = at(r.inputs, "metadata.name");
  return typeof n === "string" ? n : r.name;
}

/** Same namespace, or either unknown. */
export function sameNamespace(a: Pick<GuardResource, "inputs">, b: Pick<GuardResource, "inputs">): boolean {
  const x = namespaceOf(a);
  const y = namespaceOf(b);
  return x === undefined || y === undefined || x === y;
}

/**
 * A label for messages: `Deployment "api"`.
 *
 * @example
 * ```ts
 * k8sLabel({ type: K8S.deployment, name: "api-deployment", inputs: { metadata: { name: "api" } } }); // 'Deployment "api"'
 * ```
 */
export function k8sLabel(r: Pick<GuardResource, "type" | "name" | "inputs">): string {
  return `${r.type.slice(r.type.lastIndexOf(":") + 1)} "${objectName(r)}"`;
}

/**
 * A finding on one object, its message prefixed with the object's {@link k8sLabel}.
 *
 * @example
 * ```ts
 * k8sHit(deployment, "runs as root"); // { message: 'Deployment "api": runs as root', urn, type }
 * ```
 */
export function k8sHit(r: GuardResource, message: string): RuleHit {
  return { message: `${k8sLabel(r)}: ${message}`, urn: r.urn, type: r.type };
}
