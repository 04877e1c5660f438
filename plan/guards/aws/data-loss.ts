/**
 * The AWS half of the data-loss table (plan/guards/data-loss.ts runs it): which AWS resources hold
 * data, what a replace or delete loses, what AWS keeps afterwards (final snapshot, KMS deletion
 * window, secret recovery window), and the safeguards whose removal warns.
 */
import { read } from "../values";

/**
 * AWS resource types that hold data, and what a destroy loses.
 *
 * @example
 * ```ts
 * AWS_DATA_RESOURCES["aws:rds/cluster:Cluster"]; // "every database in the Aurora cluster …"
 * ```
 */
export const AWS_DATA_RESOURCES = {
  "aws:rds/instance:Instance":
    "every database on the RDS instance, with its point-in-time-recovery window (automated backups are deleted unless deleteAutomatedBackups is false)",
  "aws:rds/cluster:Cluster":
    "every database in the Aurora cluster volume, with its point-in-time-recovery window (automated backups are deleted with it)",
  "aws:elasticache/replicationGroup:ReplicationGroup":
    "every key in the ElastiCache replication group (sessions, queues, cached data); the new group starts empty",
  "aws:elasticache/serverlessCache:ServerlessCache":
    "every key in the serverless cache; the new cache starts empty",
  "aws:elasticache/cluster:Cluster": "every key in the ElastiCache cluster",
  "aws:kms/key:Key":
    "the key is scheduled for deletion; once its window ends, data encrypted with it (RDS storage, snapshots, secrets, logs) is unreadable for good, and signatures can no longer be made or checked",
  "aws:secretsmanager/secret:Secret": "the secret and every version of it (after its recovery window)",
  "aws:s3/bucketV2:BucketV2": "the bucket and every object in it (CloudTrail log files)",
  "aws:s3/bucket:Bucket": "the bucket and every object in it (CloudTrail log files)",
} as const satisfies Record<string, string>;

/**
 * What AWS keeps after the destroy, read from the old inputs, or undefined. The loss still blocks:
 * the live data is gone and the restore is a new resource.
 *
 * @example
 * ```ts
 * awsRetainedAfterDestroy("aws:kms/key:Key", { deletionWindowInDays: 30 }); // "KMS waits 30 days before …"
 * ```
 */
export function awsRetainedAfterDestroy(type: string, inputs: unknown): string | undefined {
  const value = (path: string) => {
    const r = read(inputs, path);
    return r.kind === "set" ? r.value : undefined;
  };
  switch (type) {
    case "aws:rds/instance:Instance":
    case "aws:rds/cluster:Cluster": {
      if (value("skipFinalSnapshot") === true) return undefined;
      const id = value("finalSnapshotIdentifier");
      return typeof id === "string"
        ? `RDS takes a final snapshot "${id}" first, so the data can be restored into a new database`
        : "skipFinalSnapshot is false but finalSnapshotIdentifier is unset: the delete fails until one is set";
    }
    case "aws:elasticache/replicationGroup:ReplicationGroup": {
      const id = value("finalSnapshotIdentifier");
      return typeof id === "string" ? `ElastiCache takes a final snapshot "${id}" first` : undefined;
    }
    case "aws:kms/key:Key": {
      const set = value("deletionWindowInDays");
      const days = typeof set === "number" ? set : 30;
      return `KMS waits ${days} days before deleting the key material: cancel the deletion within that window to recover it`;
    }
    case "aws:secretsmanager/secret:Secret": {
      const set = value("recoveryWindowInDays");
      const days = typeof set === "number" ? set : 30;
      return days === 0 ? undefined : `Secrets Manager keeps it restorable for ${days} days (RestoreSecret)`;
    }
    default:
      return undefined;
  }
}

/**
 * AWS safeguards: removing one warns (never blocks). `off` is the value that turns it off.
 *
 * @example
 * ```ts
 * AWS_SAFEGUARDS.filter((g) => g.type === "aws:rds/cluster:Cluster").map((g) => g.path); // ["deletionProtection", "skipFinalSnapshot"]
 * ```
 */
export const AWS_SAFEGUARDS = [
  { type: "aws:rds/instance:Instance", path: "deletionProtection", defaultOn: false, off: false },
  { type: "aws:rds/instance:Instance", path: "skipFinalSnapshot", defaultOn: true, off: true },
  { type: "aws:rds/cluster:Cluster", path: "deletionProtection", defaultOn: false, off: false },
  { type: "aws:rds/cluster:Cluster", path: "skipFinalSnapshot", defaultOn: true, off: true },
  { type: "aws:secretsmanager/secret:Secret", path: "recoveryWindowInDays", defaultOn: true, off: 0 },
] as const;
