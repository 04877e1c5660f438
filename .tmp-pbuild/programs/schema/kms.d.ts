import { z } from "zod";
import type { Profile } from "../../components/shared/profiles";
/**
 * `platform:kms`: the environment's key ring.
 *
 * @example
 * ```yaml
 * platform:kms:
 *   protectionLevel: HSM
 *   rotationDays: 30
 *   signingKey: true
 * ```
 */
export declare const kmsSchema: z.ZodObject<{
    protectionLevel: z.ZodOptional<z.ZodEnum<{
        SOFTWARE: "SOFTWARE";
        HSM: "HSM";
    }>>;
    rotationDays: z.ZodOptional<z.ZodNumber>;
    signingKey: z.ZodOptional<z.ZodBoolean>;
    protect: z.ZodOptional<z.ZodBoolean>;
}, z.core.$strict>;
/** Resolved `platform:kms`. */
export interface KmsConfig {
    readonly protectionLevel: "SOFTWARE" | "HSM";
    readonly rotationDays: number;
    readonly signingKey: boolean;
    readonly protect: boolean;
}
/** Applies the profile's defaults. */
export declare function resolveKms(raw: z.infer<typeof kmsSchema> | undefined, profile: Profile): KmsConfig;
/** Prod invariants: refused values, with the config path. */
export declare function kmsInvariants(c: KmsConfig, profile: Profile): {
    path: string;
    message: string;
}[];
