"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULTS = exports.BURN_RATE_ALERTS = exports.Severity = exports.UPTIME_PERIODS = exports.UptimeRegion = void 0;
exports.normalizeObservability = normalizeObservability;
exports.validateTargets = validateTargets;
exports.validateKeys = validateKeys;
exports.validateHealthPath = validateHealthPath;
exports.validateRegions = validateRegions;
const errors_1 = require("../shared/errors");
const filters_1 = require("./filters");
/** Uptime-check regions (Cloud Monitoring's `selectedRegions`). `USA` alone spans three locations. */
exports.UptimeRegion = {
    USA: "USA",
    EUROPE: "EUROPE",
    SOUTH_AMERICA: "SOUTH_AMERICA",
    ASIA_PACIFIC: "ASIA_PACIFIC",
    USA_OREGON: "USA_OREGON",
    USA_IOWA: "USA_IOWA",
    USA_VIRGINIA: "USA_VIRGINIA",
};
/** Uptime-check periods Cloud Monitoring accepts, in seconds. */
exports.UPTIME_PERIODS = [60, 300, 600, 900];
/** Alert severities (`AlertPolicy.severity`). */
exports.Severity = { CRITICAL: "CRITICAL", ERROR: "ERROR", WARNING: "WARNING" };
/**
 * Multi-window, multi-burn-rate SLO alerts from Google's SRE workbook (chapter 5, for a 30-day
 * budget): page when 2 % of the budget burns in an hour (14.4×, confirmed over 5 minutes) or 5 % in
 * six hours (6×, confirmed over 30 minutes). Both windows of a pair must exceed the rate.
 */
exports.BURN_RATE_ALERTS = [
    {
        key: "fast",
        longWindowSeconds: 3_600,
        shortWindowSeconds: 300,
        burnRate: 14.4,
        severity: exports.Severity.CRITICAL,
    },
    {
        key: "slow",
        longWindowSeconds: 21_600,
        shortWindowSeconds: 1_800,
        burnRate: 6,
        severity: exports.Severity.ERROR,
    },
];
/** Defaults of {@link ObservabilityStackArgs}. */
exports.DEFAULTS = {
    healthPath: "/health",
    targets: {
        latencyP95Ms: 1000,
        availabilityTarget: 0.995,
        errorRateThreshold: 0.02,
        latencyGoal: 0.95,
        sqlCpu: 0.8,
        sqlDisk: 0.85,
        sqlMemory: 0.9,
        replicaLagSeconds: 60,
        redisMemory: 0.8,
    },
    uptime: {
        periodSeconds: 60,
        regions: [exports.UptimeRegion.USA, exports.UptimeRegion.EUROPE, exports.UptimeRegion.ASIA_PACIFIC],
        timeoutSeconds: 10,
    },
    slo: { enabled: true, rollingPeriodDays: 30 },
    dashboard: true,
    audit: { cisAlerts: true, dataAccessLogs: true },
};
const KEY = /^[a-z][a-z0-9-]{0,19}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/**
 * Applies defaults and validates; throws one {@link PlatformError} listing every problem.
 *
 * @example
 * ```ts
 * normalizeObservability("obs", { ctx, targets: { availabilityTarget: 1 } });
 * // PlatformError: ObservabilityStack 'obs': targets.availabilityTarget must be 0.9–0.99999, got 1
 * ```
 */
function normalizeObservability(name, args) {
    const problems = [];
    const emails = args.notifyEmails ?? [];
    emails.forEach((e, i) => {
        if (!EMAIL.test(e))
            problems.push(`notifyEmails[${i}] must be an email address, got ${(0, errors_1.show)(e)}`);
    });
    const services = (args.services ?? []).map((s) => ({
        ...s,
        healthPath: s.healthPath ?? exports.DEFAULTS.healthPath,
    }));
    problems.push(...validateKeys("services", services), ...validateKeys("databases", args.databases ?? []), ...validateKeys("caches", args.caches ?? []));
    services.forEach((s, i) => {
        problems.push(...validateHealthPath(`services[${i}].healthPath`, s.healthPath));
        // Outputs are checked when they resolve (uptimeTarget throws then); literal URLs are checked now.
        if (typeof s.url === "string")
            problems.push(...(0, filters_1.validateServiceUrl)(`services[${i}].url`, s.url));
    });
    const targets = { ...exports.DEFAULTS.targets, ...definedOnly(args.targets ?? {}) };
    problems.push(...validateTargets(targets));
    const uptime = { ...exports.DEFAULTS.uptime, ...definedOnly(args.uptime ?? {}) };
    if (!exports.UPTIME_PERIODS.includes(uptime.periodSeconds)) {
        problems.push(`uptime.periodSeconds must be one of ${exports.UPTIME_PERIODS.join(" | ")}, got ${(0, errors_1.show)(uptime.periodSeconds)}`);
    }
    if (!Number.isInteger(uptime.timeoutSeconds) || uptime.timeoutSeconds < 1 || uptime.timeoutSeconds > 60) {
        problems.push(`uptime.timeoutSeconds must be 1–60, got ${(0, errors_1.show)(uptime.timeoutSeconds)}`);
    }
    problems.push(...validateRegions("uptime.regions", uptime.regions));
    const slo = { ...exports.DEFAULTS.slo, ...definedOnly(args.slo ?? {}) };
    if (!Number.isInteger(slo.rollingPeriodDays) || slo.rollingPeriodDays < 1 || slo.rollingPeriodDays > 30) {
        problems.push(`slo.rollingPeriodDays must be 1–30, got ${(0, errors_1.show)(slo.rollingPeriodDays)}`);
    }
    if (problems.length > 0)
        throw new errors_1.PlatformError(`ObservabilityStack '${name}': ${problems.join("; ")}`);
    return {
        notifyEmails: emails,
        services,
        databases: args.databases ?? [],
        caches: args.caches ?? [],
        targets,
        uptime,
        slo,
        dashboard: args.dashboard ?? exports.DEFAULTS.dashboard,
        audit: { ...exports.DEFAULTS.audit, ...definedOnly(args.audit ?? {}) },
    };
}
/**
 * Every threshold within its range; messages name the field and the range.
 *
 * @example
 * ```ts
 * validateTargets({ ...DEFAULTS.targets, errorRateThreshold: 1 }); // ["targets.errorRateThreshold must be > 0 and < 1, got 1"]
 * ```
 */
function validateTargets(t) {
    const out = [];
    const check = (field, ok, allowed) => {
        const v = t[field];
        if (typeof v !== "number" || !Number.isFinite(v) || !ok(v))
            out.push(`targets.${field} must be ${allowed}, got ${(0, errors_1.show)(v)}`);
    };
    check("latencyP95Ms", (v) => Number.isInteger(v) && v >= 1 && v <= 60_000, "an integer 1–60000 (ms)");
    check("availabilityTarget", (v) => v >= 0.9 && v <= 0.99999, "0.9–0.99999");
    check("errorRateThreshold", (v) => v > 0 && v < 1, "> 0 and < 1");
    check("latencyGoal", (v) => v >= 0.5 && v <= 0.99999, "0.5–0.99999");
    for (const f of ["sqlCpu", "sqlDisk", "sqlMemory", "redisMemory"])
        check(f, (v) => v > 0 && v <= 1, "> 0 and ≤ 1");
    check("replicaLagSeconds", (v) => Number.isInteger(v) && v >= 1 && v <= 86_400, "an integer 1–86400 (seconds)");
    return out;
}
/**
 * Keys name children: lowercase, ≤ 20 characters, unique within the list.
 *
 * @example
 * ```ts
 * validateKeys("services", [{ name: "api" }, { name: "api" }]); // ["services: name \"api\" is used twice"]
 * ```
 */
function validateKeys(field, items) {
    const out = [];
    const seen = new Set();
    items.forEach((it, i) => {
        if (!KEY.test(it.name))
            out.push(`${field}[${i}].name must be lowercase letters, digits or '-' (≤ 20, starting with a letter), got ${(0, errors_1.show)(it.name)}`);
        if (seen.has(it.name))
            out.push(`${field}: name ${(0, errors_1.show)(it.name)} is used twice`);
        seen.add(it.name);
    });
    return out;
}
/**
 * A health path starts with `/` and does not end in `z` (Cloud Run answers those itself).
 *
 * @example
 * ```ts
 * validateHealthPath("healthPath", "/healthz"); // ["healthPath must start with '/' and not end in 'z' …, got \"/healthz\""]
 * ```
 */
function validateHealthPath(field, path) {
    return /^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/.test(path) && !path.endsWith("z")
        ? []
        : [
            `${field} must start with '/' and not end in 'z' (Cloud Run reserves such paths, e.g. /healthz), got ${(0, errors_1.show)(path)}`,
        ];
}
/**
 * Uptime regions: known values, no repeats, at least three.
 *
 * @example
 * ```ts
 * validateRegions("uptime.regions", ["EUROPE"]); // ["uptime.regions must list at least 3 regions, got 1"]
 * ```
 */
function validateRegions(field, regions) {
    const out = [];
    const allowed = Object.values(exports.UptimeRegion);
    for (const r of regions)
        if (!allowed.includes(r))
            out.push(`${field}: unknown region ${(0, errors_1.show)(r)}; allowed: ${allowed.join(", ")}`);
    if (new Set(regions).size !== regions.length)
        out.push(`${field} must not repeat a region, got ${(0, errors_1.show)(regions)}`);
    if (regions.length < 3)
        out.push(`${field} must list at least 3 regions, got ${regions.length}`);
    return out;
}
function definedOnly(o) {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
//# sourceMappingURL=spec.js.map