"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ESTIMATORS = void 0;
exports.estimatorFor = estimatorFor;
exports.isStructural = isStructural;
const cloud_run_1 = require("./cloud-run");
const cloud_sql_1 = require("./cloud-sql");
const free_1 = require("./free");
const kms_1 = require("./kms");
const monitoring_1 = require("./monitoring");
const redis_1 = require("./redis");
const secret_manager_1 = require("./secret-manager");
__exportStar(require("./cloud-run"), exports);
__exportStar(require("./cloud-sql"), exports);
__exportStar(require("./free"), exports);
__exportStar(require("./kms"), exports);
__exportStar(require("./monitoring"), exports);
__exportStar(require("./redis"), exports);
__exportStar(require("./secret-manager"), exports);
__exportStar(require("./types"), exports);
/**
 * The estimators with a price model, keyed by Pulumi type token. Free types are resolved by
 * `freeReason` (table, IAM pattern, random provider); everything else is listed as not priced.
 *
 * @example
 * ```ts
 * ESTIMATORS["gcp:redis/instance:Instance"]; // estimateRedis
 * ```
 */
exports.ESTIMATORS = {
    [cloud_sql_1.SQL_INSTANCE_TYPE]: cloud_sql_1.estimateCloudSql,
    [redis_1.REDIS_INSTANCE_TYPE]: redis_1.estimateRedis,
    [cloud_run_1.CLOUD_RUN_SERVICE_TYPE]: cloud_run_1.estimateCloudRun,
    [kms_1.KMS_CRYPTO_KEY_TYPE]: kms_1.estimateKmsKey,
    [kms_1.KMS_KEY_VERSION_TYPE]: kms_1.estimateKmsKeyVersion,
    [secret_manager_1.SECRET_TYPE]: secret_manager_1.estimateSecret,
    [secret_manager_1.SECRET_VERSION_TYPE]: secret_manager_1.estimateSecretVersion,
    [monitoring_1.UPTIME_CHECK_TYPE]: monitoring_1.estimateUptimeCheck,
    [free_1.GLOBAL_ADDRESS_TYPE]: free_1.estimateGlobalAddress,
};
/**
 * The estimator for a type: a priced one, a free one, or undefined (not priced).
 *
 * @example
 * ```ts
 * estimatorFor("gcp:billing/budget:Budget"); // a $0 estimator with a note
 * estimatorFor("gcp:vpcaccess/connector:Connector"); // undefined
 * ```
 */
function estimatorFor(type) {
    return Object.hasOwn(exports.ESTIMATORS, type) ? exports.ESTIMATORS[type] : (0, free_1.freeEstimator)(type);
}
/**
 * Types that are not resources with a cost of their own and get no cost line at all: component
 * resources (`platform:*`), the stack and providers (`pulumi:*`).
 *
 * @example
 * ```ts
 * isStructural("platform:data:PostgresWithBackups"); // true
 * ```
 */
function isStructural(type) {
    return type.startsWith("platform:") || type.startsWith("pulumi:");
}
//# sourceMappingURL=index.js.map