/**
 * The Kubernetes estimators, keyed by type token (merged into the one table in ../index.ts).
 */
import type { Estimator } from "../types";
import { estimateBarmanObjectStore, estimateCnpgCluster, estimateK8sPvc, estimateK8sService } from "./data";
import { K8S_TYPES } from "./pods";
import {
  estimateK8sDeployment,
  estimateK8sJob,
  estimateK8sStatefulSet,
  estimateKnativeService,
} from "./workloads";

export * from "./data";
export * from "./free";
export * from "./pods";
export * from "./workloads";

/**
 * Kubernetes types with a price model (requests × the stack's rates).
 *
 * @example
 * ```ts
 * KUBERNETES_ESTIMATORS["kubernetes:apps/v1:Deployment"]; // estimateK8sDeployment
 * ```
 */
export const KUBERNETES_ESTIMATORS: Readonly<Record<string, Estimator>> = {
  [K8S_TYPES.deployment]: estimateK8sDeployment,
  [K8S_TYPES.statefulSet]: estimateK8sStatefulSet,
  [K8S_TYPES.cronJob]: estimateK8sJob,
  [K8S_TYPES.job]: estimateK8sJob,
  [K8S_TYPES.knativeService]: estimateKnativeService,
  [K8S_TYPES.cnpgCluster]: estimateCnpgCluster,
  [K8S_TYPES.objectStore]: estimateBarmanObjectStore,
  [K8S_TYPES.pvc]: estimateK8sPvc,
  [K8S_TYPES.service]: estimateK8sService,
};
