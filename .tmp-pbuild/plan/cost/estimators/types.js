"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FreeTierKey = void 0;
exports.freeTierPool = freeTierPool;
exports.bill = bill;
exports.pricesFor = pricesFor;
exports.free = free;
const prices_1 = require("../prices");
const format_1 = require("../format");
/** An amount in a note: cents, or the exact figure when it is under a cent (`$0.003`). */
const noteAmount = (amount) => amount > 0 && amount < 0.005 ? (0, format_1.formatRate)(Math.round(amount * 1e6) / 1e6) : (0, format_1.formatUsd)(amount);
/**
 * Free allowances drawn down across one estimate (one side of a plan), in resource order.
 *
 * @example
 * ```ts
 * freeTierPool({ [FreeTierKey.runRequests]: 2_000_000 }).left(FreeTierKey.runRequests); // 2,000,000
 * ```
 */
exports.FreeTierKey = {
    runRequestVcpuSeconds: "runRequestVcpuSeconds",
    runRequestGibSeconds: "runRequestGibSeconds",
    runRequests: "runRequests",
    runInstanceVcpuSeconds: "runInstanceVcpuSeconds",
    runInstanceGibSeconds: "runInstanceGibSeconds",
    runEgressGib: "runEgressGib",
    secretVersions: "secretVersions",
    secretAccesses: "secretAccesses",
    secretRotationNotifications: "secretRotationNotifications",
    uptimeExecutions: "uptimeExecutions",
};
/**
 * A pool with the given allowances (absent keys have none).
 *
 * @example
 * ```ts
 * const pool = freeTierPool({ runRequests: 2_000_000 });
 * pool.take("runRequests", 3_000_000); // 1_000_000 billable
 * pool.take("runRequests", 5); // 5
 * ```
 */
function freeTierPool(allowances) {
    const left = { ...allowances };
    return {
        take(key, quantity) {
            const have = left[key] ?? 0;
            const covered = Math.min(have, Math.max(0, quantity));
            left[key] = have - covered;
            return quantity - covered;
        },
        left: (key) => left[key] ?? 0,
    };
}
/**
 * Accumulates cost components and their notes.
 *
 * @example
 * ```ts
 * const b = bill();
 * b.baseline(7.665, "db-f1-micro: $0.0105/h × 730 h");
 * b.done(); // { baseline: 7.665, usage: 0, notes: ["db-f1-micro: $0.0105/h × 730 h = $7.67"] }
 * ```
 */
function bill() {
    let baseline = 0;
    let usage = 0;
    const notes = [];
    return {
        /** Adds an always-on amount; the note gets ` = $x.xx` appended. */
        baseline(amount, note) {
            baseline += amount;
            notes.push(`${note} = ${noteAmount(amount)}`);
        },
        /** Adds a usage-driven amount; the note gets ` = $x.xx` appended. */
        usage(amount, note) {
            usage += amount;
            notes.push(`${note} = ${noteAmount(amount)} (usage)`);
        },
        note(text) {
            notes.push(text);
        },
        done(extra = {}) {
            return { baseline, usage, notes, ...(extra.notPriced ? { notPriced: true } : {}) };
        },
    };
}
/**
 * The regional prices for a resource: its own region input when known, else the estimate's region.
 * Adds a note when the region is not in the table (see `regionPrices`).
 *
 * @example
 * ```ts
 * const { prices } = pricesFor(input, "region", b);
 * ```
 */
function pricesFor(input, regionPath, b) {
    const own = input.read.str(regionPath);
    const wanted = typeof own === "string" && own.length > 0 ? own : input.region;
    const found = (0, prices_1.regionPrices)(wanted);
    if (found.fallback)
        b.note(`region ${wanted} is not in the price table: priced with ${found.region} list prices`);
    return { prices: found.prices, region: wanted };
}
/**
 * Free resource: priced at exactly 0 with the reason as a note.
 *
 * @example
 * ```ts
 * free("Cloud Billing budgets have no fee")(input); // { baseline: 0, usage: 0, notes: ["free: Cloud Billing budgets have no fee"] }
 * ```
 */
function free(reason) {
    return () => ({ baseline: 0, usage: 0, notes: [`free: ${reason}`] });
}
//# sourceMappingURL=types.js.map