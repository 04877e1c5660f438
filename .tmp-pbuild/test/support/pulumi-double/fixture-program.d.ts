/**
 * The inline program the double's tests deploy: a ComponentResource holding two @pulumi/random
 * resources and a custom resource of a made-up type (`platform:test:Bucket`, served by the double's
 * built-in provider: a `name` change replaces it, a `size` change updates it in place).
 *
 * Config: `size` (number, default 1), `bucketPrefix` (default "b"), `protectBucket` (bool),
 * `withExtra` (bool: adds a second bucket, to exercise deletes).
 */
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
/** A custom resource of a type only the double knows. */
export declare class Bucket extends pulumi.CustomResource {
    readonly name: pulumi.Output<string>;
    readonly size: pulumi.Output<number>;
    readonly labels: pulumi.Output<Record<string, string>>;
    constructor(name: string, args: {
        name: pulumi.Input<string>;
        size: pulumi.Input<number>;
        labels?: Record<string, string>;
    }, opts?: pulumi.CustomResourceOptions);
}
/** Component grouping a suffix, a password and a bucket. */
export declare class Bundle extends pulumi.ComponentResource {
    readonly suffix: random.RandomString;
    readonly password: random.RandomPassword;
    readonly bucket: Bucket;
    constructor(name: string, args: {
        size: number;
        prefix: string;
        protect: boolean;
    }, opts?: pulumi.ComponentResourceOptions);
}
/** The program: returns `bucketName`, `size`, `password` (secret) and `suffix`. */
export declare function bundleProgram(): Promise<Record<string, unknown>>;
