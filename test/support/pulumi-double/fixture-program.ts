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
export class Bucket extends pulumi.CustomResource {
  declare readonly name: pulumi.Output<string>;
  declare readonly size: pulumi.Output<number>;
  declare readonly labels: pulumi.Output<Record<string, string>>;

  constructor(
    name: string,
    args: { name: pulumi.Input<string>; size: pulumi.Input<number>; labels?: Record<string, string> },
    opts?: pulumi.CustomResourceOptions,
  ) {
    super("platform:test:Bucket", name, { ...args, labels: args.labels ?? {} }, opts);
  }
}

/** Component grouping a suffix, a password and a bucket. */
export class Bundle extends pulumi.ComponentResource {
  readonly suffix: random.RandomString;
  readonly password: random.RandomPassword;
  readonly bucket: Bucket;

  constructor(
    name: string,
    args: { size: number; prefix: string; protect: boolean },
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super("platform:test:Bundle", name, {}, opts);
    this.suffix = new random.RandomString(
      `${name}-suffix`,
      { length: 6, special: false, upper: false },
      { parent: this },
    );
    this.password = new random.RandomPassword(`${name}-pw`, { length: 16 }, { parent: this });
    this.bucket = new Bucket(
      `${name}-bucket`,
      {
        name: pulumi.interpolate`${args.prefix}-${this.suffix.result}`,
        size: args.size,
        labels: { env: "dev" },
      },
      { parent: this, protect: args.protect },
    );
    this.registerOutputs({ bucketName: this.bucket.name });
  }
}

/** The program: returns `bucketName`, `size`, `password` (secret) and `suffix`. */
export async function bundleProgram(): Promise<Record<string, unknown>> {
  const cfg = new pulumi.Config();
  const bundle = new Bundle("app", {
    size: cfg.getNumber("size") ?? 1,
    prefix: cfg.get("bucketPrefix") ?? "b",
    protect: cfg.getBoolean("protectBucket") ?? false,
  });
  if (cfg.getBoolean("withExtra")) {
    new Bucket("extra", { name: "extra-bucket", size: 1 }, { dependsOn: [bundle] });
  }
  return {
    bucketName: bundle.bucket.name,
    size: bundle.bucket.size,
    password: bundle.password.result,
    suffix: bundle.suffix.result,
  };
}
