import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import type { PlatformContext } from "../shared/context";
import { type Transform } from "../shared/transform";
/** Type token of {@link Network}. */
export declare const NETWORK_TYPE = "platform:network:Network";
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
    readonly privateServiceRange?: {
        readonly address: string;
        readonly prefixLength: number;
    };
    readonly transform?: {
        network?: Transform<gcp.compute.NetworkArgs>;
        subnetwork?: Transform<gcp.compute.SubnetworkArgs>;
        privateRange?: Transform<gcp.compute.GlobalAddressArgs>;
        privateConnection?: Transform<gcp.servicenetworking.ConnectionArgs>;
    };
}
/** Defaults of {@link NetworkArgs}. */
export declare const DEFAULTS: {
    readonly subnetCidr: "10.8.0.0/24";
    readonly privateServiceRange: {
        readonly address: "10.100.0.0";
        readonly prefixLength: 20;
    };
};
/**
 * Validates a CIDR / range; returns the problems.
 *
 * @example
 * ```ts
 * validateCidr("subnetCidr", "10.8.0.0/33"); // ["subnetCidr: prefix length must be 8–29, got 33"]
 * ```
 */
export declare function validateCidr(field: string, cidr: string): string[];
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
export declare class Network extends pulumi.ComponentResource {
    /** VPC id. */
    readonly networkId: pulumi.Output<string>;
    /** Subnet id for direct VPC egress. */
    readonly subnetworkId: pulumi.Output<string>;
    /** The Private Service Access connection; depend on it before creating private-IP services. */
    readonly privateServiceAccess: gcp.servicenetworking.Connection;
    constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions);
}
