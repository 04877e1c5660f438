/**
 * The interface-endpoint constants of `AwsNetwork` (./aws.ts) without the provider SDK: the
 * stack config schema (programs/schema/aws.ts) checks against them in processes that never create
 * a resource (config validation, cost, review).
 */

/**
 * Interface endpoints the network can add, so private subnets reach AWS APIs without a NAT
 * gateway. Each costs $0.01 per AZ-hour (≈ $7.30/month per AZ) plus $0.01/GB.
 */
export const InterfaceEndpoint = {
  secretsmanager: "secretsmanager",
  kms: "kms",
  xray: "xray",
  logs: "logs",
  sts: "sts",
} as const;
/** An interface endpoint service. */
export type InterfaceEndpoint = (typeof InterfaceEndpoint)[keyof typeof InterfaceEndpoint];

/** Monthly list price of one interface endpoint in one AZ (us-east-1, 730 h). */
export const ENDPOINT_MONTHLY_USD_PER_AZ = 7.3;
