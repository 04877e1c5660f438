import type { Profile } from "./profiles";

/**
 * What every component needs to know about where it runs. Passed explicitly (no ambient globals),
 * so components stay testable and two environments can live in one process.
 *
 * @example
 * ```ts
 * const ctx: PlatformContext = { env: "dev", profile: "dev", app: "shop", project: "acme-dev", region: "europe-west1", labels: {} };
 * ```
 */
export interface PlatformContext {
  /** Environment (stack) name, e.g. `dev`, `staging`, `prod`, `pr-123`. Used in names and the `env` label. */
  readonly env: string;
  /** Profile that sets defaults and invariants. */
  readonly profile: Profile;
  /** Application name (lowercase), used in names and the `app` label. */
  readonly app: string;
  /** GCP project id. */
  readonly project: string;
  /** GCP region, e.g. `europe-west1`. */
  readonly region: string;
  /** Extra labels put on every labelable resource. @default {} */
  readonly labels?: Readonly<Record<string, string>>;
}

/** Clouds a concept can be implemented on (`platform:environment.cloud`). */
export const Cloud = { gcp: "gcp", aws: "aws", kubernetes: "kubernetes" } as const;
/** One of `gcp`, `aws`, `kubernetes`. */
export type Cloud = (typeof Cloud)[keyof typeof Cloud];
/** All clouds, the default first. */
export const CLOUDS = Object.values(Cloud) as readonly Cloud[];

/**
 * What every AWS implementation needs to know about where it runs: the same environment facts as
 * {@link PlatformContext}, with the AWS region and (when the stack pins it) the account id instead
 * of a GCP project.
 *
 * @example
 * ```ts
 * const ctx: AwsContext = { cloud: "aws", env: "aws-dev", profile: "dev", app: "shop", region: "us-east-1", accountId: "123456789012" };
 * ```
 */
export interface AwsContext {
  readonly cloud: "aws";
  /** Environment (stack) name, e.g. `aws-dev`. Used in names and the `env` tag. */
  readonly env: string;
  readonly profile: Profile;
  /** Application name (lowercase), used in names and the `app` tag. */
  readonly app: string;
  /** AWS region, e.g. `us-east-1`. */
  readonly region: string;
  /**
   * The one account the stack may deploy to (from `aws:allowedAccountIds`). Used to scope key and
   * topic policies to this account; undefined = read from the caller identity at deploy time.
   * @default undefined
   */
  readonly accountId?: string;
  /** Extra tags put on every taggable resource. @default {} */
  readonly labels?: Readonly<Record<string, string>>;
}
