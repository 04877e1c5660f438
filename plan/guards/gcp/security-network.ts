/**
 * Network rules the platform's own resources should pass: subnetwork flow logs and Private Google
 * Access (Checkov CKV_GCP_26, CKV_GCP_74), no default network (CKV_GCP_27, CIS 3.1).
 */
import { Severity } from "../../model";
import { GCP } from "./tokens";
import {
  Category,
  Level,
  Scope,
  expectValue,
  unverified,
  type GuardResource,
  type ResourceRule,
} from "../types";
import { read } from "../values";

const label = (r: GuardResource) => `${r.type.slice(r.type.lastIndexOf(":") + 1)} "${r.name}"`;

/**
 * CKV_GCP_26 / CIS 3.8: every subnetwork records VPC flow logs (a `logConfig` block).
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: [SUBNET_FLOW_LOGS] });
 * ```
 */
export const SUBNET_FLOW_LOGS: ResourceRule = {
  scope: Scope.resource,
  category: Category.security,
  id: "gcp/subnet-flow-logs",
  refs: ["CKV_GCP_26", "CIS 3.8"],
  level: Level.L1,
  severity: Severity.low,
  description: "Every subnetwork records VPC flow logs (logConfig is set).",
  remediation:
    'Set logConfig: { aggregationInterval: "INTERVAL_5_SEC", flowSampling: 0.5, metadata: "INCLUDE_ALL_METADATA" } (Network does).',
  appliesTo: [GCP.subnetwork],
  check(r) {
    // Proxy-only and Private Service Connect subnets cannot carry flow logs.
    const purpose = read(r.inputs, "purpose");
    if (purpose.kind === "set" && purpose.value !== "PRIVATE" && purpose.value !== "PRIVATE_RFC_1918")
      return [];
    const cfg = read(r.inputs, "logConfig");
    if (cfg.kind === "opaque") return [unverified(cfg.path)];
    if (cfg.kind === "set" && typeof cfg.value === "object") return [];
    return [
      {
        message: `${label(r)}: logConfig is unset, so the subnet records no VPC flow logs; add logConfig (aggregationInterval, flowSampling, metadata).`,
      },
    ];
  },
};

/**
 * CKV_GCP_74: subnetworks reach Google APIs privately (Private Google Access).
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: [SUBNET_PRIVATE_GOOGLE_ACCESS] });
 * ```
 */
export const SUBNET_PRIVATE_GOOGLE_ACCESS: ResourceRule = {
  scope: Scope.resource,
  category: Category.security,
  id: "gcp/subnet-private-google-access",
  refs: ["CKV_GCP_74"],
  level: Level.L2,
  severity: Severity.low,
  description: "Every subnetwork has Private Google Access (privateIpGoogleAccess true).",
  remediation: "Set privateIpGoogleAccess: true.",
  appliesTo: [GCP.subnetwork],
  check(r) {
    const purpose = read(r.inputs, "purpose");
    if (purpose.kind === "set" && purpose.value !== "PRIVATE" && purpose.value !== "PRIVATE_RFC_1918")
      return [];
    return expectValue(
      r.inputs,
      "privateIpGoogleAccess",
      (v) => v === true,
      (got) =>
        `${label(r)}: privateIpGoogleAccess is ${got === "(unset)" ? "unset (false)" : got}, so workloads without an external IP cannot reach Google APIs privately; set privateIpGoogleAccess: true.`,
    );
  },
};

/**
 * CKV_GCP_27 / CIS 3.1: no default network. A project must be created with
 * `autoCreateNetwork: false`; no stack creates a network named `default` or an auto-mode network
 * (the same firewall-open shape as the default one).
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: [NO_DEFAULT_NETWORK] });
 * ```
 */
export const NO_DEFAULT_NETWORK: ResourceRule = {
  scope: Scope.resource,
  category: Category.security,
  id: "gcp/no-default-network",
  refs: ["CKV_GCP_27", "CIS 3.1"],
  level: Level.L2,
  severity: Severity.medium,
  description:
    "No default network: projects are created with autoCreateNetwork false, and no network is named default or runs in auto mode.",
  remediation:
    "Set autoCreateNetwork: false on gcp.organizations.Project; use a custom-mode VPC (autoCreateSubnetworks: false) with its own name.",
  appliesTo: [GCP.project, GCP.network],
  check(r) {
    if (r.type === GCP.project)
      return expectValue(
        r.inputs,
        "autoCreateNetwork",
        (v) => v === false,
        (got) =>
          `${label(r)}: autoCreateNetwork is ${got === "(unset)" ? "unset (the provider default creates the default network)" : got}; set autoCreateNetwork: false.`,
      );
    const name = read(r.inputs, "name");
    const auto = read(r.inputs, "autoCreateSubnetworks");
    if (name.kind === "opaque") return [unverified(name.path)];
    if (name.kind === "set" && name.value === "default")
      return [
        { message: `${label(r)}: the network is named "default"; use a custom-mode VPC with its own name.` },
      ];
    if (auto.kind === "opaque") return [unverified(auto.path)];
    if (auto.kind !== "set" || auto.value !== false)
      return [
        {
          message: `${label(r)}: autoCreateSubnetworks is ${auto.kind === "set" ? JSON.stringify(auto.value) : "unset (true)"}, an auto-mode network like the default one; set autoCreateSubnetworks: false and create the subnets.`,
        },
      ];
    return [];
  },
};

/**
 * Every network rule.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: NETWORK_RULES });
 * ```
 */
export const NETWORK_RULES: readonly ResourceRule[] = [
  SUBNET_FLOW_LOGS,
  SUBNET_PRIVATE_GOOGLE_ACCESS,
  NO_DEFAULT_NETWORK,
];
