import * as pulumi from "@pulumi/pulumi";
import { type EnvironmentConfig } from "./config";
/** Google APIs the platform needs; enabled by the program so a fresh project deploys in one `up`. */
export declare const REQUIRED_APIS: readonly ["cloudkms.googleapis.com", "compute.googleapis.com", "secretmanager.googleapis.com", "servicenetworking.googleapis.com", "sqladmin.googleapis.com"];
/** Stack outputs of the platform program. No secret values: only names and ids. */
export interface PlatformOutputs {
    readonly profile: string;
    readonly databaseConnectionName: pulumi.Output<string>;
    readonly databasePrivateIp: pulumi.Output<string>;
    readonly databaseUrlSecretId: pulumi.Output<string>;
    readonly databasePasswordSecretId: pulumi.Output<string>;
    readonly databaseReplicas: pulumi.Output<string>[];
    readonly keyRingId: pulumi.Output<string>;
    readonly keyIds: Readonly<Record<string, pulumi.Output<string>>>;
    readonly networkId: pulumi.Output<string>;
}
/**
 * The platform for one environment, composed from its validated config:
 * APIs → network → KMS → Postgres (CMEK, private IP).
 *
 * @example
 * ```ts
 * const outputs = platformProgram(parseEnvironmentConfig("dev", values));
 * ```
 */
export declare function platformProgram(cfg: EnvironmentConfig): PlatformOutputs;
