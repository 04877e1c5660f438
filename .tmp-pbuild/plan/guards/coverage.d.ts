/**
 * Traceability from the security reference (shared/reference/security-and-reliability.md, table
 * §1a, 48 rows) to our rule ids. Where scanners agree, several rows share one rule; where they
 * disagree (CKV_GCP_6 vs AVD-GCP-0015), each reading has its own rule.
 */
/** One row of table §1a: its external ids and the rules that implement it. */
export interface TableRow {
    readonly row: number;
    readonly ids: readonly string[];
    readonly rules: readonly string[];
}
/**
 * The 48 GCP rows of table §1a.
 *
 * @example
 * ```ts
 * TABLE_1A.find((r) => r.ids.includes("CKV_GCP_6"))?.rules; // ["gcp/sql-ssl-client-certificates"]
 * ```
 */
export declare const TABLE_1A: readonly TableRow[];
