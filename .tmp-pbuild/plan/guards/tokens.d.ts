/**
 * Pulumi type tokens the guards read (checked against node_modules/@pulumi/gcp `__pulumiType`).
 *
 * @example
 * ```ts
 * if (resource.type === GCP.sqlInstance) { ... }
 * ```
 */
export declare const GCP: {
    readonly sqlInstance: "gcp:sql/databaseInstance:DatabaseInstance";
    readonly sqlDatabase: "gcp:sql/database:Database";
    readonly redis: "gcp:redis/instance:Instance";
    readonly keyRing: "gcp:kms/keyRing:KeyRing";
    readonly cryptoKey: "gcp:kms/cryptoKey:CryptoKey";
    readonly cryptoKeyIamMember: "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember";
    readonly cryptoKeyIamBinding: "gcp:kms/cryptoKeyIAMBinding:CryptoKeyIAMBinding";
    readonly cryptoKeyIamPolicy: "gcp:kms/cryptoKeyIAMPolicy:CryptoKeyIAMPolicy";
    readonly keyRingIamMember: "gcp:kms/keyRingIAMMember:KeyRingIAMMember";
    readonly keyRingIamBinding: "gcp:kms/keyRingIAMBinding:KeyRingIAMBinding";
    readonly keyRingIamPolicy: "gcp:kms/keyRingIAMPolicy:KeyRingIAMPolicy";
    readonly runService: "gcp:cloudrunv2/service:Service";
    readonly runServiceIamMember: "gcp:cloudrunv2/serviceIamMember:ServiceIamMember";
    readonly runServiceIamBinding: "gcp:cloudrunv2/serviceIamBinding:ServiceIamBinding";
    readonly runServiceIamPolicy: "gcp:cloudrunv2/serviceIamPolicy:ServiceIamPolicy";
    readonly runV1Service: "gcp:cloudrun/service:Service";
    readonly runV1IamMember: "gcp:cloudrun/iamMember:IamMember";
    readonly runV1IamBinding: "gcp:cloudrun/iamBinding:IamBinding";
    readonly runV1IamPolicy: "gcp:cloudrun/iamPolicy:IamPolicy";
    readonly projectIamMember: "gcp:projects/iAMMember:IAMMember";
    readonly projectIamBinding: "gcp:projects/iAMBinding:IAMBinding";
    readonly projectIamPolicy: "gcp:projects/iAMPolicy:IAMPolicy";
    readonly projectAuditConfig: "gcp:projects/iAMAuditConfig:IAMAuditConfig";
    readonly logMetric: "gcp:logging/metric:Metric";
    readonly alertPolicy: "gcp:monitoring/alertPolicy:AlertPolicy";
    readonly artifactRepository: "gcp:artifactregistry/repository:Repository";
    readonly artifactRepositoryIamMember: "gcp:artifactregistry/repositoryIamMember:RepositoryIamMember";
    readonly artifactRepositoryIamBinding: "gcp:artifactregistry/repositoryIamBinding:RepositoryIamBinding";
    readonly artifactRepositoryIamPolicy: "gcp:artifactregistry/repositoryIamPolicy:RepositoryIamPolicy";
    readonly secret: "gcp:secretmanager/secret:Secret";
    readonly secretVersion: "gcp:secretmanager/secretVersion:SecretVersion";
    readonly bucket: "gcp:storage/bucket:Bucket";
};
/** A type token the guards know. */
export type GcpType = (typeof GCP)[keyof typeof GCP];
/** KMS IAM resources (keys and rings). */
export declare const KMS_IAM_TYPES: readonly ["gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember", "gcp:kms/cryptoKeyIAMBinding:CryptoKeyIAMBinding", "gcp:kms/cryptoKeyIAMPolicy:CryptoKeyIAMPolicy", "gcp:kms/keyRingIAMMember:KeyRingIAMMember", "gcp:kms/keyRingIAMBinding:KeyRingIAMBinding", "gcp:kms/keyRingIAMPolicy:KeyRingIAMPolicy"];
/** Cloud Run invoker IAM resources, v2 and v1. */
export declare const RUN_IAM_TYPES: readonly ["gcp:cloudrunv2/serviceIamMember:ServiceIamMember", "gcp:cloudrunv2/serviceIamBinding:ServiceIamBinding", "gcp:cloudrunv2/serviceIamPolicy:ServiceIamPolicy", "gcp:cloudrun/iamMember:IamMember", "gcp:cloudrun/iamBinding:IamBinding", "gcp:cloudrun/iamPolicy:IamPolicy"];
/** Project-level IAM resources. */
export declare const PROJECT_IAM_TYPES: readonly ["gcp:projects/iAMMember:IAMMember", "gcp:projects/iAMBinding:IAMBinding", "gcp:projects/iAMPolicy:IAMPolicy"];
/** Artifact Registry repository IAM resources. */
export declare const ARTIFACT_IAM_TYPES: readonly ["gcp:artifactregistry/repositoryIamMember:RepositoryIamMember", "gcp:artifactregistry/repositoryIamBinding:RepositoryIamBinding", "gcp:artifactregistry/repositoryIamPolicy:RepositoryIamPolicy"];
