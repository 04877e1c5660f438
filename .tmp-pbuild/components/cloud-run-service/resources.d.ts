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
/** Whole-CPU values Cloud Run accepts. */
export declare const WHOLE_CPUS: readonly ["1", "2", "4", "6", "8"];
/** A whole-CPU value. */
export type WholeCpu = (typeof WHOLE_CPUS)[number];
/** A CPU limit: a whole value or a fraction `0.08`–`0.999` (up to three decimals). */
export type CpuLimit = WholeCpu | `0.${number}`;
/** A memory limit in Kubernetes binary units, e.g. `512Mi` or `2Gi`. */
export type MemoryLimit = `${number}Mi` | `${number}Gi`;
/** What the validators say is allowed, for error messages. */
export declare const CPU_ALLOWED = "\"1\" | \"2\" | \"4\" | \"6\" | \"8\", or a fraction \"0.08\"\u2013\"0.999\"";
/** Memory format, for error messages. */
export declare const MEMORY_ALLOWED = "a whole number of Mi or Gi such as \"512Mi\" or \"2Gi\"";
/** Memory range per whole CPU, in MiB. */
export declare const MEMORY_RANGE_MIB: Readonly<Record<WholeCpu, {
    readonly min: number;
    readonly max: number;
}>>;
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
export declare function parseCpu(cpu: string): number | undefined;
/** True for a fractional (< 1) CPU limit. */
export declare function isFractionalCpu(cpu: string): boolean;
/**
 * Parses a memory limit into MiB; undefined when it is not a whole number of Mi or Gi.
 *
 * @example
 * ```ts
 * parseMemoryMib("2Gi"); // 2048
 * parseMemoryMib("512M"); // undefined (decimal units are not accepted here)
 * ```
 */
export declare function parseMemoryMib(memory: string): number | undefined;
/** Formats MiB back into the shortest exact unit (`2048` → `2Gi`, `768` → `768Mi`). */
export declare function formatMemory(mib: number): MemoryLimit;
/**
 * The memory range (MiB) Cloud Run allows for a CPU limit; undefined for an invalid CPU.
 *
 * @example
 * ```ts
 * memoryRangeMib("4"); // { min: 2048, max: 16384 }
 * memoryRangeMib("0.25"); // { min: 128, max: 512 }
 * ```
 */
export declare function memoryRangeMib(cpu: string): {
    min: number;
    max: number;
} | undefined;
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
export declare function validateCpuMemory(cpu: string, memory: string): string[];
/**
 * The smallest whole CPU that allows this much memory (Cloud Run: > 4Gi needs 2, > 8Gi needs 4,
 * > 16Gi needs 6, > 24Gi needs 8); undefined above 32Gi.
 *
 * @example
 * ```ts
 * minCpuForMemory(16 * 1024); // "4"
 * ```
 */
export declare function minCpuForMemory(mib: number): WholeCpu | undefined;
/**
 * Raises a memory limit to the CPU's floor (used when only the CPU was chosen).
 *
 * @example
 * ```ts
 * fitMemoryToCpu("4", "512Mi"); // "2Gi"
 * ```
 */
export declare function fitMemoryToCpu(cpu: string, memory: string): string;
