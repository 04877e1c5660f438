"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RULES_BY_ID = exports.RULES = exports.SECURITY_RULES = void 0;
/**
 * The rule registry: every guard rule, in report order (data loss, prod profile, security).
 */
const data_loss_1 = require("./data-loss");
const prod_profile_1 = require("./prod-profile");
const security_iam_1 = require("./security-iam");
const security_kms_1 = require("./security-kms");
const security_logging_1 = require("./security-logging");
const security_services_1 = require("./security-services");
const security_sql_1 = require("./security-sql");
/**
 * Security rules from the reference table §1a (41 rule ids covering its 48 rows).
 *
 * @example
 * ```ts
 * SECURITY_RULES.filter((r) => r.level === "L1").length;
 * ```
 */
exports.SECURITY_RULES = [
    ...security_sql_1.SQL_RULES,
    ...security_kms_1.KMS_RULES,
    ...security_services_1.SERVICE_RULES,
    ...security_iam_1.IAM_RULES,
    ...security_logging_1.LOGGING_RULES,
];
/**
 * Every rule: data loss, prod profile, security.
 *
 * @example
 * ```ts
 * RULES.map((r) => r.id); // ["platform/data-loss", …, "gcp/log-alert-sql-config-changes"]
 * ```
 */
exports.RULES = [...data_loss_1.DATA_LOSS_RULES, ...prod_profile_1.PROD_RULES, ...exports.SECURITY_RULES];
/**
 * Rules by id.
 *
 * @example
 * ```ts
 * RULES_BY_ID.get("gcp/redis-auth")?.refs; // ["CKV_GCP_95"]
 * ```
 */
exports.RULES_BY_ID = new Map(exports.RULES.map((r) => [r.id, r]));
//# sourceMappingURL=registry.js.map