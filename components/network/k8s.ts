import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { clone, DNS_EGRESS, k8sLabels, type KubernetesContext } from "../shared/kubernetes";
import { DEFAULT_KUBERNETES_RATES, KUBERNETES_RATES_ANNOTATION } from "../shared/kubernetes-rates";
import { childName } from "../shared/naming";
import { transform, type Transform } from "../shared/transform";
import { NETWORK_TYPE } from "./gcp";

/** Pod Security Standards level every platform namespace enforces, audits and warns on. */
export const POD_SECURITY_LEVEL = "restricted" as const;

/**
 * Arguments of {@link K8sNetwork}.
 *
 * @example
 * ```ts
 * const args: K8sNetworkArgs = { ctx };
 * ```
 */
export interface K8sNetworkArgs {
  readonly ctx: KubernetesContext;
  readonly transform?: {
    namespace?: Transform<k8s.core.v1.NamespaceArgs>;
    defaultDeny?: Transform<k8s.networking.v1.NetworkPolicyArgs>;
  };
}

/**
 * The labels of a platform namespace: Pod Security "restricted" enforced, audited and warned on
 * (pinned to `latest` so the cluster's own version applies).
 *
 * @example
 * ```ts
 * podSecurityLabels()["pod-security.kubernetes.io/enforce"]; // "restricted"
 * ```
 */
export function podSecurityLabels(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const mode of ["enforce", "audit", "warn"] as const) {
    out[`pod-security.kubernetes.io/${mode}`] = POD_SECURITY_LEVEL;
    out[`pod-security.kubernetes.io/${mode}-version`] = "latest";
  }
  return out;
}

/**
 * `platform:network:Network` on Kubernetes: the environment's Namespace (Pod Security
 * "restricted", the stack's cost rates as an annotation) with a default-deny NetworkPolicy for
 * ingress and egress and one policy that lets every pod resolve names through cluster DNS. Each
 * workload then opens exactly what it needs in its own policy. Cost: free.
 *
 * @example
 * ```ts
 * const net = new K8sNetwork("net", { ctx });
 * new K8sPostgresWithBackups("db", { ctx, namespace: net.namespace, ... });
 * ```
 */
export class K8sNetwork extends pulumi.ComponentResource {
  /** The namespace's name (resolves once the Namespace exists). */
  public readonly namespace: pulumi.Output<string>;
  public readonly nodes: {
    readonly namespace: k8s.core.v1.Namespace;
    readonly defaultDeny: k8s.networking.v1.NetworkPolicy;
    readonly allowDns: k8s.networking.v1.NetworkPolicy;
  };

  constructor(name: string, args: K8sNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
    super(NETWORK_TYPE, name, {}, opts);
    const ctx = args.ctx;
    const parent = this;
    const labels = k8sLabels(ctx, "network", "namespace");
    const ns = new k8s.core.v1.Namespace(
      ...transform(
        args.transform?.namespace,
        childName(name, "namespace"),
        {
          metadata: {
            name: ctx.namespace,
            labels: { ...labels, ...podSecurityLabels() },
            annotations: {
              [KUBERNETES_RATES_ANNOTATION]: JSON.stringify(ctx.rates ?? DEFAULT_KUBERNETES_RATES),
            },
          },
        },
        { parent },
      ),
    );
    const namespace = ns.metadata.name;
    const defaultDeny = new k8s.networking.v1.NetworkPolicy(
      ...transform(
        args.transform?.defaultDeny,
        childName(name, "default-deny"),
        {
          metadata: { name: "default-deny", namespace, labels },
          spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
        },
        { parent },
      ),
    );
    const allowDns = new k8s.networking.v1.NetworkPolicy(
      childName(name, "allow-dns"),
      {
        metadata: { name: "allow-dns", namespace, labels },
        spec: { podSelector: {}, policyTypes: ["Egress"], egress: [clone(DNS_EGRESS)] },
      },
      { parent },
    );
    this.namespace = namespace;
    this.nodes = { namespace: ns, defaultDeny, allowDns };
    this.registerOutputs({ namespace });
  }
}
