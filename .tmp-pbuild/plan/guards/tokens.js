"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ARTIFACT_IAM_TYPES = exports.PROJECT_IAM_TYPES = exports.RUN_IAM_TYPES = exports.KMS_IAM_TYPES = exports.GCP = void 0;
/**
 * Pulumi type tokens the guards read (checked against node_modules/@pulumi/gcp `__pulumiType`).
 *
 * @example
 * ```ts
 * if (resource.type === GCP.sqlInstance) { ... }
 * ```
 */
exports.GCP = {
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
};
/** KMS IAM resources (keys and rings). */
exports.KMS_IAM_TYPES = [
    exports.GCP.cryptoKeyIamMember,
    exports.GCP.cryptoKeyIamBinding,
    exports.GCP.cryptoKeyIamPolicy,
    exports.GCP.keyRingIamMember,
    exports.GCP.keyRingIamBinding,
    exports.GCP.keyRingIamPolicy,
];
/** Cloud Run invoker IAM resources, v2 and v1. */
exports.RUN_IAM_TYPES = [
    exports.GCP.runServiceIamMember,
    exports.GCP.runServiceIamBinding,
    exports.GCP.runServiceIamPolicy,
    exports.GCP.runV1IamMember,
    exports.GCP.runV1IamBinding,
    exports.GCP.runV1IamPolicy,
];
/** Project-level IAM resources. */
exports.PROJECT_IAM_TYPES = [exports.GCP.projectIamMember, exports.GCP.projectIamBinding, exports.GCP.projectIamPolicy];
/** Artifact Registry repository IAM resources. */
exports.ARTIFACT_IAM_TYPES = [
    exports.GCP.artifactRepositoryIamMember,
    exports.GCP.artifactRepositoryIamBinding,
    exports.GCP.artifactRepositoryIamPolicy,
];
//# sourceMappingURL=tokens.js.map