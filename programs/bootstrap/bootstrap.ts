import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { PlatformError } from "../../components/shared/errors";
import { bool, pattern, section } from "../schema/fields";
import {
  BARMAN_CLOUD_PLUGIN,
  BLACKBOX_EXPORTER,
  CERT_MANAGER,
  CNPG,
  KNATIVE_SERVING,
  KUBE_PROMETHEUS_STACK,
  type HelmPin,
} from "./versions";

/**
 * The cluster bootstrap: installs the operators the platform program's objects need, once per
 * cluster, in its own stack (CRDs created in the same run as their objects break previews:
 * pulumi-kubernetes#3176). Helm charts and release manifests are fetched at `up`, so this program
 * needs network access to the chart repositories and GitHub releases; offline it can only be
 * tested for its arguments.
 */

/** `bootstrap:*` config of the bootstrap stack. */
export const bootstrapSchema = section({
  /** kubeconfig context. @default the current context */
  context: pattern(/^[A-Za-z0-9_.:@/-]{1,253}$/, "a kubeconfig context name"),
  /** Install Knative Serving + Kourier (stacks with minInstances 0). @default false */
  knative: bool(),
  /** SMTP relay Alertmanager sends email through (`host:port`). @default none (email receivers then fail) */
  smtpSmarthost: pattern(/^[A-Za-z0-9.-]+:\d{2,5}$/, "host:port such as smtp.acme.example:587"),
  /** Sender address of alert emails. @default none */
  smtpFrom: pattern(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, "an email address"),
}).partial();

/** Validated bootstrap config. */
export type BootstrapConfig = z.infer<typeof bootstrapSchema>;

/**
 * Validates raw `bootstrap:*` values; throws one {@link PlatformError} naming every bad key.
 *
 * @example
 * ```ts
 * parseBootstrapConfig({ "bootstrap:knative": true }).knative; // true
 * ```
 */
export function parseBootstrapConfig(values: Readonly<Record<string, unknown>>): BootstrapConfig {
  const raw: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [k, v] of Object.entries(values)) {
    if (!k.startsWith("bootstrap:")) continue;
    raw[k.slice("bootstrap:".length)] = v;
  }
  const r = bootstrapSchema.safeParse(raw);
  if (!r.success)
    for (const i of r.error.issues)
      problems.push(
        i.code === "unrecognized_keys"
          ? `bootstrap:${i.keys.join(", bootstrap:")}: unknown key; allowed: ${Object.keys(
              bootstrapSchema.shape,
            )
              .map((k) => `bootstrap:${k}`)
              .join(", ")}`
          : `bootstrap:${i.path.join(".")}: ${i.message}`,
      );
  if (problems.length > 0)
    throw new PlatformError(`Invalid bootstrap configuration:\n  ${problems.join("\n  ")}`);
  return r.data!;
}

function release(
  pin: HelmPin,
  values: Record<string, unknown>,
  opts: pulumi.CustomResourceOptions,
): k8s.helm.v3.Release {
  return new k8s.helm.v3.Release(
    pin.release,
    {
      name: pin.release,
      chart: pin.chart,
      version: pin.version,
      repositoryOpts: { repo: pin.repo },
      namespace: pin.namespace,
      createNamespace: true,
      atomic: true,
      timeout: 900,
      values,
    },
    opts,
  );
}

/** Outputs of the bootstrap stack. */
export interface BootstrapOutputs {
  readonly installed: Readonly<Record<string, string>>;
  /** The label value monitoring objects need (`platform:kubernetes.prometheus.release`). */
  readonly prometheusRelease: string;
}

/**
 * Installs cert-manager, CloudNativePG and its Barman Cloud plugin, kube-prometheus-stack and the
 * blackbox exporter (and Knative Serving with Kourier when asked), in dependency order.
 *
 * @example
 * ```ts
 * bootstrapProgram({ context: "kind-platform", knative: true });
 * ```
 */
export function bootstrapProgram(cfg: BootstrapConfig): BootstrapOutputs {
  const provider = new k8s.Provider("k8s", {
    ...(cfg.context !== undefined ? { context: cfg.context } : {}),
  });
  const o = { provider };
  const certManager = release(CERT_MANAGER, { crds: { enabled: true } }, o);
  const cnpg = new k8s.yaml.v2.ConfigFile("cnpg", { file: CNPG.urls[0]! }, o);
  new k8s.yaml.v2.ConfigFile(
    "barman-cloud-plugin",
    { file: BARMAN_CLOUD_PLUGIN.urls[0]! },
    { ...o, dependsOn: [cnpg, certManager] },
  );
  const smtp =
    cfg.smtpSmarthost !== undefined
      ? {
          smtp_smarthost: cfg.smtpSmarthost,
          ...(cfg.smtpFrom !== undefined ? { smtp_from: cfg.smtpFrom } : {}),
          smtp_require_tls: true,
        }
      : {};
  const kps = release(
    KUBE_PROMETHEUS_STACK,
    {
      prometheus: {
        prometheusSpec: {
          // Keep the chart's `release` selectors: the platform labels its objects release: kube-prometheus-stack.
          serviceMonitorSelectorNilUsesHelmValues: true,
          podMonitorSelectorNilUsesHelmValues: true,
          ruleSelectorNilUsesHelmValues: true,
          probeSelectorNilUsesHelmValues: true,
        },
      },
      alertmanager: {
        config: { global: { resolve_timeout: "5m", ...smtp } },
        alertmanagerSpec: {
          alertmanagerConfigSelector: { matchLabels: { release: KUBE_PROMETHEUS_STACK.release } },
        },
      },
      grafana: {
        sidecar: {
          dashboards: { enabled: true, label: "grafana_dashboard", labelValue: "1", searchNamespace: "ALL" },
        },
      },
    },
    { ...o, dependsOn: [certManager] },
  );
  release(BLACKBOX_EXPORTER, {}, { ...o, dependsOn: [kps] });
  const installed: Record<string, string> = {
    "cert-manager": CERT_MANAGER.version,
    cloudnativepg: CNPG.version,
    "plugin-barman-cloud": BARMAN_CLOUD_PLUGIN.version,
    "kube-prometheus-stack": KUBE_PROMETHEUS_STACK.version,
    "prometheus-blackbox-exporter": BLACKBOX_EXPORTER.version,
  };
  if (cfg.knative) {
    let prev: pulumi.Resource | undefined;
    KNATIVE_SERVING.urls.forEach((file, i) => {
      prev = new k8s.yaml.v2.ConfigFile(
        ["knative-serving-crds", "knative-serving-core", "knative-kourier"][i]!,
        { file },
        { ...o, ...(prev ? { dependsOn: [prev] } : {}) },
      );
    });
    installed["knative-serving"] = KNATIVE_SERVING.version;
  }
  return { installed, prometheusRelease: KUBE_PROMETHEUS_STACK.release };
}
