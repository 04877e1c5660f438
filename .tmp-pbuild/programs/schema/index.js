"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ENVIRONMENT_SECTION = exports.SECTIONS = void 0;
const database_1 = require("./database");
const environment_1 = require("./environment");
const kms_1 = require("./kms");
const cache_1 = require("./cache");
const service_1 = require("./service");
const budget_1 = require("./budget");
const observability_1 = require("./observability");
function defineSection(s) {
    return s;
}
/**
 * Every `platform:*` config key except `platform:environment` (which is parsed first because its
 * profile drives the others' defaults). Adding a key = adding an entry here.
 */
exports.SECTIONS = {
    kms: defineSection({
        schema: kms_1.kmsSchema,
        description: "The environment's KMS key ring: protection level, rotation, optional signing key.",
        resolve: (raw, ctx) => (0, kms_1.resolveKms)(raw, ctx.profile),
        invariants: (c, ctx) => (0, kms_1.kmsInvariants)(c, ctx.profile),
    }),
    database: defineSection({
        schema: database_1.databaseSchema,
        description: "Cloud SQL PostgreSQL: version, tier, HA, disk, replicas, maintenance, backups.",
        resolve: (raw, ctx) => (0, database_1.resolveDatabase)(raw, ctx.profile),
        invariants: (c, ctx) => (0, database_1.databaseInvariants)(c, ctx.profile),
    }),
    service: defineSection({
        schema: service_1.serviceSchema,
        description: "The Cloud Run service: image, CPU/memory, scaling, ingress, invokers, env, secrets, probes, canary.",
        resolve: (raw, ctx) => (0, service_1.resolveService)(raw, ctx.profile),
        invariants: (c, ctx) => (0, service_1.serviceInvariants)(c, ctx.profile),
    }),
    cache: defineSection({
        schema: cache_1.cacheSchema,
        description: "Redis: in-process (memory) or Memorystore with tier, size, version, read replicas, persistence.",
        resolve: (raw, ctx) => (0, cache_1.resolveCache)(raw, ctx.profile),
        invariants: (c, ctx) => (0, cache_1.cacheInvariants)(c, ctx.profile),
    }),
    budget: defineSection({
        schema: budget_1.budgetSchema,
        description: "Monthly Cloud Billing budget: billing account, amount, currency, thresholds, email and Pub/Sub targets.",
        resolve: (raw, ctx) => (0, budget_1.resolveBudget)(raw, ctx.profile),
        invariants: (c, ctx) => (0, budget_1.budgetInvariants)(c, ctx.profile),
    }),
    observability: defineSection({
        schema: observability_1.observabilitySchema,
        description: "Alert recipients, latency/availability/error-rate targets, dashboards and CIS audit alerts.",
        resolve: (raw, ctx) => (0, observability_1.resolveObservability)(raw, ctx.profile),
        invariants: (c, ctx) => (0, observability_1.observabilityInvariants)(c, ctx.profile),
    }),
};
/** `platform:environment` (parsed first). */
exports.ENVIRONMENT_SECTION = {
    schema: environment_1.environmentSchema,
    description: "Profile (dev | staging | prod), application name and extra labels.",
};
//# sourceMappingURL=index.js.map