import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { clone, DNS_EGRESS, k8sLabels, restrictedPod, RESTRICTED_CONTAINER } from "../shared/kubernetes";
import { childName } from "../shared/naming";
import { CNPG_API, K8S_PG_DEFAULTS, restoreTestScript } from "./k8s-spec";
import type { K8sPostgresArgs } from "./k8s";

/**
 * The restore test's image: it needs `sh` and `kubectl`. The upstream registry.k8s.io/kubectl image
 * is distroless (no shell), so the default is alpine/k8s (kubectl, sh, jq on Alpine); set
 * `restoreTest.image` to your own mirror.
 */
export const KUBECTL_IMAGE = "alpine/k8s:1.34.1" as const;

/**
 * The restore test: ServiceAccount + Role + RoleBinding + ConfigMap (the recovery Cluster
 * manifest) + CronJob + its NetworkPolicy. The CronJob creates the throw-away Cluster, waits for
 * it, checks the restored data and deletes it; a failed Job fires `PostgresRestoreTestFailed`.
 *
 * @example
 * ```ts
 * Object.assign(nodes, createRestoreTest(this, "db", args, "db-restore-test", spec, origin, "0 0 5 * * 0", labels));
 * ```
 */
export function createRestoreTest(
  parent: pulumi.Resource,
  name: string,
  args: K8sPostgresArgs,
  restoreName: string,
  spec: Record<string, unknown>,
  origin: Record<string, unknown>,
  schedule: string,
  labels: Record<string, string>,
): Record<string, pulumi.Resource> {
  const { ctx, namespace } = args;
  const jobName = childName(name, "restore-test");
  const testLabels = k8sLabels(ctx, "postgres", jobName);
  const sa = new k8s.core.v1.ServiceAccount(
    childName(name, "restore-test-sa"),
    { metadata: { name: jobName, namespace, labels: testLabels }, automountServiceAccountToken: false },
    { parent },
  );
  const role = new k8s.rbac.v1.Role(
    childName(name, "restore-test-role"),
    {
      metadata: { name: jobName, namespace, labels: testLabels },
      rules: [
        {
          apiGroups: ["postgresql.cnpg.io"],
          resources: ["clusters"],
          verbs: ["get", "list", "watch", "create", "patch", "delete"],
        },
        { apiGroups: [""], resources: ["pods"], verbs: ["get", "list"] },
        { apiGroups: [""], resources: ["pods/exec"], verbs: ["create"] },
      ],
    },
    { parent },
  );
  const binding = new k8s.rbac.v1.RoleBinding(
    childName(name, "restore-test-binding"),
    {
      metadata: { name: jobName, namespace, labels: testLabels },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: jobName },
      subjects: [{ kind: "ServiceAccount", name: jobName, namespace }],
    },
    { parent, dependsOn: [role, sa] },
  );
  const manifest = pulumi.output(namespace).apply((ns) =>
    JSON.stringify({
      apiVersion: CNPG_API,
      kind: "Cluster",
      metadata: { name: restoreName, namespace: ns, labels },
      spec: { ...spec, externalClusters: [origin] },
    }),
  );
  const config = new k8s.core.v1.ConfigMap(
    childName(name, "restore-test-manifest"),
    { metadata: { name: jobName, namespace, labels: testLabels }, data: { "cluster.json": manifest } },
    { parent },
  );
  const cronJob = new k8s.batch.v1.CronJob(
    childName(name, "restore-test"),
    {
      metadata: { name: jobName, namespace, labels: testLabels },
      spec: {
        // CronJob schedules have five fields; the six-field CNPG form drops its seconds here.
        schedule: schedule.trim().split(/\s+/).slice(1).join(" "),
        concurrencyPolicy: "Forbid",
        successfulJobsHistoryLimit: 1,
        failedJobsHistoryLimit: 3,
        jobTemplate: {
          metadata: { labels: testLabels },
          spec: {
            backoffLimit: 0,
            activeDeadlineSeconds: 4 * 3600,
            template: {
              metadata: { labels: testLabels },
              spec: {
                serviceAccountName: jobName,
                automountServiceAccountToken: true,
                restartPolicy: "Never",
                securityContext: restrictedPod(),
                containers: [
                  {
                    name: "restore-test",
                    image: args.restoreTest?.image ?? KUBECTL_IMAGE,
                    imagePullPolicy: "Always",
                    command: [
                      "/bin/sh",
                      "-c",
                      restoreTestScript(
                        restoreName,
                        args.restoreTest?.maxAgeHours ?? K8S_PG_DEFAULTS.restoreTestMaxAgeHours,
                      ),
                    ],
                    securityContext: clone(RESTRICTED_CONTAINER),
                    resources: {
                      requests: { cpu: "50m", memory: "64Mi", "ephemeral-storage": "64Mi" },
                      limits: { cpu: "200m", memory: "128Mi", "ephemeral-storage": "128Mi" },
                    },
                    volumeMounts: [{ name: "manifest", mountPath: "/manifest", readOnly: true }],
                  },
                ],
                volumes: [{ name: "manifest", configMap: { name: jobName } }],
              },
            },
          },
        },
      },
    },
    { parent, dependsOn: [binding, config] },
  );
  const policy = new k8s.networking.v1.NetworkPolicy(
    childName(name, "restore-test-policy"),
    {
      metadata: { name: jobName, namespace, labels: testLabels },
      spec: {
        podSelector: { matchLabels: { "app.kubernetes.io/name": jobName } },
        policyTypes: ["Ingress", "Egress"],
        egress: [
          clone(DNS_EGRESS),
          { to: [{ ipBlock: { cidr: "0.0.0.0/0" } }], ports: [{ port: 443 }, { port: 6443 }] },
        ],
      },
    },
    { parent },
  );
  return {
    restoreTestAccount: sa,
    restoreTestRole: role,
    restoreTestBinding: binding,
    restoreTestManifest: config,
    restoreTestCronJob: cronJob,
    restoreTestPolicy: policy,
  };
}
