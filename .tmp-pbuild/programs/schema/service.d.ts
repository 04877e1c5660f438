import { z } from "zod";
import type { Profile } from "../../components/shared/profiles";
/** Placeholder image used until a stack names its own (Google's sample answers 200 on every path). */
export declare const PLACEHOLDER_IMAGE = "us-docker.pkg.dev/cloudrun/container/hello";
/**
 * `platform:service`: the application's Cloud Run service.
 *
 * @example
 * ```yaml
 * platform:service:
 *   image: europe-docker.pkg.dev/acme-shop/app/api:1.4.2
 *   cpu: "2"
 *   memory: 1Gi
 *   minInstances: 1
 *   maxInstances: 20
 *   ingress: internal-and-lb
 *   env: { LOG_LEVEL: info }
 *   secrets: { STRIPE_KEY: stripe-api-key }
 *   canary: { percent: 10, image: europe-docker.pkg.dev/acme-shop/app/api:1.5.0 }
 * ```
 */
export declare const serviceSchema: z.ZodObject<{
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
}, z.core.$strict>;
/** Resolved `platform:service`. */
export interface ServiceConfig {
    readonly image: string;
    readonly cpu: string;
    readonly memory: string;
    readonly minInstances: number;
    readonly maxInstances: number;
    readonly concurrency: number;
    readonly timeoutSeconds: number;
    readonly ingress: "all" | "internal" | "internal-and-lb";
    readonly public: boolean;
    readonly invokers: readonly string[];
    readonly env: Readonly<Record<string, string>>;
    readonly secrets: Readonly<Record<string, string>>;
    readonly healthPath: string;
    readonly readinessPath: string;
    readonly canary?: {
        readonly percent: number;
        readonly image: string;
    };
    readonly allowScaleToZero: boolean;
    readonly deletionProtection: boolean;
}
/** Applies the profile's defaults; a CPU or memory left out is derived from the other. */
export declare function resolveService(raw: z.infer<typeof serviceSchema> | undefined, profile: Profile): ServiceConfig;
/** Prod invariants: refused values, with the config path. */
export declare function serviceInvariants(c: ServiceConfig, profile: Profile): {
    path: string;
    message: string;
}[];
