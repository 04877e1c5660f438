"use strict";
/**
 * Cloud Run CPU and memory rules (https://cloud.google.com/run/docs/configuring/services/cpu and
 * …/memory-limits), as pure functions shared by the component and the `platform:service` schema.
 *
 * | CPU            | memory           | also required                                     |
 * |----------------|------------------|---------------------------------------------------|
 * | 0.08 – < 0.5   | 128Mi – 512Mi    | concurrency 1, CPU only during requests, gen1     |
 * | 0.5 – < 1      | 128Mi – 1Gi      | concurrency 1, CPU only during requests, gen1     |
 * | 1              | 512Mi – 4Gi      |                                                   |
 * | 2              | 512Mi – 8Gi      |                                                   |
 * | 4              | 2Gi – 16Gi       |                                                   |
 * | 6              | 4Gi – 24Gi       |                                                   |
 * | 8              | 4Gi – 32Gi       |                                                   |
 *
 * Whole CPUs run in the second-generation execution environment, whose memory floor is 512Mi.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.MEMORY_RANGE_MIB = exports.MEMORY_ALLOWED = exports.CPU_ALLOWED = exports.WHOLE_CPUS = void 0;
exports.parseCpu = parseCpu;
exports.isFractionalCpu = isFractionalCpu;
exports.parseMemoryMib = parseMemoryMib;
exports.formatMemory = formatMemory;
exports.memoryRangeMib = memoryRangeMib;
exports.validateCpuMemory = validateCpuMemory;
exports.minCpuForMemory = minCpuForMemory;
exports.fitMemoryToCpu = fitMemoryToCpu;
/** Whole-CPU values Cloud Run accepts. */
exports.WHOLE_CPUS = ["1", "2", "4", "6", "8"];
/** What the validators say is allowed, for error messages. */
exports.CPU_ALLOWED = `"1" | "2" | "4" | "6" | "8", or a fraction "0.08"–"0.999"`;
/** Memory format, for error messages. */
exports.MEMORY_ALLOWED = `a whole number of Mi or Gi such as "512Mi" or "2Gi"`;
/** Memory range per whole CPU, in MiB. */
exports.MEMORY_RANGE_MIB = {
    "1": { min: 512, max: 4 * 1024 },
    "2": { min: 512, max: 8 * 1024 },
    "4": { min: 2 * 1024, max: 16 * 1024 },
    "6": { min: 4 * 1024, max: 24 * 1024 },
    "8": { min: 4 * 1024, max: 32 * 1024 },
};
/**
 * Parses a CPU limit; undefined when Cloud Run would refuse it.
 *
 * @example
 * ```ts
 * parseCpu("2"); // 2
 * parseCpu("0.25"); // 0.25
 * parseCpu("3"); // undefined
 * ```
 */
function parseCpu(cpu) {
    if (exports.WHOLE_CPUS.includes(cpu))
        return Number(cpu);
    if (!/^0\.\d{1,3}$/.test(cpu))
        return undefined;
    const n = Number(cpu);
    return n >= 0.08 && n < 1 ? n : undefined;
}
/** True for a fractional (< 1) CPU limit. */
function isFractionalCpu(cpu) {
    const n = parseCpu(cpu);
    return n !== undefined && n < 1;
}
/**
 * Parses a memory limit into MiB; undefined when it is not a whole number of Mi or Gi.
 *
 * @example
 * ```ts
 * parseMemoryMib("2Gi"); // 2048
 * parseMemoryMib("512M"); // undefined (decimal units are not accepted here)
 * ```
 */
function parseMemoryMib(memory) {
    const m = /^([1-9]\d{0,5})(Mi|Gi)$/.exec(memory);
    if (!m)
        return undefined;
    return Number(m[1]) * (m[2] === "Gi" ? 1024 : 1);
}
/** Formats MiB back into the shortest exact unit (`2048` → `2Gi`, `768` → `768Mi`). */
function formatMemory(mib) {
    return mib % 1024 === 0 ? `${mib / 1024}Gi` : `${mib}Mi`;
}
/**
 * The memory range (MiB) Cloud Run allows for a CPU limit; undefined for an invalid CPU.
 *
 * @example
 * ```ts
 * memoryRangeMib("4"); // { min: 2048, max: 16384 }
 * memoryRangeMib("0.25"); // { min: 128, max: 512 }
 * ```
 */
function memoryRangeMib(cpu) {
    const n = parseCpu(cpu);
    if (n === undefined)
        return undefined;
    if (n < 0.5)
        return { min: 128, max: 512 };
    if (n < 1)
        return { min: 128, max: 1024 };
    return { ...exports.MEMORY_RANGE_MIB[cpu] };
}
/**
 * Checks a CPU / memory pair; returns one problem per violation (empty when valid). Messages
 * name the field, the allowed range for that CPU and the value received.
 *
 * @example
 * ```ts
 * validateCpuMemory("4", "1Gi"); // ['memory must be 2Gi–16Gi for cpu "4", got "1Gi"']
 * validateCpuMemory("3", "1Gi"); // ['cpu must be "1" | "2" | … , got "3"']
 * ```
 */
function validateCpuMemory(cpu, memory) {
    const out = [];
    const range = memoryRangeMib(cpu);
    const mib = parseMemoryMib(memory);
    if (range === undefined)
        out.push(`cpu must be ${exports.CPU_ALLOWED}, got ${JSON.stringify(cpu)}`);
    if (mib === undefined)
        out.push(`memory must be ${exports.MEMORY_ALLOWED}, got ${JSON.stringify(memory)}`);
    if (range && mib !== undefined && (mib < range.min || mib > range.max)) {
        out.push(`memory must be ${formatMemory(range.min)}–${formatMemory(range.max)} for cpu ${JSON.stringify(cpu)}, got ${JSON.stringify(memory)}`);
    }
    return out;
}
/**
 * The smallest whole CPU that allows this much memory (Cloud Run: > 4Gi needs 2, > 8Gi needs 4,
 * > 16Gi needs 6, > 24Gi needs 8); undefined above 32Gi.
 *
 * @example
 * ```ts
 * minCpuForMemory(16 * 1024); // "4"
 * ```
 */
function minCpuForMemory(mib) {
    return exports.WHOLE_CPUS.find((c) => exports.MEMORY_RANGE_MIB[c].max >= mib);
}
/**
 * Raises a memory limit to the CPU's floor (used when only the CPU was chosen).
 *
 * @example
 * ```ts
 * fitMemoryToCpu("4", "512Mi"); // "2Gi"
 * ```
 */
function fitMemoryToCpu(cpu, memory) {
    const range = memoryRangeMib(cpu);
    const mib = parseMemoryMib(memory);
    if (!range || mib === undefined)
        return memory;
    return formatMemory(Math.min(Math.max(mib, range.min), range.max));
}
//# sourceMappingURL=resources.js.map