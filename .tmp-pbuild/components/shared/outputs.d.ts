import * as pulumi from "@pulumi/pulumi";
/**
 * Returns `value` as an Output that resolves only after every resource in `after` exists, so
 * consumers (e.g. a Cloud SQL instance using a CMEK key) wait for IAM grants to be in place.
 *
 * @example
 * ```ts
 * this.keyId = afterAll(key.id, [binding, agentBinding]);
 * ```
 */
export declare function afterAll<T>(value: pulumi.Input<T>, after: readonly pulumi.Resource[]): pulumi.Output<T>;
