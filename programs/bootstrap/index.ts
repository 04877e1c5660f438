// The bootstrap stack's entry (programs/bootstrap/Pulumi.yaml): the operators every Kubernetes
// platform stack needs. Run once per cluster, before `pulumi up -s k8s-<env>`; needs network access.
import * as pulumi from "@pulumi/pulumi";
import { PlatformError } from "../../components/shared/errors";
import { bootstrapProgram, parseBootstrapConfig } from "./bootstrap";

function run() {
  try {
    const all = pulumi.runtime.allConfig();
    const values: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(all)) values[k] = v === "true" ? true : v === "false" ? false : v;
    return bootstrapProgram(parseBootstrapConfig(values));
  } catch (e) {
    if (e instanceof PlatformError) throw new pulumi.RunError(e.message);
    throw e;
  }
}

export = run();
