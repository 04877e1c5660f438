"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
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
const policy_1 = require("@pulumi/policy");
const policies_1 = require("./policies");
new policy_1.PolicyPack(policies_1.PACK_NAME, {
    description: "Platform guards: prod-profile invariants and the GCP security baseline (Checkov / trivy / KICS / CIS), the same rules as `platform review`.",
    provider: "gcp",
    policies: (0, policies_1.buildPolicies)(),
});
//# sourceMappingURL=index.js.map