/**
 * Data-loss guards over PlanSteps: replacing or deleting a resource that holds data blocks the
 * review until the URN is acknowledged (`--allow-data-loss <urn>`); turning a safeguard off warns.
 */
import { Op, Severity } from "../model";
import {
  ALWAYS_MANDATORY,
  Category,
  Level,
  Scope,
  type GuardContext,
  type GuardStep,
  type RuleHit,
  type StepRule,
} from "./types";
import { matchesUrn, read, showValue } from "./values";
import { AWS_DATA_RESOURCES, AWS_SAFEGUARDS, awsRetainedAfterDestroy } from "./aws/data-loss";
import {
  KUBERNETES_DATA_RESOURCES,
  KUBERNETES_SAFEGUARDS,
  kubernetesRetainedAfterDestroy,
} from "./kubernetes/data-loss";

/**
 * Resource types that hold data, and what a destroy loses.
 *
 * @example
 * ```ts
 * DATA_RESOURCES["gcp:redis/instance:Instance"]; // "every key in the Memorystore instance …"
 * ```
 */
export const DATA_RESOURCES = {
  "gcp:sql/databaseInstance:DatabaseInstance":
    "every database on the Cloud SQL instance, with its point-in-time-recovery logs (and its automated backups unless settings.retainBackupsOnDelete)",
  "gcp:sql/database:Database": "the database and all its tables and rows",
  "gcp:redis/instance:Instance":
    "every key in the Memorystore instance (sessions, queues, cached data); the new instance starts empty",
  "gcp:kms/cryptoKey:CryptoKey":
    "all versions of the key are scheduled for destruction; data encrypted with it (CMEK disks, backups, secrets) becomes unreadable for good",
  "gcp:kms/cryptoKeyVersion:CryptoKeyVersion":
    "the key version is scheduled for destruction; data encrypted with it becomes unreadable",
  "gcp:kms/keyRing:KeyRing":
    "GCP never deletes a key ring: Pulumi forgets it, and a replacement is a new empty ring, so its keys and the data they encrypt are no longer managed",
  "gcp:secretmanager/secret:Secret": "the secret and every version of it",
  "gcp:secretmanager/secretVersion:SecretVersion":
    "the secret version's payload is destroyed; anything pinned to that version fails to read it",
  "gcp:storage/bucket:Bucket": "the bucket and every object in it",
  ...AWS_DATA_RESOURCES,
  ...KUBERNETES_DATA_RESOURCES,
} as const satisfies Record<string, string>;
/**
 * A type token that holds data.
 *
 * @example
 * ```ts
 * const t: DataResourceType = "gcp:storage/bucket:Bucket";
 * ```
 */
export type DataResourceType = keyof typeof DATA_RESOURCES;

/**
 * True for types listed in {@link DATA_RESOURCES}.
 *
 * @example
 * ```ts
 * isDataResource("gcp:storage/bucket:Bucket"); // true
 * ```
 */
export function isDataResource(type: string): type is DataResourceType {
  return Object.hasOwn(DATA_RESOURCES, type);
}

/** Ops that mean the old resource is replaced by a new, empty one. */
const REPLACE_OPS: ReadonlySet<string> = new Set<string>([
  Op.replace,
  Op.createReplacement,
  Op.deleteReplaced,
  Op.discardReplaced,
  Op.importReplacement,
]);

/** `deletionPolicy` values under which the provider does not destroy the data. */
const SPARING_POLICIES = {
  ABANDON: "deletionPolicy ABANDON leaves it in the cloud (Pulumi only forgets it)",
  PREVENT: "deletionPolicy PREVENT makes the provider refuse: the update will fail at apply",
  DISABLE: "deletionPolicy DISABLE only disables the version; its payload is kept",
} as const;

/**
 * The single destructive action per URN: a replacement (any half of it) wins over a delete;
 * `discard` (retainOnDelete) is kept apart because nothing is destroyed.
 */
function destructiveActions(steps: readonly GuardStep[]) {
  const byUrn = new Map<
    string,
    { kind: "replace" | "delete" | "discard"; step: GuardStep; steps: GuardStep[] }
  >();
  for (const step of steps) {
    const kind = REPLACE_OPS.has(step.op)
      ? "replace"
      : step.op === Op.delete
        ? "delete"
        : step.op === Op.discard
          ? "discard"
          : undefined;
    if (!kind) continue;
    const prev = byUrn.get(step.urn);
    if (!prev) byUrn.set(step.urn, { kind, step, steps: [step] });
    else {
      prev.steps.push(step);
      if (kind === "replace" && prev.kind !== "replace") Object.assign(prev, { kind, step });
    }
  }
  return [...byUrn.values()];
}

/** Pulls the first known `deletionPolicy` from the steps of one URN (old state first). */
function deletionPolicy(steps: readonly GuardStep[]): string | undefined {
  for (const s of steps) {
    for (const inputs of [s.oldInputs, s.newInputs]) {
      const r = read(inputs, "deletionPolicy");
      if (r.kind === "set" && typeof r.value === "string") return r.value.toUpperCase();
    }
  }
  return undefined;
}

function quote(urn: string): string {
  return `'${urn.replaceAll("'", "'\\''")}'`;
}

/**
 * `platform/data-loss`: blocking unless acknowledged by URN or prefix glob.
 *
 * @example
 * ```ts
 * DATA_LOSS_RULE.check(steps, { profile: "prod", resources: [], allowDataLoss: [urn] });
 * ```
 */
export const DATA_LOSS_RULE: StepRule = {
  scope: Scope.step,
  id: "platform/data-loss",
  refs: [],
  severity: Severity.critical,
  level: Level.L1,
  category: Category.dataLoss,
  enforcement: ALWAYS_MANDATORY,
  description:
    "Replacing or deleting a resource that holds data (GCP: Cloud SQL instance or database, Memorystore, KMS key or ring, Secret Manager secret or version, storage bucket; AWS: RDS instance, Aurora cluster, ElastiCache, KMS key, Secrets Manager secret, S3 bucket; Kubernetes: CloudNativePG Cluster, PersistentVolumeClaim, StatefulSet) must be acknowledged by URN.",
  remediation:
    "Avoid the replacement (revert the field that forces it, or use an alias/import), or acknowledge it with --allow-data-loss <urn> after taking a backup.",
  appliesTo: Object.keys(DATA_RESOURCES),
  check(steps: readonly GuardStep[], ctx: GuardContext): RuleHit[] {
    const hits: RuleHit[] = [];
    for (const action of destructiveActions(steps)) {
      const { step, kind } = action;
      if (!isDataResource(step.type)) continue;
      const what = DATA_RESOURCES[step.type];
      const label = `${step.type} "${step.name}"`;
      if (kind === "discard") {
        hits.push({
          message: `${label} is removed from the stack but retained in the cloud (retainOnDelete): nothing is destroyed.`,
          urn: step.urn,
          type: step.type,
          severity: Severity.info,
          advisory: true,
        });
        continue;
      }
      const policy = deletionPolicy(action.steps);
      const sparing =
        policy !== undefined ? SPARING_POLICIES[policy as keyof typeof SPARING_POLICIES] : undefined;
      const spared =
        sparing !== undefined &&
        (policy !== "DISABLE" || step.type === "gcp:secretmanager/secretVersion:SecretVersion");
      if (spared && kind === "delete") {
        hits.push({
          message: `${label} is deleted from the stack, but ${sparing}.`,
          urn: step.urn,
          type: step.type,
          severity: Severity.info,
          advisory: true,
        });
        continue;
      }
      const verb = kind === "replace" ? "Replacing" : "Deleting";
      const reasons =
        kind === "replace" && step.replaceReasons.length > 0
          ? ` (replacement forced by: ${step.replaceReasons.join(", ")})`
          : "";
      const protectedNote = step.protect
        ? " The resource is protected: the engine refuses until protect is removed."
        : "";
      const retained =
        awsRetainedAfterDestroy(step.type, step.oldInputs ?? step.newInputs) ??
        kubernetesRetainedAfterDestroy(step.type, step.oldInputs ?? step.newInputs);
      const sparedNote =
        (spared ? ` The old resource is kept (${sparing}), but the new one starts empty.` : "") +
        (retained ? ` ${retained}.` : "");
      if (matchesUrn(step.urn, ctx.allowDataLoss)) {
        hits.push({
          message: `${verb} ${label} loses ${what}${reasons}. Acknowledged with --allow-data-loss.${sparedNote}`,
          urn: step.urn,
          type: step.type,
          advisory: true,
        });
        continue;
      }
      hits.push({
        message:
          `${verb} ${label} loses ${what}${reasons}.${sparedNote}${protectedNote} ` +
          `Avoid it (revert the change that forces it), or take a backup and acknowledge it: --allow-data-loss ${quote(step.urn)}`,
        urn: step.urn,
        type: step.type,
      });
    }
    return hits;
  },
};

/** Fields that keep a data resource from being destroyed, and whether they default to on. */
const SAFEGUARDS: readonly { type: DataResourceType; path: string; defaultOn: boolean; off?: unknown }[] = [
  ...AWS_SAFEGUARDS,
  ...KUBERNETES_SAFEGUARDS,
  { type: "gcp:sql/databaseInstance:DatabaseInstance", path: "deletionProtection", defaultOn: true },
  {
    type: "gcp:sql/databaseInstance:DatabaseInstance",
    path: "settings.deletionProtectionEnabled",
    defaultOn: false,
  },
  { type: "gcp:redis/instance:Instance", path: "deletionProtection", defaultOn: true },
  { type: "gcp:secretmanager/secret:Secret", path: "deletionProtection", defaultOn: false },
];

/**
 * `platform/data-loss-safeguard`: a non-blocking warning when `deletionProtection` is turned off,
 * `deletionPolicy` goes back to DELETE, or `protect` is removed on a resource that holds data.
 *
 * @example
 * ```ts
 * SAFEGUARD_RULE.check([{ ...step, oldInputs: { deletionProtection: true }, newInputs: { deletionProtection: false } }], ctx);
 * ```
 */
export const SAFEGUARD_RULE: StepRule = {
  scope: Scope.step,
  id: "platform/data-loss-safeguard",
  refs: [],
  severity: Severity.medium,
  level: Level.L1,
  category: Category.dataLoss,
  advisoryOnly: true,
  description:
    "Warns when deletion protection, a sparing deletionPolicy or Pulumi protect is removed from a resource that holds data.",
  remediation:
    "Keep the safeguard unless the resource is about to be retired on purpose; turn it back on right after.",
  appliesTo: Object.keys(DATA_RESOURCES),
  check(steps: readonly GuardStep[]): RuleHit[] {
    const hits: RuleHit[] = [];
    for (const step of steps) {
      if (!isDataResource(step.type) || !step.oldInputs || !step.newInputs) continue;
      const label = `${step.type} "${step.name}"`;
      for (const guard of SAFEGUARDS.filter((g) => g.type === step.type)) {
        const now = read(step.newInputs, guard.path);
        const was = read(step.oldInputs, guard.path);
        const off = guard.off ?? false;
        if (now.kind !== "set" || now.value !== off) continue;
        const wasOn = was.kind === "set" ? was.value !== off : was.kind === "absent" && guard.defaultOn;
        if (!wasOn) continue;
        hits.push({
          message: `${label}: ${guard.path} is turned off (${was.kind === "set" ? showValue(was.value) : off === false ? "default true" : "default"} → ${showValue(off)}). The next replace or delete will destroy ${DATA_RESOURCES[step.type]}. ${off === false ? `Keep ${guard.path}: true` : "Keep the safeguard"} unless you are retiring it.`,
          urn: step.urn,
          type: step.type,
        });
      }
      const policyNow = read(step.newInputs, "deletionPolicy");
      const policyWas = read(step.oldInputs, "deletionPolicy");
      if (
        policyNow.kind === "set" &&
        String(policyNow.value).toUpperCase() === "DELETE" &&
        policyWas.kind === "set" &&
        Object.hasOwn(SPARING_POLICIES, String(policyWas.value).toUpperCase())
      ) {
        hits.push({
          message: `${label}: deletionPolicy changes from ${showValue(policyWas.value)} to "DELETE"; a delete will now destroy ${DATA_RESOURCES[step.type]}.`,
          urn: step.urn,
          type: step.type,
        });
      }
      if (step.oldProtect === true && step.protect === false) {
        hits.push({
          message: `${label}: the protect resource option is removed; the engine will no longer refuse to delete it. Keep protect: true unless you are retiring it.`,
          urn: step.urn,
          type: step.type,
        });
      }
    }
    return hits;
  },
};

/**
 * Both data-loss rules.
 *
 * @example
 * ```ts
 * runGuards({ resources, profile: "prod", rules: DATA_LOSS_RULES });
 * ```
 */
export const DATA_LOSS_RULES: readonly StepRule[] = [DATA_LOSS_RULE, SAFEGUARD_RULE];
