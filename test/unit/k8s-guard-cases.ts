/**
 * One failing and one passing fixture per Kubernetes rule id (prod profile), shared by the guard
 * tests and the CrossGuard policy tests. Failing fixtures break one thing in the careful prod
 * inventory (k8s-fixtures.ts), the way Checkov's own test cases pair a FAILED object with a PASSED one.
 */
import type { GuardResource } from "../../plan/guards/types";
import { k8sInventory, k8sRes } from "./k8s-fixtures";

/** What a case feeds runGuards. */
export interface K8sCaseInput {
  readonly resources: readonly GuardResource[];
}

/** A rule's failing and passing fixture. */
export interface K8sRuleCase {
  readonly rule: string;
  readonly fail: () => K8sCaseInput;
  /** @default {@link carefulK8sProd} */
  readonly pass?: () => K8sCaseInput;
}

/** The careful prod inventory: passes every Kubernetes rule. */
export function carefulK8sProd(): K8sCaseInput {
  return { resources: k8sInventory("prod") };
}

function edit(name: string, change: (inputs: any) => void): K8sCaseInput {
  const resources = carefulK8sProd().resources.map((r) => {
    if (r.name !== name) return r;
    const inputs = structuredClone(r.inputs) as Record<string, unknown>;
    change(inputs);
    return { ...r, inputs };
  });
  if (!resources.some((r) => r.name === name)) throw new Error(`no resource named ${name}`);
  return { resources };
}
const set = (name: string, path: string, value: unknown) =>
  edit(name, (i) => {
    const parts = path.split(".");
    let cur = i;
    for (const p of parts.slice(0, -1)) cur = (cur[p] ??= {}) as Record<string, unknown>;
    if (value === undefined) delete cur[parts[parts.length - 1]!];
    else cur[parts[parts.length - 1]!] = value;
  });
const without = (...names: string[]): K8sCaseInput => ({
  resources: carefulK8sProd().resources.filter((r) => !names.includes(r.name)),
});
const plus = (r: GuardResource): K8sCaseInput => ({ resources: [...carefulK8sProd().resources, r] });
const API = "spec.template.spec";
const APP = `${API}.containers.0`;
const NS = "acme-k8s-prod";

/** Every Kubernetes rule id with its fixtures. */
export const K8S_RULE_CASES: readonly K8sRuleCase[] = [
  // Pods and containers
  { rule: "k8s/no-privileged", fail: () => set("api-deployment", `${APP}.securityContext.privileged`, true) },
  { rule: "k8s/no-host-namespaces", fail: () => set("api-deployment", `${API}.hostNetwork`, true) },
  {
    rule: "k8s/no-privilege-escalation",
    fail: () => set("cache-statefulset", `${APP}.securityContext.allowPrivilegeEscalation`, true),
  },
  {
    rule: "k8s/read-only-root-filesystem",
    fail: () => set("api-deployment", `${APP}.securityContext.readOnlyRootFilesystem`, false),
  },
  { rule: "k8s/run-as-non-root", fail: () => set("api-deployment", `${API}.securityContext.runAsUser`, 0) },
  { rule: "k8s/high-uid", fail: () => set("api-deployment", `${API}.securityContext.runAsUser`, 1000) },
  {
    rule: "k8s/drop-all-capabilities",
    fail: () => set("api-deployment", `${APP}.securityContext.capabilities.drop`, ["NET_RAW"]),
  },
  {
    rule: "k8s/no-added-capabilities",
    fail: () => set("api-deployment", `${APP}.securityContext.capabilities.add`, ["SYS_ADMIN"]),
  },
  { rule: "k8s/no-host-port", fail: () => set("api-deployment", `${APP}.ports.0.hostPort`, 8080) },
  { rule: "k8s/security-context", fail: () => set("api-deployment", `${APP}.securityContext`, undefined) },
  {
    rule: "k8s/seccomp",
    fail: () =>
      edit("api-deployment", (i) => {
        i.spec.template.spec.securityContext.seccompProfile = { type: "Unconfined" };
        i.spec.template.spec.containers[0].securityContext.seccompProfile = { type: "Unconfined" };
      }),
  },
  {
    rule: "k8s/restricted-volume-types",
    fail: () =>
      edit("api-deployment", (i) => {
        i.spec.template.spec.volumes.push({ name: "host", hostPath: { path: "/var/run" } });
      }),
  },
  {
    rule: "k8s/container-resources",
    fail: () => set("api-deployment", `${APP}.resources.limits`, undefined),
  },
  {
    rule: "k8s/ephemeral-storage",
    fail: () => set("cache-statefulset", `${APP}.resources.requests.ephemeral-storage`, undefined),
  },
  {
    rule: "k8s/image-tag-fixed",
    fail: () => set("api-deployment", `${APP}.image`, "ghcr.io/acme/api:latest"),
  },
  { rule: "k8s/image-digest", fail: () => set("api-deployment", `${APP}.image`, "ghcr.io/acme/api:1.42.0") },
  {
    rule: "k8s/image-pull-always",
    fail: () => set("api-deployment", `${APP}.imagePullPolicy`, "IfNotPresent"),
  },
  { rule: "k8s/liveness-probe", fail: () => set("api-deployment", `${APP}.livenessProbe`, undefined) },
  { rule: "k8s/readiness-probe", fail: () => set("cache-statefulset", `${APP}.readinessProbe`, undefined) },
  {
    rule: "k8s/probes-distinct",
    fail: () =>
      edit("api-deployment", (i) => {
        const c = i.spec.template.spec.containers[0];
        c.livenessProbe = structuredClone(c.readinessProbe);
      }),
  },
  {
    rule: "k8s/no-literal-secret-env",
    fail: () =>
      edit("api-deployment", (i) => {
        i.spec.template.spec.containers[0].env.push({ name: "STRIPE_API_KEY", value: "sk_live_abc" });
      }),
  },
  // Objects and the stack
  {
    rule: "k8s/namespace-pod-security",
    fail: () =>
      edit("namespace", (i) => {
        i.metadata.labels["pod-security.kubernetes.io/enforce"] = "baseline";
      }),
  },
  { rule: "k8s/not-default-namespace", fail: () => set("api-service", "metadata.namespace", "default") },
  { rule: "k8s/network-policy", fail: () => without("default-deny", "cache-network-policy") },
  { rule: "k8s/default-deny", fail: () => without("default-deny") },
  {
    rule: "k8s/service-account-token",
    fail: () => set("api-deployment", `${API}.automountServiceAccountToken`, true),
  },
  {
    rule: "k8s/default-service-account",
    fail: () =>
      plus(
        k8sRes(
          {
            apiVersion: "rbac.authorization.k8s.io/v1",
            kind: "RoleBinding",
            metadata: { name: "reader", namespace: NS },
            roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "reader" },
            subjects: [{ kind: "ServiceAccount", name: "default", namespace: NS }],
          },
          { name: "reader-binding", component: "api", stack: "k8s-prod" },
        ),
      ),
  },
  { rule: "k8s/hpa-owns-replicas", fail: () => set("api-deployment", "spec.replicas", 3) },
  { rule: "k8s/pdb-allows-disruption", fail: () => set("api-pdb", "spec.maxUnavailable", 0) },
  {
    rule: "k8s/selector-matches-template",
    fail: () => set("api-deployment", "spec.selector.matchLabels", { "app.kubernetes.io/name": "other" }),
  },
  {
    rule: "k8s/statefulset-service-name",
    fail: () => set("cache-statefulset", "spec.serviceName", undefined),
  },
  { rule: "k8s/service-type", fail: () => set("api-service", "spec.type", "NodePort") },
  {
    rule: "k8s/stable-api-version",
    fail: () =>
      plus(
        k8sRes(
          {
            apiVersion: "policy/v1beta1",
            kind: "PodDisruptionBudget",
            metadata: { name: "old", namespace: NS },
            spec: { maxUnavailable: 1 },
          },
          { name: "old-pdb", component: "api", stack: "k8s-prod" },
        ),
      ),
  },
  { rule: "k8s/cnpg-no-superuser-access", fail: () => set("db-cluster", "spec.enableSuperuserAccess", true) },
  {
    rule: "k8s/cnpg-no-deprecated-backup",
    fail: () => set("db-cluster", "spec.backup", { barmanObjectStore: { destinationPath: "s3://acme/db" } }),
  },
  { rule: "k8s/certificate-rotation", fail: () => set("kms-db-certificate", "spec.duration", "8760h") },
  {
    rule: "k8s/monitoring-release-label",
    fail: () => set("obs-probe", "metadata.labels.release", undefined),
  },
  // Prod profile
  { rule: "k8s/prod-db-ha", fail: () => set("db-cluster", "spec.instances", 1) },
  { rule: "k8s/prod-db-backups", fail: () => without("db-scheduled-backup") },
  { rule: "k8s/prod-pdb", fail: () => without("api-pdb") },
  {
    rule: "k8s/prod-spread",
    fail: () =>
      edit("cache-statefulset", (i) => {
        delete i.spec.template.spec.topologySpreadConstraints;
        delete i.spec.template.spec.affinity;
      }),
  },
  { rule: "k8s/prod-replicas", fail: () => set("api-hpa", "spec.minReplicas", 1) },
  {
    rule: "k8s/prod-protect",
    fail: () => ({
      resources: carefulK8sProd().resources.map((r) =>
        r.name === "db-cluster" ? { ...r, protect: false } : r,
      ),
    }),
  },
];
