/**
 * Pulumi type tokens the guards read (checked against node_modules/@pulumi/gcp `__pulumiType`).
 *
 * @example
 * ```ts
 * if (resource.type === GCP.sqlInstance) { ... }
 * ```
 */
export const GCP = {
  sqlInstance: "gcp:sql/databaseInstance:DatabaseInstance",
  sqlDatabase: "gcp:sql/database:Database",
  redis: "gcp:redis/instance:Instance",
  keyRing: "gcp:kms/keyRing:KeyRing",
  cryptoKey: "gcp:kms/cryptoKey:CryptoKey",
  cryptoKeyIamMember: "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember",
  cryptoKeyIamBinding: "gcp:kms/cryptoKeyIAMBinding:CryptoKeyIAMBinding",
  cryptoKeyIamPolicy: "gcp:kms/cryptoKeyIAMPolicy:CryptoKeyIAMPolicy",
  keyRingIamMember: "gcp:kms/keyRingIAMMember:KeyRingIAMMember",
  keyRingIamBinding: "gcp:kms/keyRingIAMBinding:KeyRingIAMBinding",
  keyRingIamPolicy: "gcp:kms/keyRingIAMPolicy:KeyRingIAMPolicy",
  runService: "gcp:cloudrunv2/service:Service",
  runServiceIamMember: "gcp:cloudrunv2/serviceIamMember:ServiceIamMember",
  runServiceIamBinding: "gcp:cloudrunv2/serviceIamBinding:ServiceIamBinding",
  runServiceIamPolicy: "gcp:cloudrunv2/serviceIamPolicy:ServiceIamPolicy",
  runV1Service: "gcp:cloudrun/service:Service",
  runV1IamMember: "gcp:cloudrun/iamMember:IamMember",
  runV1IamBinding: "gcp:cloudrun/iamBinding:IamBinding",
  runV1IamPolicy: "gcp:cloudrun/iamPolicy:IamPolicy",
  projectIamMember: "gcp:projects/iAMMember:IAMMember",
  projectIamBinding: "gcp:projects/iAMBinding:IAMBinding",
  projectIamPolicy: "gcp:projects/iAMPolicy:IAMPolicy",
  projectAuditConfig: "gcp:projects/iAMAuditConfig:IAMAuditConfig",
  logMetric: "gcp:logging/metric:Metric",
  alertPolicy: "gcp:monitoring/alertPolicy:AlertPolicy",
  artifactRepository: "gcp:artifactregistry/repository:Repository",
  artifactRepositoryIamMember: "gcp:artifactregistry/repositoryIamMember:RepositoryIamMember",
  artifactRepositoryIamBinding: "gcp:artifactregistry/repositoryIamBinding:RepositoryIamBinding",
  artifactRepositoryIamPolicy: "gcp:artifactregistry/repositoryIamPolicy:RepositoryIamPolicy",
  secret: "gcp:secretmanager/secret:Secret",
  secretVersion: "gcp:secretmanager/secretVersion:SecretVersion",
  bucket: "gcp:storage/bucket:Bucket",
  network: "gcp:compute/network:Network",
  subnetwork: "gcp:compute/subnetwork:Subnetwork",
  project: "gcp:organizations/project:Project",
  serviceAccountKey: "gcp:serviceaccount/key:Key",
  pubsubTopic: "gcp:pubsub/topic:Topic",
  pubsubTopicIamMember: "gcp:pubsub/topicIAMMember:TopicIAMMember",
  pubsubTopicIamBinding: "gcp:pubsub/topicIAMBinding:TopicIAMBinding",
  pubsubTopicIamPolicy: "gcp:pubsub/topicIAMPolicy:TopicIAMPolicy",
  projectSink: "gcp:logging/projectSink:ProjectSink",
  folderSink: "gcp:logging/folderSink:FolderSink",
  organizationSink: "gcp:logging/organizationSink:OrganizationSink",
  billingAccountSink: "gcp:logging/billingAccountSink:BillingAccountSink",
} as const;
/** A type token the guards know. */
export type GcpType = (typeof GCP)[keyof typeof GCP];

/**
 * KMS IAM resources (keys and rings).
 *
 * @example
 * ```ts
 * (KMS_IAM_TYPES as readonly string[]).includes(resource.type)
 * ```
 */
export const KMS_IAM_TYPES = [
  GCP.cryptoKeyIamMember,
  GCP.cryptoKeyIamBinding,
  GCP.cryptoKeyIamPolicy,
  GCP.keyRingIamMember,
  GCP.keyRingIamBinding,
  GCP.keyRingIamPolicy,
] as const;

/**
 * Cloud Run invoker IAM resources, v2 and v1.
 *
 * @example
 * ```ts
 * (RUN_IAM_TYPES as readonly string[]).includes(resource.type)
 * ```
 */
export const RUN_IAM_TYPES = [
  GCP.runServiceIamMember,
  GCP.runServiceIamBinding,
  GCP.runServiceIamPolicy,
  GCP.runV1IamMember,
  GCP.runV1IamBinding,
  GCP.runV1IamPolicy,
] as const;

/**
 * Project-level IAM resources.
 *
 * @example
 * ```ts
 * (PROJECT_IAM_TYPES as readonly string[]).includes(resource.type)
 * ```
 */
export const PROJECT_IAM_TYPES = [GCP.projectIamMember, GCP.projectIamBinding, GCP.projectIamPolicy] as const;

/**
 * Artifact Registry repository IAM resources.
 *
 * @example
 * ```ts
 * (ARTIFACT_IAM_TYPES as readonly string[]).includes(resource.type)
 * ```
 */
export const ARTIFACT_IAM_TYPES = [
  GCP.artifactRepositoryIamMember,
  GCP.artifactRepositoryIamBinding,
  GCP.artifactRepositoryIamPolicy,
] as const;

/**
 * Pub/Sub topic IAM resource types (CKV_GCP_99).
 *
 * @example
 * ```ts
 * (PUBSUB_IAM_TYPES as readonly string[]).includes(r.type);
 * ```
 */
export const PUBSUB_IAM_TYPES = [
  GCP.pubsubTopicIamMember,
  GCP.pubsubTopicIamBinding,
  GCP.pubsubTopicIamPolicy,
] as const;

/**
 * Log sink resource types (CKV2_GCP_4).
 *
 * @example
 * ```ts
 * (LOG_SINK_TYPES as readonly string[]).includes(r.type);
 * ```
 */
export const LOG_SINK_TYPES = [
  GCP.projectSink,
  GCP.folderSink,
  GCP.organizationSink,
  GCP.billingAccountSink,
] as const;
