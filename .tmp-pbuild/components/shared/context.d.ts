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
