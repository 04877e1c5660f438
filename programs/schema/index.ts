import type { z } from "zod";
import type { Cloud } from "../../components/shared/context";
import type { Profile } from "../../components/shared/profiles";
import { databaseInvariants, databaseSchema, resolveDatabase } from "./database";
import { environmentSchema } from "./environment";
import { kmsInvariants, kmsSchema, resolveKms } from "./kms";
import { cacheInvariants, cacheSchema, resolveCache } from "./cache";
import { resolveService, serviceInvariants, serviceSchema } from "./service";
import { budgetInvariants, budgetSchema, resolveBudget } from "./budget";
import { observabilityInvariants, observabilitySchema, resolveObservability } from "./observability";

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
  /** The cloud the stack runs on; the AWS and Kubernetes profile rules live in ./aws.ts and ./kubernetes.ts and run from programs/config.ts. @default "gcp" */
  readonly cloud?: Cloud;
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

function defineSection<S extends z.ZodType, R>(s: ConfigSection<S, R>): ConfigSection<S, R> {
  return s;
}

/**
 * Every `platform:*` config key except `platform:environment` (which is parsed first because its
 * profile drives the others' defaults). Adding a key = adding an entry here.
 */
export const SECTIONS = {
  kms: defineSection({
    schema: kmsSchema,
    description: "The environment's KMS key ring: protection level, rotation, optional signing key.",
    resolve: (raw, ctx) => resolveKms(raw, ctx.profile),
    invariants: (c, ctx) => ((ctx.cloud ?? "gcp") !== "gcp" ? [] : kmsInvariants(c, ctx.profile)),
  }),
  database: defineSection({
    schema: databaseSchema,
    description: "Cloud SQL PostgreSQL: version, tier, HA, disk, replicas, maintenance, backups.",
    resolve: (raw, ctx) => resolveDatabase(raw, ctx.profile),
    invariants: (c, ctx) => ((ctx.cloud ?? "gcp") !== "gcp" ? [] : databaseInvariants(c, ctx.profile)),
  }),
  service: defineSection({
    schema: serviceSchema,
    description:
      "The Cloud Run service: image, CPU/memory, scaling, ingress, invokers, env, secrets, probes, canary.",
    resolve: (raw, ctx) => resolveService(raw, ctx.profile),
    invariants: (c, ctx) => ((ctx.cloud ?? "gcp") !== "gcp" ? [] : serviceInvariants(c, ctx.profile)),
  }),
  cache: defineSection({
    schema: cacheSchema,
    description:
      "Redis: in-process (memory) or Memorystore with tier, size, version, read replicas, persistence.",
    resolve: (raw, ctx) => resolveCache(raw, ctx.profile),
    invariants: (c, ctx) => ((ctx.cloud ?? "gcp") !== "gcp" ? [] : cacheInvariants(c, ctx.profile)),
  }),
  budget: defineSection({
    schema: budgetSchema,
    description: "Monthly billing budget: account, amount, currency, thresholds, email and Pub/Sub targets.",
    resolve: (raw, ctx) => resolveBudget(raw, ctx.profile),
    invariants: (c, ctx) => ((ctx.cloud ?? "gcp") !== "gcp" ? [] : budgetInvariants(c, ctx.profile)),
  }),
  observability: defineSection({
    schema: observabilitySchema,
    description: "Alert recipients, latency/availability/5xx targets, dashboards and CIS audit alerts.",
    resolve: (raw, ctx) => resolveObservability(raw, ctx.profile),
    invariants: (c, ctx) => ((ctx.cloud ?? "gcp") !== "gcp" ? [] : observabilityInvariants(c, ctx.profile)),
  }),
} as const;

/** `platform:environment` (parsed first). */
export const ENVIRONMENT_SECTION = {
  schema: environmentSchema,
  description: "Profile (dev | staging | prod), application name and extra labels.",
} as const;

/** Resolved sections, keyed like {@link SECTIONS}. */
export type ResolvedSections = {
  readonly [K in keyof typeof SECTIONS]: ReturnType<(typeof SECTIONS)[K]["resolve"]>;
};
