import { z } from "zod";
import type { Profile } from "../../components/shared/profiles";
/**
 * `platform:database`: the PostgreSQL instance.
 *
 * @example
 * ```yaml
 * platform:database:
 *   tier: db-custom-2-7680
 *   highAvailability: true
 *   readReplicas: 1
 *   backups: { retainedBackups: 30, location: eu }
 * ```
 */
export declare const databaseSchema: z.ZodObject<{
    version: z.ZodOptional<z.ZodEnum<{
        POSTGRES_15: "POSTGRES_15";
        POSTGRES_16: "POSTGRES_16";
        POSTGRES_17: "POSTGRES_17";
    }>>;
    tier: z.ZodOptional<z.ZodString>;
    highAvailability: z.ZodOptional<z.ZodBoolean>;
    diskSizeGb: z.ZodOptional<z.ZodNumber>;
    readReplicas: z.ZodOptional<z.ZodNumber>;
    deletionProtection: z.ZodOptional<z.ZodBoolean>;
    maintenanceWindow: z.ZodOptional<z.ZodObject<{
        day: z.ZodNumber;
        hour: z.ZodNumber;
    }, z.core.$strict>>;
    backups: z.ZodOptional<z.ZodObject<{
        enabled: z.ZodOptional<z.ZodBoolean>;
        pointInTimeRecovery: z.ZodOptional<z.ZodBoolean>;
        retainedBackups: z.ZodOptional<z.ZodNumber>;
        transactionLogRetentionDays: z.ZodOptional<z.ZodNumber>;
        startTime: z.ZodOptional<z.ZodString>;
        location: z.ZodOptional<z.ZodString>;
    }, z.core.$strict>>;
}, z.core.$strict>;
/** Resolved `platform:database`. */
export interface DatabaseConfig {
    readonly version: "POSTGRES_15" | "POSTGRES_16" | "POSTGRES_17";
    readonly tier: string;
    readonly highAvailability: boolean;
    readonly diskSizeGb: number;
    readonly readReplicas: number;
    readonly deletionProtection: boolean;
    readonly maintenanceWindow: {
        readonly day: number;
        readonly hour: number;
    };
    readonly backups: {
        readonly enabled: boolean;
        readonly pointInTimeRecovery: boolean;
        readonly retainedBackups: number;
        readonly transactionLogRetentionDays: number;
        readonly startTime: string;
        readonly location?: string;
    };
}
/** Applies the profile's defaults. */
export declare function resolveDatabase(raw: z.infer<typeof databaseSchema> | undefined, profile: Profile): DatabaseConfig;
/** Prod invariants: refused values, with the config path. */
export declare function databaseInvariants(c: DatabaseConfig, profile: Profile): {
    path: string;
    message: string;
}[];
