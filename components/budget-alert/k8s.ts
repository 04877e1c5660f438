import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { gibQuantity, k8sLabels, releaseLabel, type KubernetesContext } from "../shared/kubernetes";
import { DEFAULT_KUBERNETES_RATES } from "../shared/kubernetes-rates";
import { childName } from "../shared/naming";
import { transform, type Transform } from "../shared/transform";
import { BUDGET_ALERT_TYPE } from "./gcp";
import { projectedCostExpr, quotaHard, validateK8sBudget, type QuotaSize } from "./k8s-spec";

/**
 * Arguments of {@link K8sBudgetAlert}.
 *
 * @example
 * ```ts
 * const args: K8sBudgetAlertArgs = { ctx, namespace: "shop-k8s-dev", amount: 60, thresholds: [0.5, 0.9, 1.0] };
 * ```
 */
export interface K8sBudgetAlertArgs {
  readonly ctx: KubernetesContext;
  /** The namespace name (known at synth: the quota's alerts filter on it). */
  readonly namespace: string;
  /** Monthly amount in USD. */
  readonly amount: number;
  /** Fractions of `amount` that alert (projected spend; quota use for those ≤ 1). @default [0.5, 0.9, 1.0] */
  readonly thresholds?: readonly number[];
  /** What the stack's own pods request at minimum scale: the quota must hold it. @default not checked */
  readonly planned?: QuotaSize;
  /** Create the Namespace dependency through this resource (the Network's Namespace). */
  readonly dependsOn?: pulumi.Input<pulumi.Resource>[];
  readonly transform?: {
    quota?: Transform<k8s.core.v1.ResourceQuotaArgs>;
    limitRange?: Transform<k8s.core.v1.LimitRangeArgs>;
  };
}

/**
 * `platform:cost:BudgetAlert` on Kubernetes. A cluster has no money budget, so the budget becomes
 * a cap and an alarm: a ResourceQuota sized from `amount` at the stack's rates (refused when it
 * would not even hold the stack's own pods), a LimitRange (defaults for containers that set no
 * resources, a ceiling per container and per PVC), and a PrometheusRule that alerts when the
 * projected monthly spend of the namespace's requests or its quota use crosses each threshold.
 * The cost-allocation labels (`env`, `app`, `team`, `cost-center`, `app.kubernetes.io/*`) are on
 * every object the platform creates, for OpenCost. Cost: free.
 *
 * @example
 * ```ts
 * new K8sBudgetAlert("budget", { ctx, namespace: "shop-k8s-prod", amount: 1500 });
 * ```
 */
export class K8sBudgetAlert extends pulumi.ComponentResource {
  public readonly quota: QuotaSize;
  /** Name of the ResourceQuota (`budget` outputs name it). */
  public readonly budgetName: pulumi.Output<string>;
  public readonly nodes: Readonly<Record<string, pulumi.Resource>>;

  constructor(name: string, args: K8sBudgetAlertArgs, opts?: pulumi.ComponentResourceOptions) {
    super(BUDGET_ALERT_TYPE, name, {}, opts);
    const { ctx, namespace } = args;
    const rates = ctx.rates ?? DEFAULT_KUBERNETES_RATES;
    const thresholds = args.thresholds ?? [0.5, 0.9, 1.0];
    const q = validateK8sBudget(name, args.amount, thresholds, rates, args.planned);
    const parent = this;
    const labels = k8sLabels(ctx, "budget", name);
    const depends = { parent, ...(args.dependsOn ? { dependsOn: args.dependsOn } : {}) };
    const quota = new k8s.core.v1.ResourceQuota(
      ...transform(
        args.transform?.quota,
        childName(name, "quota"),
        { metadata: { name, namespace, labels }, spec: { hard: quotaHard(q) } },
        depends,
      ),
    );
    const maxCpu = Math.max(1, Math.min(4, Math.floor(q.cpu)));
    const limitRange = new k8s.core.v1.LimitRange(
      ...transform(
        args.transform?.limitRange,
        childName(name, "limits"),
        {
          metadata: { name, namespace, labels },
          spec: {
            limits: [
              {
                type: "Container",
                default: { cpu: "500m", memory: "256Mi", "ephemeral-storage": "256Mi" },
                defaultRequest: { cpu: "50m", memory: "128Mi", "ephemeral-storage": "64Mi" },
                max: {
                  cpu: String(maxCpu),
                  memory: gibQuantity(Math.max(1, Math.min(16, Math.floor(q.memoryGib)))),
                },
              },
              { type: "PersistentVolumeClaim", max: { storage: `${Math.max(1, q.storageGb)}Gi` } },
            ],
          },
        },
        depends,
      ),
    );
    const rules = thresholds.flatMap((t) => {
      const pct = Math.round(t * 100);
      const severity = t >= 1 ? "critical" : "warning";
      const spend = {
        alert: `NamespaceSpendAbove${pct}Percent`,
        expr: `${projectedCostExpr(namespace, rates)} > ${Math.round(args.amount * t * 100) / 100}`,
        for: "1h",
        labels: { severity, namespace },
        annotations: {
          summary: `${namespace}: projected monthly spend is above ${pct} % of the ${args.amount} USD budget`,
          description:
            "Requests × the stack's rates (platform:kubernetes.rates). Check first: the HPA's current replicas and any new PVC.",
        },
      };
      if (t > 1) return [spend];
      return [
        spend,
        {
          alert: `ResourceQuotaAbove${pct}Percent`,
          expr: `kube_resourcequota{namespace="${namespace}",type="used"} / ignoring(type) kube_resourcequota{namespace="${namespace}",type="hard"} > ${t}`,
          for: "15m",
          labels: { severity, namespace },
          annotations: {
            summary: `${namespace}: {{ $labels.resource }} quota use is above ${pct} %`,
            description:
              "New pods are refused once the quota is full. Check first: which workload grew (kubectl describe quota).",
          },
        },
      ];
    });
    const rule = new k8s.apiextensions.CustomResource(
      childName(name, "rules"),
      {
        apiVersion: "monitoring.coreos.com/v1",
        kind: "PrometheusRule",
        metadata: { name: childName(name, "budget"), namespace, labels: { ...labels, ...releaseLabel(ctx) } },
        spec: { groups: [{ name: `${namespace}-budget`, rules }] },
      },
      depends,
    );
    this.quota = q;
    this.budgetName = pulumi.output(name);
    this.nodes = { quota, limitRange, rule };
    this.registerOutputs({ budgetName: this.budgetName });
  }
}
