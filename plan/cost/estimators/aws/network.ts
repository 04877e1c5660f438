/**
 * NAT gateways, public IPv4 addresses and VPC endpoints: the network's only priced parts (VPCs,
 * subnets, route tables and security groups are free).
 */
import { HOURS_PER_MONTH } from "../../prices/gcp";
import { formatQty } from "../../format";
import type { Estimate, EstimateInput } from "../types";
import { awsBill, stringOr } from "./pricing";

/**
 * Type tokens of the network resources priced here.
 *
 * @example
 * ```ts
 * ESTIMATORS[NETWORK_TYPES.natGateway] === estimateNatGateway; // true
 * ```
 */
export const NETWORK_TYPES = {
  natGateway: "aws:ec2/natGateway:NatGateway",
  eip: "aws:ec2/eip:Eip",
  vpcEndpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
} as const;

/**
 * A NAT gateway: $0.045/h all month plus `usage.natProcessedGbPerMonth` at $0.045/GB (its public
 * address is priced on the Eip).
 *
 * @example
 * ```ts
 * estimateNatGateway(input); // $32.85
 * ```
 */
export function estimateNatGateway(input: EstimateInput): Estimate {
  const b = awsBill(input);
  const hour = b.price((t) => t.network?.natHour, "NAT gateway-hours");
  if (hour) b.baseline(hour.usd * HOURS_PER_MONTH, `NAT gateway × ${b.rate(hour)} × 730 h`);
  const gb = input.usage.natProcessedGbPerMonth;
  if (gb > 0) {
    const price = b.price((t) => t.network?.natGb, "NAT data processing");
    if (price) b.usage(gb * price.usd, `${formatQty(gb)} GB processed × ${b.rate(price)}`);
  }
  return b.done();
}

/**
 * An Elastic IP: public IPv4 addresses bill $0.005/h whether attached or not.
 *
 * @example
 * ```ts
 * estimateEip(input); // $3.65
 * ```
 */
export function estimateEip(input: EstimateInput): Estimate {
  const b = awsBill(input);
  const price = b.price((t) => t.network?.publicIpv4Hour, "public IPv4 address-hours");
  if (price) b.baseline(price.usd * HOURS_PER_MONTH, `public IPv4 address × ${b.rate(price)} × 730 h`);
  return b.done();
}

/**
 * A VPC endpoint. Gateway (S3, DynamoDB; the provider default): free. Interface: one endpoint
 * network interface per subnet (AZ) × $0.01/h, plus `usage.endpointProcessedGbPerMonth` at $0.01/GB.
 *
 * @example
 * ```ts
 * estimateVpcEndpoint(input); // Interface in 2 subnets → 2 × $0.01 × 730 = $14.60
 * ```
 */
export function estimateVpcEndpoint(input: EstimateInput): Estimate {
  const r = input.read;
  const b = awsBill(input);
  const kind = stringOr(r, "vpcEndpointType", "Gateway");
  const service = r.peek("serviceName");
  const what = typeof service === "string" ? ` (${service})` : "";
  if (kind === undefined) return b.done();
  if (kind === "Gateway") {
    b.baseline(0, `gateway endpoint${what}: free (${b.global.gatewayEndpointHour.source})`);
    return b.done();
  }
  if (kind !== "Interface") {
    b.missing(`${kind} endpoints`);
    return b.done();
  }
  const subnets = r.list("subnetIds");
  const azs = Array.isArray(subnets) ? Math.max(1, subnets.length) : undefined;
  const hour = b.price((t) => t.network?.interfaceEndpointAzHour, "interface endpoint AZ-hours");
  if (hour && azs !== undefined)
    b.baseline(
      hour.usd * azs * HOURS_PER_MONTH,
      `interface endpoint${what} in ${azs} AZ(s) × ${b.rate(hour)} × 730 h`,
    );
  const gb = input.usage.endpointProcessedGbPerMonth;
  if (gb > 0) {
    const price = b.price((t) => t.network?.interfaceEndpointGb, "endpoint data processing");
    if (price) b.usage(gb * price.usd, `${formatQty(gb)} GB processed × ${b.rate(price)}`);
  }
  return b.done();
}
