import type { z } from "zod";
import type { Profile } from "../../components/shared/profiles";
/** A config problem found after defaults are applied (profile invariants, cross-section rules). */
export interface ConfigIssue {
    /** Full config path, e.g. `platform:database.highAvailability`. */
    readonly path: string;
    readonly message: string;
}
/** What every resolved section can see when checking cross-section invariants. */
export interface ResolveContext {
    readonly profile: Profile;
    /** Stack / environment name. */
    readonly env: string;
}
/**
 * One `platform:<key>` config object: its strict zod schema (every field optional), how the profile
 * fills in defaults, and the invariants the profile enforces on the resolved value.
 */
export interface ConfigSection<S extends z.ZodType, R> {
    readonly schema: S;
    /** One-line description, shown in Pulumi.yaml and the JSON schema. */
    readonly description: string;
    resolve(raw: z.infer<S> | undefined, ctx: ResolveContext): R;
    invariants?(resolved: R, ctx: ResolveContext, all: Record<string, unknown>): ConfigIssue[];
}
/**
 * Every `platform:*` config key except `platform:environment` (which is parsed first because its
 * profile drives the others' defaults). Adding a key = adding an entry here.
 */
export declare const SECTIONS: {
    readonly kms: ConfigSection<z.ZodObject<{
        protectionLevel: z.ZodOptional<z.ZodEnum<{
            SOFTWARE: "SOFTWARE";
            HSM: "HSM";
        }>>;
        rotationDays: z.ZodOptional<z.ZodNumber>;
        signingKey: z.ZodOptional<z.ZodBoolean>;
        protect: z.ZodOptional<z.ZodBoolean>;
    }, z.core.$strict>, import("./kms").KmsConfig>;
    readonly database: ConfigSection<z.ZodObject<{
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
    }, z.core.$strict>, import("./database").DatabaseConfig>;
    readonly service: ConfigSection<z.ZodObject<{
        image: z.ZodOptional<z.ZodString>;
        cpu: z.ZodOptional<z.ZodPreprocess<z.ZodString, unknown>>;
        memory: z.ZodOptional<z.ZodString>;
        minInstances: z.ZodOptional<z.ZodNumber>;
        maxInstances: z.ZodOptional<z.ZodNumber>;
        concurrency: z.ZodOptional<z.ZodNumber>;
        timeoutSeconds: z.ZodOptional<z.ZodNumber>;
        ingress: z.ZodOptional<z.ZodEnum<{
            all: "all";
            internal: "internal";
            "internal-and-lb": "internal-and-lb";
        }>>;
        public: z.ZodOptional<z.ZodBoolean>;
        invokers: z.ZodOptional<z.ZodArray<z.ZodString>>;
        env: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodString>>;
        secrets: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodString>>;
        healthPath: z.ZodOptional<z.ZodString>;
        readinessPath: z.ZodOptional<z.ZodString>;
        canary: z.ZodOptional<z.ZodObject<{
            percent: z.ZodOptional<z.ZodNumber>;
            image: z.ZodOptional<z.ZodString>;
        }, z.core.$strict>>;
        allowScaleToZero: z.ZodOptional<z.ZodBoolean>;
        deletionProtection: z.ZodOptional<z.ZodBoolean>;
    }, z.core.$strict>, import("./service").ServiceConfig>;
    readonly cache: ConfigSection<z.ZodObject<{
        mode: z.ZodOptional<z.ZodEnum<{
            memory: "memory";
            memorystore: "memorystore";
        }>>;
        tier: z.ZodOptional<z.ZodEnum<{
            BASIC: "BASIC";
            STANDARD_HA: "STANDARD_HA";
        }>>;
        memorySizeGb: z.ZodOptional<z.ZodNumber>;
        version: z.ZodOptional<z.ZodEnum<{
            REDIS_6_X: "REDIS_6_X";
            REDIS_7_0: "REDIS_7_0";
            REDIS_7_2: "REDIS_7_2";
        }>>;
        readReplicas: z.ZodOptional<z.ZodNumber>;
        persistence: z.ZodOptional<z.ZodEnum<{
            none: "none";
            rdb: "rdb";
        }>>;
        protect: z.ZodOptional<z.ZodBoolean>;
    }, z.core.$strict>, import("./cache").CacheConfig>;
    readonly budget: ConfigSection<z.ZodObject<{
        billingAccount: z.ZodOptional<z.ZodString>;
        amount: z.ZodOptional<z.ZodNumber>;
        currency: z.ZodOptional<z.ZodString>;
        thresholds: z.ZodOptional<z.ZodArray<z.ZodNumber>>;
        forecastThresholds: z.ZodOptional<z.ZodArray<z.ZodNumber>>;
        notifyEmails: z.ZodOptional<z.ZodArray<z.ZodString>>;
        pubsubTopic: z.ZodOptional<z.ZodBoolean>;
    }, z.core.$strict>, import("./budget").BudgetConfig>;
    readonly observability: ConfigSection<z.ZodObject<{
        notifyEmails: z.ZodOptional<z.ZodArray<z.ZodString>>;
        latencyP95Ms: z.ZodOptional<z.ZodNumber>;
        availabilityTarget: z.ZodOptional<z.ZodNumber>;
        errorRateThreshold: z.ZodOptional<z.ZodNumber>;
        dashboards: z.ZodOptional<z.ZodBoolean>;
        auditAlerts: z.ZodOptional<z.ZodBoolean>;
    }, z.core.$strict>, import("./observability").ObservabilityConfig>;
};
/** `platform:environment` (parsed first). */
export declare const ENVIRONMENT_SECTION: {
    readonly schema: z.ZodObject<{
        profile: z.ZodEnum<{
            dev: "dev";
            staging: "staging";
            prod: "prod";
        }>;
        app: z.ZodString;
        labels: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodString>>;
    }, z.core.$strict>;
    readonly description: "Profile (dev | staging | prod), application name and extra labels.";
};
/** Resolved sections, keyed like {@link SECTIONS}. */
export type ResolvedSections = {
    readonly [K in keyof typeof SECTIONS]: ReturnType<(typeof SECTIONS)[K]["resolve"]>;
};
