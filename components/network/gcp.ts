import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import type { PlatformContext } from "../shared/context";
import { PlatformError } from "../shared/errors";
import { childName, physicalName } from "../shared/naming";
import { transform, type Transform } from "../shared/transform";

/** Type token of {@link Network}. */
export const NETWORK_TYPE = "platform:network:Network";

/**
 * Arguments of {@link Network}.
 *
 * @example
 * ```ts
 * const args: NetworkArgs = { ctx, subnetCidr: "10.8.0.0/24", privateServiceRange: { address: "10.100.0.0", prefixLength: 20 } };
 * ```
 */
export interface NetworkArgs {
  readonly ctx: PlatformContext;
  /** Reuse an existing VPC (self link) instead of creating one. @default creates `<app>-<env>-vpc` */
  readonly existingNetwork?: pulumi.Input<string>;
  /** Subnet for Cloud Run direct VPC egress, with Private Google Access. @default "10.8.0.0/24" */
  readonly subnetCidr?: string;
  /** Range reserved for Private Service Access (Cloud SQL, Memorystore). @default { address: "10.100.0.0", prefixLength: 20 } */
  readonly privateServiceRange?: { readonly address: string; readonly prefixLength: number };
  readonly transform?: {
    network?: Transform<gcp.compute.NetworkArgs>;
    subnetwork?: Transform<gcp.compute.SubnetworkArgs>;
    privateRange?: Transform<gcp.compute.GlobalAddressArgs>;
    privateConnection?: Transform<gcp.servicenetworking.ConnectionArgs>;
  };
}

/** Defaults of {@link NetworkArgs}. */
export const DEFAULTS = {
  subnetCidr: "10.8.0.0/24",
  privateServiceRange: { address: "10.100.0.0", prefixLength: 20 },
} as const;

/**
 * Validates a CIDR / range; returns the problems.
 *
 * @example
 * ```ts
 * validateCidr("subnetCidr", "10.8.0.0/33"); // ["subnetCidr: prefix length must be 8–29, got 33"]
 * ```
 */
export function validateCidr(field: string, cidr: string): string[] {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  if (!m) return [`${field} must be an IPv4 CIDR such as 10.8.0.0/24, got ${JSON.stringify(cidr)}`];
  if (m.slice(1, 5).some((o) => Number(o) > 255)) return [`${field}: octets must be 0–255, got ${cidr}`];
  const prefix = Number(m[5]);
  if (prefix < 8 || prefix > 29) return [`${field}: prefix length must be 8–29, got ${prefix}`];
  const [a, b] = [Number(m[1]), Number(m[2])];
  const rfc1918 = a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  return rfc1918 ? [] : [`${field} must be a private (RFC 1918) range, got ${cidr}`];
}

/**
 * The private network every other component lives on: a custom-mode VPC, a subnet with Private
 * Google Access and flow logs for Cloud Run direct VPC egress, and a Private Service Access
 * peering so Cloud SQL and Memorystore get private IPs only.
 *
 * ### Cost
 * VPC, subnet and peering are free; flow logs are billed as log ingestion (sampled at 50 %).
 *
 * @example
 * ```ts
 * const net = new Network("net", { ctx });
 * new PostgresWithBackups("db", { ctx, network: net.networkId, dependsOn: [net.privateServiceAccess] });
 * ```
 */
export class Network extends pulumi.ComponentResource {
  /** VPC id. */
  public readonly networkId: pulumi.Output<string>;
  /** Subnet id for direct VPC egress. */
  public readonly subnetworkId: pulumi.Output<string>;
  /** The Private Service Access connection; depend on it before creating private-IP services. */
  public readonly privateServiceAccess: gcp.servicenetworking.Connection;

  constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
    super(NETWORK_TYPE, name, {}, opts);
    const { ctx } = args;
    const subnetCidr = args.subnetCidr ?? DEFAULTS.subnetCidr;
    const range = args.privateServiceRange ?? DEFAULTS.privateServiceRange;
    const problems = [
      ...validateCidr("subnetCidr", subnetCidr),
      ...validateCidr("privateServiceRange", `${range.address}/${range.prefixLength}`),
    ];
    if (problems.length > 0) throw new PlatformError(`Network '${name}': ${problems.join("; ")}`);
    const parent = this;

    const networkId =
      args.existingNetwork !== undefined ? pulumi.output(args.existingNetwork) : createNetwork().id;
    const subnet = new gcp.compute.Subnetwork(
      ...transform(
        args.transform?.subnetwork,
        childName(name, "subnet"),
        {
          name: physicalName([ctx.app, ctx.env, "run"], { maxLength: 63 }),
          project: ctx.project,
          region: ctx.region,
          network: networkId,
          ipCidrRange: subnetCidr,
          privateIpGoogleAccess: true,
          logConfig: {
            aggregationInterval: "INTERVAL_5_SEC",
            flowSampling: 0.5,
            metadata: "INCLUDE_ALL_METADATA",
          },
        },
        { parent },
      ),
    );
    const privateRange = new gcp.compute.GlobalAddress(
      ...transform(
        args.transform?.privateRange,
        childName(name, "psa-range"),
        {
          name: physicalName([ctx.app, ctx.env, "psa"], { maxLength: 63 }),
          project: ctx.project,
          purpose: "VPC_PEERING",
          addressType: "INTERNAL",
          address: range.address,
          prefixLength: range.prefixLength,
          network: networkId,
        },
        { parent },
      ),
    );
    this.privateServiceAccess = new gcp.servicenetworking.Connection(
      ...transform(
        args.transform?.privateConnection,
        childName(name, "psa"),
        {
          network: networkId,
          service: "servicenetworking.googleapis.com",
          reservedPeeringRanges: [privateRange.name],
        },
        { parent },
      ),
    );
    this.networkId = networkId;
    this.subnetworkId = subnet.id;
    this.registerOutputs({ networkId: this.networkId, subnetworkId: this.subnetworkId });

    function createNetwork(): gcp.compute.Network {
      return new gcp.compute.Network(
        ...transform(
          args.transform?.network,
          childName(name, "vpc"),
          {
            name: physicalName([ctx.app, ctx.env, "vpc"], { maxLength: 63 }),
            project: ctx.project,
            autoCreateSubnetworks: false,
            routingMode: "REGIONAL",
          },
          { parent },
        ),
      );
    }
  }
}
