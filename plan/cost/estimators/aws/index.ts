/**
 * The AWS estimators, keyed by type token (merged into the one table in ../index.ts).
 */
import type { Estimator } from "../types";
import { CACHE_TYPES, estimateReplicationGroup, estimateServerlessCache } from "./cache";
import { estimateLambdaFunction, estimateProvisionedConcurrency, LAMBDA_TYPES } from "./compute";
import { estimateAuroraCluster, estimateClusterInstance, estimateRdsInstance, RDS_TYPES } from "./database";
import { estimateEip, estimateNatGateway, estimateVpcEndpoint, NETWORK_TYPES } from "./network";
import {
  estimateAwsBudget,
  estimateBucket,
  estimateCompositeAlarm,
  estimateDashboard,
  estimateHealthCheck,
  estimateLogGroup,
  estimateLogMetricFilter,
  estimateMetricAlarm,
  estimateTopic,
  estimateTrail,
  OBSERVABILITY_TYPES as O,
} from "./observability";
import { estimateAwsKmsKey, estimateAwsSecret, SECURITY_TYPES } from "./security";

export * from "./cache";
export * from "./compute";
export * from "./database";
export * from "./free";
export * from "./network";
export * from "./observability";
export * from "./pricing";
export * from "./security";

/**
 * AWS types with a price model.
 *
 * @example
 * ```ts
 * AWS_ESTIMATORS["aws:lambda/function:Function"]; // estimateLambdaFunction
 * ```
 */
export const AWS_ESTIMATORS: Readonly<Record<string, Estimator>> = {
  [RDS_TYPES.instance]: estimateRdsInstance,
  [RDS_TYPES.cluster]: estimateAuroraCluster,
  [RDS_TYPES.clusterInstance]: estimateClusterInstance,
  [CACHE_TYPES.replicationGroup]: estimateReplicationGroup,
  [CACHE_TYPES.serverless]: estimateServerlessCache,
  [LAMBDA_TYPES.function]: estimateLambdaFunction,
  [LAMBDA_TYPES.provisioned]: estimateProvisionedConcurrency,
  [SECURITY_TYPES.kmsKey]: estimateAwsKmsKey,
  [SECURITY_TYPES.secret]: estimateAwsSecret,
  [O.metricAlarm]: estimateMetricAlarm,
  [O.compositeAlarm]: estimateCompositeAlarm,
  [O.dashboard]: estimateDashboard,
  [O.logGroup]: estimateLogGroup,
  [O.logMetricFilter]: estimateLogMetricFilter,
  [O.healthCheck]: estimateHealthCheck,
  [O.topic]: estimateTopic,
  [O.trail]: estimateTrail,
  [O.budget]: estimateAwsBudget,
  [O.bucket]: estimateBucket,
  [O.bucketV2]: estimateBucket,
  [NETWORK_TYPES.natGateway]: estimateNatGateway,
  [NETWORK_TYPES.eip]: estimateEip,
  [NETWORK_TYPES.vpcEndpoint]: estimateVpcEndpoint,
};
