"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SECRET_VERSION_TYPE = exports.SECRET_TYPE = void 0;
exports.estimateSecret = estimateSecret;
exports.estimateSecretVersion = estimateSecretVersion;
const prices_1 = require("../prices");
const inputs_1 = require("../inputs");
const format_1 = require("../format");
const durations_1 = require("../../../components/shared/durations");
const types_1 = require("./types");
/**
 * Type token of a Secret Manager secret.
 *
 * @example
 * ```ts
 * ESTIMATORS[SECRET_TYPE] === estimateSecret; // true
 * ```
 */
exports.SECRET_TYPE = "gcp:secretmanager/secret:Secret";
/**
 * Type token of a Secret Manager secret version.
 *
 * @example
 * ```ts
 * ESTIMATORS[SECRET_VERSION_TYPE] === estimateSecretVersion; // true
 * ```
 */
exports.SECRET_VERSION_TYPE = "gcp:secretmanager/secretVersion:SecretVersion";
/**
 * Prices a secret: `usage.secretAccessesPerMonth` access operations (usage) and, when
 * `rotation.rotationPeriod` is set, one rotation notification per period (baseline). Its active
 * versions are priced on their SecretVersion resources. A user-managed replication in N locations
 * multiplies each version's price by N; the versions cannot see that, so this line notes it.
 *
 * @example
 * ```ts
 * estimateSecret(input); // 20,000 accesses → 2 × $0.03 = $0.06
 * ```
 */
function estimateSecret(input) {
    const r = input.read;
    const b = (0, types_1.bill)();
    const sm = input.global.secretManager;
    const replicas = r.list("replication.userManaged.replicas");
    if (Array.isArray(replicas) && replicas.length > 1) {
        b.note(`user-managed replication in ${replicas.length} locations: each active version costs ${replicas.length} × ${(0, format_1.formatRate)(sm.versionLocationMonth.usd)}/mo (versions are priced as 1 location)`);
    }
    const period = r.str("rotation.rotationPeriod");
    const seconds = typeof period === "string" ? (0, durations_1.durationSeconds)(period) : undefined;
    if (period === inputs_1.NOT_KNOWN)
        b.note("rotation.rotationPeriod unknown: rotation notifications not priced");
    if (seconds !== undefined && seconds > 0) {
        const wanted = prices_1.SECONDS_PER_MONTH / seconds;
        const billable = input.free.take(types_1.FreeTierKey.secretRotationNotifications, wanted);
        b.baseline(billable * sm.rotationNotification.usd, `${(0, format_1.formatQty)(billable)} billable rotation notification(s)/mo × ${(0, format_1.formatRate)(sm.rotationNotification.usd)}`);
    }
    const accesses = input.usage.secretAccessesPerMonth;
    if (accesses === 0 && !(seconds !== undefined && seconds > 0)) {
        b.baseline(0, "no accesses in usage and no rotation (active versions are priced on SecretVersion resources)");
    }
    if (accesses > 0) {
        const billable = input.free.take(types_1.FreeTierKey.secretAccesses, accesses);
        b.usage((billable / 10_000) * sm.tenThousandAccesses.usd, `${(0, format_1.formatQty)(billable)} billable accesses × ${(0, format_1.formatRate)(sm.tenThousandAccesses.usd)}/10k`);
    }
    return b.done();
}
/**
 * Prices a secret version: one active version in one location (automatic replication counts as one).
 * Disabled versions are still active (billed); only destroyed ones are free.
 *
 * @example
 * ```ts
 * estimateSecretVersion(input); // 1 × $0.06
 * ```
 */
function estimateSecretVersion(input) {
    const b = (0, types_1.bill)();
    const price = input.global.secretManager.versionLocationMonth.usd;
    const billable = input.free.take(types_1.FreeTierKey.secretVersions, 1);
    b.baseline(billable * price, `${billable === 1 ? "1 active version" : "1 active version (free tier)"} × 1 location × ${(0, format_1.formatRate)(price)}/mo`);
    if (input.read.bool("enabled") === false)
        b.note("disabled versions are billed like enabled ones");
    return b.done();
}
//# sourceMappingURL=secret-manager.js.map