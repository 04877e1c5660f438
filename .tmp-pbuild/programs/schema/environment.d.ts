import { z } from "zod";
/**
 * `platform:environment`: which profile this stack runs, the application name and extra labels.
 *
 * @example
 * ```yaml
 * platform:environment:
 *   profile: prod
 *   app: shop
 *   labels: { team: payments, cost-center: cc-42 }
 * ```
 */
export declare const environmentSchema: z.ZodObject<{
    profile: z.ZodEnum<{
        dev: "dev";
        staging: "staging";
        prod: "prod";
    }>;
    app: z.ZodString;
    labels: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodString>>;
}, z.core.$strict>;
/** Raw `platform:environment`. */
export type EnvironmentInput = z.infer<typeof environmentSchema>;
