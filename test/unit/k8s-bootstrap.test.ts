import { beforeAll, beforeEach, describe, it } from "@jest/globals";
import { expect } from "../support/expect";
import { bootstrapProgram, parseBootstrapConfig } from "../../programs/bootstrap/bootstrap";
import * as versions from "../../programs/bootstrap/versions";
import { setupMocks } from "../support/harness";

let rec: Awaited<ReturnType<typeof setupMocks>>;
beforeAll(async () => {
  rec = await setupMocks("bootstrap");
});
beforeEach(() => rec.reset());

const RELEASE = "kubernetes:helm.sh/v3:Release";
const CONFIG_FILE = "kubernetes:yaml/v2:ConfigFile";

describe("the bootstrap program (arguments only: Helm charts and manifests download at up)", () => {
  it("installs every operator with an exact version into its namespace, in dependency order", async () => {
    const out = bootstrapProgram({ context: "kind-platform" });
    await rec.settled();
    const releases = rec.ofType(RELEASE).map((r) => r.inputs);
    expect(releases.map((r) => [r["name"], r["chart"], r["version"], r["namespace"]])).toEqual([
      ["cert-manager", "cert-manager", "v1.21.1", "cert-manager"],
      ["kube-prometheus-stack", "kube-prometheus-stack", "88.5.3", "monitoring"],
      ["prometheus-blackbox-exporter", "prometheus-blackbox-exporter", "11.17.2", "monitoring"],
    ]);
    for (const r of releases) {
      expect(r["version"], String(r["chart"])).toMatch(/^v?\d+\.\d+\.\d+$/);
      expect((r["repositoryOpts"] as { repo: string }).repo).toMatch(/^https:\/\//);
      expect(r["createNamespace"]).toBe(true);
      expect(r["atomic"]).toBe(true);
    }
    expect((releases[0]!["values"] as any).crds.enabled).toBe(true);
    const kps = releases[1]!["values"] as any;
    expect(kps.prometheus.prometheusSpec.ruleSelectorNilUsesHelmValues).toBe(true);
    expect(kps.grafana.sidecar.dashboards).toMatchObject({ label: "grafana_dashboard", labelValue: "1" });
    expect(rec.ofType(CONFIG_FILE).map((r) => r.inputs["file"])).toEqual([
      "https://github.com/cloudnative-pg/cloudnative-pg/releases/download/v1.30.0/cnpg-1.30.0.yaml",
      "https://github.com/cloudnative-pg/plugin-barman-cloud/releases/download/v0.14.0/manifest.yaml",
    ]);
    expect(rec.find("pulumi:providers:kubernetes", "k8s").inputs["context"]).toBe("kind-platform");
    expect(out.prometheusRelease).toBe("kube-prometheus-stack");
    expect(out.installed).not.toHaveProperty("knative-serving");
    // CloudNativePG ≥ 1.26 is what the Barman Cloud plugin needs.
    const [maj, min] = versions.CNPG.version.split(".").map(Number) as [number, number];
    expect(maj === 1 && min >= 26).toBe(true);
  });

  it("Knative Serving and Kourier only when asked, pinned to one release", async () => {
    const out = bootstrapProgram({ knative: true });
    await rec.settled();
    const files = rec.ofType(CONFIG_FILE).map((r) => String(r.inputs["file"]));
    expect(files.filter((f) => f.includes("knative"))).toEqual([...versions.KNATIVE_SERVING.urls]);
    for (const f of versions.KNATIVE_SERVING.urls)
      expect(f).toContain(`knative-v${versions.KNATIVE_SERVING.version}/`);
    expect(out.installed["knative-serving"]).toBe("1.23.0");
  });

  it("bad bootstrap config names the key", () => {
    expect(parseBootstrapConfig({ "bootstrap:knative": true, "kubernetes:context": "x" })).toEqual({
      knative: true,
    });
    expect(() => parseBootstrapConfig({ "bootstrap:knativ": true })).toThrow(
      /bootstrap:knativ: unknown key; allowed: bootstrap:context, bootstrap:knative/,
    );
    expect(() => parseBootstrapConfig({ "bootstrap:smtpSmarthost": "smtp" })).toThrow(
      /bootstrap:smtpSmarthost: must be host:port/,
    );
  });
});
