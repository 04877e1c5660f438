/**
 * The CrossGuard pack entry: `pulumi preview --policy-pack policy` (after `npm run build`).
 * Constructing the PolicyPack starts the analyzer's gRPC server, so nothing imports this module;
 * tests use policy/policies.ts.
 *
 * @example
 * ```sh
 * npm run build && PLATFORM_PROFILE=prod pulumi preview -s prod --policy-pack policy
 * ```
 */
import { PolicyPack } from "@pulumi/policy";
import { PACK_NAME, buildPolicies } from "./policies";

new PolicyPack(PACK_NAME, {
  description:
    "Platform guards: prod-profile invariants and the GCP, AWS and Kubernetes security baselines (Checkov / trivy / KICS / CIS / Pod Security / kube-score), the same rules as `platform review`.",
  provider: "gcp",
  policies: buildPolicies(),
});
